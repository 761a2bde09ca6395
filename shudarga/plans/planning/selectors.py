"""Reads for the plan pages: the list by organization, one plan's outline, its history.

Each is a constant number of queries however many plans, objectives and measures there are;
who may see what is decided by ``shudarga.access`` and passed in as querysets or checked here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from shudarga.access import Action, organizations_for, plans_for
from shudarga.orgs.models import Membership, Organization
from shudarga.plans.models import Measure, MeasureResult, Objective, Plan, PlanEvent, Report
from shudarga.plans.planning.editing import MEASURE_FIELDS
from shudarga.plans.reports.documents import plan_title
from shudarga.plans.reports.selectors import (
    FieldChange,
    ListFilters,
    ReportTotal,
    list_aimags,
    organizations_filtered,
    report_totals,
)

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser

PERIODS = (Report.Period.HALF_YEAR, Report.Period.ANNUAL)
PERIOD_LABELS = {"half_year": _("Half-year report"), "annual": _("Annual report")}
# "Not started" is a report that does not exist yet; the others are the report's own states,
# in the model's words (a report's draft is "Ноорог" on every page, a plan's is "Төсөл").
REPORT_STATE_LABELS = {"not_started": _("Not started"), **dict(Report.Status.choices)}


@dataclass
class PeriodReport:
    """One period of a plan: its report (None: not started) and consolidated result."""

    period: str
    label: str
    report: Report | None = None
    total: ReportTotal | None = None

    @property
    def state(self) -> str:
        return self.report.status if self.report is not None else "not_started"

    @property
    def state_label(self) -> str:
        return str(REPORT_STATE_LABELS.get(self.state, self.state))


@dataclass
class PlanRow:
    plan: Plan
    reports: list[PeriodReport]
    may_edit: bool


@dataclass
class OrganizationPlans:
    organization: Organization
    plans: list[PlanRow] = field(default_factory=list)
    may_edit: bool = False


PLAN_LIST_PER_PAGE = 25


@dataclass
class PlanListPage:
    """One page of the plan list: the organizations of the page with their plans, the
    paginator's page (for its controls) and the choices of the filters."""

    groups: list[OrganizationPlans]
    page: Page
    years: list[int]
    aimags: list[Organization]


def _plan_list_organizations(*, user: AbstractBaseUser, filters: ListFilters) -> QuerySet:
    """The organizations of the list, by name: those the user belongs to, and any other they
    may see that has a plan (matching the filters' year and state)."""
    plans = plans_for(user, Action.VIEW)
    if filters.year:
        plans = plans.filter(year=filters.year)
    if filters.status in Plan.Status.values:
        plans = plans.filter(status=filters.status)
    condition = Q(pk__in=plans.values("organization_id"))
    if not (filters.year or filters.status):
        condition |= Q(pk__in=Membership.objects.filter(user_id=user.pk).values("organization_id"))
    organizations = organizations_for(user, Action.VIEW).filter(condition)
    # No DISTINCT: every condition is a subquery, so no organization comes twice.
    return organizations_filtered(organizations, filters).order_by("name", "pk")


def plan_list_page(
    *,
    user: AbstractBaseUser,
    filters: ListFilters | None = None,
    page: str | int | None = None,
    per_page: int | None = None,
) -> PlanListPage:
    """One page of the plan list (``per_page`` organizations, 25 by default, each with a plan
    a year; past the end, the last page), narrowed in the database by year, aimag, plan state
    and organization name.

    A constant number of queries however many organizations the user sees.
    """
    filters = filters or ListFilters()
    organizations = _plan_list_organizations(user=user, filters=filters)
    paginator = Paginator(organizations, per_page or PLAN_LIST_PER_PAGE)
    current = paginator.get_page(page)
    groups = _plan_groups(user=user, organizations=list(current.object_list), filters=filters)
    scope = organizations_for(user, Action.VIEW)
    years = list(
        plans_for(user, Action.VIEW).order_by("-year").values_list("year", flat=True).distinct()
    )
    return PlanListPage(groups=groups, page=current, years=years, aimags=list_aimags(scope))


