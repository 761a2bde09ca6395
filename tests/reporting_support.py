"""Fixtures and helpers of the report-filling tests (plans.reporting, plans.workflow, pages).

Personas of the Khujirt governor's office (``khujirt`` in tests/conftest.py):
- ``officer`` (Оюунчимэг, мэргэжилтэн): fills in reports;
- ``head`` (Батбаяр, Тамгын газрын дарга): also signs them off and submits them;
- ``viewer`` (Сарнай, харагч): reads them.
And ``rival`` (Ганбат), officer of another soum's office: sees nothing of Khujirt.

Import the fixtures a test module needs (tests/web/conftest.py imports them all).
"""

from __future__ import annotations

import io
import os
import zipfile
from decimal import Decimal

import pytest
from django.test import Client

from shudarga.orgs.models import Membership, Organization
from shudarga.plans.models import Measure, Objective, Plan, evidence_storage
from shudarga.plans.reporting import report_start
from shudarga.plans.selectors import scale_default

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56


def office_package(kind: str) -> bytes:
    """A minimal DOCX ("word") or XLSX ("xl") package: a ZIP with the part of its kind."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(f"{kind}/document.xml", "<document/>")
    return buffer.getvalue()


def member(django_user_model, organization: Organization, username: str, name: str, role: str):
    user = django_user_model.objects.create_user(
        username=username, password="not-used", first_name=name
    )
    Membership.objects.create(user=user, organization=organization, role=role)
    return user


def government_scale():
    """The default scale, created again as its migration does when a transactional test
    before this one flushed the database (migration data does not survive a flush)."""
    import importlib

    from django.apps import apps

    from shudarga.plans.models import Scale

    if not Scale.objects.filter(is_default=True).exists():
        migration = importlib.import_module("shudarga.plans.migrations.0002_default_scale")
        migration.create_default_scale(apps, None)
    return scale_default()


def make_plan(
    organization: Organization,
    *,
    objectives: int = 2,
    measures_per_objective: int = 2,
    year: int = 2025,
    status: str = Plan.Status.APPROVED,
) -> Plan:
    """A plan on the government scale (100/70/30/0, ХБ) with numbered measures."""
    plan = Plan.objects.create(
        organization=organization,
        year=year,
        title=f"{organization.name} {year} оны авлигын эсрэг төлөвлөгөө",
        scale=government_scale(),
        status=status,
    )
    for o in range(1, objectives + 1):
        objective = Objective.objects.create(
            plan=plan, number=str(o), title=f"Зорилт {o}", order=o
        )
        Measure.objects.bulk_create(
            Measure(
                objective=objective,
                number=f"{o}.{m}",
                text=f"Арга хэмжээ {o}.{m}",
                indicator="Хэрэгжилтийн хувь",
                target=f"Хүрэх түвшин {o}.{m}",
                planned_budget=Decimal("1000") if m == 1 else None,
                order=m,
            )
            for m in range(1, measures_per_objective + 1)
        )
    return plan


def client_for(user=None, language: str = "en") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def evidence_root(settings, tmp_path, monkeypatch):
    """Evidence files go to a fresh folder: the setting and the storage built from it."""
    root = tmp_path / "evidence"
    settings.EVIDENCE_ROOT = root
    # The storage read the setting when plans.models was imported: point it here too.
    monkeypatch.setitem(evidence_storage.__dict__, "base_location", str(root))
    monkeypatch.setitem(evidence_storage.__dict__, "location", os.path.abspath(root))
    return root


@pytest.fixture
def other_office(db):
    from shudarga.orgs.services import organization_create

    return organization_create(
        name="Бат-Өлзий сумын Засаг даргын Тамгын газар", kind=Organization.Kind.ORGANIZATION
    )


@pytest.fixture
def officer(django_user_model, khujirt):
    return member(django_user_model, khujirt, "oyunchimeg", "Оюунчимэг", Membership.Role.OFFICER)


@pytest.fixture
def head(django_user_model, khujirt):
    return member(django_user_model, khujirt, "batbayar", "Батбаяр", Membership.Role.HEAD)


@pytest.fixture
def viewer(django_user_model, khujirt):
    return member(django_user_model, khujirt, "sarnai", "Сарнай", Membership.Role.VIEWER)


@pytest.fixture
def rival(django_user_model, other_office):
    return member(django_user_model, other_office, "ganbat", "Ганбат", Membership.Role.OFFICER)


@pytest.fixture
def plan(khujirt):
    """An approved plan: objective 1 with measures 1.1, 1.2; objective 2 with 2.1, 2.2."""
    return make_plan(khujirt)


@pytest.fixture
def report(plan, officer):
    """The half-year report of ``plan``, just started by the officer."""
    return report_start(user=officer, plan=plan, period="half_year")


@pytest.fixture
def results(report):
    """The report's results by measure number: {"1.1": MeasureResult, ...}."""
    return {r.measure.number: r for r in report.results.select_related("measure")}


def result_data(result, *, version: int | None = None, spent: str = "", achieved: str = "",
                score: str = "") -> dict[str, str]:
    """The POST data of a measure's form on the report sheet."""
    prefix = f"r{result.pk}"
    return {
        f"{prefix}-version": str(version if version is not None else result.version),
        f"{prefix}-spent": spent,
        f"{prefix}-achieved": achieved,
        f"{prefix}-score": score,
    }


HTMX = {"HTTP_HX_REQUEST": "true"}
