"""Published data for the portal tests, built directly (not through the publish service).

``report_with_results`` makes a report of ``plan`` with scores on its results (and, where
given, the reviewer's); ``publication_make`` freezes its document as a ReportPublication
the way publishing does: the shudarga.report/1 form with the official scores, plus the
self-assessed and reviewer's scores as extra keys.
"""

from __future__ import annotations

import json
from decimal import Decimal

from django.utils import timezone

from shudarga.documents import jsonform
from shudarga.plans.analytics.summaries import summary_refresh
from shudarga.plans.models import MeasureResult, Plan, Report, ReportPublication
from shudarga.plans.reports.documents import report_document

SCORES = {"1.1": "100", "1.2": "70", "2.1": "30", "2.2": None}


def report_with_results(
    plan: Plan,
    *,
    period: str = "annual",
    status: str = Report.Status.PUBLISHED,
    scores: dict[str, str | None] | None = None,
    reviewer: dict[str, str] | None = None,
    achieved: str = "Хийгдсэн ажил",
) -> Report:
    report = Report.objects.create(plan=plan, period=period, title=plan.title, status=status)
    scores = SCORES if scores is None else scores
    for objective in plan.objectives.all():
        for measure in objective.measures.all():
            score = scores.get(measure.number)
            reviewed = reviewer and measure.number in reviewer
            MeasureResult.objects.create(
                report=report,
                measure=measure,
                spent=Decimal("840.0"),
                achieved=f"{achieved} {measure.number}",
                score=None if score is None else Decimal(score),
                not_due=measure.number == "2.2",
                reviewer_score=Decimal(reviewer[measure.number]) if reviewed else None,
                reviewed_at=timezone.now() if reviewed else None,
            )
    summary_refresh(report_id=report.pk)
    return report


def frozen_document(report: Report) -> dict:
    """The document JSON with official scores, and the self/reviewer scores beside them."""
    doc = report_document(report=report)
    results = {r.measure.number: r for r in report.results.select_related("measure")}
    for objective in doc.objectives:
        for m in objective.measures:
            result = results[m.number]
            m.score, m.not_due = result.official_score
    data = json.loads(jsonform.dumps(doc))
    for objective in data["objectives"]:
        for m in objective["measures"]:
            result = results[m["number"]]
            m["self_score"] = None if result.score is None else float(result.score)
            m["reviewer_score"] = (
                None if result.reviewer_score is None else float(result.reviewer_score)
            )
    return data


def publication_make(report: Report, *, by, note: str = "", total: str | None = None):
    """Publish the report's current state as a new current version."""
    previous = report.publications.filter(is_current=True)
    version = (report.publications.count() or 0) + 1
    previous.update(is_current=False)
    summary = summary_refresh(report_id=report.pk)
    publication = ReportPublication.objects.create(
        report=report,
        version=version,
        document=frozen_document(report),
        official_total=Decimal(total) if total else summary.official_total,
        published_by=by,
        note=note,
        is_current=True,
    )
    Report.objects.filter(pk=report.pk).update(
        status=Report.Status.PUBLISHED, published_at=timezone.now()
    )
    report.refresh_from_db()
    return publication
