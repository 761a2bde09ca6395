"""The generated demo: hierarchy, reviewers, reports in every state with consistent data."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from shudarga.demo import DEMO_PASSWORD
from shudarga.demo.generate import calendar_ensure, demo_generate
from shudarga.demo.load import demo_load
from shudarga.documents import jsonform
from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.plans.analytics.summaries import summary_refresh
from shudarga.plans.models import (
    Evidence,
    Measure,
    MeasureResult,
    Plan,
    PlanEvent,
    Report,
    ReportEvent,
    ReportingCalendar,
    ReportPublication,
    ReportSummary,
)

pytestmark = pytest.mark.django_db
S = Report.Status
OFFICE = "Хужирт сумын Засаг даргын Тамгын газар"
# Enough organizations for every state (demo.story.FORCED), few enough to be quick.
SMALL = 8


def table_counts() -> list[int]:
    """Rows of every table the demo writes, the change history and events included."""
    models = (
        Organization,
        Plan,
        Report,
        MeasureResult,
        ReportEvent,
        ReportPublication,
        ReportSummary,
        ReviewerAssignment,
        ReportingCalendar,
        Membership,
        PlanEvent,
        Evidence,
        get_user_model(),
    )
    histories = (MeasureResult.history, Plan.history, Measure.history, Evidence.history)
    return [m.objects.count() for m in models] + [h.count() for h in histories]


def snapshot() -> list[tuple]:
    """What the generator wrote, without database ids."""
    return sorted(
        (
            r.plan.organization.name,
            r.plan.year,
            r.period,
            r.status,
            str(r.submitted_at),
            tuple(
                (str(x.score), x.not_due, str(x.reviewer_score), x.reviewer_comment, x.achieved)
                for x in r.results.order_by("measure__objective__order", "measure__order")
            ),
            tuple((e.to_status, e.reason, str(e.at)) for e in r.events.all()),
        )
        for r in Report.objects.exclude(plan__organization__name=OFFICE).select_related(
            "plan__organization"
        )
    )


def test_it_builds_the_hierarchy_with_the_reviewers():
    demo_load(years=())  # the hierarchy, users and reviewers only
    calendar_ensure((2023, 2024))
    aimags = set(
        Organization.objects.filter(kind=Organization.Kind.AIMAG).values_list("name", flat=True)
    )
    assert {"Өвөрхангай аймаг", "Архангай аймаг", "Төв аймаг", "Дорнод аймаг"} <= aimags
    assert Organization.objects.filter(kind=Organization.Kind.SOUM).count() >= 12
    reviewer = get_user_model().objects.get(username="uvurkhangai.reviewer")
    assert reviewer.check_password(DEMO_PASSWORD) and not reviewer.is_staff
    assert [a.node.name for a in ReviewerAssignment.objects.filter(user=reviewer)] == [
        "Өвөрхангай аймаг"
    ]
    iaac = get_user_model().objects.get(username="iaac.reviewer")
    assert iaac.is_staff and iaac.check_password(DEMO_PASSWORD)
    calendar = {
        (c.year, c.period): (c.period_end, c.deadline) for c in ReportingCalendar.objects.all()
    }
    assert (
        str(calendar[(2024, "half_year")])
        == "(datetime.date(2024, 6, 30), datetime.date(2024, 7, 15))"
    )
    assert (
        str(calendar[(2023, "annual")])
        == "(datetime.date(2023, 12, 31), datetime.date(2024, 1, 15))"
    )


def test_it_writes_reports_in_every_state_with_consistent_data():
    demo_load(organizations=SMALL)
    statuses = set(Report.objects.values_list("status", flat=True))
    assert statuses == set(S.values)
    for report in Report.objects.exclude(plan__organization__name=OFFICE):
        results = list(report.results.all())
        assert len(results) == 11
        assert report.plan.status == Plan.Status.APPROVED
        events = list(report.events.values_list("from_status", "to_status", "reason"))
        reviewed = [r for r in results if r.reviewed_at is not None]
        if report.status != S.DRAFT:
            assert all(r.score is not None or r.not_due for r in results)
            assert events[1][:2] == (S.DRAFT, S.SUBMITTED)
        if report.status == S.RETURNED:
            assert events[-1][1] == S.RETURNED and events[-1][2]
            assert report.submitted_at is None and not reviewed
        if report.status in (S.ACCEPTED, S.PUBLISHED):
            assert reviewed and report.accepted_at is not None
            assert all(r.reviewed_by_id for r in reviewed)
            assert all(r.reviewer_score is not None or r.reviewer_not_due for r in reviewed)
        if report.status == S.PUBLISHED:
            publication = report.publications.get(is_current=True)
            assert publication.official_total == report.summary.official_total
            document = jsonform.loads(jsonform.simplejson.dumps(publication.document))
            official = [r.official_score for r in report.results.order_by("pk")]
            assert [(m.score, m.not_due) for _, m in document.measures()] == official
        else:
            assert not report.publications.exists()
    assert ReportEvent.objects.filter(to_status=S.RETURNED, reason="").count() == 0
    scores = set(MeasureResult.objects.values_list("score", flat=True))
    assert {Decimal(100), Decimal(70), Decimal(30), Decimal(0), None} <= scores
    assert MeasureResult.objects.filter(not_due=True).exists()
    # Some reviewers lowered a score, with a comment.
    lowered = MeasureResult.objects.filter(reviewer_score__lt=models_f("score"))
    assert lowered.exists() and all(r.reviewer_comment for r in lowered)


def models_f(name):
    from django.db.models import F

    return F(name)


def test_summaries_equal_a_fresh_refresh():
    demo_load(organizations=SMALL)
    fields = (
        "status",
        "measures",
        "self_scored",
        "self_sum",
        "official_scored",
        "official_sum",
        "official_total",
        "not_due",
        "unscored",
        "submitted_at",
    )
    stored = {s.report_id: [getattr(s, f) for f in fields] for s in ReportSummary.objects.all()}
    assert len(stored) == Report.objects.count()
    for report_id in stored:
        fresh = summary_refresh(report_id=report_id)
        assert [getattr(fresh, f) for f in fields] == stored[report_id]


def forget_plans() -> None:
    for model in (ReportPublication, ReportSummary, ReportEvent, MeasureResult):
        model.objects.all().delete()
    Report.objects.all().delete()
    Plan.objects.all().delete()


def test_it_is_deterministic_for_a_seed():
    demo_generate(organizations=SMALL, years=(2023, 2024), seed=3)
    first = snapshot()
    forget_plans()
    demo_generate(organizations=SMALL, years=(2023, 2024), seed=3)
    assert snapshot() == first
    assert first != []


def test_another_seed_gives_other_reports():
    demo_generate(organizations=SMALL, years=(2023, 2024), seed=3)
    first = snapshot()
    forget_plans()
    demo_generate(organizations=SMALL, years=(2023, 2024), seed=4)
    assert snapshot() != first


def test_a_second_run_adds_nothing_and_leaves_khujirt_alone():
    demo_load(organizations=SMALL)
    khujirt = Report.objects.get(plan__organization__name=OFFICE)
    before = list(khujirt.results.order_by("pk").values_list("score", "achieved", "reviewer_score"))
    counts = table_counts()
    demo_load(organizations=SMALL)
    assert table_counts() == counts
    khujirt.refresh_from_db()
    assert khujirt.status == S.DRAFT and khujirt.source_file.endswith(".txt")
    assert (
        list(khujirt.results.order_by("pk").values_list("score", "achieved", "reviewer_score"))
        == before
    )
    assert Report.objects.filter(plan__organization__name=OFFICE).count() == 1
