"""Summary rows (ReportSummary) that dashboards read: kept in step with every score change.

``summary_refresh`` recomputes one report's row from its results in two queries. Every service
that changes a score, a review or a report's state calls it inside its own transaction, so a
dashboard never reads a summary that disagrees with the results it summarises.
``summary_refresh_many`` does the same for many reports at once, by the same rule
(``summary_values``), in a few queries a batch: for bulk loads and rebuilds. Both also keep
the report's ObjectiveSummary rows (``objective_counts``: official 0s, 30s and scores by
objective), which the dashboard counts instead of every measure result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.db import transaction

from shudarga.documents.scoring import mean_exact
from shudarga.plans.models import MeasureResult, ObjectiveSummary, Report, ReportSummary
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


def objective_counts(rows: Iterable[Sequence[Any]]) -> dict[int, list[int]]:
    """{objective id: [scored, zero, thirty]} from (objective id, *OFFICIAL_FIELDS) rows:
    how many of its measures have an official score (ХБ left out), and how many 0 and 30."""
    counts: dict[int, list[int]] = {}
    for objective_id, *fields in rows:
        tally = counts.setdefault(objective_id, [0, 0, 0])
        official, official_not_due = official_score(*fields)
        if official is None or official_not_due:
            continue
        tally[0] += 1
        tally[1] += official == 0
        tally[2] += official == 30
    return counts


def _objective_rows(summary_id: int, counts: dict[int, list[int]]) -> list[ObjectiveSummary]:
    return [
        ObjectiveSummary(summary_id=summary_id, objective_id=objective, scored=s, zero=z, thirty=t)
        for objective, (s, z, t) in counts.items()
    ]


def _results(report_ids: Sequence[int]) -> dict[int, list[tuple]]:
    """{report id: [(objective id, *OFFICIAL_FIELDS), …]}: one query."""
    rows: dict[int, list[tuple]] = {pk: [] for pk in report_ids}
    results = MeasureResult.objects.filter(report_id__in=report_ids)
    fields = ("report_id", "measure__objective_id", *OFFICIAL_FIELDS)
    for report_id, *values in results.values_list(*fields):
        rows[report_id].append(tuple(values))
    return rows


@transaction.atomic
def summary_refresh(*, report_id: int) -> ReportSummary:
    report = Report.objects.select_related("plan").get(pk=report_id)
    rows = _results([report_id])[report_id]
    summary, _ = ReportSummary.objects.update_or_create(
        report=report, defaults=summary_values(report, (r[1:] for r in rows))
    )
    ObjectiveSummary.objects.filter(summary=summary).delete()
    ObjectiveSummary.objects.bulk_create(_objective_rows(summary.pk, objective_counts(rows)))
    return summary


def summary_refresh_many(*, report_ids: Sequence[int]) -> int:
    """Recompute the rows of ``report_ids``, a batch at a time (six queries a batch)."""
    for start in range(0, len(report_ids), BATCH):
        batch = report_ids[start : start + BATCH]
        with transaction.atomic():
            reports = Report.objects.select_related("plan").filter(pk__in=batch)
            rows = _results(batch)
            ReportSummary.objects.bulk_create(
                [
                    ReportSummary(report=r, **summary_values(r, (x[1:] for x in rows[r.pk])))
                    for r in reports
                ],
                update_conflicts=True,
                unique_fields=["report"],
                update_fields=list(FIELDS),
            )
            _objectives_write(batch, rows)
    return len(report_ids)


def _objectives_write(report_ids: Sequence[int], rows: dict[int, list[tuple]]) -> None:
    """Replace the ObjectiveSummary rows of these reports (their summaries exist)."""
    ids = dict(ReportSummary.objects.filter(report_id__in=report_ids).values_list("report", "pk"))
    ObjectiveSummary.objects.filter(summary_id__in=ids.values()).delete()
    ObjectiveSummary.objects.bulk_create(
        [o for r, s in ids.items() for o in _objective_rows(s, objective_counts(rows[r]))],
        batch_size=BATCH,
    )


def objective_summaries_refresh(*, report_ids: Sequence[int]) -> int:
    """The ObjectiveSummary rows of reports whose ReportSummary was written without them (a
    bulk generator writing summaries itself), a batch at a time (four queries a batch)."""
    for start in range(0, len(report_ids), BATCH):
        batch = report_ids[start : start + BATCH]
        with transaction.atomic():
            _objectives_write(batch, _results(batch))
    return len(report_ids)


def summary_rebuild_all() -> int:
    """Recompute every report's row (after a bulk change outside the services); how many."""
    return summary_refresh_many(report_ids=list(Report.objects.values_list("pk", flat=True)))
