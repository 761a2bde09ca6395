"""The country's integrity check (plans.analytics.country_checks): stored flags and
signatures, recomputed only when a report's inputs change, copies found across aimags."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from shudarga.orgs.services import organization_get_or_create_path
from shudarga.plans.analytics.country_checks import checks_store
from shudarga.plans.analytics.tasks import country_checks_enqueue, country_checks_run
from shudarga.plans.models import (
    Measure,
    MeasureResult,
    NarrativeSignature,
    Objective,
    Plan,
    Report,
    ReportCheck,
)
from tests.personas import government_scale

pytestmark = pytest.mark.django_db

TEXT = (
    "Авлигын эсрэг хуулийн хэрэгжилтийн талаар сумын нийт албан хаагчдад сургалт зохион "
    "байгуулж, 2315 иргэнд гарын авлага тарааж, 412 иргэнээс санал авч, 8 удаа уулзалт хийсэн."
)
OTHER = (
    "Байгууллагын цахим хуудсанд худалдан авах ажиллагааны төлөвлөгөө, гүйцэтгэлийг сар бүр "
    "байршуулж, иргэдийн санал хүсэлтийг хүлээн авах утас, цахим шуудангийн хаягийг нийтэлсэн."
)


def report_of(aimag: str, org: str, year: int, achieved: str) -> Report:
    organization = organization_get_or_create_path(
        path=[("Монгол Улс", "country"), (aimag, "aimag"), (org, "organization")]
    )
    plan = Plan.objects.create(organization=organization, year=year, scale=government_scale())
    objective = Objective.objects.create(plan=plan, number="1", title="Зорилт")
    measure = Measure.objects.create(
        objective=objective, number="1.1", target="Тухай бүр", indicator="Сургалтын тоо"
    )
    report = Report.objects.create(plan=plan, period=Report.Period.ANNUAL)
    MeasureResult.objects.create(
        report=report, measure=measure, achieved=achieved, score=Decimal(100)
    )
    return report


def copy_flags(report: Report) -> list[dict]:
    stored = ReportCheck.objects.get(report=report)
    return [f for m in stored.measures for f in m["flags"] if f["code"] == "narrative_copied"]


def test_a_copy_in_another_aimag_is_found_and_stored():
    mine = report_of("Өвөрхангай", "Хужирт сумын ЗДТГ", 2024, TEXT)
    theirs = report_of("Архангай", "Цэцэрлэг сумын ЗДТГ", 2024, TEXT)
    unlike = report_of("Дорнод", "Хэрлэн сумын ЗДТГ", 2024, OTHER)
    run = checks_store()
    assert run.recomputed == 3 and 2024 in run.years
    assert NarrativeSignature.objects.count() == 3
    assert len(bytes(NarrativeSignature.objects.first().signature)) == 1024
    (flag,) = copy_flags(mine)
    assert flag["variant"] == "other_org" and flag["params"]["report"] == str(theirs.pk)
    assert flag["params"]["similarity"] == "100"
    assert copy_flags(unlike) == []
    stored = ReportCheck.objects.get(report=mine)
    # target_vague and narrative_copied, on the one measure
    assert stored.counts == {"target_vague": 1, "narrative_copied": 1}
    assert stored.flagged_measures == 1


def test_last_years_text_of_the_same_organization_is_named_first():
    last = report_of("Өвөрхангай", "Хужирт сумын ЗДТГ", 2023, TEXT)
    organization = last.plan.organization
    plan = Plan.objects.create(organization=organization, year=2024, scale=government_scale())
    objective = Objective.objects.create(plan=plan, number="1", title="Зорилт")
    measure = Measure.objects.create(objective=objective, number="1.1", target="Тухай бүр")
    mine = Report.objects.create(plan=plan, period=Report.Period.ANNUAL)
    MeasureResult.objects.create(report=mine, measure=measure, achieved=TEXT)
    checks_store()
    (flag,) = copy_flags(mine)
    assert flag["variant"] == "last_year" and flag["params"]["year"] == "2023"


def test_only_a_changed_report_is_recomputed_and_a_second_run_does_nothing():
    mine = report_of("Өвөрхангай", "Хужирт сумын ЗДТГ", 2024, TEXT)
    theirs = report_of("Архангай", "Цэцэрлэг сумын ЗДТГ", 2024, OTHER)
    checks_store()
    assert copy_flags(mine) == []
    before = ReportCheck.objects.get(report=mine).checked_at
    again = checks_store()
    assert (again.recomputed, again.years) == (0, set())  # idempotent: nothing changed
    MeasureResult.objects.filter(report=theirs).update(achieved=TEXT)
    changed = checks_store()
    assert changed.recomputed == 1 and changed.years == {2024, 2025}
    # mine was not recomputed, but its copies were refreshed for the year
    assert len(copy_flags(mine)) == 1
    assert ReportCheck.objects.get(report=mine).checked_at == before
    assert ReportCheck.objects.count() == 2 and NarrativeSignature.objects.count() == 2


def test_the_task_stores_the_checks_and_is_enqueued_only_on_commit(
    django_capture_on_commit_callbacks,
):
    mine = report_of("Өвөрхангай", "Хужирт сумын ЗДТГ", 2024, TEXT)
    with pytest.raises(RuntimeError), transaction.atomic():
        country_checks_enqueue(mine.pk)
        raise RuntimeError("rolled back")
    assert DBTaskResult.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        country_checks_enqueue(mine.pk)
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path.endswith("country_checks_run")
    assert country_checks_run.call(mine.pk)["recomputed"] == 1
    assert country_checks_run.call(mine.pk)["recomputed"] == 0
    assert ReportCheck.objects.filter(report=mine).exists()


def test_the_command_line_checks_the_country_with_progress_and_a_second_run_does_nothing(capsys):
    from shudarga.cli import main

    mine = report_of("Өвөрхангай", "Хужирт сумын ЗДТГ", 2024, TEXT)
    report_of("Увс", "Тариалан сумын ЗДТГ", 2024, TEXT)
    assert main(["check-country"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("reports 2, recomputed 2, narrative_copied 2, years 2024, 2025")
    assert "reports: 2/2" in err and "copies 2024" in err
    assert copy_flags(mine)
    assert main(["check-country"]) == 0
    assert capsys.readouterr()[0].startswith("reports 2, recomputed 0, narrative_copied 0,")
