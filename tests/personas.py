"""Every persona of the tests, and the plans and reports they work on: one module.

Registered for the whole suite by tests/conftest.py (``pytest_plugins``), so a test names the
fixtures it needs as arguments and imports nothing but helpers from here.

People:
- ``admin`` (Ариунаа, superuser): keeps organizations, users and scales;
- ``national`` (Болд, of the Independent Authority Against Corruption): reviews the country,
  by a reviewer assignment on its root (``Монгол Улс``);
- ``staff`` (Дулмаа, ``is_staff`` for the admin, no assignment): sees no report;
- ``outsider`` (Дорж, a signed-in user with no role anywhere): sees nothing;
- of the Khujirt governor's office (``khujirt``): ``officer`` (Оюунчимэг, мэргэжилтэн) writes
  plans and fills in reports; ``head`` (Батбаяр, Тамгын газрын дарга) also approves plans and
  signs reports off; ``viewer`` (Сарнай, харагч) reads them;
- ``rival`` (Ганбат), officer of another soum's office (``other_office``): sees nothing of
  Khujirt.
What they work on: ``draft`` (a draft plan, as the plan services write it), ``plan`` (an
approved plan), ``report`` (its half-year report, just started) and its ``results``.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest
from django.test import Client
from simple_history.utils import bulk_create_with_history

from shudarga.orgs.models import Membership, Organization
from shudarga.plans.models import Measure, Objective, Plan
from shudarga.plans.reports.documents import scale_default
from shudarga.plans.reports.filling import report_start

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56
HTMX = {"HTTP_HX_REQUEST": "true"}


# --- people -------------------------------------------------------------------------------


def member(django_user_model, organization: Organization, username: str, name: str, role: str):
    user = django_user_model.objects.create_user(
        username=username, password="not-used", first_name=name
    )
    Membership.objects.create(user=user, organization=organization, role=role)
    return user


def client_for(user=None, language: str = "en") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def admin(django_user_model):
    return django_user_model.objects.create_superuser(
        username="ariunaa", email="ariunaa@example.mn", password="not-used"
    )


@pytest.fixture
def national(django_user_model, db):
    """Reviews "Монгол Улс" and everything under it (the root every tree of the tests shares)."""
    from shudarga.orgs.models import ReviewerAssignment
    from shudarga.orgs.services import organization_get_or_create_path

    user = django_user_model.objects.create_user(
        username="bold", email="bold@iaac.example.mn", password="not-used", is_staff=True
    )
    root = organization_get_or_create_path(path=[("Монгол Улс", Organization.Kind.COUNTRY)])
    ReviewerAssignment.objects.create(user=user, node=root)
    return user


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        username="dulmaa", email="dulmaa@example.mn", password="not-used", is_staff=True
    )


@pytest.fixture
def outsider(django_user_model):
    return django_user_model.objects.create_user(
        username="dorj", email="dorj@example.mn", password="not-used"
    )


@pytest.fixture
def khujirt(db):
    """Хужирт сумын Засаг даргын Тамгын газар under Өвөрхангай аймаг, Хужирт сум."""
    from shudarga.orgs.services import organization_get_or_create_path

    return organization_get_or_create_path(
        path=[
            ("Монгол Улс", Organization.Kind.COUNTRY),
            ("Өвөрхангай", Organization.Kind.AIMAG),
            ("Хужирт", Organization.Kind.SOUM),
            ("Хужирт сумын Засаг даргын Тамгын газар", Organization.Kind.ORGANIZATION),
        ]
    )


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


# --- plans and reports --------------------------------------------------------------------


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


def build_plan(
    organization: Organization,
    *,
    objectives: int = 2,
    measures_per_objective: int = 2,
    year: int = 2025,
    status: str = Plan.Status.DRAFT,
) -> Plan:
    """A plan on the default scale, measures numbered "o.m", each row with its first history
    record (as the plan services write them), by no one."""
    plan = Plan.objects.create(
        organization=organization, year=year, scale=government_scale(), status=status
    )
    objective_rows = bulk_create_with_history(
        [
            Objective(plan=plan, number=str(o), title=f"Зорилт {o}", order=o - 1)
            for o in range(1, objectives + 1)
        ],
        Objective,
    )
    if not all(o.pk for o in objective_rows):
        objective_rows = list(plan.objectives.order_by("order"))
    measures = [
        Measure(
            objective=objective,
            number=f"{o}.{m}",
            text=f"Арга хэмжээ {o}.{m}",
            indicator="Хэрэгжилтийн хувь",
            target=f"Хүрэх түвшин {o}.{m}",
            planned_budget=Decimal("1000") if m == 1 else None,
            responsible_unit="Тамгын газар",
            deadline="1 дүгээр улирал",
            order=m - 1,
        )
        for o, objective in enumerate(objective_rows, 1)
        for m in range(1, measures_per_objective + 1)
    ]
    bulk_create_with_history(measures, Measure)
    return plan


def make_plan(
    organization: Organization,
    *,
    objectives: int = 2,
    measures_per_objective: int = 2,
    year: int = 2025,
    status: str = Plan.Status.APPROVED,
) -> Plan:
    """A plan on the government scale (100/70/30/0, ХБ) with numbered measures, approved."""
    plan = Plan.objects.create(
        organization=organization,
        year=year,
        title=f"{organization.name} {year} оны авлигын эсрэг төлөвлөгөө",
        scale=government_scale(),
        status=status,
    )
    for o in range(1, objectives + 1):
        objective = Objective.objects.create(plan=plan, number=str(o), title=f"Зорилт {o}", order=o)
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


def numbers(plan: Plan) -> list[str]:
    """The plan's numbers in order, objectives and their measures: ["1", "1.1", "1.2", "2", …]."""
    shown = []
    for objective in plan.objectives.order_by("order", "pk"):
        shown.append(objective.number)
        shown += [m.number for m in objective.measures.order_by("order", "pk")]
    return shown


