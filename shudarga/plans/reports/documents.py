"""The stored report or plan as a ReportDocument (documents.model), each in a constant number
of queries: what every download, publication, API answer and CLI export is written from.

The reverse, a document into the database, is ``plans.reports.storing``.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Count

from shudarga.documents import model as doc
from shudarga.documents.grammar import genitive
from shudarga.plans.models import (
    Measure,
    MeasureResult,
    Objective,
    Plan,
    Report,
    Scale,
    ScaleLevel,
)


def scale_default() -> Scale:
    """The scale new plans get unless told otherwise (the government 100/70/30/0 scale)."""
    return Scale.objects.prefetch_related("levels").get(is_default=True)


def scale_document(*, scale: Scale) -> doc.Scale:
    """The stored scale as the documents layer's Scale (levels in their order)."""
    return scale_as_document(scale, scale.levels.all())


def scale_as_document(scale: Scale, levels: Iterable[ScaleLevel]) -> doc.Scale:
    return doc.Scale(
        code=scale.code,
        name=scale.name,
        levels=tuple(
            doc.ScaleLevel(
                score=plain_decimal(lvl.score), label_mn=lvl.label_mn, label_en=lvl.label_en
            )
            for lvl in sorted(levels, key=lambda lvl: (lvl.order, lvl.pk))
        ),
        not_due_mark=scale.not_due_mark,
        rounding=doc.Rounding(scale.rounding),
        decimals=scale.decimals,
    )


def report_document(*, report: Report) -> doc.ReportDocument:
    """Rebuild the ReportDocument of a stored report, in four queries whatever its size.

    Each measure's score is its official one (``plans.official``): the reviewer's once
    reviewed, with the self-assessed score and the reviewer's comment in ``review``; the
    rating written with a self-assessed score is dropped when the reviewer's differs.

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
        score, not_due = result.official_score
        review = None
        rating = result.rating_label or None
        if result.reviewed_at is not None:
            review = doc.MeasureReview(
                self_score=plain_decimal(result.score),
                self_not_due=result.not_due,
                comment=result.reviewer_comment,
            )
            if (score, not_due) != (result.score, result.not_due):
                rating = None  # the label written with the self-assessed score
        entries[objective.pk].measures.append(
            doc.MeasureEntry(
                number=measure.number,
                text=measure.text,
                spent=plain_decimal(result.spent),
                indicator=measure.indicator,
                target=measure.target,
                achieved=result.achieved,
                score=plain_decimal(score),
                not_due=not_due,
                rating=rating,
                planned_budget=plain_decimal(measure.planned_budget),
                responsible_unit=measure.responsible_unit,
                deadline=measure.deadline,
                review=review,
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


def plain_decimal(value: Decimal | None) -> Decimal | None:
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
        return plain_decimal(value)
    return value.quantize(Decimal(1).scaleb(-decimals))


def _warning(data: dict) -> doc.ReportWarning:
    return doc.ReportWarning(
        code=str(data.get("code", "")),
        measure=data.get("measure"),
        message=str(data.get("message", "")),
        params={str(k): str(v) for k, v in (data.get("params") or {}).items()},
    )


def plan_title(*, plan: Plan) -> str:
    """The plan's title as stored, else the standard one: "…ГАЗРЫН АВЛИГЫН ЭСРЭГ ҮЙЛ
    АЖИЛЛАГААНЫ 2025 ОНЫ ТӨЛӨВЛӨГӨӨ". A stored report title ("…БИЕЛЭЛТ", kept by plans that
    were created by importing a report) is not the plan's title and gives way to the standard.
    """
    if plan.title and "БИЕЛЭЛТ" not in plan.title.upper():
        return plan.title
    organization = genitive(plan.organization.name).upper()
    return f"{organization} АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГААНЫ {plan.year} ОНЫ ТӨЛӨВЛӨГӨӨ"


def plan_document(*, plan: Plan) -> doc.ReportDocument:
    """The plan as a ReportDocument: objectives and measures with their plan fields (indicator,
    target, planned budget, responsible unit, deadline) and no results, on the plan's scale.

    Four queries whatever the plan's size. Objectives and measures keep their order (then
    their key); the period is annual, the stated total none.
    """

    plan = (
        Plan.objects.select_related("organization", "scale")
        .prefetch_related("scale__levels")
        .get(pk=plan.pk)
    )
    entries: dict[int, doc.ObjectiveEntry] = {
        o.pk: doc.ObjectiveEntry(number=o.number, title=o.title)
        for o in Objective.objects.filter(plan=plan).order_by("order", "pk")
    }
    measures = Measure.objects.filter(objective__plan=plan).order_by("order", "pk")
    for m in measures:
        entries[m.objective_id].measures.append(
            doc.MeasureEntry(
                number=m.number,
                text=m.text,
                indicator=m.indicator,
                target=m.target,
                planned_budget=plain_decimal(m.planned_budget),
                responsible_unit=m.responsible_unit,
                deadline=m.deadline,
            )
        )
    return doc.ReportDocument(
        title=plan_title(plan=plan),
        organization=plan.organization.name,
        year=plan.year,
        period=doc.Period.ANNUAL,
        scale=scale_as_document(plan.scale, plan.scale.levels.all()),
        objectives=list(entries.values()),
    )
