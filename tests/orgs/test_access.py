from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from shudarga.access import (
    organizations_visible_to,
    reports_visible_to,
    user_can_view_report,
)
from shudarga.plans.reports.storing import report_import_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(khujirt, make_document):
    return report_import_document(document=make_document(), organization=khujirt)


def test_outsider_sees_no_reports_and_no_organizations(outsider, report):
    assert list(reports_visible_to(outsider)) == []
    assert list(organizations_visible_to(outsider)) == []
    assert not user_can_view_report(outsider, report)


def test_anonymous_sees_nothing(report):
    anonymous = AnonymousUser()
    assert list(reports_visible_to(anonymous)) == []
    assert list(organizations_visible_to(anonymous)) == []
    assert not user_can_view_report(anonymous, report)


def test_staff_sees_every_report(staff, report):
    assert list(reports_visible_to(staff)) == [report]
    assert organizations_visible_to(staff).count() == 4
    assert user_can_view_report(staff, report)


def test_superuser_sees_every_report(admin, report):
    assert list(reports_visible_to(admin)) == [report]
    assert user_can_view_report(admin, report)


def test_inactive_staff_sees_nothing(staff, report):
    staff.is_active = False
    staff.save()
    assert list(reports_visible_to(staff)) == []
    assert not user_can_view_report(staff, report)


def test_an_anonymous_visitor_is_refused_without_a_query_and_an_outsider_with_two(
    outsider, report, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert not user_can_view_report(AnonymousUser(), report)
    # The nodes the user reviews (none), then the check itself.
    with django_assert_num_queries(2):
        assert not user_can_view_report(outsider, report)
