"""Fixtures and helpers of the plan tests (plans.editing, plans.approval, the plan pages).

Personas of the Khujirt governor's office (``khujirt`` in tests/conftest.py):
- ``officer`` (Оюунчимэг, мэргэжилтэн): writes the plan;
- ``head`` (Батбаяр, Тамгын газрын дарга): also approves and reopens it;
- ``viewer`` (Сарнай, харагч): reads it.
And ``rival`` (Ганбат), officer of another soum's office: sees nothing of Khujirt.

A test module imports the fixtures it needs from here as ``fixture_<name>`` (pytest knows them
by ``<name>``; the prefix keeps a test's argument from shadowing the import). They win over
same-named fixtures of a conftest, so these tests stand on their own.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from simple_history.utils import bulk_create_with_history

from shudarga.orgs.models import Membership, Organization
from shudarga.plans.models import Measure, Objective, Plan
from shudarga.plans.selectors import scale_default


def member(django_user_model, organization: Organization, username: str, name: str, role: str):
    user = django_user_model.objects.create_user(
        username=username, password="not-used", first_name=name
    )
    Membership.objects.create(user=user, organization=organization, role=role)
    return user


def build_plan(
    organization: Organization,
    *,
    objectives: int = 2,
    measures_per_objective: int = 2,
    year: int = 2025,
    status: str = Plan.Status.DRAFT,
) -> Plan:
    """A plan on the default scale, measures numbered "o.m", each row with its first history
    record (as the services write them), by no one."""
    plan = Plan.objects.create(
        organization=organization, year=year, scale=scale_default(), status=status
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


def client_for(user=None, language: str = "en") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    if user is not None:
        client.force_login(user)
    return client


HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(name="other_office")
def fixture_other_office(db):
    from shudarga.orgs.services import organization_create

    return organization_create(
        name="Бат-Өлзий сумын Засаг даргын Тамгын газар", kind=Organization.Kind.ORGANIZATION
    )


@pytest.fixture(name="officer")
def fixture_officer(django_user_model, khujirt):
    return member(django_user_model, khujirt, "oyunchimeg", "Оюунчимэг", Membership.Role.OFFICER)


@pytest.fixture(name="head")
def fixture_head(django_user_model, khujirt):
    return member(django_user_model, khujirt, "batbayar", "Батбаяр", Membership.Role.HEAD)


@pytest.fixture(name="viewer")
def fixture_viewer(django_user_model, khujirt):
    return member(django_user_model, khujirt, "sarnai", "Сарнай", Membership.Role.VIEWER)


@pytest.fixture(name="rival")
def fixture_rival(django_user_model, other_office):
    return member(django_user_model, other_office, "ganbat", "Ганбат", Membership.Role.OFFICER)


@pytest.fixture(name="draft")
def fixture_draft(khujirt):
    """Khujirt's draft plan for 2025: objectives 1 and 2, measures 1.1, 1.2, 2.1, 2.2."""
    return build_plan(khujirt)