def _plan_groups(
    *, user: AbstractBaseUser, organizations: list[Organization], filters: ListFilters
) -> list[OrganizationPlans]:
    """The given organizations, each with its plans (narrowed by the filters' year and state),
    newest year first, and both reports of each plan.

    Each plan carries ``objective_count`` and ``measure_count``. Six queries in all.
    """
    groups = {o.pk: OrganizationPlans(organization=o) for o in organizations}
    editable = set(
        organizations_for(user, Action.EDIT)
        .filter(pk__in=list(groups))
        .values_list("pk", flat=True)
    )
    plans = plans_for(user, Action.VIEW).filter(organization_id__in=list(groups))
    if filters.year:
        plans = plans.filter(year=filters.year)
    if filters.status in Plan.Status.values:
        plans = plans.filter(status=filters.status)
    plans = list(
        plans.select_related("scale")
        .annotate(
            objective_count=Count("objectives", distinct=True),
            measure_count=Count("objectives__measures"),
        )
        .order_by("-year", "pk")
    )
    reports = list(
        Report.objects.filter(plan__in=[p.pk for p in plans]).select_related("plan__scale")
    )
    totals = {t.report.pk: t for t in report_totals(reports=reports)}
    by_plan: dict[int, dict[str, Report]] = {}
    for report in reports:
        by_plan.setdefault(report.plan_id, {})[report.period] = report
    for group in groups.values():
        group.may_edit = group.organization.pk in editable
    for plan in plans:
        group = groups[plan.organization_id]
        plan.organization = group.organization  # already loaded: no query per plan
        group.plans.append(
            PlanRow(
                plan=plan,
                reports=_period_reports(by_plan.get(plan.pk, {}), totals),
                may_edit=group.may_edit,
            )
        )
    return list(groups.values())


def _period_reports(
    reports: dict[str, Report], totals: dict[int, ReportTotal]
) -> list[PeriodReport]:
    rows = []
    for period in PERIODS:
        report = reports.get(period)
        rows.append(
            PeriodReport(
                period=period.value,
                label=str(PERIOD_LABELS[period.value]),
                report=report,
                total=totals.get(report.pk) if report is not None else None,
            )
        )
    return rows


# One plan -----------------------------------------------------------------------------------


@dataclass
class ObjectiveOutline:
    objective: Objective
    measures: list[Measure]

    @property
    def has_results(self) -> bool:
        """A report has results for one of its measures: it cannot be deleted."""
        return any(m.has_results for m in self.measures)


@dataclass
class PlanView:
    """Everything the plan page shows, read in seven queries whatever the plan's size.

    Each measure carries ``has_results`` (a report has a result for it: it cannot be deleted).
    """

    plan: Plan
    outline: list[ObjectiveOutline]
    reports: list[PeriodReport]
    events: list[PlanEvent]
    may_edit: bool
    may_approve: bool
    title: str

    @property
    def editable(self) -> bool:
        """Edit controls show: the user may edit and the plan is a draft."""
        return self.may_edit and self.plan.status == Plan.Status.DRAFT

    @property
    def measure_count(self) -> int:
        return sum(len(o.measures) for o in self.outline)

    @property
    def last_event(self) -> PlanEvent | None:
        return self.events[-1] if self.events else None


def plan_outline(*, plan: Plan) -> list[ObjectiveOutline]:
    """The objectives in order, each with its measures in order (two queries)."""
    rows = {
        o.pk: ObjectiveOutline(objective=o, measures=[])
        for o in Objective.objects.filter(plan=plan).order_by("order", "pk")
    }
    measures = (
        Measure.objects.filter(objective__plan=plan)
        .annotate(has_results=Exists(MeasureResult.objects.filter(measure=OuterRef("pk"))))
        .order_by("order", "pk")
    )
    for m in measures:
        row = rows[m.objective_id]
        m.objective = row.objective
        row.measures.append(m)
    return list(rows.values())


