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


def test_the_national_reviewer_sees_every_report_under_the_root(national, report):
    assert list(reports_visible_to(national)) == [report]
    assert organizations_visible_to(national).count() == 4
    assert user_can_view_report(national, report)


@pytest.mark.parametrize("who", ["staff", "admin"])
def test_staff_and_superusers_see_no_report_without_a_role(who, report, request):
    # is_staff / is_superuser open the admin; reading drafts and evidence needs an assignment.
    user = request.getfixturevalue(who)
    assert list(reports_visible_to(user)) == []
    assert list(organizations_visible_to(user)) == []
    assert not user_can_view_report(user, report)


def test_an_inactive_reviewer_sees_nothing(national, report):
    national.is_active = False
    national.save()
    assert list(reports_visible_to(national)) == []
    assert not user_can_view_report(national, report)


def test_an_anonymous_visitor_is_refused_without_a_query_and_an_outsider_with_two(
    outsider, report, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert not user_can_view_report(AnonymousUser(), report)
    # The nodes the user reviews (none), then the check itself.
    with django_assert_num_queries(2):
        assert not user_can_view_report(outsider, report)
