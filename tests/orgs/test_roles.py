"""Roles in an organization decide who may view, edit and approve: one rule for every page."""

from __future__ import annotations

import pytest

from shudarga.access import Action, organizations_for, plans_for, reports_for, user_may
from shudarga.orgs.models import Membership, Organization
from shudarga.orgs.services import organization_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_office(db):
    return organization_create(name="Бат-Өлзий сумын ЗДТГ", kind=Organization.Kind.ORGANIZATION)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Membership.Role.VIEWER, {Action.VIEW}),
        (Membership.Role.OFFICER, {Action.VIEW, Action.EDIT}),
        (Membership.Role.HEAD, {Action.VIEW, Action.EDIT, Action.APPROVE}),
    ],
)
def test_each_role_may_take_exactly_its_actions_and_only_in_its_organization(
    django_user_model, khujirt, other_office, role, allowed
):
    user = django_user_model.objects.create_user(username=f"u-{role}", password="x")
    Membership.objects.create(user=user, organization=khujirt, role=role)
    for action in Action:
        assert user_may(user, action, khujirt) is (action in allowed)
        assert user_may(user, action, other_office) is False
        assert list(organizations_for(user, action)) == ([khujirt] if action in allowed else [])


def test_a_national_reviewer_views_and_reviews_but_changes_nothing(national, khujirt):
    assert user_may(national, Action.VIEW, khujirt)
    assert user_may(national, Action.REVIEW, khujirt)
    assert not user_may(national, Action.EDIT, khujirt)
    assert not user_may(national, Action.APPROVE, khujirt)


def test_staff_without_an_assignment_may_do_nothing(staff, khujirt):
    assert not any(user_may(staff, action, khujirt) for action in Action)


def test_an_inactive_member_may_do_nothing(django_user_model, khujirt):
    user = django_user_model.objects.create_user(username="left", password="x", is_active=False)
    Membership.objects.create(user=user, organization=khujirt, role=Membership.Role.HEAD)
    assert not any(user_may(user, action, khujirt) for action in Action)


def test_plan_and_report_querysets_follow_the_same_rule(
    django_user_model, khujirt, other_office, make_document
):
    from shudarga.plans.reports.storing import report_import_document

    mine = report_import_document(document=make_document(), organization=khujirt)
    theirs = report_import_document(document=make_document(), organization=other_office)
    user = django_user_model.objects.create_user(username="officer", password="x")
    Membership.objects.create(user=user, organization=khujirt, role=Membership.Role.OFFICER)
    assert list(reports_for(user, Action.EDIT)) == [mine]
    assert list(plans_for(user)) == [mine.plan]
    assert theirs not in reports_for(user)
