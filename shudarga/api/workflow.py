"""Workflow endpoints: submit, review scores, return, accept, publish and correct a report.

The same services as the pages (plans.reports.workflow, plans.review.scoring,
plans.review.publication), so the same state machine (plans.reports.transitions) and the
same shudarga.access checks: what the user cannot see is 404, what they see but may not do
is 403, a step the report's state does not allow is 409 "locked", a report with unscored
measures is 409 "unscored", a missing reason 422.
"""

from __future__ import annotations

from django.http import Http404
from ninja import Router, Status

from shudarga.access import Action, reports_for
from shudarga.api import schemas as s
from shudarga.api.api import WriteTokenAuth
from shudarga.api.schemas import Id
from shudarga.plans.models import MeasureResult, Report, ReportEvent
from shudarga.plans.reports.workflow import report_accept, report_return, report_submit
from shudarga.plans.review.publication import (
    publication_correct,
    report_publish,
    report_reopen,
)
from shudarga.plans.review.scoring import review_score

router = Router(auth=WriteTokenAuth(), tags=["workflow"])

REFUSED = {401: s.Error, 403: s.Error, 404: s.Error, 409: s.Error, 422: s.Error}


def _report(request, report_id: int) -> Report:
    report = reports_for(request.auth, Action.VIEW).filter(pk=report_id).first()
    if report is None:
        raise Http404
    return report


def _last_step(report: Report) -> ReportEvent:
    return ReportEvent.objects.filter(report=report).select_related("by").latest("at", "pk")


@router.post("/reports/{report_id}/submit", response={200: s.StepOut, **REFUSED})
def submit(request, report_id: Id):
    """The head signs the report off and submits it (every measure scored or ХБ)."""
    return _last_step(report_submit(user=request.auth, report=_report(request, report_id)))


@router.post("/reports/{report_id}/return", response={200: s.StepOut, **REFUSED})
def give_back(request, report_id: Id, body: s.ReasonIn):
    """A reviewer returns a submitted report to its organization, with a reason."""
    report = _report(request, report_id)
    return _last_step(report_return(user=request.auth, report=report, reason=body.reason))


@router.post("/reports/{report_id}/accept", response={200: s.StepOut, **REFUSED})
def accept(request, report_id: Id):
    """A reviewer accepts a submitted report: its official result is final."""
    return _last_step(report_accept(user=request.auth, report=_report(request, report_id)))


@router.post("/reports/{report_id}/publish", response={201: s.PublicationOut, **REFUSED})
def publish(request, report_id: Id):
    """Publish an accepted report (the head or the reviewer, per the installation)."""
    return Status(201, report_publish(user=request.auth, report=_report(request, report_id)))


@router.post("/reports/{report_id}/corrections", response={201: s.PublicationOut, **REFUSED})
def correct(request, report_id: Id, body: s.NoteIn):
    """Publish a corrected version of a published report, saying what was corrected."""
    report = _report(request, report_id)
    return Status(201, publication_correct(user=request.auth, report=report, note=body.note))


@router.post("/reports/{report_id}/reopen", response={200: s.StepOut, **REFUSED})
def reopen(request, report_id: Id, body: s.ReasonIn):
    """The publisher sends a published report back to its organization to correct, with a
    reason; it is published again as the next version once accepted."""
    report = _report(request, report_id)
    return _last_step(report_reopen(user=request.auth, report=report, reason=body.reason))


@router.put("/results/{result_id}/review", response={200: s.ReviewOut, **REFUSED})
def review(request, result_id: Id, body: s.ReviewIn):
    """A reviewer's final score of one measure of a submitted report (a level of the plan's
    scale, or ``not_due``), with a comment; the self-assessed score stays beside it."""
    result = MeasureResult.objects.filter(
        pk=result_id, report__in=reports_for(request.auth, Action.VIEW)
    ).first()
    if result is None:
        raise Http404
    review_score(
        user=request.auth,
        result=result,
        score=body.score,
        not_due=body.not_due,
        comment=body.comment,
    )
    return MeasureResult.objects.select_related("measure").get(pk=result.pk)
