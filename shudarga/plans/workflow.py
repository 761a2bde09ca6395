"""A report's way up: the head signs it off and submits it, a reviewer may return it.

    draft ──submit (head)──► submitted ──return with a reason (reviewer)──► returned
      ▲                                                                        │
      └──────────────── the organization edits, then submits again ◄──────────┘

A submitted report is locked for its organization (plans.reporting refuses every change).
Each step is a ReportEvent: from which state to which, who, when, and the reason of a return.
Who may take a step is ``orgs.access``: APPROVE to submit, REVIEW to return (for now staff
users; the reviewer role is added there, not here).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from shudarga.orgs.access import Action
from shudarga.plans.models import MeasureResult, Report, ReportEvent
from shudarga.plans.report_errors import ReasonRequiredError, UnscoredMeasuresError
from shudarga.plans.reporting import report_for_change
from shudarga.plans.summaries import summary_refresh

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

__all__ = ["report_accept", "report_return", "report_submit", "report_unscored"]

def report_unscored(*, report: Report) -> list[str]:
    """Numbers of the measures that are neither scored nor "not yet due", in plan order."""
    rows = (
        MeasureResult.objects.filter(report=report, score__isnull=True, not_due=False)
        .order_by("measure__objective__order", "measure__objective_id", "measure__order", "pk")
        .values_list("measure__number", "measure__text")
    )
    return [number or text[:40] for number, text in rows]


@transaction.atomic
def report_submit(*, user: AbstractBaseUser, report: Report) -> Report:
    """The head signs the report off and submits it; it is locked from then on.

    Refused (UnscoredMeasuresError, with their numbers) while any measure is neither
    scored nor marked "not yet due" (ХБ): an unscored measure is never sent up silently.
    """
    locked = report_for_change(user=user, report_id=report.pk, action=Action.APPROVE)
    unscored = report_unscored(report=locked)
    if unscored:
        raise UnscoredMeasuresError(numbers=unscored)
    return _move(locked, to=Report.Status.SUBMITTED, by=user)


@transaction.atomic
def report_return(*, user: AbstractBaseUser, report: Report, reason: str) -> Report:
    """A reviewer returns a submitted report to its organization, which may edit it again.

    The reason is required (ReasonRequiredError): the organization has to know what to fix.
    """
    reason = (reason or "").replace("\r\n", "\n").strip()
    if not reason:
        raise ReasonRequiredError
    locked = report_for_change(
        user=user,
        report_id=report.pk,
        action=Action.REVIEW,
        allowed=(Report.Status.SUBMITTED,),
    )
    return _move(locked, to=Report.Status.RETURNED, by=user, reason=reason)


@transaction.atomic
def report_accept(*, user: AbstractBaseUser, report: Report) -> Report:
    """A reviewer accepts a submitted report: it stays locked, its official result is the
    reviewer's scores where given (the self-assessed ones elsewhere), and it may be published
    (``plans.publication``)."""
    locked = report_for_change(
        user=user,
        report_id=report.pk,
        action=Action.REVIEW,
        allowed=(Report.Status.SUBMITTED,),
    )
    return _move(locked, to=Report.Status.ACCEPTED, by=user)


def _move(report: Report, *, to: str, by: AbstractBaseUser, reason: str = "") -> Report:
    from_status = report.status
    report.status = to
    now = timezone.now()
    if to == Report.Status.SUBMITTED:
        report.submitted_at = now
    elif to in (Report.Status.DRAFT, Report.Status.RETURNED):
        report.submitted_at = None
    if to == Report.Status.ACCEPTED:
        report.accepted_at = now
    report.save(update_fields=["status", "submitted_at", "accepted_at"])
    ReportEvent.objects.create(
        report=report, from_status=from_status, to_status=to, by=by, reason=reason
    )
    summary_refresh(report_id=report.pk)
    return report

