"""The stored report or plan as a ReportDocument (documents.model), each in a constant number
of queries: what every download, publication, API answer and CLI export is written from.

The reverse, a document into the database, is ``plans.reports.storing``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from shudarga.documents import model as doc
from shudarga.documents.grammar import genitive
from shudarga.plans.models import (
    Measure,
    MeasureResult,
    Objective,
    Plan,
    Report,
    ReportPublication,
    Scale,
    ScaleLevel,
)
from shudarga.plans.official import OFFICIAL_FIELDS, official_score

BATCH = 2000


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
    results = _result_rows(MeasureResult.objects.filter(report=report))
    empty = _empty_objective_rows(Objective.objects.filter(plan=plan))
    return _document(report, scale_document(scale=plan.scale), results, empty)


def edition_of(publication: ReportPublication) -> doc.Edition:
    """Which publication a written file is: its version and the day it was published."""
    return doc.Edition(
        version=publication.version, published_on=timezone.localdate(publication.published_at)
    )


def downloadable_document(*, report: Report) -> doc.ReportDocument:
    """``report_document`` as a file says it: a published report names its current version
    and publication day under the title, any other report is "not published" (one query more
    for a published report)."""
    document = report_document(report=report)
    if report.status != Report.Status.PUBLISHED:
        return document
    publication = report.publications.filter(is_current=True).first()
    if publication is None:
        return document
    return dataclasses.replace(document, edition=edition_of(publication))


def report_documents(*, report_ids: Sequence[int]) -> dict[int, doc.ReportDocument]:
    """``report_document`` of many reports, {report id: document}, four queries a batch of
    BATCH reports whatever their size: for bulk loads (every publication of a country)."""
    documents: dict[int, doc.ReportDocument] = {}
    for start in range(0, len(report_ids), BATCH):
        batch = report_ids[start : start + BATCH]
        reports = list(
            Report.objects.select_related("plan__organization", "plan__scale").filter(pk__in=batch)
        )
        scale_ids = {r.plan.scale_id for r in reports}
        levels: dict[int, list[ScaleLevel]] = {pk: [] for pk in scale_ids}
        for level in ScaleLevel.objects.filter(scale_id__in=scale_ids):
            levels[level.scale_id].append(level)
        results: dict[int, list[tuple]] = {r.pk: [] for r in reports}
        for row in _result_rows(MeasureResult.objects.filter(report_id__in=batch), "report_id"):
            results[row[0]].append(row[1:])
        empty: dict[int, list[tuple]] = {r.plan_id: [] for r in reports}
        plans = Objective.objects.filter(plan_id__in=empty)
        for row in _empty_objective_rows(plans, "plan_id"):
            empty[row[0]].append(row[1:])
        scales = {r.plan.scale_id: r.plan.scale for r in reports}
        as_documents = {pk: scale_as_document(scales[pk], levels[pk]) for pk in scale_ids}
        for r in reports:
            documents[r.pk] = _document(
                r, as_documents[r.plan.scale_id], results[r.pk], empty[r.plan_id]
            )
    return documents


# The columns a report's document reads from each result, its measure and its objective.
_RESULT_COLUMNS = (
    "measure__objective_id", "measure__objective__order", "measure__objective__number",
    "measure__objective__title", "measure__objective__section_number",
    "measure__objective__section_title", "measure__number", "measure__text", "measure__indicator",
    "measure__target", "measure__planned_budget", "measure__responsible_unit",
    "measure__deadline", "spent", "achieved", "rating_label", "reviewer_comment",
    *OFFICIAL_FIELDS,
)  # fmt: skip


def _result_rows(results: QuerySet, *first: str) -> QuerySet:
    """The results' _RESULT_COLUMNS (after ``first``), objectives then measures in order."""
    return results.order_by(
        *first, "measure__objective__order", "measure__objective_id", "measure__order", "measure_id"
    ).values_list(*first, *_RESULT_COLUMNS)


def _empty_objective_rows(objectives: QuerySet, *first: str) -> QuerySet:
    """The objectives without measures: (``first``, pk, order, number, title)."""
    measures = Measure.objects.filter(objective=OuterRef("pk"))
    return objectives.filter(~Exists(measures)).values_list(
        *first, "pk", "order", "number", "title", "section_number", "section_title"
    )


def _section(number: str, title: str) -> doc.Section | None:
    """The section (бүлэг) an objective stands under, None when it stands under none."""
    return doc.Section(number=number, title=title) if number or title else None


def _document(
    report: Report, scale: doc.Scale, results: Iterable[tuple], empty: Iterable[tuple]
) -> doc.ReportDocument:
    """The document of ``report`` (its plan and organization loaded) from its _RESULT_COLUMNS
    rows in order and its objectives without measures."""
    entries: dict[int, doc.ObjectiveEntry] = {}
    positions: dict[int, tuple[int, int]] = {}
    for row in results:
        objective_id, order, objective_number, objective_title = row[:4]
        section = _section(*row[4:6])
        number, text, indicator, target, budget, unit, deadline = row[6:13]
        spent, achieved, rating_label, comment = row[13:17]
        self_score, self_not_due = row[17:19]
        if objective_id not in entries:
            entries[objective_id] = doc.ObjectiveEntry(
                number=objective_number, title=objective_title, section=section
            )
            positions[objective_id] = (order, objective_id)
        score, not_due = official_score(*row[17:])
        review = None
        rating = rating_label or None
        if row[-1] is not None:  # reviewed_at
            review = doc.MeasureReview(
                self_score=plain_decimal(self_score), self_not_due=self_not_due, comment=comment
            )
            if (score, not_due) != (self_score, self_not_due):
                rating = None  # the label written with the self-assessed score
        entries[objective_id].measures.append(
            doc.MeasureEntry(
                number=number,
                text=text,
                spent=plain_decimal(spent),
                indicator=indicator,
                target=target,
                achieved=achieved,
                score=plain_decimal(score),
                not_due=not_due,
                rating=rating,
                planned_budget=plain_decimal(budget),
                responsible_unit=unit,
                deadline=deadline,
                review=review,
            )
        )
    for pk, order, number, title, section_number, section_title in empty:
        entries[pk] = doc.ObjectiveEntry(
            number=number, title=title, section=_section(section_number, section_title)
        )
        positions[pk] = (order, pk)
    plan = report.plan
    return doc.ReportDocument(
        title=report.title,
        organization=plan.organization.name,
        year=plan.year,
        period=doc.Period(report.period),
        scale=scale,
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
        return value.quantize(_ONE)
    return value.normalize()


_ONE = Decimal(1)


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
    their key); the period is annual, the stated total none; writers lay it out as a plan
    (``kind``: no result columns, the planned budget with its sums).
    """

    plan = (
        Plan.objects.select_related("organization", "scale")
        .prefetch_related("scale__levels")
        .get(pk=plan.pk)
    )
    entries: dict[int, doc.ObjectiveEntry] = {
        o.pk: doc.ObjectiveEntry(
            number=o.number, title=o.title, section=_section(o.section_number, o.section_title)
        )
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
        kind=doc.DocumentKind.PLAN,
    )
