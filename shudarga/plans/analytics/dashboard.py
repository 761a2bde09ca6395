"""Dashboard selectors: how the organizations under one node of the tree are doing.

Everything reads ReportSummary rows (one per report), and ``dashboard_measure_extremes``
their ObjectiveSummary rows (one per objective of a report). Every selector runs a fixed
number of queries, however many organizations are under the node.

"Organizations" are nodes of kind ``organization`` under the node (the node's path prefix).
A report counts as *submitted* once it was sent up (submitted, accepted or published); results
(histogram, ranking, aimags) use submitted reports only, since a draft's scores may change.
The official figures are the reviewer's scores where given, else the self-assessed ones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from django.db.models import (
    Case,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    When,
    Window,
)
from django.db.models.functions import Rank, Substr

from shudarga.access import review_roots
from shudarga.documents.scoring import format_value, mean_exact
from shudarga.documents.textnorm import fold
from shudarga.orgs.models import Organization
from shudarga.plans.models import (
    ObjectiveSummary,
    Plan,
    Report,
    ReportingCalendar,
    ReportSummary,
)

ORG = Organization.Kind.ORGANIZATION
SUBMITTED = Report.SENT_UP
ACCEPTED = Report.CONCLUDED
AIMAG_KINDS = (Organization.Kind.AIMAG, Organization.Kind.CAPITAL_CITY)
BIN_WIDTH = 10


class NodeNotInScopeError(Exception):
    """The node does not exist or is outside what the user reviews."""


def _display(value: Decimal | None, *, rounding: str = "half_up", decimals: int = 0) -> str:
    """A figure as the government scale publishes it (the plan's own rule where known)."""
    shown = format_value(value, SimpleNamespace(rounding=rounding, decimals=decimals))
    return "" if shown is None else shown


# --- scope ------------------------------------------------------------------------------


def dashboard_roots(*, user) -> list[Organization]:
    """The nodes a user's dashboard starts from (access.review_roots)."""
    return review_roots(user)


def dashboard_node(*, user, node_id: int | None) -> Organization:
    """The node to show: ``node_id`` when the user may see it, else their first node.

    Raises NodeNotInScopeError when the node is outside their scope or they review nothing.
    """
    roots = dashboard_roots(user=user)
    if not roots:
        raise NodeNotInScopeError
    if node_id is None:
        return roots[0]
    node = Organization.objects.filter(pk=node_id).first()
    if node is None or not any(node.path.startswith(r.path) for r in roots):
        raise NodeNotInScopeError
    return node


def dashboard_children(*, node: Organization) -> list[Organization]:
    """The nodes right under ``node`` that are not organizations: the choices to narrow to."""
    return list(
        Organization.objects.filter(path__startswith=node.path, depth=node.depth + 1)
        .exclude(kind=ORG)
        .order_by("name")
    )


def dashboard_ancestors(*, user, node: Organization) -> list[Organization]:
    """The nodes above ``node`` that the user may still open, top first. One or two queries."""
    roots = dashboard_roots(user=user)
    step = Organization.steplen
    paths = [node.path[: step * i] for i in range(1, node.depth)]
    above = Organization.objects.filter(path__in=paths).order_by("path")
    return [a for a in above if any(a.path.startswith(r.path) for r in roots)]


def _summaries(*, node: Organization, year: int, period: str) -> QuerySet[ReportSummary]:
    return ReportSummary.objects.filter(
        year=year,
        period=period,
        organization__path__startswith=node.path,
        organization__kind=ORG,
    )


# --- counts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusCounts:
    organizations: int
    with_plan: int
    submitted: int
    accepted: int
    late: int | None  # None: no deadline in the reporting calendar
    missing: int | None
    deadline: date | None


def dashboard_status_counts(
    *, node: Organization, year: int, period: str, today: date
) -> StatusCounts:
    """How many organizations have a plan, a submitted report, an accepted one; late ones
    (submitted after the deadline) and missing ones (deadline passed, nothing submitted).
    Four queries."""
    organizations = Organization.objects.filter(path__startswith=node.path, kind=ORG).count()
    with_plan = Plan.objects.filter(
        year=year, organization__path__startswith=node.path, organization__kind=ORG
    ).count()
    calendar = ReportingCalendar.objects.filter(year=year, period=period).first()
    deadline = calendar.deadline if calendar else None
    late_filter = (
        Q(status__in=SUBMITTED, submitted_at__date__gt=deadline) if deadline else Q(pk__in=[])
    )
    figures = _summaries(node=node, year=year, period=period).aggregate(
        submitted=Count("pk", filter=Q(status__in=SUBMITTED)),
        accepted=Count("pk", filter=Q(status__in=ACCEPTED)),
        late=Count("pk", filter=late_filter),
    )
    missing = None
    if deadline is not None:
        missing = organizations - figures["submitted"] if today > deadline else 0
    return StatusCounts(
        organizations=organizations,
        with_plan=with_plan,
        submitted=figures["submitted"],
        accepted=figures["accepted"],
        late=figures["late"] if deadline else None,
        missing=missing,
        deadline=deadline,
    )


# --- results ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RankRow:
    """One organization of the ranking; ``basis`` says whose scores its result is
    (``result_basis``)."""

    rank: int
    organization_id: int
    name: str
    path: str
    total: Decimal | None
    display: str
    previous: Decimal | None
    change: Decimal | None
    status: str
    report_id: int
    basis: str = ""


def dashboard_ranking_rows(*, node: Organization, year: int, period: str) -> QuerySet:
    """The ranking as a queryset, for paging and streaming in the database: organizations
    with a submitted report, best official result first (unscored last), each row with its
    ``rank`` (ties share it: 1, 2, 2, 4), ``previous`` (the official result of the same period
    the year before) and its organization and scale. One query for any slice of it."""
    previous = (
        _summaries(node=node, year=year - 1, period=period)
        .filter(status__in=SUBMITTED, organization_id=OuterRef("organization_id"))
        .values("official_total")[:1]
    )
    order = F("official_total").desc(nulls_last=True)
    # The scale's display rule by subqueries, not a join: PostgreSQL runs them for the rows
    # of the page only, where a join to every plan of the year came before the sort.
    scale = Plan.objects.filter(pk=OuterRef("plan_id"))
    return (
        _summaries(node=node, year=year, period=period)
        .filter(status__in=SUBMITTED)
        .select_related("organization")
        .annotate(
            rank=Window(Rank(), order_by=order),
            previous=Subquery(previous),
            scale_rounding=Subquery(scale.values("scale__rounding")[:1]),
            scale_decimals=Subquery(scale.values("scale__decimals")[:1]),
        )
        .order_by(order, "organization__name", "pk")
    )


def rank_row(row: ReportSummary) -> RankRow:
    """One row of ``dashboard_ranking_rows`` as the dashboard shows it."""
    total, before = row.official_total, row.previous
    return RankRow(
        rank=row.rank,
        organization_id=row.organization_id,
        name=row.organization.name,
        path=row.organization.path,
        total=total,
        display=_display(total, rounding=row.scale_rounding, decimals=row.scale_decimals),
        previous=before,
        change=None if total is None or before is None else total - before,
        status=row.status,
        report_id=row.report_id,
        basis=result_basis(row),
    )


def dashboard_ranking(*, node: Organization, year: int, period: str) -> list[RankRow]:
    """The whole ranking (``dashboard_ranking_rows``), in one query; pages read a slice."""
    return [rank_row(r) for r in dashboard_ranking_rows(node=node, year=year, period=period)]


@dataclass(frozen=True)
class Bin:
    low: int
    high: int
    count: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high}"


