"""Dashboards: how the organizations under a reviewer's node are doing (staff: the country).

Who sees what: a reviewer sees their node and everything under it, and may narrow to a node
within it; a node outside it is a 404 (its existence is not confirmed). Staff and superusers
see the whole tree. A signed-in user who reviews nothing gets 403 (there is no dashboard for
them, which is not a secret); an anonymous visitor is sent to log in.

Every chart is drawn on the server as inline SVG and stands beside a table with the same
numbers; each table downloads as CSV (UTF-8 with a BOM, so spreadsheet programs read the
Cyrillic) with ``?format=csv&table=<name>``. The numbers come from ``plans.analytics.dashboard``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from shudarga.orgs.models import Organization
from shudarga.plans.analytics import dashboard as selectors
from shudarga.plans.models import Report
from shudarga.web import charts


@dataclass(frozen=True)
class Link:
    text: str
    url: str

    def __str__(self) -> str:
        return self.text


@dataclass
class Table:
    key: str
    title: str
    headers: list
    rows: list[list] = field(default_factory=list)
    chart: str = ""
    csv_url: str = ""
    note: str = ""
    page: Page | None = None  # a paginated table: its page (its rows are the page's)
    query: str = ""  # the page's query string without ``page``, for the pager's links

    @property
    def body(self) -> str:
        """The rows as HTML, written here rather than by the template: its lookup of a link
        on every number and word of a table cost the dashboard more than half its queries."""
        return mark_safe(
            "".join(f"<tr>{''.join(map(_cell_html, row))}</tr>\n" for row in self.rows)
        )


def _cell_html(cell: object) -> str:
    """One cell as the template wrote it: a link, or the value localized and escaped."""
    if isinstance(cell, Link):
        return format_html('<td><a href="{}">{}</a></td>', cell.url, cell.text)
    return format_html("<td>{}</td>", localize(cell))


def _csv_safe(value: object) -> object:
    """Numbers stay numbers; text that a spreadsheet would run as a formula gets a quote."""
    if isinstance(value, Change):
        return value.number
    text = str(value)
    if isinstance(value, (int, Decimal)):
        return text
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_streamed(headers: list, rows, filename: str) -> StreamingHttpResponse:
    """A CSV written row by row as ``rows`` is read (a whole ranking without holding it)."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff" + writer.writerow([str(h) for h in headers])
        for row in rows:
            yield writer.writerow([_csv_safe(cell) for cell in row])

    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in lines()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(table: Table, filename: str) -> HttpResponse:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([str(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([_csv_safe(cell) for cell in row])
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@dataclass(frozen=True)
class Change:
    """A change from last year: "+27" on the page, the number 27 in a CSV (a spreadsheet
    read "+27" as text and showed it as "'+27")."""

    value: Decimal
    number: str

    def __str__(self) -> str:
        return f"+{self.number}" if self.value > 0 and self.number.strip("0.") else self.number


def _change(value: Decimal | None) -> Change | str:
    return "" if value is None else Change(value, selectors._display(value))


# Whose scores a result is (selectors.result_basis), said beside it.
BASIS_LABELS = {
    selectors.REVIEWED_BASIS: _("reviewed"),
    selectors.IN_REVIEW_BASIS: _("partly reviewed"),
    selectors.SELF_BASIS: _("self-assessed, not yet reviewed"),
    selectors.DRAFT_BASIS: _("draft, not submitted"),
}


def _period(value: str | None) -> str:
    return value if value in Report.Period.values else Report.Period.ANNUAL


def _year(value: str | None, years: list[int]) -> int:
    if value and value.isdigit() and 1990 < int(value) < 2200:
        return int(value)
    return years[0] if years else timezone.localdate().year


def _year_and_period(request: HttpRequest, node: Organization, years: list[int]) -> tuple[int, str]:
    """The year and period asked for; without them, the newest year with submitted reports
    (selectors.dashboard_opening), then the newest with a plan."""
    asked_year, asked_period = request.GET.get("year"), request.GET.get("period")
    if not asked_year:
        opening = selectors.dashboard_opening(node=node)
        if opening is not None:
            return opening[0], asked_period if asked_period in Report.Period.values else opening[1]
    return _year(asked_year, years), _period(asked_period)


def _node(request: HttpRequest, node_id: int | None) -> Organization:
    if not selectors.dashboard_roots(user=request.user):
        raise PermissionDenied
    try:
        return selectors.dashboard_node(user=request.user, node_id=node_id)
    except selectors.NodeNotInScopeError:
        raise Http404 from None


RANKING_PER_PAGE = 50
RANKING_HEADERS = [
    _("Rank"),
    _("Organization"),
    _("Result"),
    _("Last year"),
    _("Change"),
    _("Status"),
    _("Result by"),
]


def _ranking_cells(r: selectors.RankRow) -> list:
    return [
        r.rank,
        Link(r.name, reverse("web:dashboard_trend", args=[r.organization_id])),
        r.display,
        selectors._display(r.previous),
        _change(r.change),
        Report.Status(r.status).label,
        BASIS_LABELS[r.basis],
    ]


def _tables(node: Organization, year: int, period: str, base: dict, page=None) -> list[Table]:
    counts = selectors.dashboard_status_counts(
        node=node, year=year, period=period, today=timezone.localdate()
    )
    ranking = Paginator(
        selectors.dashboard_ranking_rows(node=node, year=year, period=period), RANKING_PER_PAGE
    ).get_page(page)
    bins = selectors.dashboard_histogram_counts(node=node, year=year, period=period)
    aimags = selectors.dashboard_by_aimag(node=node, year=year, period=period)
    extremes = selectors.dashboard_measure_extremes(node=node, year=year, period=period)
    none = _("none in the calendar")
    tables = [
        Table(
            "counts",
            _("Organizations and their reports"),
            [_("What"), _("Organizations")],
            [
                [_("Organizations"), counts.organizations],
                [_("With a plan"), counts.with_plan],
                [_("Submitted a report"), counts.submitted],
                [_("Report accepted"), counts.accepted],
                [_("Submitted late"), none if counts.late is None else counts.late],
                [
                    _("Missing after the deadline"),
                    none if counts.missing is None else counts.missing,
                ],
            ],
            note=str(counts.deadline or ""),
        ),
        Table(
            "histogram",
            _("Distribution of consolidated results"),
            [_("Result range"), _("Organizations")],
            [[b.label, b.count] for b in bins],
        ),
        Table(
            "aimags",
            _("Results by aimag"),
            [_("Aimag"), _("Organizations"), _("With a result"), _("Mean result")],
            [[a.name or _("(no aimag)"), a.organizations, a.scored, a.display] for a in aimags],
        ),
        Table(
            "measures",
            _("Objectives whose measures were most often scored 0 or 30"),
            [_("Objective"), _("Scored measures"), _("Scored 0"), _("Scored 30"), _("0 or 30")],
            [[e.title, e.scored, e.zero, e.thirty, e.low] for e in extremes],
        ),
        Table(
            "ranking",
            _("Ranking"),
            RANKING_HEADERS,
            [_ranking_cells(selectors.rank_row(r)) for r in ranking.object_list],
            page=ranking,
            query=urlencode(base),
        ),
    ]
    tables[1].chart = charts.histogram_svg(
        labels=[b.label for b in bins],
        counts=[b.count for b in bins],
        title=str(tables[1].title),
    )
    if aimags:
        tables[2].chart = charts.bars_svg(
            labels=[a.name or str(_("(no aimag)")) for a in aimags],
            values=[a.mean for a in aimags],
            shown=[a.display or "—" for a in aimags],
            title=str(tables[2].title),
        )
    if extremes:
        tables[3].chart = charts.bars_svg(
            labels=[e.title for e in extremes],
            values=[e.low for e in extremes],
            shown=[str(e.low) for e in extremes],
            title=str(tables[3].title),
            maximum=float(max(e.low for e in extremes)),
        )
    for table in tables:
        table.csv_url = "?" + urlencode({**base, "format": "csv", "table": table.key})
    return tables


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    node_param = request.GET.get("node", "")
    node = _node(request, int(node_param) if node_param.isdigit() else None)
    years = selectors.dashboard_years(node=node)
    year, period = _year_and_period(request, node, years)
    base = {"node": node.pk, "year": year, "period": period}
    if request.GET.get("format") == "csv" and request.GET.get("table") == "ranking":
        rows = selectors.dashboard_ranking_rows(node=node, year=year, period=period)
        return csv_streamed(
            RANKING_HEADERS,
            (_ranking_cells(selectors.rank_row(r)) for r in rows.iterator(chunk_size=500)),
            f"dashboard-ranking-{year}-{period}.csv",
        )
    tables = _tables(node, year, period, base, page=request.GET.get("page"))
    if request.GET.get("format") == "csv":
        table = next((t for t in tables if t.key == request.GET.get("table")), None)
        if table is None:
            raise Http404
        return csv_response(table, f"dashboard-{table.key}-{year}-{period}.csv")
    ancestors = selectors.dashboard_ancestors(user=request.user, node=node)
    context = {
        "node": node,
        "nodes": [*ancestors, node, *selectors.dashboard_children(node=node)],
        "years": sorted({*years, year}, reverse=True),
        "year": year,
        "period": period,
        "periods": Report.Period.choices,
        "tables": tables,
    }
    return render(request, "web/dashboard/dashboard.html", context)


@login_required
@require_GET
def dashboard_trend(request: HttpRequest, pk: int) -> HttpResponse:
    organization = _node(request, pk)
    points = selectors.dashboard_trend(organization=organization)
    periods = dict(Report.Period.choices)
    labels = [f"{p.year} {periods.get(p.period, p.period)}" for p in points]
    table = Table(
        "trend",
        _("Consolidated result over the years"),
        [_("Year"), _("Period"), _("Result"), _("Status"), _("Result by")],
        [
            [
                p.year,
                periods.get(p.period, p.period),
                p.display,
                Report.Status(p.status).label,
                BASIS_LABELS[p.basis],
            ]
            for p in points
        ],
        csv_url="?format=csv",
    )
    if request.GET.get("format") == "csv":
        return csv_response(table, f"dashboard-trend-{organization.pk}.csv")
    # The chart draws what was sent up; a draft's result is in the table, marked as one.
    sent = [(label, p) for label, p in zip(labels, points, strict=True) if p.submitted]
    if sent:
        table.chart = charts.line_svg(
            labels=[label for label, _p in sent],
            values=[p.total for _label, p in sent],
            shown=[p.display or "—" for _label, p in sent],
            title=str(table.title),
        )
    return render(
        request, "web/dashboard/trend.html", {"organization": organization, "table": table}
    )
