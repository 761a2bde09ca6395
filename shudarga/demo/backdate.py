"""Dating the demo's steps: the services stamp "now", the demo's calendar is years ago.

A separate step on purpose: every row here was written by a service (``demo.enact``); only
its timestamps move to the day the story gives, so the calendar, late and missing reports,
the history and the portal's publication dates read like a real year. Nothing else changes.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.db.models import Case, DateTimeField, Value, When

from shudarga.demo.story import EVIDENCE, PlanStory, ReportStory
from shudarga.plans.models import (
    Evidence,
    Measure,
    MeasureResult,
    Objective,
    Plan,
    PlanEvent,
    Report,
    ReportEvent,
    ReportPublication,
    ReportSummary,
)

if TYPE_CHECKING:
    from shudarga.demo.enact import Cast

S = Report.Status


def _when(at: datetime) -> Value:
    return Value(at, output_field=DateTimeField())


def report_backdate(
    *, report: Report, story: ReportStory, cast: Cast, fix_mark: int | None
) -> None:
    """Date the report's events, state stamps, reviews, history, evidence and publications."""
    events = list(ReportEvent.objects.filter(report=report).order_by("pk"))
    written = [e.to_status for e in events]
    if written != [s.to for s in story.steps]:
        # The services write one event per step; anything else means they changed.
        raise RuntimeError(f"report #{report.pk}: events {written} for steps {story.steps}")
    for event, step in zip(events, story.steps, strict=True):
        event.at = step.at
    ReportEvent.objects.bulk_update(events, ["at"])

    started = story.steps[0].at
    stamps = {"created_at": started}
    if story.state in Report.SENT_UP:
        stamps["submitted_at"] = story.last(S.SUBMITTED)
    if story.state in Report.CONCLUDED:
        stamps["accepted_at"] = story.last(S.ACCEPTED)
    if story.state == S.PUBLISHED:
        stamps["published_at"] = story.last(S.PUBLISHED)
    Report.objects.filter(pk=report.pk).update(**stamps)

    # History rows: the start's, the reviewer's, the fix's (after the mark), the filling's.
    whens = [When(history_type="+", then=_when(started))]
    if story.reviewed is not None:
        MeasureResult.objects.filter(report=report, reviewed_at__isnull=False).update(
            reviewed_at=story.reviewed
        )
        whens.append(When(history_user_id=cast.reviewer.pk, then=_when(story.reviewed)))
    fix = story.fix
    if fix is not None and fix.at is not None and fix_mark is not None:
        whens.append(When(history_id__gt=fix_mark, then=_when(fix.at)))
        if fix.kind == EVIDENCE:
            results = MeasureResult.objects.filter(report=report).values("pk")
            Evidence.objects.filter(result__in=results).update(uploaded_at=fix.at)
            Evidence.history.filter(result_id__in=results).update(history_date=fix.at)
    MeasureResult.history.filter(report_id=report.pk).update(
        history_date=Case(*whens, default=_when(story.filled))
    )

    publications = list(ReportPublication.objects.filter(report=report).order_by("version"))
    if publications:
        times = [s.at for s in story.steps if s.to == S.PUBLISHED]
        for publication, at in zip(publications, times, strict=True):
            publication.published_at = at
        ReportPublication.objects.bulk_update(publications, ["published_at"])
    if "submitted_at" in stamps:  # the summary keeps a copy of the submission's date
        ReportSummary.objects.filter(report=report).update(submitted_at=stamps["submitted_at"])


def plan_backdate(*, plan: Plan, story: PlanStory) -> None:
    """Date the plan's creation and approval, in the plan and in its history."""
    stamps = {"created_at": story.created}
    approved = story.approved
    if approved is not None:
        stamps["approved_at"] = approved
        PlanEvent.objects.filter(plan=plan).update(at=approved)
    Plan.objects.filter(pk=plan.pk).update(**stamps)
    Plan.history.filter(id=plan.pk).update(
        history_date=Case(
            When(history_type="+", then=_when(story.created)),
            default=_when(approved or story.created),
        )
    )
    Objective.history.filter(plan_id=plan.pk).update(history_date=story.created)
    objectives = Objective.objects.filter(plan=plan).values("pk")
    Measure.history.filter(objective_id__in=objectives).update(history_date=story.created)
