"""The objective rows beside each report's summary (ObjectiveSummary) follow every change of a
score, and the bulk refresh writes what the one-report refresh writes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shudarga.orgs.models import Organization
from shudarga.plans.analytics import dashboard as d
from shudarga.plans.analytics.summaries import (
    objective_summaries_refresh,
    summary_refresh,
    summary_refresh_many,
)
from shudarga.plans.models import ObjectiveSummary, Report
from shudarga.plans.reports.filling import result_update
from shudarga.plans.reports.workflow import report_submit

pytestmark = pytest.mark.django_db


def rows() -> list[tuple]:
    return sorted(
        ObjectiveSummary.objects.values_list(
            "summary__report_id", "objective_id", "scored", "zero", "thirty"
        )
    )


def score(officer, result, value: str | None, *, not_due: bool = False) -> None:
    result.refresh_from_db()
    result_update(user=officer, result=result, expected_version=result.version, spent=None,
                  achieved="", score=None if value is None else Decimal(value),
                  not_due=not_due)  # fmt: skip


def test_the_counts_follow_each_score_and_the_dashboard_reads_them(report, results, officer, head):
    score(officer, results["1.1"], "0")
    score(officer, results["1.2"], "30")
    score(officer, results["2.1"], "0")
    score(officer, results["2.2"], None, not_due=True)
    counts = {o: (s, z, t) for _, o, s, z, t in rows()}
    first, second = results["1.1"].measure.objective_id, results["2.1"].measure.objective_id
    assert counts == {first: (2, 1, 1), second: (1, 1, 0)}
    score(officer, results["1.1"], "100")
    assert {o: (s, z, t) for _, o, s, z, t in rows()}[first] == (2, 0, 1)
    report_submit(user=head, report=report)
    node = Organization.objects.get(name="Өвөрхангай")  # khujirt's aimag
    extremes = d.dashboard_measure_extremes(node=node, year=report.plan.year, period=report.period)
    assert [(e.title, e.scored, e.zero, e.thirty) for e in extremes] == [
        ("Зорилт 2", 1, 1, 0),  # as many low scores: more zeros first
        ("Зорилт 1", 2, 0, 1),
    ]


def test_the_bulk_refreshes_write_what_the_one_report_refresh_writes(report, results, officer):
    score(officer, results["1.1"], "0")
    score(officer, results["2.2"], "30")
    expected = rows()
    ObjectiveSummary.objects.all().delete()
    summary_refresh_many(report_ids=[report.pk])
    assert rows() == expected
    ObjectiveSummary.objects.all().delete()
    objective_summaries_refresh(report_ids=[report.pk])
    assert rows() == expected
    summary_refresh(report_id=report.pk)
    assert rows() == expected and Report.objects.count() == 1
