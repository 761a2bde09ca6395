"""Summary rows (ReportSummary) that dashboards read: kept in step with every score change.

``summary_refresh`` recomputes one report's row from its results in two queries. Every service
that changes a score, a review or a report's state calls it inside its own transaction, so a
dashboard never reads a summary that disagrees with the results it summarises.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from shudarga.documents.scoring import mean_exact
from shudarga.plans.models import MeasureResult, Report, ReportSummary
from shudarga.plans.official import OFFICIAL_FIELDS, official_score


@transaction.atomic
def summary_refresh(*, report_id: int) -> ReportSummary:
    report = Report.objects.select_related("plan").get(pk=report_id)
    rows = MeasureResult.objects.filter(report_id=report_id).values_list(*OFFICIAL_FIELDS)
    measures = self_scored = official_scored = not_due = unscored = 0
    self_sum = official_sum = Decimal(0)
    for row in rows:
        score, is_not_due = row[0], row[1]
        measures += 1
        if score is not None and not is_not_due:
            self_scored += 1
            self_sum += score
        official, official_not_due = official_score(*row)
        if official_not_due:
            not_due += 1
        elif official is None:
            unscored += 1
        else:
            official_scored += 1
            official_sum += official
    summary, _ = ReportSummary.objects.update_or_create(
        report=report,
        defaults={
            "organization_id": report.plan.organization_id,
            "plan_id": report.plan_id,
            "year": report.plan.year,
            "period": report.period,
            "status": report.status,
            "measures": measures,
            "self_scored": self_scored,
            "self_sum": self_sum,
            "self_total": mean_exact(self_sum, self_scored),
            "official_scored": official_scored,
            "official_sum": official_sum,
            "official_total": mean_exact(official_sum, official_scored),
            "not_due": not_due,
            "unscored": unscored,
            "submitted_at": report.submitted_at,
        },
    )
    return summary


def summary_rebuild_all() -> int:
    """Recompute every report's row (after a bulk change outside the services); how many."""
    ids = list(Report.objects.values_list("pk", flat=True))
    for pk in ids:
        summary_refresh(report_id=pk)
    return len(ids)
