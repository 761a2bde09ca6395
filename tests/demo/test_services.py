"""The demo is made by the services users trigger: every row carries what those leave behind.

Each check fails if the demo wrote plans, reports, reviews or publications by hand: no event
chain, no change history, reviews by someone who may not review, publications without the
self-assessed and reviewer's scores, or dates that disagree with the events.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from shudarga.access import Action, user_may
from shudarga.demo.generate import demo_generate
from shudarga.demo.load import demo_load
from shudarga.orgs.models import Membership
from shudarga.plans.models import (
    Evidence,
    MeasureResult,
    Plan,
    PlanEvent,
    Report,
    ReportEvent,
    ReportPublication,
)
from shudarga.plans.review.publication import user_may_publish

pytestmark = pytest.mark.django_db
S = Report.Status
Step = ReportEvent.Step
OFFICE = "Хужирт сумын Засаг даргын Тамгын газар"
SMALL = 8  # every forced state (demo.story.FORCED) and a few drawn ones
# What each step may follow: the workflow's arrows, as the demo's events must show them.
FOLLOWS = {
    S.DRAFT: {""},
    S.SUBMITTED: {S.DRAFT, S.RETURNED},
    S.RETURNED: {S.SUBMITTED},
    S.ACCEPTED: {S.SUBMITTED},
    S.PUBLISHED: {S.ACCEPTED, S.PUBLISHED},
}


def role(user, organization_id: int) -> str | None:
    found = Membership.objects.filter(user=user, organization_id=organization_id).first()
    return found.role if found else None


def test_every_report_has_its_chain_of_events_taken_by_the_right_people():
    demo_load(organizations=SMALL)
    reports = Report.objects.select_related("plan__organization").prefetch_related("events__by")
    assert {r.status for r in reports} == set(S.values)
    for report in reports:
        org = report.plan.organization_id
        events = list(report.events.all())  # in the order of their dates
        assert [e.pk for e in events] == sorted(e.pk for e in events), "dates follow the steps"
        assert events[0].from_status == "" and events[0].to_status == S.DRAFT
        # Imported from a file (the report keeps its name), else started on the page.
        assert events[0].step == (Step.IMPORT if report.source_file else Step.START)
        assert events[-1].to_status == report.status
        for before, event in itertools.pairwise(events):
            assert event.from_status == before.to_status
            assert event.from_status in FOLLOWS[event.to_status]
        for event in events:
            if event.to_status == S.DRAFT:
                assert role(event.by, org) == Membership.Role.OFFICER
            elif event.to_status == S.SUBMITTED:
                assert role(event.by, org) == Membership.Role.HEAD
            elif event.to_status in (S.RETURNED, S.ACCEPTED):
                assert role(event.by, org) is None and user_may(event.by, Action.REVIEW, org)
            else:
                assert user_may_publish(user=event.by, report=report)
            if event.to_status == S.RETURNED or event.from_status == S.PUBLISHED:
                assert event.reason  # a return's reason, a correction's note
        # The report's dates are its events' dates.
        last = {e.to_status: e.at for e in events}
        sent_up = report.status in Report.SENT_UP
        assert report.submitted_at == (last[S.SUBMITTED] if sent_up else None)
        if report.status in Report.CONCLUDED:
            assert report.accepted_at == last[S.ACCEPTED]
        if report.status == S.PUBLISHED:
            assert report.published_at == last[S.PUBLISHED]
        if report.plan.organization.name != OFFICE:  # Khujirt's report is imported now
            assert all(e.at < datetime(2026, 1, 1, tzinfo=UTC) for e in events), "backdated"
    # Plans: imported by the officer, approved by the head, both in the history.
    for plan in Plan.objects.filter(status=Plan.Status.APPROVED):
        event = PlanEvent.objects.get(plan=plan)
        assert event.action == PlanEvent.Action.APPROVED and event.by == plan.approved_by
        assert role(plan.approved_by, plan.organization_id) == Membership.Role.HEAD
        assert list(plan.history.order_by("history_id").values_list("history_type", "status")) == [
            ("+", Plan.Status.DRAFT),
            ("~", Plan.Status.APPROVED),
        ]


def test_results_carry_their_history_and_the_reviewers_scores():
    demo_load(organizations=SMALL)
    history = MeasureResult.history.model.objects
    assert not MeasureResult.objects.exclude(pk__in=history.values("id")).exists()
    # Reports filled in on the page (started, not imported from a file): each measure
    # written by the officer after the start.
    started = Report.objects.filter(source_file="")
    assert started.exists()
    for report in started:
        org = report.plan.organization_id
        changes = history.filter(report_id=report.pk, history_type="~")
        assert changes.exists()
        officers = {role(c.history_user, org) for c in changes if c.reviewed_by_id is None}
        assert officers == {Membership.Role.OFFICER}
    # Reviews: by the reviewer who accepted, in the history, some lower than self-assessed.
    for report in Report.objects.filter(status__in=Report.CONCLUDED):
        accepted = report.events.get(to_status=S.ACCEPTED)
        reviewed = report.results.exclude(reviewed_at=None)
        assert reviewed.exists()
        assert {r.reviewed_by for r in reviewed} == {accepted.by}
        assert all(r.reviewed_at <= accepted.at for r in reviewed)
        assert history.filter(report_id=report.pk, history_user=accepted.by).count() == len(
            reviewed
        )
    changed = MeasureResult.objects.exclude(reviewed_at=None).exclude(
        reviewer_score=models_f("score")
    )
    assert changed.filter(report__status=S.PUBLISHED).exists()
    # Evidence, where a returned report got some, is the officer's, before it went up again.
    for evidence in Evidence.objects.select_related("result__report__plan"):
        report = evidence.result.report
        assert role(evidence.uploaded_by, report.plan.organization_id) == Membership.Role.OFFICER
        assert report.events.filter(to_status=S.RETURNED, at__lt=evidence.uploaded_at).exists()


def models_f(name: str):
    from django.db.models import F

    return F(name)


def test_publications_carry_both_scores_and_the_official_total():
    demo_load(organizations=SMALL)
    published = Report.objects.filter(status=S.PUBLISHED).select_related("summary")
    assert published.exists()
    differing = 0
    for report in published:
        versions = list(report.publications.order_by("version"))
        assert [p.version for p in versions] == list(range(1, len(versions) + 1))
        assert [p.is_current for p in versions] == [False] * (len(versions) - 1) + [True]
        current = versions[-1]
        assert current.published_at == report.published_at
        assert current.official_total == report.summary.official_total
        measures = [m for o in current.document["objectives"] for m in o["measures"]]
        results = {r.measure.number: r for r in report.results.select_related("measure")}
        for m in measures:
            result = results[m["number"]]
            if result.reviewed_at is None:
                assert "reviewer_score" not in m
                continue
            assert m["self_score"] == _plain(result.score)
            assert m["reviewer_score"] == _plain(result.reviewer_score)
            differing += m["self_score"] != m["reviewer_score"]
    assert differing, "some published official result differs from the self-assessed one"
    # Corrections: a later version with its note.
    corrected = ReportPublication.objects.filter(version__gt=1)
    assert corrected.exists() and all(p.note for p in corrected)
    summaries = [r.summary for r in published]
    assert any(s.official_total != s.self_total for s in summaries)


def _plain(value):
    return None if value is None else int(value) if value == int(value) else float(value)


def test_the_reviewer_publishes_when_the_setting_says_so(settings):
    settings.SHUDARGA_PUBLISHER = "reviewer"
    demo_generate(organizations=6, years=(2024,), seed=7)
    publications = ReportPublication.objects.select_related("report__plan")
    assert publications.exists()
    for publication in publications:
        org = publication.report.plan.organization_id
        assert role(publication.published_by, org) is None
        assert user_may(publication.published_by, Action.REVIEW, org)
