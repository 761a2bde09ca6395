"""Fixtures of the portal tests: Khujirt (Өвөрхангай) publishes its 2025 annual report;
Мөрөн (Хөвсгөл) publishes one too; Khujirt also has reports in every unpublished state."""

from __future__ import annotations

import pytest

from shudarga.orgs.models import Organization
from shudarga.orgs.services import organization_get_or_create_path
from shudarga.plans.models import Report
from tests.personas import make_plan
from tests.portal.support import publication_make, report_with_results

UNPUBLISHED = (
    (2025, "half_year", Report.Status.SUBMITTED),
    (2024, "annual", Report.Status.DRAFT),
    (2024, "half_year", Report.Status.RETURNED),
    (2023, "annual", Report.Status.ACCEPTED),
)


@pytest.fixture
def publisher(django_user_model):
    return django_user_model.objects.create_user(username="publisher", password="not-used")


@pytest.fixture
def published(khujirt, publisher):
    """Khujirt's 2025 annual report, reviewed on 1.2 (70 → 30), published as version 1."""
    report = report_with_results(
        make_plan(khujirt, year=2025), reviewer={"1.2": "30"}, achieved="Нийтэлсэн ажил"
    )
    publication_make(report, by=publisher)
    return report


@pytest.fixture
def moron(db):
    return organization_get_or_create_path(
        path=[
            ("Монгол Улс", Organization.Kind.COUNTRY),
            ("Хөвсгөл", Organization.Kind.AIMAG),
            ("Мөрөн", Organization.Kind.SOUM),
            ("Мөрөн сумын Засаг даргын Тамгын газар", Organization.Kind.ORGANIZATION),
        ]
    )


@pytest.fixture
def moron_published(moron, publisher):
    report = report_with_results(
        make_plan(moron, year=2025), scores={"1.1": "100", "1.2": "100", "2.1": "70"}
    )
    publication_make(report, by=publisher)
    return report


@pytest.fixture
def unpublished(published):
    """Khujirt's reports in every state before publication, each marked НУУЦ-<state>."""
    reports, plans = [], {2025: published.plan}
    for year, period, status in UNPUBLISHED:
        if year not in plans:
            plans[year] = make_plan(published.plan.organization, year=year)
        plan = plans[year]
        reports.append(
            report_with_results(plan, period=period, status=status, achieved=f"НУУЦ-{status}")
        )
    return reports