def texts(plan: Plan) -> list[str]:
    return list(
        Measure.objects.filter(objective__plan=plan)
        .order_by("objective__order", "order")
        .values_list("text", flat=True)
    )


def result_data(
    result, *, version: int | None = None, spent: str = "", achieved: str = "", score: str = ""
) -> dict[str, str]:
    """The POST data of a measure's form on the report sheet."""
    prefix = f"r{result.pk}"
    return {
        f"{prefix}-version": str(version if version is not None else result.version),
        f"{prefix}-spent": spent,
        f"{prefix}-achieved": achieved,
        f"{prefix}-score": score,
    }


def office_package(kind: str) -> bytes:
    """A minimal DOCX ("word") or XLSX ("xl") package: a ZIP with the part of its kind."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(f"{kind}/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.fixture
def draft(khujirt):
    """Khujirt's draft plan for 2025: objectives 1 and 2, measures 1.1, 1.2, 2.1, 2.2."""
    return build_plan(khujirt)


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


def _folder_storage(settings, alias: str, root) -> None:
    """STORAGES[alias] becomes a folder storage at ``root`` (the storages are built anew)."""
    options = {**settings.STORAGES[alias].get("OPTIONS", {}), "location": root}
    settings.STORAGES = {
        **settings.STORAGES,
        alias: {**settings.STORAGES[alias], "OPTIONS": options},
    }


@pytest.fixture
def evidence_root(settings, tmp_path):
    """Evidence files go to a fresh folder: the setting and the "evidence" storage."""
    root = tmp_path / "evidence"
    settings.EVIDENCE_ROOT = root
    _folder_storage(settings, "evidence", root)
    return root


@pytest.fixture
def generated_root(settings, tmp_path):
    """Files written from publications go to a fresh folder (the "generated" storage)."""
    root = tmp_path / "generated"
    _folder_storage(settings, "generated", root)
    return root
