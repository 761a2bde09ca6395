"""The dashboard's numbers (plans.analytics.dashboard), read from summary rows."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shudarga.plans.analytics import dashboard as d
from shudarga.plans.analytics.summaries import summary_refresh
from shudarga.plans.models import MeasureResult, Report
from shudarga.plans.reports.filling import report_start
from tests.dashboard.conftest import YEAR, add_reports
from tests.personas import make_plan

pytestmark = pytest.mark.django_db
ANNUAL = Report.Period.ANNUAL


def test_it_counts_plans_submitted_accepted_late_and_missing(world):
    a, b, c, _, _ = world.orgs
    add_reports([a], year=YEAR, totals=["90"], status=Report.Status.ACCEPTED)
    add_reports(
        [b], year=YEAR, totals=["70"], submitted_at=datetime(2026, 2, 1, tzinfo=UTC)
    )  # after the deadline
    add_reports([c], year=YEAR, totals=[None], status=Report.Status.DRAFT)
    counts = d.dashboard_status_counts(
        node=world.country, year=YEAR, period=ANNUAL, today=date(2026, 3, 1)
    )
    assert (counts.organizations, counts.with_plan, counts.submitted, counts.accepted) == (
        6,
        3,
        2,
        1,
    )
    assert counts.late == 1
    assert counts.missing == 4  # 6 organizations, 2 submitted
    before = d.dashboard_status_counts(
        node=world.aimag, year=YEAR, period=ANNUAL, today=date(2026, 1, 1)
    )
    assert before.organizations == 5 and before.missing == 0


def test_it_says_nothing_of_late_or_missing_without_a_calendar_entry(world):
    counts = d.dashboard_status_counts(
        node=world.country, year=YEAR, period=Report.Period.HALF_YEAR, today=date(2026, 3, 1)
    )
    assert counts.late is None and counts.missing is None


def test_it_bins_results_by_ten_points_with_100_in_the_last_bin():
    bins = d.dashboard_histogram(
        totals=[Decimal("0"), Decimal("9.99"), Decimal("10"), Decimal("100"), None]
    )
    assert [b.count for b in bins] == [2, 1, 0, 0, 0, 0, 0, 0, 0, 1]
    assert bins[0].label == "0–10"


def test_it_ranks_with_ties_and_the_change_from_last_year(world):
    a, b, c, e, _ = world.orgs
    add_reports([a, b, c, e], year=YEAR, totals=["80", "95.5", "80", None])
    add_reports([a, b], year=YEAR - 1, totals=["70", "100"])
    add_reports([world.other_org], year=YEAR, totals=["50"])
    rows = d.dashboard_ranking(node=world.aimag, year=YEAR, period=ANNUAL)
    assert [(r.rank, r.name, r.display) for r in rows] == [
        (1, b.name, "96"),
        (2, a.name, "80"),
        (2, c.name, "80"),
        (4, e.name, ""),
    ]
    assert rows[0].change == Decimal("-4.5") and rows[1].change == Decimal("10")
    assert rows[2].change is None


def test_it_averages_results_by_aimag(world):
    a, b, *_ = world.orgs
    add_reports([a, b], year=YEAR, totals=["80", "91"])
    add_reports([world.other_org], year=YEAR, totals=["40"])
    rows = d.dashboard_by_aimag(node=world.country, year=YEAR, period=ANNUAL)
    assert [(r.name, r.organizations, r.display) for r in rows] == [
        ("Өвөрхангай", 2, "86"),
        ("Архангай", 1, "40"),
    ]


def test_it_finds_objectives_scored_0_or_30_in_one_query(world, django_user_model):
    officer = django_user_model.objects.create_user(username="o", password="x")
    for org, title in (
        (world.orgs[0], "Ил тод байдлыг  хангах"),
        (world.orgs[1], "ИЛ ТОД байдлыг хангах"),
        (world.other_org, "Ил тод байдлыг хангах"),
    ):
        org.memberships.create(user=officer, role="officer")
        plan = make_plan(org, year=YEAR, objectives=2)
        plan.objectives.filter(number="1").update(title=title)
        report = report_start(user=officer, plan=plan, period=ANNUAL)
        scores = iter(["0", "30", "100", "0"])
        for result in report.results.order_by("measure__objective__order", "measure__order"):
            result.score = Decimal(next(scores))
            result.save()
        Report.objects.filter(pk=report.pk).update(status=Report.Status.SUBMITTED)
    # A reviewer's score wins over the self-assessed one.
    first = (
        MeasureResult.objects.filter(report__plan__organization=world.orgs[0])
        .order_by("measure__objective__order", "measure__order")
        .first()
    )
    first.reviewer_score, first.reviewed_at = Decimal("100"), datetime(2026, 1, 2, tzinfo=UTC)
    first.save()
    # Written here without the services, which refresh the summaries the dashboard reads.
    for report in Report.objects.all():
        summary_refresh(report_id=report.pk)
    with CaptureQueriesContext(connection) as queries:
        rows = d.dashboard_measure_extremes(node=world.aimag, year=YEAR, period=ANNUAL)
    assert len(queries) == 1
    assert [(r.title, r.scored, r.zero, r.thirty) for r in rows] == [
        ("ИЛ ТОД байдлыг хангах", 4, 1, 2),
        ("Зорилт 2", 4, 2, 0),
    ]


def test_it_keeps_a_node_outside_the_reviewers_scope_out(world, reviewer, member, national):
    assert d.dashboard_node(user=reviewer, node_id=None) == world.aimag
    assert d.dashboard_node(user=reviewer, node_id=world.soum.pk) == world.soum
    with pytest.raises(d.NodeNotInScopeError):
        d.dashboard_node(user=reviewer, node_id=world.other_aimag.pk)
    with pytest.raises(d.NodeNotInScopeError):
        d.dashboard_node(user=member, node_id=None)
    assert d.dashboard_node(user=national, node_id=world.other_org.pk) == world.other_org


def test_it_draws_one_organizations_trend_in_order(world):
    a = world.orgs[0]
    add_reports([a], year=YEAR, totals=["90"])
    add_reports([a], year=YEAR - 1, totals=["60"])
    points = d.dashboard_trend(organization=a)
    assert [(p.year, p.display) for p in points] == [(YEAR - 1, "60"), (YEAR, "90")]


@pytest.mark.parametrize(
    ("status", "official", "expected"),
    [
        ("accepted", (4, "280"), "reviewed"),
        ("published", (4, "280"), "reviewed"),
        ("submitted", (4, "400"), "self"),
        ("submitted", (4, "280"), "in_review"),  # a reviewer scored a measure lower
        ("submitted", (3, "300"), "in_review"),  # … or marked one not yet due
        ("draft", (4, "400"), "draft"),
        ("returned", (4, "280"), "draft"),
    ],
)
def test_a_result_says_whose_scores_it_is(status, official, expected):
    from shudarga.plans.models import ReportSummary

    summary = ReportSummary(
        status=status, self_scored=4, self_sum=Decimal(400),
        official_scored=official[0], official_sum=Decimal(official[1]),
    )  # fmt: skip
    assert d.result_basis(summary) == expected