def dashboard_histogram(*, totals: list[Decimal | None]) -> list[Bin]:
    """Consolidated results in 10-point bins, 0–10 … 90–100; 100 (and above) in the last bin,
    a bin holds its lower edge. Results with nothing scored are left out."""
    counts = [0] * (100 // BIN_WIDTH)
    for total in totals:
        if total is None:
            continue
        index = min(max(int(total // BIN_WIDTH), 0), len(counts) - 1)
        counts[index] += 1
    return [Bin(i * BIN_WIDTH, (i + 1) * BIN_WIDTH, c) for i, c in enumerate(counts)]


def dashboard_histogram_counts(*, node: Organization, year: int, period: str) -> list[Bin]:
    """``dashboard_histogram`` of the submitted reports under the node, counted in the
    database: one query, whatever the number of organizations."""
    edges = range(0, 100, BIN_WIDTH)
    last = edges[-1]
    bins = {}
    for low in edges:
        condition = Q(official_total__isnull=False)
        if low > 0:
            condition &= Q(official_total__gte=low)
        if low < last:
            condition &= Q(official_total__lt=low + BIN_WIDTH)
        bins[f"b{low}"] = Count("pk", filter=condition)
    counts = (
        _summaries(node=node, year=year, period=period)
        .filter(status__in=SUBMITTED)
        .aggregate(**bins)
    )
    return [Bin(low, low + BIN_WIDTH, counts[f"b{low}"]) for low in edges]


@dataclass(frozen=True)
class AimagRow:
    name: str
    organizations: int
    scored: int
    mean: Decimal | None
    display: str


def dashboard_by_aimag(*, node: Organization, year: int, period: str) -> list[AimagRow]:
    """The mean official result of the ranked organizations of each aimag (or the capital)
    under the node; organizations under no aimag are grouped as "". Grouped in the database
    by the aimags' path prefixes: two queries, whatever the number of organizations."""
    aimags = {a.path: a.name for a in Organization.objects.filter(kind__in=AIMAG_KINDS)}
    lengths = sorted({len(p) for p in aimags})
    prefixes = {f"p{n}": Substr("organization__path", 1, n) for n in lengths}
    rows = (
        _summaries(node=node, year=year, period=period)
        .filter(status__in=SUBMITTED)
        .annotate(**prefixes)
        .values(*prefixes)
        .annotate(
            organizations=Count("pk"),
            scored=Count("official_total"),
            total=Sum("official_total"),
        )
        .order_by()
    )
    groups: dict[str, list] = defaultdict(lambda: [0, 0, Decimal(0)])
    for row in rows:
        name = next((aimags[row[k]] for k in prefixes if row[k] in aimags), "")
        group = groups[name]
        group[0] += row["organizations"]
        group[1] += row["scored"]
        group[2] += row["total"] or Decimal(0)
    out = []
    for name, (organizations, scored, total) in groups.items():
        mean = mean_exact(total, scored)
        out.append(AimagRow(name, organizations, scored, mean, _display(mean)))
    return sorted(out, key=lambda r: (r.mean is None, -(r.mean or 0), r.name))


@dataclass(frozen=True)
class ObjectiveExtremes:
    title: str
    scored: int
    zero: int
    thirty: int

    @property
    def low(self) -> int:
        return self.zero + self.thirty


def dashboard_measure_extremes(
    *, node: Organization, year: int, period: str, limit: int = 15
) -> list[ObjectiveExtremes]:
    """The objectives whose measures were most often scored 0 or 30 (official score) in the
    submitted reports under the node; titles grouped by their folded form. One GROUP BY query
    over the ObjectiveSummary rows (a few a report, kept with each report's summary), not
    over every measure result: at 5,000 organizations it took 0.7 s.
    """
    rows = (
        ObjectiveSummary.objects.filter(
            summary__year=year,
            summary__period=period,
            summary__status__in=SUBMITTED,
            summary__organization__path__startswith=node.path,
            summary__organization__kind=ORG,
        )
        .values(title=F("objective__title"))
        .annotate(scored=Sum("scored"), zero=Sum("zero"), thirty=Sum("thirty"))
        .order_by()
    )
    merged: dict[str, list] = {}
    for row in rows:
        key = fold(row["title"] or "")
        entry = merged.setdefault(key, [row["title"] or "", 0, 0, 0, 0])
        title = row["title"] or ""
        # The spelling used most often names the group (ties: the first in sort order).
        if (-row["scored"], title) < (-entry[4], entry[0]):
            entry[0], entry[4] = title, row["scored"]
        entry[1] += row["scored"]
        entry[2] += row["zero"]
        entry[3] += row["thirty"]
    out = [ObjectiveExtremes(t, s, z, th) for t, s, z, th, _ in merged.values() if z + th]
    return sorted(out, key=lambda r: (-r.low, -r.zero, r.title))[:limit]


# --- one organization -------------------------------------------------------------------


@dataclass(frozen=True)
class TrendPoint:
    year: int
    period: str
    total: Decimal | None
    display: str
    status: str
    basis: str = ""

    @property
    def submitted(self) -> bool:
        """Whether the organization sent this result up; a draft is work in progress."""
        return self.basis != DRAFT_BASIS


# Whose scores a result is, for the dashboards to say so beside it.
REVIEWED_BASIS, IN_REVIEW_BASIS, SELF_BASIS, DRAFT_BASIS = "reviewed", "in_review", "self", "draft"


def result_basis(summary: ReportSummary) -> str:
    """ "reviewed" (accepted: the reviewer's scores are final), "in_review" (submitted, a
    reviewer has changed some scores), "self" (submitted, the organization's own scores so
    far) or "draft" (not sent up: work in progress)."""
    if summary.status in ACCEPTED:
        return REVIEWED_BASIS
    if summary.status not in SUBMITTED:
        return DRAFT_BASIS
    changed = (summary.official_scored, summary.official_sum) != (
        summary.self_scored,
        summary.self_sum,
    )
    return IN_REVIEW_BASIS if changed else SELF_BASIS


def dashboard_trend(*, organization: Organization) -> list[TrendPoint]:
    """One organization's official result by year and period, oldest first. One query."""
    order = {Report.Period.HALF_YEAR: 0, Report.Period.ANNUAL: 1}
    rows = ReportSummary.objects.filter(organization=organization).select_related("plan__scale")
    points = [
        TrendPoint(
            r.year,
            r.period,
            r.official_total,
            _display(
                r.official_total, rounding=r.plan.scale.rounding, decimals=r.plan.scale.decimals
            ),
            r.status,
            result_basis(r),
        )
        for r in rows
    ]
    return sorted(points, key=lambda p: (p.year, order.get(p.period, 9)))


def dashboard_opening(*, node: Organization) -> tuple[int, str] | None:
    """The year and period a dashboard opens on: the newest with a submitted report under
    the node (its annual report before its half-year one), not the newest with any plan: a
    single office's plan for next year must not open every reviewer's dashboard on an empty
    year. None when nothing was ever submitted. One query."""
    annual_first = Case(When(period=Report.Period.ANNUAL, then=0), default=1)
    return (
        ReportSummary.objects.filter(
            organization__path__startswith=node.path,
            organization__kind=ORG,
            status__in=SUBMITTED,
        )
        .order_by("-year", annual_first)
        .values_list("year", "period")
        .first()
    )


def dashboard_years(*, node: Organization) -> list[int]:
    """The years with a plan under the node, newest first. One query."""
    return list(
        Plan.objects.filter(organization__path__startswith=node.path)
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
