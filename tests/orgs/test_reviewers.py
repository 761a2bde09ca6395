"""A reviewer sees and reviews everything under the node they review, and nothing else."""

from __future__ import annotations

import pytest

from shudarga.access import Action, organizations_for, reports_for, reports_public, user_may
from shudarga.orgs.models import Organization, ReviewerAssignment
from shudarga.orgs.services import organization_get_or_create_path
from shudarga.plans.models import Report
from shudarga.plans.reports.storing import report_import_document

pytestmark = pytest.mark.django_db


def office(aimag: str, soum: str) -> Organization:
    return organization_get_or_create_path(
        path=[
            ("Монгол Улс", "country"),
            (aimag, "aimag"),
            (soum, "soum"),
            (f"{soum} сумын ЗДТГ", "organization"),
        ]
    )


def test_a_reviewer_of_an_aimag_sees_its_soums_and_not_another_aimags(
    django_user_model, make_document
):
    khujirt = office("Өвөрхангай аймаг", "Хужирт")
    bat_ulzii = office("Өвөрхангай аймаг", "Бат-Өлзий")
    tsetserleg = office("Архангай аймаг", "Цэцэрлэг")
    reviewer = django_user_model.objects.create_user(username="reviewer", password="x")
    aimag = Organization.objects.get(name="Өвөрхангай аймаг")
    ReviewerAssignment.objects.create(user=reviewer, node=aimag)
    mine = [
        report_import_document(document=make_document(), organization=o)
        for o in (khujirt, bat_ulzii)
    ]
    theirs = report_import_document(document=make_document(), organization=tsetserleg)
    for action in (Action.VIEW, Action.REVIEW):
        assert set(reports_for(reviewer, action)) == set(mine)
        assert user_may(reviewer, action, khujirt) and not user_may(reviewer, action, tsetserleg)
    assert theirs not in reports_for(reviewer)
    assert not user_may(reviewer, Action.EDIT, khujirt)
    assert not user_may(reviewer, Action.APPROVE, khujirt)
    assert {o.name for o in organizations_for(reviewer)} >= {
        "Хужирт сумын ЗДТГ",
        "Өвөрхангай аймаг",
    }


def test_the_public_reads_only_published_reports(khujirt, make_document):
    report = report_import_document(document=make_document(), organization=khujirt)
    assert list(reports_public()) == []
    Report.objects.filter(pk=report.pk).update(status=Report.Status.PUBLISHED)
    assert list(reports_public()) == []  # published needs a current publication as well
