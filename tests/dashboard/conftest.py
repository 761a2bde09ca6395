"""A tree of organizations with plans, reports and summary rows, built quickly in bulk.

Монгол Улс → Өвөрхангай (aimag) → Хужирт (soum) → organizations "Байгууллага 001" …,
and Архангай (aimag) → Цэцэрлэг (soum) → one organization. Personas:
- ``reviewer`` (Гэрэл) reviews Өвөрхангай; ``staff`` (tests/conftest.py) sees everything;
- ``member`` (Тулга) is an officer of one organization and reviews nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.orgs.services import organization_create, organization_get_or_create_path
from shudarga.plans.models import Plan, Report, ReportingCalendar, ReportSummary
from tests.personas import government_scale

ORG = Organization.Kind.ORGANIZATION
YEAR = 2025
DEADLINE = date(2026, 1, 15)


@dataclass
class World:
    country: Organization
    aimag: Organization
    soum: Organization
    other_aimag: Organization
    other_org: Organization
    orgs: list[Organization]


def add_organizations(parent: Organization, count: int, prefix: str = "Байгууллага") -> list:
    """``count`` organizations under ``parent`` in one INSERT (paths built as treebeard does)."""
    start = parent.numchild
    nodes = [
        Organization(
            name=f"{prefix} {i:03d}",
            name_folded=f"{prefix.lower()} {i:03d}",
            kind=ORG,
            depth=parent.depth + 1,
            numchild=0,
            path=Organization._get_path(parent.path, parent.depth + 1, start + i),
        )
        for i in range(1, count + 1)
    ]
    Organization.objects.bulk_create(nodes)
    Organization.objects.filter(pk=parent.pk).update(numchild=start + count)
    parent.numchild = start + count
    return list(Organization.objects.filter(path__in=[n.path for n in nodes]).order_by("path"))


def add_reports(
    orgs,
    *,
    year: int,
    totals,
    status=Report.Status.SUBMITTED,
    period=Report.Period.ANNUAL,
    submitted_at=None,
) -> None:
    """A plan, a report and its summary row for each organization, in bulk."""
    scale = government_scale()
    plans = Plan.objects.bulk_create(
        Plan(organization=o, year=year, scale=scale, status=Plan.Status.APPROVED) for o in orgs
    )
    when = submitted_at or datetime(year + 1, 1, 10, tzinfo=UTC)
    reports = Report.objects.bulk_create(
        Report(plan=p, period=period, status=status, submitted_at=when) for p in plans
    )
    ReportSummary.objects.bulk_create(
        ReportSummary(
            report=r,
            organization_id=p.organization_id,
            plan=p,
            year=year,
            period=period,
            status=status,
            measures=4,
            # Nobody reviewed these: the official figures are the self-assessed ones.
            official_scored=4 if t is not None else 0,
            official_sum=Decimal(0) if t is None else 4 * Decimal(t),
            official_total=None if t is None else Decimal(t),
            self_scored=4 if t is not None else 0,
            self_sum=Decimal(0) if t is None else 4 * Decimal(t),
            self_total=None if t is None else Decimal(t),
            submitted_at=when,
        )
        for r, p, t in zip(reports, plans, totals, strict=True)
    )


def build_world(n: int) -> World:
    country = organization_get_or_create_path(path=[("Монгол Улс", Organization.Kind.COUNTRY)])
    aimag = organization_create(name="Өвөрхангай", kind=Organization.Kind.AIMAG, parent=country)
    soum = organization_create(name="Хужирт", kind=Organization.Kind.SOUM, parent=aimag)
    other_aimag = organization_create(name="Архангай", kind=Organization.Kind.AIMAG, parent=country)
    other_soum = organization_create(
        name="Цэцэрлэг", kind=Organization.Kind.SOUM, parent=other_aimag
    )
    other_org = organization_create(name="Цэцэрлэг ЗДТГ", kind=ORG, parent=other_soum)
    orgs = add_organizations(soum, n)
    ReportingCalendar.objects.create(
        year=YEAR, period=Report.Period.ANNUAL, period_end=date(2025, 12, 31), deadline=DEADLINE
    )
    return World(country, aimag, soum, other_aimag, other_org, orgs)


@pytest.fixture
def world(db) -> World:
    return build_world(5)


@pytest.fixture
def reviewer(django_user_model, world):
    user = django_user_model.objects.create_user(username="gerel", password="not-used")
    ReviewerAssignment.objects.create(user=user, node=world.aimag)
    return user


@pytest.fixture
def member(django_user_model, world):
    user = django_user_model.objects.create_user(username="tulga", password="not-used")
    Membership.objects.create(user=user, organization=world.orgs[0], role="officer")
    return user
