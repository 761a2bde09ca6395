"""Reads of plans and reports, each in a constant number of queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from shudarga.documents import model as doc
from shudarga.documents.scoring import ItemScore, ObjectiveInput, Result, score_objectives
from shudarga.plans.models import MeasureResult, Objective, Report, Scale, ScaleLevel


def scale_default() -> Scale:
    """The scale new plans get unless told otherwise (the government 100/70/30/0 scale)."""
    return Scale.objects.prefetch_related("levels").get(is_default=True)


def scale_document(*, scale: Scale) -> doc.Scale:
    """The stored scale as the documents layer's Scale (levels in their order)."""
    return _scale_document(scale, scale.levels.all())


def _scale_document(scale: Scale, levels: Iterable[ScaleLevel]) -> doc.Scale:
    return doc.Scale(
        code=scale.code,
        name=scale.name,
        levels=tuple(
            doc.ScaleLevel(score=_plain(lvl.score), label_mn=lvl.label_mn, label_en=lvl.label_en)
            for lvl in sorted(levels, key=lambda lvl: (lvl.order, lvl.pk))
        ),
        not_due_mark=scale.not_due_mark,
        rounding=doc.Rounding(scale.rounding),
        decimals=scale.decimals,
    )


def report_document(*, report: Report) -> doc.ReportDocument:
    """Rebuild the ReportDocument of a stored report, in four queries whatever its size.

    Importing a document and rebuilding it gives an equal document, with these
    normalisations:

    - ``organization`` is the stored organization's name, not the header as written;
    - ``title`` is the report's title (the plan keeps the title of its first report);
    - the scale is the plan's stored scale, found by the document's scale code;
    - numbers keep their value but not their trailing zeros: a score written "100" comes
      back as 100 and a sum written "840.0" as 840 (the stated total keeps the decimals it
      was written with, since checking it depends on them);
    - an empty ``rating`` comes back as None;
    - a reused measure (the plan existed already) has the plan's text and plan fields;
    - an objective is included when this report has results for it or it has no measures.
    """
    report = (
        Report.objects.select_related("plan__organization", "plan__scale")
        .prefetch_related("plan__scale__levels")
        .get(pk=report.pk)
    )
    plan = report.plan
    results = (
        MeasureResult.objects.filter(report=report)
        .select_related("measure__objective")
        .order_by(
            "measure__objective__order", "measure__objective_id", "measure__order", "measure_id"
        )
    )
    entries: dict[int, doc.ObjectiveEntry] = {}
    positions: dict[int, tuple[int, int]] = {}
    for result in results:
        measure = result.measure
        objective = measure.objective
        if objective.pk not in entries:
            entries[objective.pk] = doc.ObjectiveEntry(
                number=objective.number, title=objective.title
            )
            positions[objective.pk] = (objective.order, objective.pk)
        entries[objective.pk].measures.append(
            doc.MeasureEntry(
                number=measure.number,
                text=measure.text,
                spent=_plain(result.spent),
                indicator=measure.indicator,
                target=measure.target,
                achieved=result.achieved,
                score=_plain(result.score),
                not_due=result.not_due,
                rating=result.rating_label or None,
                planned_budget=_plain(measure.planned_budget),
                responsible_unit=measure.responsible_unit,
                deadline=measure.deadline,
            )
        )
    empty = Objective.objects.filter(plan=plan).annotate(n=Count("measures")).filter(n=0)
    for objective in empty:
        entries[objective.pk] = doc.ObjectiveEntry(number=objective.number, title=objective.title)
        positions[objective.pk] = (objective.order, objective.pk)

    return doc.ReportDocument(
        title=report.title,
        organization=plan.organization.name,
        year=plan.year,
        period=doc.Period(report.period),
        scale=scale_document(scale=plan.scale),
        stated_total=_as_written(report.stated_total, report.stated_total_decimals),
        objectives=[entries[pk] for pk in sorted(entries, key=positions.__getitem__)],
        warnings=[_warning(w) for w in report.import_warnings],
        source=report.source_file,
    )


def report_list(*, reports: QuerySet[Report] | None = None) -> QuerySet[Report]:
    """Reports with their plan and organization, newest year first, then by organization name.

    Each report carries ``measure_count``, ``scored_count`` (a score and not "not yet due")
    and ``not_due_count``. Pass ``access.reports_visible_to(user)`` to list what a user may see.
    """
    reports = Report.objects.all() if reports is None else reports
    return (
        reports.select_related("plan__organization", "plan__scale")
        .annotate(
            measure_count=Count("results"),
            scored_count=Count(
                "results", filter=Q(results__score__isnull=False, results__not_due=False)
            ),
            not_due_count=Count("results", filter=Q(results__not_due=True)),
        )
        .order_by("-plan__year", "plan__organization__name", "period", "pk")
    )


@dataclass(frozen=True)
class ReportTotal:
    """A report with its consolidated result (Нэгдсэн дүн) computed from the stored scores."""

    report: Report
    total: Result

    @property
    def display(self) -> str | None:
        """The total as the plan's scale publishes it, None when no measure is scored."""
        return self.total.display

    @property
    def unscored(self) -> int:
        """How many measures have no score and are not "not yet due" (not evaluated)."""
        return len(self.total.unscored)

    @property
    def not_due(self) -> int:
        return len(self.total.not_due)


def report_totals(*, reports: Sequence[Report]) -> list[ReportTotal]:
    """The consolidated result of each report, in two queries however many reports and measures.

    The rule is ``documents.scoring`` (the pooled mean of scored measures, not-yet-due ones
    left out), on the plan's scale. The stated total is not checked here: report_document
    with score_document does that for one report. Give it reports with their plan and scale
    loaded (report_list does), or each report costs a query more.
    """
    reports = list(reports)
    scales = {r.plan.scale_id: r.plan.scale for r in reports}
    levels: dict[int, list[ScaleLevel]] = {pk: [] for pk in scales}
    for level in ScaleLevel.objects.filter(scale_id__in=scales):
        levels[level.scale_id].append(level)
    doc_scales = {pk: _scale_document(scale, levels[pk]) for pk, scale in scales.items()}
    items: dict[int, list[ItemScore]] = {r.pk: [] for r in reports}
    rows = (
        MeasureResult.objects.filter(report__in=[r.pk for r in reports])
        .order_by("measure__objective__order", "measure__objective_id", "measure__order", "pk")
        .values_list("report_id", "measure__number", "score", "not_due")
    )
    for report_id, number, score, not_due in rows:
        items[report_id].append(ItemScore(number, _plain(score), not_due))
    totals = []
    for report in reports:
        objective = ObjectiveInput(number="", title="", items=items[report.pk])
        score = score_objectives([objective], doc_scales[report.plan.scale_id])
        totals.append(ReportTotal(report=report, total=score.total))
    return totals


def _plain(value: Decimal | None) -> Decimal | None:
    """A stored Decimal without the column's trailing zeros: 100.00 → 100, 90.50 → 90.5."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _as_written(value: Decimal | None, decimals: int | None) -> Decimal | None:
    if value is None:
        return None
    if decimals is None:
        return _plain(value)
    return value.quantize(Decimal(1).scaleb(-decimals))


def _warning(data: dict) -> doc.ReportWarning:
    return doc.ReportWarning(
        code=str(data.get("code", "")),
        measure=data.get("measure"),
        message=str(data.get("message", "")),
        params={str(k): str(v) for k, v in (data.get("params") or {}).items()},
    )
