"""The integrity checks of a stored report (docs/checks.md): the document's own checks
(documents.checks, no database) and narrative_copied against the other stored reports.

Copies are looked for among the reports the reader may see: the same organization's reports
of the year before, and other organizations' reports of the same year, read in one query.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Q, QuerySet

from shudarga.documents.checks import DocumentChecks, MeasureCheck, check_document, check_measure
from shudarga.documents.checks.copies import CopyIndex, TextRef, copied_flags
from shudarga.documents.checks.results import FLAG_CODES
from shudarga.documents.model import MeasureEntry, Period, ReportDocument
from shudarga.documents.model import Scale as DocScale
from shudarga.plans.models import MeasureResult, Report, ScaleLevel
from shudarga.plans.reports.documents import report_document, scale_as_document
from shudarga.plans.reports.selectors import ReportSheet


def report_checks(
    *,
    report: Report,
    visible: QuerySet[Report] | None = None,
    document: ReportDocument | None = None,
) -> DocumentChecks:
    """Every check of ``report``; ``visible`` bounds the reports its narratives are compared
    with (None: every stored report, for the command line); ``document`` is the report as the
    reader sees it (default: as it is now)."""
    document = document if document is not None else report_document(report=report)
    checks = check_document(document)
    index = copy_index(report=report, visible=visible)
    own = report.plan
    by_number = {m.number: m for _, m in document.measures()}
    for measure_check in checks.measures:
        measure = by_number.get(measure_check.number)
        if measure is None or not measure.achieved:
            continue
        ref = TextRef(str(report.pk), own.organization.name, own.year, measure.number)
        measure_check.flags += copied_flags(ref, measure.achieved, index)
    return checks


def copy_index(*, report: Report, visible: QuerySet[Report] | None) -> CopyIndex:
    """The narratives ``report``'s may be copied from, in one query."""
    plan = report.plan
    rows = (
        MeasureResult.objects.filter(
            Q(report__plan__organization_id=plan.organization_id, report__plan__year=plan.year - 1)
            | (
                Q(report__plan__year=plan.year)
                & ~Q(report__plan__organization_id=plan.organization_id)
            )
        )
        .exclude(achieved="")
        .values_list(
            "report_id",
            "report__plan__organization__name",
            "report__plan__year",
            "measure__number",
            "achieved",
        )
    )
    if visible is not None:
        rows = rows.filter(report__in=visible.values("pk"))
    index = CopyIndex()
    index.add_all(
        (TextRef(str(report_id), organization, year, number), achieved)
        for report_id, organization, year, number, achieved in rows.iterator(chunk_size=2000)
    )
    return index


def sheet_checks(*, sheet: ReportSheet) -> dict[int, MeasureCheck]:
    """The document checks of every result of a sheet, by result id, with no query: the sheet
    holds the measures and the organization's own scores (narrative_copied is not among them;
    it needs the other reports, see report_checks)."""
    scale = scale_as_document(sheet.report.plan.scale, sheet.levels)
    period = Period(sheet.report.period)
    return {
        result.pk: check_measure(_entry(result), scale, period)
        for group in sheet.objectives
        for result in group.results
    }


def measure_check(*, result: MeasureResult, scale: DocScale, period: Period) -> MeasureCheck:
    """The document checks of one stored result (its measure loaded), with no query."""
    return check_measure(_entry(result), scale, period)


def _entry(result: MeasureResult) -> MeasureEntry:
    measure = result.measure
    return MeasureEntry(
        number=measure.number,
        text=measure.text,
        indicator=measure.indicator,
        target=measure.target,
        achieved=result.achieved,
        score=result.score,  # the organization's own: the claim the narrative must carry
        not_due=result.not_due,
    )


def report_flag_counts(*, report_ids: Sequence[int]) -> dict[int, dict[str, int]]:
    """How many of each flag the document checks give each report (narrative_copied not
    counted: it needs the other reports): two queries however many reports and measures."""
    if not report_ids:
        return {}
    results = list(
        MeasureResult.objects.filter(report_id__in=report_ids).select_related(
            "measure", "report__plan"
        )
    )
    scale_ids = {r.report.plan.scale_id for r in results}
    levels: dict[int, list[ScaleLevel]] = {}
    for level in ScaleLevel.objects.filter(scale_id__in=scale_ids).select_related("scale"):
        levels.setdefault(level.scale_id, []).append(level)
    scales = {
        sid: scale_as_document(found[0].scale, sorted(found, key=lambda lvl: (lvl.order, lvl.pk)))
        for sid, found in levels.items()
    }
    counts: dict[int, dict[str, int]] = {pk: dict.fromkeys(FLAG_CODES, 0) for pk in report_ids}
    for result in results:
        scale = scales.get(result.report.plan.scale_id)
        if scale is None:
            continue  # a scale without levels scores nothing, so claims nothing
        check = check_measure(_entry(result), scale, Period(result.report.period))
        for code in check.flag_codes:
            counts[result.report_id][code] += 1
    return counts
