"""Fixtures of the review tests: a submitted Khujirt report and reviewers of two aimags.

- ``reviewer`` (Туяа, Өвөрхангай aimag governor's office): reviews Khujirt;
- ``far_reviewer`` (Мөнх, Архангай aimag): reviews nothing of Khujirt.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from shudarga.orgs.models import Organization, ReviewerAssignment
from shudarga.orgs.services import organization_get_or_create_path
from shudarga.plans.reports.filling import result_update
from shudarga.plans.reports.workflow import report_submit

SELF = {"1.1": Decimal("100"), "1.2": Decimal("70"), "2.1": Decimal("100"), "2.2": None}


def fill(report, user):
    for result in report.results.select_related("measure"):
        score = SELF[result.measure.number]
        result_update(
            user=user,
            result=result,
            expected_version=result.version,
            spent=None,
            achieved="done",
            score=score,
            not_due=score is None,
        )


@pytest.fixture
def reviewer(django_user_model, khujirt):
    user = django_user_model.objects.create_user(username="tuyaa", password="pw", first_name="Туяа")
    aimag = Organization.objects.get(name="Өвөрхангай")
    ReviewerAssignment.objects.create(user=user, node=aimag)
    return user


@pytest.fixture
def far_reviewer(django_user_model, khujirt):
    user = django_user_model.objects.create_user(username="monkh", password="pw")
    organization_get_or_create_path(
        path=[
            ("Монгол Улс", "country"),
            ("Архангай", "aimag"),
            ("Цэцэрлэг", "soum"),
            ("Цэцэрлэг сумын ЗДТГ", "organization"),
        ]
    )
    ReviewerAssignment.objects.create(user=user, node=Organization.objects.get(name="Архангай"))
    return user


@pytest.fixture
def submitted(report, officer, head):
    """The half-year report, filled in (100, 70, 100, ХБ: self total 90) and submitted."""
    fill(report, officer)
    report_submit(user=head, report=report)
    report.refresh_from_db()
    return report


def by_number(report):
    return {r.measure.number: r for r in report.results.select_related("measure")}
