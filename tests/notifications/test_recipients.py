"""``access.reviewers_of`` is ``organizations_for(user, REVIEW)`` read from the other side:
for every organization of a tree and every persona, the two agree (the unit office rule, a
member who is also a reviewer, an inactive reviewer)."""

from __future__ import annotations

import pytest

from shudarga.access import Action, organizations_for, reviewers_of
from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.orgs.services import organization_create

pytestmark = pytest.mark.django_db


def test_reviewers_of_agrees_with_organizations_for(
    django_user_model, khujirt, head, reviewer, far_reviewer, national, outsider, officer
):
    aimag = Organization.objects.get(name="Өвөрхангай")
    office = organization_create(
        name="Өвөрхангай аймгийн Засаг даргын Тамгын газар", kind="organization", parent=aimag
    )
    assert office.is_unit_office
    # A reviewer of the aimag who is also a member of Khujirt's office.
    both = django_user_model.objects.create_user(username="both")
    ReviewerAssignment.objects.create(user=both, node=aimag)
    Membership.objects.create(user=both, organization=khujirt, role="viewer")
    gone = django_user_model.objects.create_user(username="gone", is_active=False)
    ReviewerAssignment.objects.create(user=gone, node=aimag)
    people = [head, reviewer, far_reviewer, national, outsider, officer, both, gone]
    for organization in Organization.objects.all():
        expected = {
            u.username
            for u in people
            if organizations_for(u, Action.REVIEW).filter(pk=organization.pk).exists()
        }
        assert set(reviewers_of(organization).values_list("username", flat=True)) == expected, (
            organization
        )
    assert set(reviewers_of(office).values_list("username", flat=True)) == {"bold"}
    assert set(reviewers_of(khujirt).values_list("username", flat=True)) == {"tuyaa", "bold"}
