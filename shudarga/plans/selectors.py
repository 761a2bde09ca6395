"""Reads of plans and reports, each in a constant number of queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from shudarga.documents import model as doc
from shudarga.documents.scoring import ItemScore, ObjectiveInput, Result, score_objectives
from shudarga.plans.models import MeasureResult, Objective, Report, Scale, ScaleLevel
from shudarga.plans.official import OFFICIAL_FIELDS, official_expressions, official_score


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
                self_score=_plain(result.score),
                self_not_due=result.not_due,
                comment=result.reviewer_comment,
            )
            if (score, not_due) != (result.score, result.not_due):
                rating = None  # the label written with the self-assessed score
        entries[objective.pk].measures.append(
            doc.MeasureEntry(
                number=measure.number,
                text=measure.text,
                spent=_plain(result.spent),
                indicator=measure.indicator,
                target=measure.target,
                achieved=result.achieved,
                score=_plain(score),
                not_due=not_due,
                rating=rating,
                planned_budget=_plain(measure.planned_budget),
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


def report_list(*, reports: QuerySet[Report] | None = None) -> QuerySet[Report]:
    """Reports with their plan and organization, newest year first, then by organization name.

    Each report carries ``measure_count``, ``scored_count`` (an official score and not "not
    yet due") and ``not_due_count``. Pass ``access.reports_visible_to(user)`` to list what a
    user may see.
    """
    reports = Report.objects.all() if reports is None else reports
    score, not_due = official_expressions("results__")
    return (
        reports.select_related("plan__organization", "plan__scale")
        .alias(official_score=score, official_not_due=not_due)
        .annotate(
            measure_count=Count("results"),
            scored_count=Count(
                "results", filter=Q(official_score__isnull=False, official_not_due=False)
            ),
            not_due_count=Count("results", filter=Q(official_not_due=True)),
        )
        .order_by("-plan__year", "plan__organization__name", "period", "pk")
    )


@dataclass(frozen=True)
class ReportTotal:
    """A report with its official consolidated result (Нэгдсэн дүн): the reviewer's scores
    where a reviewer scored (plans.official)."""

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
        .values_list("report_id", "measure__number", *OFFICIAL_FIELDS)
    )
    for report_id, number, *fields in rows:
        score, not_due = official_score(*fields)
        items[report_id].append(ItemScore(number, _plain(score), not_due))
    return [
        ReportTotal(report=r, total=_pooled(items[r.pk], doc_scales[r.plan.scale_id]))
        for r in reports
    ]


def _pooled(items: list[ItemScore], scale: doc.Scale) -> Result:
    return score_objectives([ObjectiveInput(number="", title="", items=items)], scale).total


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


# --- the report sheet: filling in a report, its live results, its changes -----------------
# Imports of this section sit here so the part above stays as it was written.

from datetime import datetime  # noqa: E402

from django.db.models import Prefetch  # noqa: E402

from shudarga.plans.models import Evidence, Measure, ReportEvent  # noqa: E402

# The fields of a result people change, in the order pages show them (version is bookkeeping).
RESULT_FIELDS = ("spent", "achieved", "score", "not_due", "rating_label")

_RESULT_ORDER = (
    "measure__objective__order", "measure__objective_id", "measure__order", "measure_id"
)


def result_state(result: MeasureResult) -> str:
    """"not_due" (ХБ, wins over a score), "scored", or "unscored" (not evaluated)."""
    if result.not_due:
        return "not_due"
    return "unscored" if result.score is None else "scored"


def measure_label(measure: Measure) -> str:
    """How a measure is named in lists: its number, else its first words."""
    return measure.number or (measure.text[:40] + ("…" if len(measure.text) > 40 else ""))


@dataclass(frozen=True)
class ResultsPanel:
    """The consolidated and per-objective results of a report as its results stand now."""

    scale: doc.Scale
    total: Result  # official: the reviewer's scores once reviewed (plans.official)
    objectives: list[tuple[Objective, Result]]
    unscored: list[MeasureResult]
    not_due: list[MeasureResult]
    self_total: Result | None = None  # the self-assessed result, once a reviewer scored


@dataclass(frozen=True)
class SheetObjective:
    objective: Objective
    results: list[MeasureResult]


@dataclass(frozen=True)
class ReportSheet:
    """Everything the report-filling page shows, read in a constant number of queries.

    Each result has ``measure`` and ``measure.objective`` loaded and ``evidence_list`` (its
    evidence with ``uploaded_by``).
    """

    report: Report
    levels: list[ScaleLevel]
    objectives: list[SheetObjective]
    panel: ResultsPanel
    events: list[ReportEvent]

    @property
    def last_return(self) -> ReportEvent | None:
        return report_last_return(report=self.report, events=self.events)


def report_last_return(*, report: Report, events: Sequence[ReportEvent]) -> ReportEvent | None:
    """The event that returned the report, while it stays returned (its reason is shown)."""
    if report.status != Report.Status.RETURNED:
        return None
    returns = [e for e in events if e.to_status == Report.Status.RETURNED]
    return returns[-1] if returns else None


def _sheet_results() -> QuerySet[MeasureResult]:
    evidence = Evidence.objects.select_related("uploaded_by").order_by("uploaded_at", "pk")
    return MeasureResult.objects.select_related("measure__objective").prefetch_related(
        Prefetch("evidence", queryset=evidence, to_attr="evidence_list")
    )


def report_sheet(*, report_id: int) -> ReportSheet:
    """The report with its plan, scale levels, results by objective, evidence and events.

    Five queries however many measures; check access before calling (orgs.access).
    """
    report = Report.objects.select_related("plan__organization", "plan__scale").get(pk=report_id)
    levels = sorted(report.plan.scale.levels.all(), key=lambda lvl: (lvl.order, lvl.pk))
    results = list(_sheet_results().filter(report_id=report_id).order_by(*_RESULT_ORDER))
    objectives: dict[int, SheetObjective] = {}
    for result in results:
        objective = result.measure.objective
        if objective.pk not in objectives:
            objectives[objective.pk] = SheetObjective(objective=objective, results=[])
        objectives[objective.pk].results.append(result)
    return ReportSheet(
        report=report,
        levels=levels,
        objectives=list(objectives.values()),
        panel=_panel(results, _scale_document(report.plan.scale, levels)),
        events=report_events(report=report),
    )


def report_sheet_result(*, result_id: int) -> MeasureResult:
    """One result as the sheet shows it (measure, objective, evidence): two queries."""
    return _sheet_results().get(pk=result_id)


def report_panel(*, report: Report) -> ResultsPanel:
    """The results panel alone (after one measure was saved): two queries, given a report
    with ``plan.scale`` loaded."""
    scale = report.plan.scale
    levels = list(ScaleLevel.objects.filter(scale=scale))
    results = list(
        MeasureResult.objects.filter(report=report)
        .select_related("measure__objective")
        .order_by(*_RESULT_ORDER)
    )
    return _panel(results, _scale_document(scale, levels))


def _panel(results: Sequence[MeasureResult], scale: doc.Scale) -> ResultsPanel:
    groups: dict[int, tuple[Objective, list[ItemScore]]] = {}
    self_items: list[ItemScore] = []
    for result in results:
        objective = result.measure.objective
        label = measure_label(result.measure)
        score, not_due = result.official_score
        groups.setdefault(objective.pk, (objective, []))[1].append(
            ItemScore(label, _plain(score), not_due)
        )
        self_items.append(ItemScore(label, _plain(result.score), result.not_due))
    inputs = [
        ObjectiveInput(number=o.number, title=o.title, items=items)
        for o, items in groups.values()
    ]
    score = score_objectives(inputs, scale)
    reviewed = any(r.reviewed_at is not None for r in results)
    return ResultsPanel(
        self_total=_pooled(self_items, scale) if reviewed else None,
        scale=scale,
        total=score.total,
        objectives=[
            (o, r.result) for (o, _), r in zip(groups.values(), score.objectives, strict=True)
        ],
        unscored=[r for r in results if result_state(r) == "unscored"],
        not_due=[r for r in results if r.not_due],
    )


def report_events(*, report: Report) -> list[ReportEvent]:
    """The report's workflow steps, oldest first, with who took them: one query."""
    return list(ReportEvent.objects.filter(report=report).select_related("by"))


@dataclass(frozen=True)
class FieldChange:
    """One field of a saved change (a plan's, a measure's, a result's): before → after."""

    field: str
    before: object
    after: object


@dataclass(frozen=True)
class ReportChange:
    """One change to a report's results: a result edited (field by field, before → after),
    or evidence added or removed (``evidence`` is that historical record)."""

    at: datetime
    user: object
    kind: str  # "result" | "evidence_added" | "evidence_removed"
    result_id: int
    measure: str
    fields: list[FieldChange]
    evidence: object = None
    history_id: int = 0


def report_changes(*, report: Report) -> list[ReportChange]:
    """Every change to the report's results and evidence, newest first, in three queries.

    A result's first record (written when the report was started or imported) is the base
    each later record is compared with (simple_history's ``diff_against``); it is not itself
    listed as a change.
    """
    labels = {
        pk: number or f"#{pk}"
        for pk, number in MeasureResult.objects.filter(report=report).values_list(
            "pk", "measure__number"
        )
    }
    changes: list[ReportChange] = []
    previous: dict[int, object] = {}
    records = (
        MeasureResult.history.filter(report_id=report.pk)
        .select_related("history_user")
        .order_by("id", "history_date", "history_id")
    )
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        if before is None or record.history_type != "~":
            continue
        delta = record.diff_against(before, included_fields=RESULT_FIELDS)
        if not delta.changes:
            continue
        order = {name: i for i, name in enumerate(RESULT_FIELDS)}
        fields = [
            FieldChange(field=c.field, before=c.old, after=c.new)
            for c in sorted(delta.changes, key=lambda c: order[c.field])
        ]
        changes.append(
            ReportChange(
                at=record.history_date,
                user=record.history_user,
                kind="result",
                result_id=record.id,
                measure=labels.get(record.id, ""),
                fields=fields,
                history_id=record.history_id,
            )
        )
    evidence = Evidence.history.filter(
        result_id__in=MeasureResult.objects.filter(report=report).values("pk"),
        history_type__in=("+", "-"),
    ).select_related("history_user")
    for record in evidence:
        changes.append(
            ReportChange(
                at=record.history_date,
                user=record.history_user,
                kind="evidence_added" if record.history_type == "+" else "evidence_removed",
                result_id=record.result_id,
                measure=labels.get(record.result_id, ""),
                fields=[],
                evidence=record,
                history_id=record.history_id,
            )
        )
    changes.sort(key=lambda c: (c.at, c.history_id), reverse=True)
    return changes


# --- the plan's official table (plan pages, downloads) --------------------------------------
# Imports of this section sit here so the parts above stay as they were written.

from shudarga.documents.grammar import genitive  # noqa: E402
from shudarga.plans.models import Plan  # noqa: E402


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
    from shudarga.plans.models import Measure  # this section stands on its own

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
                planned_budget=_plain(m.planned_budget),
                responsible_unit=m.responsible_unit,
                deadline=m.deadline,
            )
        )
    return doc.ReportDocument(
        title=plan_title(plan=plan),
        organization=plan.organization.name,
        year=plan.year,
        period=doc.Period.ANNUAL,
        scale=_scale_document(plan.scale, plan.scale.levels.all()),
        objectives=list(entries.values()),
    )
