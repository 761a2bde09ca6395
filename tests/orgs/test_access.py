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


def test_staff_see_no_report_without_a_role(staff, report):
    # is_staff opens the admin; reading drafts and evidence needs an assignment.
    assert list(reports_visible_to(staff)) == []
    assert list(organizations_visible_to(staff)) == []
    assert not user_can_view_report(staff, report)


def test_a_superuser_reads_everything_and_reviews_nothing_without_an_assignment(admin, report):
    from shudarga.access import Action, reports_for

    assert list(reports_visible_to(admin)) == [report]
    assert user_can_view_report(admin, report)
    assert list(reports_for(admin, Action.REVIEW)) == []
    assert list(reports_for(admin, Action.EDIT)) == []


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
