"""Pages of the organization workspace: the list of reports and one report as the official table.

Every page asks ``orgs.access`` what the user may see; a report outside that set is a 404, so
an outsider cannot even learn that it exists.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from shudarga.documents.scoring import score_document
from shudarga.orgs.access import reports_visible_to
from shudarga.plans.selectors import report_document, report_list, report_totals
from shudarga.web.presenters import report_table


@login_required
def report_list_page(request: HttpRequest) -> HttpResponse:
    reports = list(report_list(reports=reports_visible_to(request.user)))
    return render(
        request, "web/report_list.html", {"rows": report_totals(reports=reports)}
    )


@login_required
def report_page(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(reports_visible_to(request.user), pk=pk)
    document = report_document(report=report)
    score = score_document(document)
    context = {
        "report": report,
        "document": document,
        "score": score,
        "objectives": report_table(document, score),
    }
    return render(request, "web/report.html", context)
