"""The demo: the Khujirt governor's office with its officer and head, an administrator, the
Khujirt 2024 report imported from the seed on an approved plan; then the generated part
(shudarga.demo.generate): aimags, soums, organizations, two years of reports in every state,
reviewers and the reporting calendar.

Running it again changes nothing: every step looks before it writes. The Khujirt part is
one transaction; the generated part has one per organization (``demo.generate``).
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from shudarga.demo import (
    DEMO_ADMIN,
    DEMO_MEMBERS,
    DEMO_ORGANIZATIONS,
    DEMO_SEED,
    DEMO_YEARS,
)
from shudarga.documents.readers import read_path
from shudarga.orgs.models import Membership, Organization
from shudarga.orgs.services import organization_get_or_create_path
from shudarga.plans.models import Plan, Report
from shudarga.plans.planning.approval import plan_approve
from shudarga.plans.reports.storing import report_import_document

SEED = Path(__file__).with_name("khujirt-2024-anticorruption-report.txt")
KHUJIRT_PATH = (
    ("Монгол Улс", Organization.Kind.COUNTRY),
    ("Өвөрхангай аймаг", Organization.Kind.AIMAG),
    ("Хужирт сум", Organization.Kind.SOUM),
    ("Хужирт сумын Засаг даргын Тамгын газар", Organization.Kind.ORGANIZATION),
)


def demo_load(
    *,
    organizations: int = DEMO_ORGANIZATIONS,
    years: tuple[int, ...] = DEMO_YEARS,
    seed: int = DEMO_SEED,
) -> list[str]:
    from shudarga.demo.generate import demo_generate

    lines = _khujirt_load()
    lines.extend(demo_generate(organizations=organizations, years=tuple(years), seed=seed))
    lines.append("demo: open http://127.0.0.1:8000/")
    return lines


@transaction.atomic
def _khujirt_load() -> list[str]:
    """The Khujirt office, its officer and head, the administrator, the imported report."""
    lines: list[str] = []
    office = organization_get_or_create_path(path=[(n, str(k)) for n, k in KHUJIRT_PATH])
    users = get_user_model().objects
    members = {}
    for username, password, role, full_name in DEMO_MEMBERS:
        user = users.filter(username=username).first()
        if user is None:
            user = users.create_user(username=username, password=password, first_name=full_name)
        Membership.objects.get_or_create(user=user, organization=office, defaults={"role": role})
        members[role] = user
        lines.append(f"demo: {role} of {office.name}: {username} / {password}")
    username, password = DEMO_ADMIN
    if not users.filter(username=username).exists():
        users.create_superuser(username=username, email="", password=password)
    lines.append(f"demo: administrator: {username} / {password}")

    document = read_path(SEED)
    report = Report.objects.filter(
        plan__organization=office, plan__year=document.year, period=document.period.value
    ).first()
    if report is None:
        report = report_import_document(
            document=document, organization=office, user=members["officer"]
        )
        lines.append(f"demo: imported the Khujirt 2024 report as #{report.pk}")
    else:
        lines.append(f"demo: the Khujirt 2024 report is already #{report.pk}")
    # The report was written on an approved plan: the head approves it as in real life.
    if report.plan.status == Plan.Status.DRAFT:
        plan_approve(user=members["head"], plan=report.plan)
    return lines
