"""Separation of duties (docs/permissions.md): nobody reviews their own organization, a unit's
reviewer does not review the unit's own office, and national review is an assignment.

Each case goes through the real services and pages: what the penetration test of the demo
did (a head who also reviews the aimag reviewed, accepted and published their own report).
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from shudarga.access import Action, organizations_for, user_may
from shudarga.orgs.errors import AssignmentRefusedError
from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.orgs.services import organization_create, reviewer_assign
from shudarga.plans.models import Report
from shudarga.plans.reports.workflow import report_accept, report_return
from shudarga.plans.review.scoring import review_agree, review_score
from tests.personas import client_for, make_plan, member
from tests.review.conftest import by_number, fill

pytestmark = pytest.mark.django_db


@pytest.fixture
def aimag(khujirt):
    return Organization.objects.get(name="Өвөрхангай")


@pytest.fixture
def aimag_office(khujirt, aimag):
    """Өвөрхангай аймгийн Засаг даргын Тамгын газар: the aimag's own office."""
    return organization_create(
        name="Өвөрхангай аймгийн Засаг даргын Тамгын газар",
        kind=Organization.Kind.ORGANIZATION,
        parent=aimag,
    )


@pytest.fixture
def aimag_reviewer(django_user_model, aimag):
    user = django_user_model.objects.create_user(username="tuyaa", password="x")
    ReviewerAssignment.objects.create(user=user, node=aimag)
    return user


def submitted_report(plan, officer, head):
    from shudarga.plans.reports.filling import report_start
    from shudarga.plans.reports.workflow import report_submit

    report = report_start(user=officer, plan=plan, period=Report.Period.HALF_YEAR)
    fill(report, officer)
    report_submit(user=head, report=report)
    report.refresh_from_db()
    return report


def test_a_head_who_also_reviews_the_aimag_cannot_review_their_own_report(
    plan, officer, head, aimag, khujirt
):
    ReviewerAssignment.objects.create(user=head, node=aimag)
    report = submitted_report(plan, officer, head)
    assert user_may(head, Action.VIEW, khujirt)
    assert not user_may(head, Action.REVIEW, khujirt)
    result = by_number(report)["1.1"]
    with pytest.raises(PermissionDenied):
        review_score(user=head, result=result, score=100, not_due=False, comment="")
    with pytest.raises(PermissionDenied):
        review_agree(user=head, report=report)
    with pytest.raises(PermissionDenied):
        report_accept(user=head, report=report)
    with pytest.raises(PermissionDenied):
        report_return(user=head, report=report, reason="өөрийнхөө")
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    # Nor through the pages: the review page and the inbox leave it out.
    client = client_for(head)
    assert client.get(reverse("web:review_report", args=[report.pk])).status_code in (403, 404)
    assert reverse("web:review_report", args=[report.pk]) not in (
        client.get(reverse("web:review_inbox")).content.decode()
    )


@pytest.mark.parametrize("role", Membership.Role.values)
def test_no_role_of_an_organization_reviews_it(role, django_user_model, khujirt, aimag):
    user = member(django_user_model, khujirt, f"m-{role}", "Гишүүн", role)
    ReviewerAssignment.objects.create(user=user, node=aimag)
    assert khujirt not in organizations_for(user, Action.REVIEW)
    # The other organizations under the aimag stay theirs to review.
    other = organization_create(name="Бат-Өлзий сум", kind="soum", parent=aimag)
    assert other in organizations_for(user, Action.REVIEW)


def test_an_aimags_reviewer_does_not_review_the_aimags_own_office(
    aimag_reviewer, aimag_office, khujirt
):
    assert aimag_office.is_unit_office
    assert user_may(aimag_reviewer, Action.VIEW, aimag_office)
    assert not user_may(aimag_reviewer, Action.REVIEW, aimag_office)
    # A soum's office is the soum's, not the aimag's: the aimag reviews it.
    assert khujirt.is_unit_office
    assert user_may(aimag_reviewer, Action.REVIEW, khujirt)


def test_the_office_is_reviewed_once_someone_above_assigns_a_reviewer_to_it(
    django_user_model, national, aimag_reviewer, aimag_office
):
    assert user_may(national, Action.REVIEW, aimag_office)
    other = django_user_model.objects.create_user(username="enkh", password="x")
    assignment = reviewer_assign(by=national, user=other, node=aimag_office)
    assert assignment.assigned_by == national and assignment.assigned_at is not None
    assert user_may(other, Action.REVIEW, aimag_office)
    # The aimag's own reviewer may not widen their scope to it, nor assign it to a colleague.
    with pytest.raises(AssignmentRefusedError, match="above"):
        reviewer_assign(by=aimag_reviewer, user=aimag_reviewer, node=aimag_office)
    with pytest.raises(AssignmentRefusedError, match="above"):
        reviewer_assign(
            by=aimag_reviewer, user=other, node=Organization.objects.get_parent(aimag_office)
        )
    assert not user_may(aimag_reviewer, Action.REVIEW, aimag_office)


def test_a_member_is_not_made_a_reviewer_of_their_organization(admin, head, khujirt):
    with pytest.raises(AssignmentRefusedError, match="cannot review"):
        reviewer_assign(by=admin, user=head, node=khujirt)
    assert not ReviewerAssignment.objects.filter(user=head).exists()


def test_is_staff_alone_reads_no_draft_and_reviews_nothing(staff, report, results):
    client = client_for(staff)
    assert client.get(reverse("web:report", args=[report.pk])).status_code == 404
    assert client.get(reverse("web:review_inbox")).status_code in (403, 404)
    assert client.get(reverse("web:dashboard")).status_code in (403, 404)


def test_national_review_is_an_assignment_on_the_root(national, plan, officer, head):
    report = submitted_report(plan, officer, head)
    review_agree(user=national, report=report)
    report_accept(user=national, report=report)
    report.refresh_from_db()
    assert report.status == Report.Status.ACCEPTED


def test_the_admin_refuses_an_assignment_that_breaks_the_rules(admin, head, khujirt):
    response = client_for(admin).post(
        reverse("admin:orgs_reviewerassignment_add"), {"user": head.pk, "node": khujirt.pk}
    )
    assert response.status_code == 200
    assert "cannot review" in response.content.decode()
    assert not ReviewerAssignment.objects.exists()


def test_the_admin_records_who_assigned_a_reviewer(admin, outsider, khujirt):
    response = client_for(admin).post(
        reverse("admin:orgs_reviewerassignment_add"), {"user": outsider.pk, "node": khujirt.pk}
    )
    assert response.status_code == 302
    assignment = ReviewerAssignment.objects.get()
    assert assignment.assigned_by == admin and assignment.assigned_at is not None


def test_a_governors_office_right_under_its_unit_is_marked_as_its_office(khujirt):
    root = Organization.objects.get_root(khujirt)
    assert not root.is_unit_office
    named = organization_create(name="Хужирт сумын ЗДТГ-ын нэмэлт", kind="organization",
                                parent=Organization.objects.get_parent(khujirt))  # fmt: skip
    assert named.is_unit_office
    school = organization_create(name="Хужирт сумын сургууль", kind="organization",
                                 parent=Organization.objects.get_parent(khujirt))  # fmt: skip
    assert not school.is_unit_office
    assert make_plan(school).organization == school
