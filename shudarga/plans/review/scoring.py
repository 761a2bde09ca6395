"""A reviewer's writes: the final score of each measure of a submitted report.

The reviewer (``shudarga.access`` REVIEW: a ReviewerAssignment above the organization, or staff)
sets the final score of a measure from the plan's scale, or "not yet due" (ХБ), with a
comment. The officer's self-assessed score stays beside it; the official result uses the
reviewer's (``MeasureResult.official_score``, ``ReportSummary.official_total``).
Accepting or returning the report is ``plans.reports.workflow`` (``report_accept``,
``report_return``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from shudarga.access import Action
from shudarga.documents.textnorm import typed_text
from shudarga.plans.analytics.summaries import summary_refresh
from shudarga.plans.errors import ResultValueError
from shudarga.plans.models import MeasureResult, Report
from shudarga.plans.reports.transitions import report_for_change

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

__all__ = ["COMMENT_MAX", "review_agree", "review_score"]

_REVIEW_FIELDS = ["reviewer_score", "reviewer_not_due", "reviewed_by", "reviewed_at"]

COMMENT_MAX = 5000


@transaction.atomic
def review_score(
    *,
    user: AbstractBaseUser,
    result: MeasureResult,
    score: Decimal | None,
    not_due: bool,
    comment: str,
) -> MeasureResult:
    """Set the reviewer's final score of one measure (a level of the plan's scale, or ХБ).

    PermissionDenied without REVIEW on the report's organization; ReportLockedError unless
    the report is submitted; ResultValueError for a score off the scale, a score together
    with ХБ, or neither. The self-assessed score is never touched.
    """
    report = report_for_change(
        user=user, report_id=result.report_id, action=Action.REVIEW, allowed=Report.REVIEWABLE
    )
    stored = MeasureResult.objects.select_for_update().get(pk=result.pk)
    comment = typed_text(comment)
    if len(comment) > COMMENT_MAX:
        raise ResultValueError(field="comment", message="the comment is too long")
    if not_due and score is not None:
        raise ResultValueError(field="score", message="a measure not yet due has no score")
    if not not_due and score is None:
        raise ResultValueError(field="score", message="choose a score or “not yet due”")
    if score is not None:
        levels = set(report.plan.scale.levels.values_list("score", flat=True))
        if score not in levels:
            raise ResultValueError(field="score", message=f"{score} is not on the plan's scale")
    stored.reviewer_score = score
    stored.reviewer_not_due = not_due
    stored.reviewer_comment = comment
    stored.reviewed_by = user
    stored.reviewed_at = timezone.now()
    stored._history_user = user
    stored.save(
        update_fields=[
            "reviewer_score",
            "reviewer_not_due",
            "reviewer_comment",
            "reviewed_by",
            "reviewed_at",
        ]
    )
    summary_refresh(report_id=stored.report_id)
    return stored


@transaction.atomic
def review_agree(
    *, user: AbstractBaseUser, report: Report, result_ids: Sequence[int] | None = None
) -> int:
    """The reviewer takes the self-assessed score (or ХБ) as their own: for ``result_ids``
    of the report, or with None for every measure not yet scored by a reviewer (agreeing
    with all never overwrites a decision already taken). Returns how many measures were
    scored; PermissionDenied and ReportLockedError as ``review_score``; a measure with no
    self score is skipped.
    """
    report_for_change(
        user=user, report_id=report.pk, action=Action.REVIEW, allowed=Report.REVIEWABLE
    )
    rows = MeasureResult.objects.select_for_update().filter(report_id=report.pk)
    if result_ids is None:
        rows = rows.filter(reviewed_at__isnull=True)
    else:
        rows = rows.filter(pk__in=list(result_ids))
    now = timezone.now()
    agreed = []
    for stored in rows.exclude(score__isnull=True, not_due=False):
        stored.reviewer_score = None if stored.not_due else stored.score
        stored.reviewer_not_due = stored.not_due
        stored.reviewed_by = user
        stored.reviewed_at = now
        agreed.append(stored)
    # One UPDATE for them all, with their history rows (a plain bulk_update writes none).
    bulk_update_with_history(
        agreed, MeasureResult, _REVIEW_FIELDS, default_user=user, default_date=now
    )
    if agreed:
        summary_refresh(report_id=report.pk)
    return len(agreed)
