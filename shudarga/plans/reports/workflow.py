"""A report's way up: the head signs it off and submits it, a reviewer returns it with a
reason or accepts it. The table of steps and the checks every step makes are
``plans.reports.transitions``; this module adds what is particular to a step (the unscored check).

A submitted report is locked for its organization (plans.reports.filling refuses every change).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from shudarga.plans.errors import UnreviewedMeasuresError, UnscoredMeasuresError
from shudarga.plans.models import MeasureResult, Report
from shudarga.plans.reports.transitions import Step, step_take

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

__all__ = [
    "report_accept",
    "report_return",
    "report_submit",
    "report_unreviewed",
    "report_unscored",
]

_PLAN_ORDER = ("measure__objective__order", "measure__objective_id", "measure__order", "pk")


def report_unscored(*, report: Report) -> list[str]:
    """Numbers of the measures that are neither scored nor "not yet due", in plan order."""
    rows = (
        MeasureResult.objects.filter(report=report, score__isnull=True, not_due=False)
        .order_by(*_PLAN_ORDER)
        .values_list("measure__number", "measure__text")
    )
    return [number or text[:40] for number, text in rows]


def report_unreviewed(*, report: Report) -> list[tuple[int, str]]:
    """(result id, number) of the measures without a reviewer's score, in plan order."""
    rows = (
        MeasureResult.objects.filter(report=report, reviewed_at__isnull=True)
        .order_by(*_PLAN_ORDER)
        .values_list("pk", "measure__number", "measure__text")
    )
    return [(pk, number or text[:40]) for pk, number, text in rows]


@transaction.atomic
def report_submit(*, user: AbstractBaseUser, report: Report) -> Report:
    """The head signs the report off and submits it; it is locked from then on.

    Refused (UnscoredMeasuresError, with their numbers) while any measure is neither
    scored nor marked "not yet due" (ХБ): an unscored measure is never sent up silently.
    """
    moved, _ = step_take(user=user, report_id=report.pk, step=Step.SUBMIT)
    unscored = report_unscored(report=moved)
    if unscored:
        raise UnscoredMeasuresError(numbers=unscored)  # rolls the step back
    # The country's check stores its flags and seeks copies of its narratives (a worker).
    from shudarga.plans.analytics.tasks import country_checks_enqueue

    country_checks_enqueue(moved.pk)
    return moved


@transaction.atomic
def report_return(*, user: AbstractBaseUser, report: Report, reason: str) -> Report:
    """A reviewer returns a submitted report to its organization, which may edit it again.

    The reason is required (ReasonRequiredError): the organization has to know what to fix.
    """
    return step_take(user=user, report_id=report.pk, step=Step.RETURN, reason=reason)[0]


@transaction.atomic
def report_accept(*, user: AbstractBaseUser, report: Report) -> Report:
    """A reviewer accepts a submitted report: it stays locked, its official result is the
    reviewer's scores, and it may be published (``plans.review.publication``).

    Refused (UnreviewedMeasuresError) while any measure has no reviewer's score: the
    reviewer decides on each one (``plans.review.scoring.review_agree`` takes the
    self-assessed score as theirs, for one measure or all the rest).
    """
    moved, _ = step_take(user=user, report_id=report.pk, step=Step.ACCEPT)
    unreviewed = report_unreviewed(report=moved)
    if unreviewed:
        raise UnreviewedMeasuresError(  # rolls the step back
            numbers=[number for _, number in unreviewed],
            result_ids=[pk for pk, _ in unreviewed],
        )
    return moved
