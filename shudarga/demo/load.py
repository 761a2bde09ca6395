"""The demo: a small hierarchy, a demo administrator and the Khujirt 2024 report.

Running it again changes nothing: every step looks before it writes.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from shudarga.demo import DEMO_ADMIN, DEMO_MEMBERS
from shudarga.documents.readers import read_path
from shudarga.orgs.models import Membership, Organization
from shudarga.orgs.services import organization_get_or_create_path
from shudarga.plans.models import Report
from shudarga.plans.services import report_import_document

SEED = Path(__file__).with_name("khujirt-2024-anticorruption-report.txt")
KHUJIRT_PATH = (
    ("Монгол Улс", Organization.Kind.COUNTRY),
    ("Өвөрхангай аймаг", Organization.Kind.AIMAG),
    ("Хужирт сум", Organization.Kind.SOUM),
    ("Хужирт сумын Засаг даргын Тамгын газар", Organization.Kind.ORGANIZATION),
)


@transaction.atomic
def demo_load() -> list[str]:
    lines: list[str] = []
    office = organization_get_or_create_path(path=[(n, str(k)) for n, k in KHUJIRT_PATH])
    document = read_path(SEED)
    exists = Report.objects.filter(
        plan__organization=office, plan__year=document.year, period=document.period.value
    ).first()
    if exists is None:
        report = report_import_document(document=document, organization=office)
        lines.append(f"demo: imported the Khujirt 2024 report as #{report.pk}")
    else:
        lines.append(f"demo: the Khujirt 2024 report is already #{exists.pk}")
    users = get_user_model().objects
    for username, password, role, full_name in DEMO_MEMBERS:
        user = users.filter(username=username).first()
        if user is None:
            user = users.create_user(username=username, password=password, first_name=full_name)
        Membership.objects.get_or_create(user=user, organization=office, defaults={"role": role})
        lines.append(f"demo: {role} of {office.name}: {username} / {password}")
    username, password = DEMO_ADMIN
    if not users.filter(username=username).exists():
        users.create_superuser(username=username, email="", password=password)
    lines.append(f"demo: administrator: {username} / {password}")
    lines.append("demo: open http://127.0.0.1:8000/")
    return lines
