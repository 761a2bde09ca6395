"""Pages of the organization workspace: the list of reports and one report as the official table.

Every page asks ``shudarga.access`` what the user may see; a report outside that set is a 404, so
an outsider cannot even learn that it exists.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from shudarga.access import organizations_visible_to, reports_visible_to
from shudarga.documents import writers
from shudarga.documents.scoring import score_document
from shudarga.jobs.selectors import pdf_needs_job
from shudarga.plans.models import Report
from shudarga.plans.reports.documents import downloadable_document, report_document
from shudarga.plans.reports.selectors import (
    list_aimags,
    report_list_filtered,
    report_list_rows,
    report_totals,
    report_years,
)
from shudarga.web.csp import allow_official_style
from shudarga.web.listing import list_filters, query_without_page
from shudarga.web.presenters import report_table
from shudarga.web.report_views import report_workflow_context

REPORTS_PER_PAGE = 50


@login_required
def report_list_page(request: HttpRequest) -> HttpResponse:
    """The reports the user may see, 50 a page, narrowed in the database by year, aimag,
    state and organization name; the counts and results are computed for the page only."""
    filters = list_filters(request)
    visible = reports_visible_to(request.user)
    rows = report_list_filtered(reports=visible, filters=filters)
    page = Paginator(rows.values_list("pk", flat=True), REPORTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "rows": report_totals(reports=report_list_rows(rows=list(page.object_list))),
        "page": page,
        "filters": filters,
        "query": query_without_page(request),
        "years": report_years(reports=visible),
        "aimags": list_aimags(organizations_visible_to(request.user)),
        "states": Report.Status.choices,
    }
    return render(request, "web/report_list.html", context)


@login_required
def report_page(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(reports_visible_to(request.user), pk=pk)
    document = report_document(report=report)
    score = score_document(document)
    context = {
        "report": report,
        "document": document,
        "score": score,
        "self_score": score_document(document.self_assessed()) if document.reviewed else None,
        "objectives": report_table(document, score),
        "formats": DOWNLOAD_FORMATS,
        "pdf_by_job": pdf_needs_job(measures=document.measure_count),
        **report_workflow_context(report),
    }
    return render(request, "web/report.html", context)


# The official table in every format we write, in the order people ask for them.
DOWNLOAD_FORMATS = ("docx", "pdf", "xlsx", "html", "csv", "json")


@login_required
@require_GET
def report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in DOWNLOAD_FORMATS:
        raise Http404
    report = get_object_or_404(reports_visible_to(request.user), pk=pk)
    document = downloadable_document(report=report)
    if fmt == "pdf" and pdf_needs_job(measures=document.measure_count):
        # A large report's PDF is rendered by a worker (shudarga.jobs), not on this request.
        context = {"report": report, "measures": document.measure_count}
        return render(request, "web/jobs/pdf_large.html", context)
    response = HttpResponse(writers.write(document, fmt), content_type=writers.content_type(fmt))
    response["Content-Disposition"] = f'attachment; filename="{writers.file_name(document, fmt)}"'
    return response


@login_required
@require_GET
@allow_official_style
def report_print(request: HttpRequest, pk: int) -> HttpResponse:
    """The print view: the same standalone HTML the PDF is rendered from."""
    report = get_object_or_404(reports_visible_to(request.user), pk=pk)
    html = writers.write(downloadable_document(report=report), "html")
    return HttpResponse(html, content_type=writers.content_type("html"))
