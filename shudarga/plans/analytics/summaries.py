"""Summary rows (ReportSummary) that dashboards read: kept in step with every score change.

``summary_refresh`` recomputes one report's row from its results in two queries. Every service
that changes a score, a review or a report's state calls it inside its own transaction, so a
dashboard never reads a summary that disagrees with the results it summarises.
``summary_refresh_many`` does the same for many reports at once, by the same rule
(``summary_values``), in a few queries a batch: for bulk loads and rebuilds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction

from shudarga.documents.scoring import mean_exact
from shudarga.plans.models import MeasureResult, Report, ReportSummary
from shudarga.plans.official import OFFICIAL_FIELDS, official_score

# The columns summary_values computes (besides the report itself).
FIELDS = (
    "organization_id", "plan_id", "year", "period", "status", "measures", "self_scored",
    "self_sum", "self_total", "official_scored", "official_sum", "official_total", "not_due",
    "unscored", "submitted_at",
)  # fmt: skip
BATCH = 500


def summary_values(report: Report, rows: Iterable[Sequence[Any]]) -> dict[str, Any]:
    """The summary of ``report`` (its plan loaded) from its results' OFFICIAL_FIELDS rows."""
    return {
        "organization_id": report.plan.organization_id,
        "plan_id": report.plan_id,
        "year": report.plan.year,
        "period": report.period,
        "status": report.status,
        "submitted_at": report.submitted_at,
        **summary_figures(rows),
    }


def summary_figures(rows: Iterable[Sequence[Any]]) -> dict[str, Any]:
    """The counts, sums and totals of a summary from its results' OFFICIAL_FIELDS rows (for
    a generator that holds the results it wrote, without reading them back)."""
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
    return {
        "measures": measures,
        "self_scored": self_scored,
        "self_sum": self_sum,
        "self_total": mean_exact(self_sum, self_scored),
        "official_scored": official_scored,
        "official_sum": official_sum,
        "official_total": mean_exact(official_sum, official_scored),
        "not_due": not_due,
        "unscored": unscored,
    }


@transaction.atomic
def summary_refresh(*, report_id: int) -> ReportSummary:
    report = Report.objects.select_related("plan").get(pk=report_id)
    rows = MeasureResult.objects.filter(report_id=report_id).values_list(*OFFICIAL_FIELDS)
    summary, _ = ReportSummary.objects.update_or_create(
        report=report, defaults=summary_values(report, rows)
    )
    return summary


def summary_refresh_many(*, report_ids: Sequence[int]) -> int:
    """Recompute the rows of ``report_ids``, a batch at a time (three queries a batch)."""
    for start in range(0, len(report_ids), BATCH):
        batch = report_ids[start : start + BATCH]
        with transaction.atomic():
            reports = Report.objects.select_related("plan").filter(pk__in=batch)
            rows: dict[int, list[tuple]] = {pk: [] for pk in batch}
            results = MeasureResult.objects.filter(report_id__in=batch)
            for report_id, *fields in results.values_list("report_id", *OFFICIAL_FIELDS):
                rows[report_id].append(tuple(fields))
            ReportSummary.objects.bulk_create(
                [ReportSummary(report=r, **summary_values(r, rows[r.pk])) for r in reports],
                update_conflicts=True,
                unique_fields=["report"],
                update_fields=list(FIELDS),
            )
    return len(report_ids)


def summary_rebuild_all() -> int:
    """Recompute every report's row (after a bulk change outside the services); how many."""
    return summary_refresh_many(report_ids=list(Report.objects.values_list("pk", flat=True)))
