"""Reads of plans and reports, each in a constant number of queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Subquery

from shudarga.documents import model as doc
from shudarga.documents.scoring import (
    ItemScore,
    ObjectiveInput,
    Result,
    score_items,
    score_objectives,
)
from shudarga.documents.textnorm import fold
from shudarga.orgs.models import Organization
from shudarga.orgs.selectors import name_matches
from shudarga.plans.models import MeasureResult, Objective, Report, ScaleLevel
from shudarga.plans.official import OFFICIAL_FIELDS, official_expressions, official_score
from shudarga.plans.reports.documents import plain_decimal, scale_as_document
from shudarga.plans.review.selectors import AIMAG_DEPTH


@dataclass(frozen=True)
class ListFilters:
    """What a list page narrows to, in the database: a year, an aimag (a depth-2 node of the
    tree), a state (of the plan or the report, per list) and part of an organization's name
    (folded as the portal's search folds it)."""

    year: int | None = None
    aimag: int | None = None
    status: str = ""
    q: str = ""

    @property
    def active(self) -> bool:
        return bool(self.year or self.aimag or self.status or self.q)


def organizations_filtered(
    organizations: QuerySet[Organization], filters: ListFilters
) -> QuerySet[Organization]:
    """``organizations`` narrowed by the filters' aimag and name (not by year or state)."""
    if filters.aimag:
        aimag = Organization.objects.filter(pk=filters.aimag, depth=AIMAG_DEPTH).values("path")
        organizations = organizations.filter(
            path__startswith=Subquery(aimag[:1]),
        )
    condition = name_matches(filters.q)
    if condition is not None:
        organizations = organizations.filter(condition)
    return organizations


def list_aimags(organizations: QuerySet[Organization]) -> list[Organization]:
    """The aimags (depth-2 nodes) among ``organizations`` (a user's scope), by name: one query."""
    return list(
        Organization.objects.filter(depth=AIMAG_DEPTH, pk__in=organizations.values("pk")).order_by(
            "name", "pk"
        )
    )


def report_list_filtered(*, reports: QuerySet[Report], filters: ListFilters) -> QuerySet[Report]:
    """``reports`` narrowed in the database by year, aimag, state and organization name; the
    order of ``report_list``, without its counts (annotate only the page: ``report_list``)."""
    if filters.year:
        reports = reports.filter(plan__year=filters.year)
    if filters.status in Report.Status.values:
        reports = reports.filter(status=filters.status)
    if filters.aimag or fold(filters.q):
        scope = organizations_filtered(Organization.objects.all(), filters)
        reports = reports.filter(plan__organization__in=scope.values("pk"))
    return reports.order_by("-plan__year", "plan__organization__name", "period", "pk")


def report_years(*, reports: QuerySet[Report]) -> list[int]:
    """The years of ``reports``, newest first: one query."""
    return list(reports.order_by("-plan__year").values_list("plan__year", flat=True).distinct())


def report_list_rows(*, rows: Sequence[int] | QuerySet[Report]) -> list[Report]:
    """The reports of one page (their ids, in order) with what ``report_list`` annotates:
    the counts are computed for these rows only."""
    ids = [r if isinstance(r, int) else r.pk for r in rows]
    order = {pk: i for i, pk in enumerate(ids)}
    reports = report_list(reports=Report.objects.filter(pk__in=ids))
    return sorted(reports, key=lambda r: order[r.pk])


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
    # The organization's own result, once a reviewer scored a measure (None before).
    self_total: Result | None = None

    @property
    def display(self) -> str | None:
        """The total as the plan's scale publishes it, None when no measure is scored."""
        return self.total.display

    @property
    def self_display(self) -> str | None:
        """The self-assessed total of a reviewed report, shown beside the official one."""
        return self.self_total.display if self.self_total is not None else None

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

    A list shows totals and counts only, so the results are read without their measures:
    the totals' lists of not-due and unscored measures hold one empty number per measure
    (their lengths are the counts). Joining the measures for their numbers and their order
    made this query 80 times slower on a country's database (55 ms against 0.7 ms for the
    150 reports of a page).
    """
    reports = list(reports)
    scales = {r.plan.scale_id: r.plan.scale for r in reports}
    levels: dict[int, list[ScaleLevel]] = {pk: [] for pk in scales}
    for level in ScaleLevel.objects.filter(scale_id__in=scales):
        levels[level.scale_id].append(level)
    doc_scales = {pk: scale_as_document(scale, levels[pk]) for pk, scale in scales.items()}
    items: dict[int, list[ItemScore]] = {r.pk: [] for r in reports}
    self_items: dict[int, list[ItemScore]] = {r.pk: [] for r in reports}
    reviewed: set[int] = set()
    rows = (
        MeasureResult.objects.filter(report__in=[r.pk for r in reports])
        .order_by()
        .values_list("report_id", *OFFICIAL_FIELDS)
    )
    for report_id, *fields in rows:
        score, not_due = official_score(*fields)
        items[report_id].append(ItemScore("", plain_decimal(score), not_due))
        self_items[report_id].append(ItemScore("", plain_decimal(fields[0]), fields[1]))
        if fields[-1] is not None:  # reviewed_at: a reviewer scored this measure
            reviewed.add(report_id)
    return [
        ReportTotal(
            report=r,
            total=_pooled(items[r.pk], doc_scales[r.plan.scale_id]),
            self_total=(
                _pooled(self_items[r.pk], doc_scales[r.plan.scale_id]) if r.pk in reviewed else None
            ),
        )
        for r in reports
    ]


def _pooled(items: list[ItemScore], scale: doc.Scale) -> Result:
    return score_items(items, scale)


# --- the report sheet: filling in a report, its live results, its changes -----------------
# Imports of this section sit here so the part above stays as it was written.

from datetime import datetime  # noqa: E402

from django.db.models import Prefetch  # noqa: E402

from shudarga.plans.models import Evidence, Measure, ReportEvent  # noqa: E402

# The fields of a result people change, in the order pages show them (version is bookkeeping).
RESULT_FIELDS = ("spent", "achieved", "score", "not_due", "rating_label")

_RESULT_ORDER = (
    "measure__objective__order",
    "measure__objective_id",
    "measure__order",
    "measure_id",
)


def result_state(result: MeasureResult) -> str:
    """ "not_due" (ХБ, wins over a score), "scored", or "unscored" (not evaluated)."""
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

    Five queries however many measures; check shudarga.access before calling.
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
        panel=_panel(results, scale_as_document(report.plan.scale, levels)),
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
    return _panel(results, scale_as_document(scale, levels))


def _panel(results: Sequence[MeasureResult], scale: doc.Scale) -> ResultsPanel:
    groups: dict[int, tuple[Objective, list[ItemScore]]] = {}
    self_items: list[ItemScore] = []
    for result in results:
        objective = result.measure.objective
        label = measure_label(result.measure)
        score, not_due = result.official_score
        groups.setdefault(objective.pk, (objective, []))[1].append(
            ItemScore(label, plain_decimal(score), not_due)
        )
        self_items.append(ItemScore(label, plain_decimal(result.score), result.not_due))
    inputs = [
        ObjectiveInput(number=o.number, title=o.title, items=items) for o, items in groups.values()
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