def plan_view(*, plan: Plan, user: AbstractBaseUser) -> PlanView:
    plan = Plan.objects.select_related("organization", "scale", "approved_by").get(pk=plan.pk)
    allowed = set(
        organizations_for(user, Action.EDIT)
        .filter(pk=plan.organization_id)
        .values_list("pk", flat=True)
    )
    may_approve = organizations_for(user, Action.APPROVE).filter(pk=plan.organization_id).exists()
    reports = list(Report.objects.filter(plan=plan).select_related("plan__scale"))
    totals = {t.report.pk: t for t in report_totals(reports=reports)} if reports else {}
    return PlanView(
        plan=plan,
        outline=plan_outline(plan=plan),
        reports=_period_reports({r.period: r for r in reports}, totals),
        events=plan_events(plan=plan),
        may_edit=bool(allowed),
        may_approve=may_approve,
        title=plan_title(plan=plan),
    )


def plan_events(*, plan: Plan) -> list[PlanEvent]:
    """Approvals and reopenings, oldest first, with who took them."""
    return list(PlanEvent.objects.filter(plan=plan).select_related("by"))


# History ------------------------------------------------------------------------------------

# Bookkeeping fields: a move shows as its new number, never as positions and versions.
# Who approved and when is the plan's events' business; the scale is shown by name elsewhere.
HIDDEN_FIELDS = {
    "order",
    "version",
    "plan",
    "objective",
    "organization",
    "created_at",
    "approved_by",
    "approved_at",
    "scale",
}


@dataclass
class Change:
    """One saved change of the plan, an objective or a measure: who, when, what before/after."""

    at: datetime
    user: Any
    kind: str  # "plan", "objective", "measure"
    action: str  # "created", "changed", "deleted"
    label: str  # the objective's or measure's number at that time
    text: str  # its title or text at that time, for recognising it
    fields: list[FieldChange]
    history_id: int
    compared: bool = True  # False: a change of a row whose earlier state was never recorded


def plan_history(*, plan: Plan) -> list[Change]:
    """Every change of the plan, its objectives and measures (deleted ones too), newest first.

    Five queries: the plan's, its objectives' and its measures' history records; each record
    is compared with the one before it of the same row (``diff_against``) in memory.
    """
    plan_records = Plan.history.filter(id=plan.pk).select_related("history_user")
    objective_records = list(
        Objective.history.filter(plan_id=plan.pk).select_related("history_user")
    )
    # Objectives of today and of the past: measures of deleted objectives keep their history,
    # and rows written before history was kept have none of their own.
    objective_ids = {r.id for r in objective_records} | set(
        Objective.objects.filter(plan=plan).values_list("pk", flat=True)
    )
    measure_records = Measure.history.filter(objective_id__in=objective_ids).select_related(
        "history_user"
    )
    changes: list[Change] = []
    changes += _changes("plan", plan_records, label=lambda r: str(r.year), text=lambda r: "")
    changes += _changes(
        "objective", objective_records, label=lambda r: r.number, text=lambda r: r.title
    )
    changes += _changes("measure", measure_records, label=lambda r: r.number, text=lambda r: r.text)
    changes.sort(key=lambda c: (c.at, c.history_id), reverse=True)
    return changes


_ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def _changes(kind: str, records: QuerySet | list, *, label: Any, text: Any) -> list[Change]:
    records = sorted(records, key=lambda r: (r.id, r.history_date, r.history_id))
    changes: list[Change] = []
    previous = None
    for record in records:
        before = previous if previous is not None and previous.id == record.id else None
        previous = record
        compared = True
        if before is None or record.history_type != "~":
            fields = _created_fields(record) if record.history_type == "+" else []
            compared = record.history_type != "~"  # a change with no earlier record to compare
        else:
            delta = record.diff_against(before, excluded_fields=HIDDEN_FIELDS)
            fields = [FieldChange(c.field, c.old, c.new) for c in delta.changes]
            if not fields:
                continue  # only bookkeeping changed (a move's position)
        changes.append(
            Change(
                at=record.history_date,
                user=record.history_user,
                kind=kind,
                action=_ACTIONS.get(record.history_type, "changed"),
                label=label(record),
                text=text(record),
                fields=fields,
                history_id=record.history_id,
                compared=compared,
            )
        )
    return changes


def _created_fields(record: Any) -> list[FieldChange]:
    names = [*MEASURE_FIELDS] if hasattr(record, "indicator") else ["title", "status"]
    return [
        FieldChange(name, None, getattr(record, name))
        for name in names
        if hasattr(record, name) and getattr(record, name) not in (None, "")
    ]
