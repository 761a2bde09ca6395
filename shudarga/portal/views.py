"""The public portal: no login, published reports only, light pages.

Every read goes through ``portal.selectors`` (which starts from ``reports_public()``), and
every report shown or downloaded is built from its frozen publication document.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import router
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_cookie

from shudarga.documents import writers
from shudarga.orgs.models import Organization
from shudarga.plans.models import ReportPublication
from shudarga.portal import files, selectors, year_files

PAGE_SIZE = 50


# Public pages change only when something is published: a short shared cache is safe, kept
# apart per cookie (the visitor's language is one).
def public(view):
    return cache_control(public=True, max_age=300)(vary_on_cookie(view))


def _page(request: HttpRequest, rows):
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


def _node(node_id: int) -> Organization:
    try:
        return selectors.node_get(node_id=node_id)
    except Organization.DoesNotExist as exc:
        raise Http404 from exc


def _publication(report_id: int, version: int | None = None) -> ReportPublication:
    try:
        return selectors.publication_get(report_id=report_id, version=version)
    except ReportPublication.DoesNotExist as exc:
        raise Http404 from exc


@require_safe
@public
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/home.html",
        {
            "nodes": _page(request, selectors.node_top()),
            "years": selectors.publication_years(),
        },
    )


@require_safe
@public
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    page = _page(request, selectors.node_search(query=query))
    trails = selectors.node_trails(nodes=list(page))
    return render(
        request,
        "portal/search.html",
        {
            "query": query,
            "page": page,
            "results": [(n, trails[n.pk]) for n in page],
        },
    )


@require_safe
@public
def node(request: HttpRequest, node_id: int) -> HttpResponse:
    current = _node(node_id)
    return render(
        request,
        "portal/node.html",
        {
            "node": current,
            "trail": selectors.node_trail(node=current),
            "children": _page(request, selectors.node_children(node=current)),
            "publications": list(selectors.publications_current(node=current)),
            "is_aimag": current.kind in selectors.AIMAG_KINDS,
            "years": selectors.publication_years(),
        },
    )


@require_safe
@public
def report(request: HttpRequest, report_id: int, version: int | None = None) -> HttpResponse:
    publication = _publication(report_id, version)
    organization = publication.report.plan.organization
    return render(
        request,
        "portal/report.html",
        {
            "publication": publication,
            "report": publication.report,
            "organization": organization,
            "trail": selectors.node_trail(node=organization),
            "table": selectors.publication_table(publication=publication),
            "history": selectors.publication_history(report_id=report_id),
            "formats": ("docx", "xlsx", "pdf", "csv", "json"),
        },
    )


@require_safe
@public
def report_file(
    request: HttpRequest, report_id: int, fmt: str, version: int | None = None
) -> HttpResponse:
    """The publication in one format, written once from its frozen document (portal.files):
    one query that leaves the document unread, then the stored bytes (or 304)."""
    try:
        stored = files.publication_stored(report_id=report_id, version=version)
    except ReportPublication.DoesNotExist as exc:
        raise Http404 from exc
    etag = stored.etag(fmt)
    modified = int(stored.published_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    if response is None:
        data = files.stored_file(stored=stored, fmt=fmt)
        response = HttpResponse(data, content_type=writers.content_type(fmt))
        disposition = "inline" if fmt == "json" else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{stored.download_name(fmt)}"'
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _overall(groups: list[selectors.SummaryGroup]) -> list[selectors.SummaryGroup]:
    """The groups by aimag added up into one (no query)."""
    if not groups:
        return []
    total = selectors.SummaryGroup(node=None)
    for group in groups:
        for name in ("annual", "half_year"):
            into, tally = getattr(total, name), getattr(group, name)
            into.count += tally.count
            into.scored += tally.scored
            into.total += tally.total
    return [total]


@require_safe
@public
def summary(request: HttpRequest, year: int) -> HttpResponse:
    page = _page(request, selectors.summary_publications(year=year))
    groups = selectors.summary_groups(year=year, by_aimag=True)
    return render(
        request,
        "portal/summary.html",
        {
            "year": year,
            "node": None,
            "overall": _overall(groups),
            "groups": groups,
            "entries": page,
            "rows": selectors.summary_entries(page.object_list),
            "years": selectors.publication_years(),
        },
    )


@require_safe
@public
def summary_aimag(request: HttpRequest, year: int, node_id: int) -> HttpResponse:
    current = _node(node_id)
    page = _page(request, selectors.summary_publications(year=year, node=current))
    return render(
        request,
        "portal/summary.html",
        {
            "year": year,
            "node": current,
            "overall": selectors.summary_groups(year=year, node=current, by_aimag=False),
            "groups": [],
            "entries": page,
            "rows": selectors.summary_entries(page.object_list),
            "years": selectors.publication_years(),
        },
    )


@require_safe
@public
def year_measures(request: HttpRequest, year: int) -> HttpResponse:
    """Every measure of every current publication of the year, one CSV (UTF-8 with BOM),
    written once per state of the year's publications (portal.year_files): one query names
    the state, then the stored file is streamed (or 304); the first request writes it."""
    alias = router.db_for_read(ReportPublication)
    state = year_files.year_state(year=year, using=alias)
    etag, modified = state.etag(), state.last_modified()
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    if response is None:
        stored = year_files.stored_open(state) if state.count else None
        if stored is not None:
            response = FileResponse(stored, content_type=year_files.CONTENT_TYPE)
            response.block_size = year_files.CHUNK  # megabytes, sent 64 KiB at a time (not 4)
        elif state.count:
            body = year_files.writing(state, using=alias)
            response = StreamingHttpResponse(body, content_type=year_files.CONTENT_TYPE)
        else:  # no publication: the header alone, never kept (any year may be asked)
            body = year_files.measure_lines(year=year, using=alias)
            response = StreamingHttpResponse(body, content_type=year_files.CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{state.download_name()}"'
    response["ETag"] = etag
    if modified is not None:
        response["Last-Modified"] = http_date(modified)
    response["Access-Control-Allow-Origin"] = "*"
    return response
