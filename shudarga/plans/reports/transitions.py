"""A report's workflow: one table of steps, and the one function that takes them.

    (none) ─start / import─► draft ─submit (head)─► submitted ─accept (reviewer)─► accepted
                               ▲                        │                              │
                               └── returned ◄─return (reviewer, with a reason)─┘    publish
                                  (the organization edits, then submits again)         ▼
                                                        correct (with a note) ⟲ published
    published ─reopen for correction (the publisher, with a reason)─► returned: corrected,
    submitted and accepted again, it is published as the next version.

Every step checks who may take it (``shudarga.access``: the action of the table's row on the
report's organization), that the report is in one of the row's states, and the reason where
the row needs one; it locks the report for the transaction, stamps the state's time, writes
the ReportEvent (the only place that writes one), logs it and refreshes the summary. The
services around it (``plans.reports.workflow``, ``plans.review.publication``,
``plans.reports.filling``, the import) add what is particular to a step: the unscored check,
the published version.
The groups of states (editable, sent up, public…) are on the model, ``Report``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from shudarga.access import Action, publisher_action, reports_for, user_may
from shudarga.documents.textnorm import typed_text
from shudarga.notifications.services import notify_step
from shudarga.plans.analytics.summaries import summary_refresh
from shudarga.plans.errors import ReasonRequiredError, ReportLockedError
from shudarga.plans.models import Report, ReportEvent

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

__all__ = [
    "TRANSITIONS",
    "Step",
    "Transition",
    "report_for_change",
    "step_allowed",
    "step_open",
    "step_record_creation",
    "step_take",
]

Step = ReportEvent.Step
State = Report.Status
logger = logging.getLogger("shudarga.workflow")

# The state of a report that does not exist yet, as ReportEvent.from_status writes it.
NONE = ""


@dataclass(frozen=True)
class Transition:
    """One row of the table: from which states, to which, who may, and what is recorded."""

    sources: tuple[str, ...]
    target: str
    # Who may: the access action needed on the report's organization.
    who: Action | None
    reason_required: bool = False
    # The report's time field set to now by the step, and the one cleared.
    stamps: str = ""
    clears: str = ""

    def action(self) -> Action:
        return self.who if self.who is not None else publisher_action()


TRANSITIONS: dict[str, Transition] = {
    Step.START: Transition((NONE,), State.DRAFT, Action.EDIT),
    Step.IMPORT: Transition((NONE,), State.DRAFT, Action.EDIT),
    Step.SUBMIT: Transition(
        Report.EDITABLE, State.SUBMITTED, Action.APPROVE, stamps="submitted_at"
    ),
    Step.RETURN: Transition(
        Report.REVIEWABLE,
        State.RETURNED,
        Action.REVIEW,
        reason_required=True,
        clears="submitted_at",
    ),
    Step.ACCEPT: Transition(Report.REVIEWABLE, State.ACCEPTED, Action.REVIEW, stamps="accepted_at"),
    # who=None: the publisher, per settings.SHUDARGA_PUBLISHER.
    Step.PUBLISH: Transition((State.ACCEPTED,), State.PUBLISHED, None, stamps="published_at"),
    Step.CORRECT: Transition(
        Report.PUBLIC, State.PUBLISHED, None, reason_required=True, stamps="published_at"
    ),
    # A published report goes back to its organization to be corrected, then up again
    # (submit, accept) and is published as the next version; citizens read the last published
    # version meanwhile (access.reports_public).
    Step.REOPEN: Transition(
        Report.PUBLIC, State.RETURNED, None, reason_required=True, clears="submitted_at"
    ),
}


def step_open(report: Report, step: str) -> bool:
    """Whether the report's state allows the step (who may take it is not asked here)."""
    return report.status in TRANSITIONS[step].sources


def report_for_change(
    *,
    user: AbstractBaseUser,
    report_id: int,
    action: Action = Action.EDIT,
    allowed: tuple[str, ...] = Report.EDITABLE,
) -> Report:
    """The report, locked for this transaction, once ``user`` may take ``action`` on it and
    its state is one of ``allowed`` (PermissionDenied, ReportLockedError otherwise).
    Call inside ``transaction.atomic``."""
    if not reports_for(user, action).filter(pk=report_id).exists():
        raise PermissionDenied
    report = Report.objects.select_for_update().get(pk=report_id)
    if report.status not in allowed:
        raise ReportLockedError(status=report.status, allowed=allowed)
    return report


def step_take(
    *, user: AbstractBaseUser, report_id: int, step: str, reason: str = ""
) -> tuple[Report, ReportEvent]:
    """Take ``step`` on the report: the checks of its row, then the move. Inside
    ``transaction.atomic``; the caller may refuse after it (the transaction rolls back)."""
    rule = TRANSITIONS[step]
    report = report_for_change(
        user=user, report_id=report_id, action=rule.action(), allowed=rule.sources
    )
    reason = typed_text(reason)
    if rule.reason_required and not reason:
        raise ReasonRequiredError
    from_status = report.status
    report.status = rule.target
    fields = ["status"]
    if rule.stamps:
        setattr(report, rule.stamps, timezone.now())
        fields.append(rule.stamps)
    if rule.clears:
        setattr(report, rule.clears, None)
        fields.append(rule.clears)
    report.save(update_fields=fields)
    event = _record(report, step=step, from_status=from_status, by=user, reason=reason)
    summary_refresh(report_id=report.pk)
    return report, event


def step_record_creation(
    *, report: Report, step: str, by: AbstractBaseUser | None, reason: str = ""
) -> ReportEvent:
    """Record the start or import of a report just created (in its draft state).

    ``by=None`` is the server's operator importing from the command line; anyone else needs
    the row's action on the organization (PermissionDenied rolls the creation back)."""
    rule = TRANSITIONS[step]
    if rule.sources != (NONE,) or report.status != rule.target:
        raise ReportLockedError(status=report.status, allowed=rule.sources)
    operator_import = by is None and step == Step.IMPORT
    if not operator_import and (
        by is None or not user_may(by, rule.action(), report.plan.organization_id)
    ):
        raise PermissionDenied
    return _record(report, step=step, from_status=NONE, by=by, reason=typed_text(reason))


def _record(
    report: Report, *, step: str, from_status: str, by: AbstractBaseUser | None, reason: str
) -> ReportEvent:
    event = ReportEvent.objects.create(
        report=report,
        step=step,
        from_status=from_status,
        to_status=report.status,
        by=by,
        reason=reason,
    )
    # Logged once the step is committed: a step rolled back (an unscored report, a refused
    # import) did not happen.
    line = (
        "report %s %s: %s -> %s by %s",
        report.pk,
        step,
        from_status or "none",
        report.status,
        getattr(by, "username", None) or "operator",
    )
    fields = {
        "report": report.pk,
        "step": str(step),
        "from_status": from_status,
        "to_status": report.status,
        "user": getattr(by, "pk", None),
    }
    transaction.on_commit(lambda: logger.info(*line, extra=fields))
    # Who is told (in this transaction: rolled back with the step; e-mailed after commit).
    notify_step(report=report, step=step, by=by, reason=reason)
    return event


def step_allowed(user: AbstractBaseUser, report: Report, step: str) -> bool:
    """Whether ``user`` may take ``step`` on the report now: its state and the row's action
    (for showing the button; ``step_take`` checks both again when it is pressed)."""
    return step_open(report, step) and user_may(
        user, TRANSITIONS[step].action(), report.plan.organization_id
    )
