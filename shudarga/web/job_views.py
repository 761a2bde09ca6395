"""Pages of background jobs: a person's jobs, one job's progress (polled by htmx every two
seconds, reloaded by the browser without JavaScript) and its result; starting a ZIP of a
node's reports, a large report's PDF, and a bulk import from uploaded files.

A job is found among ``access.jobs_visible_to`` (its owner only), else 404.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.core.files.storage import storages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from shudarga.access import (
    jobs_visible_to,
    organizations_visible_to,
    reports_visible_to,
    reviews_something,
)
from shudarga.jobs.imports import import_uploads_save
from shudarga.jobs.models import Job
from shudarga.jobs.selectors import jobs_of
from shudarga.jobs.services import job_start
from shudarga.plans.reports.selectors import list_aimags, report_years
from shudarga.web.report_sheet import is_htmx

JOBS_PER_PAGE = 25
MAX_UPLOADS = 50


@login_required
@require_GET
def job_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(jobs_of(user=request.user), JOBS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "web/jobs/list.html", {"page": page, "jobs": page.object_list})


@login_required
@require_GET
def job_page(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(jobs_visible_to(request.user), pk=pk)
    template = "web/jobs/_progress.html" if is_htmx(request) else "web/jobs/job.html"
    return render(request, template, {"job": job})


@login_required
@require_GET
def job_download(request: HttpRequest, pk: int) -> FileResponse:
    job = get_object_or_404(jobs_visible_to(request.user), pk=pk)
    if job.state != Job.State.DONE or not job.result:
        raise Http404
    stored = storages["generated"].open(job.result, "rb")
    return FileResponse(stored, as_attachment=True, filename=job.result_name or None)


@login_required
@require_http_methods(["GET", "POST"])
def zip_new(request: HttpRequest) -> HttpResponse:
    """A ZIP of the reports of an aimag for a year (those the user may see)."""
    aimags = list_aimags(organizations_visible_to(request.user))
    years = report_years(reports=reports_visible_to(request.user))
    error = ""
    if request.method == "POST":
        node = next((a for a in aimags if str(a.pk) == request.POST.get("node")), None)
        year = next((y for y in years if str(y) == request.POST.get("year")), None)
        if node is not None and year is not None:
            job = job_start(kind=Job.Kind.ZIP, user=request.user, organization=node, year=year)
            return redirect("web:job", job.pk)
        error = gettext("Choose an aimag and a year from the lists.")
    context = {"aimags": aimags, "years": years, "error": error}
    return render(request, "web/jobs/zip_new.html", context, status=400 if error else 200)


@login_required
@require_POST
def report_pdf_job(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(reports_visible_to(request.user), pk=pk)
    job = job_start(kind=Job.Kind.PDF, user=request.user, report=report)
    return redirect("web:job", job.pk)


@login_required
@require_http_methods(["GET", "POST"])
def import_new(request: HttpRequest) -> HttpResponse:
    """Reviewers upload old reports (files, or ZIPs of them) for the organizations
    under the nodes they review; a job imports each file in its own transaction."""
    if not reviews_something(request.user):
        raise Http404
    error = ""
    if request.method == "POST":
        files = request.FILES.getlist("files")
        if not files:
            error = gettext("Choose one or more report files, or a ZIP of them.")
        elif len(files) > MAX_UPLOADS:
            error = gettext("At most %(limit)d files at a time; put more into a ZIP.") % {
                "limit": MAX_UPLOADS
            }
        else:
            uploads = import_uploads_save(files=files, key=uuid.uuid4().hex)
            job = job_start(kind=Job.Kind.IMPORT, user=request.user, params={"uploads": uploads})
            return redirect("web:job", job.pk)
    context = {"error": error}
    return render(request, "web/jobs/import_new.html", context, status=400 if error else 200)
