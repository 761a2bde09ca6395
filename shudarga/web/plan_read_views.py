"""Reading a plan beyond its page: the history of its changes and its official table in every
format we write. Anyone who may see the plan (``access.plans_for``) may do both; others
get a 404."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from shudarga.documents import writers
from shudarga.plans.planning.selectors import plan_events, plan_history
from shudarga.plans.reports.documents import plan_document
from shudarga.web.plan_present import history_rows
from shudarga.web.plan_views import visible_plan


@login_required
@require_GET
def plan_history_page(request: HttpRequest, pk: int) -> HttpResponse:
    plan = visible_plan(request, pk)
    page = Paginator(plan_history(plan=plan), 100).get_page(request.GET.get("page"))
    context = {
        "plan": plan,
        "events": plan_events(plan=plan),
        "page": page,
        "changes": history_rows(page.object_list),
    }
    return render(request, "web/plans/history.html", context)


@login_required
@require_GET
def plan_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in writers.FORMATS:
        raise Http404
    plan = visible_plan(request, pk)
    document = plan_document(plan=plan)
    response = HttpResponse(writers.write(document, fmt), content_type=writers.content_type(fmt))
    name = writers.file_name(document, fmt).replace(f"-{document.period.value}.", "-plan.", 1)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
