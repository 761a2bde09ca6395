"""Fixtures of the job tests: Өвөрхангай aimag with two offices' reports for 2025, a third in
Архангай, and ``aimag_reviewer`` (Туяа) who reviews Өвөрхангай.

- ``khujirt`` (the personas' office) and ``arvaikheer`` are under Өвөрхангай;
- ``tsetserleg`` is under Архангай: never in Өвөрхангай's ZIP.
"""

from __future__ import annotations

import pytest

from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.orgs.services import organization_get_or_create_path
from shudarga.plans.reports.filling import report_start
from tests.personas import make_plan, member


def office(aimag: str, soum: str) -> Organization:
    return organization_get_or_create_path(
        path=[
            ("Монгол Улс", Organization.Kind.COUNTRY),
            (aimag, Organization.Kind.AIMAG),
            (soum, Organization.Kind.SOUM),
            (f"{soum} сумын Засаг даргын Тамгын газар", Organization.Kind.ORGANIZATION),
        ]
    )


@pytest.fixture
def aimag(khujirt) -> Organization:
    return Organization.objects.get(name="Өвөрхангай")


@pytest.fixture
def arvaikheer(khujirt) -> Organization:
    return office("Өвөрхангай", "Арвайхээр")


@pytest.fixture
def tsetserleg(khujirt) -> Organization:
    return office("Архангай", "Цэцэрлэг")


def started(django_user_model, organization: Organization, username: str, period: str):
    officer = member(django_user_model, organization, username, username, Membership.Role.OFFICER)
    return report_start(user=officer, plan=make_plan(organization), period=period)


@pytest.fixture
def aimag_reports(django_user_model, report, arvaikheer, tsetserleg):
    """Khujirt's half-year report, Arvaikheer's annual one, and Tsetserleg's (elsewhere)."""
    other = started(django_user_model, arvaikheer, "arvaikheer.officer", "annual")
    far = started(django_user_model, tsetserleg, "tsetserleg.officer", "annual")
    return [report, other, far]


@pytest.fixture
def aimag_reviewer(django_user_model, aimag):
    user = django_user_model.objects.create_user(username="tuyaa", password="pw", first_name="Туяа")
    ReviewerAssignment.objects.create(user=user, node=aimag)
    return user
