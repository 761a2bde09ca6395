"""Shared fixtures: documents built in code, the fast password hasher, outside tools.

The personas (people, plans, reports) are tests/personas.py, registered here for every test.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from shudarga.documents.model import (
    MeasureEntry,
    ObjectiveEntry,
    Period,
    ReportDocument,
    ReportWarning,
)

SCORES = (Decimal("100"), Decimal("70"), Decimal("30"), Decimal("0"))

MakeDocument = Callable[..., ReportDocument]

pytest_plugins = ["tests.personas"]


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hasher(django_test_environment) -> None:
    """Django's documented speed-up for tests: a cheap hasher instead of PBKDF2's 1,000,000
    rounds (every persona's password is hashed at set-up)."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def build_document(
    *,
    objectives: int = 2,
    measures_per_objective: int = 3,
    year: int | None = 2024,
    period: Period = Period.ANNUAL,
    organization: str = "Хужирт сумын Засаг даргын Тамгын газар",
    stated_total: Decimal | None = Decimal("91"),
) -> ReportDocument:
    """A report with numbered objectives and measures; scores cycle through 100/70/30/0.

    Every fifth measure is "not yet due" (ХБ) and the last one has no score at all.
    """
    entries = []
    for o in range(1, objectives + 1):
        measures = []
        for m in range(1, measures_per_objective + 1):
            n = (o - 1) * measures_per_objective + m
            not_due = n % 5 == 0
            measures.append(
                MeasureEntry(
                    number=f"{o}.{m}",
                    text=f"{o}.{m}. Авлигаас урьдчилан сэргийлэх арга хэмжээ №{n}",
                    spent=None if n % 2 else Decimal("1250.5") + n,
                    indicator="Хэрэгжилтийн хувь",
                    target="100 хувь",
                    achieved="" if not_due else f"Хэрэгжүүлэв, {n} иргэнд хүрсэн",
                    score=None if not_due else SCORES[n % len(SCORES)],
                    not_due=not_due,
                    rating=None if n % 3 else "Үр дүнтэй",
                    planned_budget=Decimal("2000") if n == 1 else None,
                    responsible_unit="Тамгын газрын дарга",
                    deadline="1 дүгээр улирал" if n % 2 else "Тухай бүр",
                )
            )
        entries.append(ObjectiveEntry(number=str(o), title=f"Зорилт {o}.", measures=measures))
    if entries and entries[-1].measures:
        entries[-1].measures[-1].score = None
        entries[-1].measures[-1].not_due = False
    return ReportDocument(
        title=f"{organization} {year} оны авлигын эсрэг төлөвлөгөөний биелэлт",
        organization=organization,
        year=year,
        period=period,
        stated_total=stated_total,
        objectives=entries,
        warnings=[
            ReportWarning(
                code="rating_unscored",
                measure="1.1",
                message="1.1: үнэлгээ бичигдээгүй",
                params={"measure": "1.1"},
            )
        ],
        source="khujirt-2024.txt",
    )


@pytest.fixture
def make_document() -> MakeDocument:
    return build_document


@pytest.fixture(autouse=True)
def _migration_data(request, django_db_blocker):
    """The default scale its data migration writes, there for every test that uses the
    database: a transactional test empties every table when it ends, and xdist may run a
    file of those before another file on the same worker (one query when it is there)."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None and not {"db", "transactional_db", "live_server"} & set(request.fixturenames):
        return
    from tests.personas import government_scale

    with django_db_blocker.unblock():
        government_scale()


def require_tool(name: str) -> str:
    """The path of an outside program a test needs: skipped on a developer's machine without
    it, a failure in CI (CI=true), where .ci/run installs it."""
    import os
    import shutil

    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is required in CI (.ci/run installs it)")
        pytest.skip(f"{name} is not installed")
    return path
