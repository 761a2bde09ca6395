"""Evidence of a measure's result: attach files and links, remove them, download a file.

Files live in the evidence store (settings.EVIDENCE_ROOT), outside every folder the web
server serves; the only way to a file is ``evidence_download``, which asks ``shudarga.access``
first (outsiders get a 404), sends the file as an attachment that browsers must not sniff and
records the download (shudarga.audit).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from shudarga.access import Action, reports_for, user_may
from shudarga.audit.models import AuditEvent
from shudarga.audit.services import audit_record
from shudarga.plans.errors import EvidenceRejectedError, ReportLockedError
from shudarga.plans.models import Evidence, MeasureResult, Report
from shudarga.plans.reports.filling import evidence_add_file, evidence_add_link, evidence_remove
from shudarga.plans.reports.selectors import report_sheet_result
from shudarga.web.report_sheet import block_for, is_htmx, permissions_for

MAX_FILES_AT_ONCE = 20


def rejection_message(exc: EvidenceRejectedError) -> str:
    kinds = ", ".join(sorted({s.lstrip(".").upper() for s in settings.EVIDENCE_TYPES}))
    if exc.code == "type":
        return _("%(name)s was refused: only these kinds of file are accepted: %(kinds)s.") % {
            "name": exc.name,
            "kinds": kinds,
        }
    if exc.code == "content":
        return _(
            "%(name)s was refused: its content is not what its name says (a file renamed to "
            "look like a document is not accepted)."
        ) % {"name": exc.name}
    if exc.code == "size":
        return _("%(name)s was refused: a file may be at most %(mb)s MB.") % {
            "name": exc.name,
            "mb": _megabytes(exc.limit or 0),
        }
    if exc.code == "empty":
        return _("%(name)s was refused: the file is empty.") % {"name": exc.name}
    if exc.code == "text":
        return _(
            "%(name)s was refused: its name or description holds a control character; remove it."
        ) % {"name": exc.name}
    if exc.code == "storage":
        return _(
            "%(name)s could not be stored: the evidence store is full or read-only. Nothing "
            "was attached; tell the administrator."
        ) % {"name": exc.name}
    return _("The link was refused: only http:// and https:// links can be attached.")


def _megabytes(size: int) -> str:
    value = size / (1024 * 1024)
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def _result_of(request: HttpRequest, pk: int, result_pk: int) -> tuple[Report, MeasureResult]:
    """The result to attach to: 404 outside the reports the user sees, 403 for a viewer."""
    report = get_object_or_404(reports_for(request.user).select_related("plan__scale"), pk=pk)
    result = get_object_or_404(report.results.all(), pk=result_pk)
    if not user_may(request.user, Action.EDIT, report.plan.organization_id):
        raise PermissionDenied
    return report, result


def _managing_url(report_id: int, result_id: int) -> str:
    """The sheet with this measure's evidence forms open (without htmx)."""
    url = reverse("web:report_edit", args=[report_id])
    return f"{url}?evidence={result_id}#ev-{result_id}"


def _answer(
    request: HttpRequest, report: Report, result_id: int, notes: list[tuple[str, str]]
) -> HttpResponse:
    """The evidence of the measure again, its forms open (htmx), else back to the measure
    on the sheet with its forms open."""
    if not is_htmx(request):
        for level, text in notes:
            messages.add_message(request, level, text)
        return redirect(_managing_url(report.pk, result_id))
    result = report_sheet_result(result_id=result_id)
    scale = report.plan.scale
    permissions = permissions_for(request.user, report)
    levels = list(scale.levels.all())
    block = block_for(result, scale, levels, permissions, period=report.period)
    block.evidence_messages = [
        ("error" if level == messages.ERROR else "success", text) for level, text in notes
    ]
    block.manage_evidence = True
    context = {"report": report, "block": block, "editable": permissions.editable}
    response = render(request, "web/reports/_evidence.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_GET
def evidence_manage(request: HttpRequest, pk: int, result_pk: int) -> HttpResponse:
    """The forms that add and remove a measure's evidence (one measure at a time)."""
    report, result = _result_of(request, pk, result_pk)
    return _answer(request, report, result.pk, [])


@login_required
@require_POST
def evidence_upload(request: HttpRequest, pk: int, result_pk: int) -> HttpResponse:
    report, result = _result_of(request, pk, result_pk)
    uploads = request.FILES.getlist("files")
    notes: list[tuple[str, str]] = []
    if not uploads:
        notes.append((messages.ERROR, _("Choose at least one file to attach.")))
    elif len(uploads) > MAX_FILES_AT_ONCE:
        notes.append(
            (messages.ERROR, _("Attach at most %(n)s files at once.") % {"n": MAX_FILES_AT_ONCE})
        )
        uploads = []
    title = request.POST.get("title", "")
    for upload in uploads:
        try:
            evidence = evidence_add_file(
                user=request.user, result=result, upload=upload, title=title
            )
        except EvidenceRejectedError as exc:
            notes.append((messages.ERROR, rejection_message(exc)))
        except ReportLockedError:
            notes.append((messages.ERROR, _("The report is locked: nothing was attached.")))
            break
        else:
            notes.append(
                (messages.SUCCESS, _("Attached %(name)s.") % {"name": evidence.original_name})
            )
    return _answer(request, report, result.pk, notes)


@login_required
@require_POST
def evidence_link(request: HttpRequest, pk: int, result_pk: int) -> HttpResponse:
    report, result = _result_of(request, pk, result_pk)
    try:
        evidence_add_link(
            user=request.user,
            result=result,
            url=request.POST.get("url", ""),
            title=request.POST.get("title", ""),
        )
    except EvidenceRejectedError as exc:
        notes = [(messages.ERROR, rejection_message(exc))]
    except ReportLockedError:
        notes = [(messages.ERROR, _("The report is locked: nothing was attached."))]
    else:
        notes = [(messages.SUCCESS, _("The link was attached."))]
    return _answer(request, report, result.pk, notes)


def _visible_evidence(request: HttpRequest):
    return Evidence.objects.filter(result__report__in=reports_for(request.user))


@login_required
@require_POST
def evidence_remove_view(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = get_object_or_404(_visible_evidence(request).select_related("result"), pk=pk)
    report = Report.objects.select_related("plan__scale").get(pk=evidence.result.report_id)
    name = evidence.original_name or evidence.url
    try:
        evidence_remove(user=request.user, evidence=evidence)
    except ReportLockedError:
        notes = [(messages.ERROR, _("The report is locked: nothing was removed."))]
    else:
        notes = [(messages.SUCCESS, _("Removed %(name)s.") % {"name": name})]
    return _answer(request, report, evidence.result_id, notes)


@login_required
@require_GET
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    """An evidence file, to those who may see its report, as an attachment; each download
    that is sent is recorded (who, which file, from where)."""
    evidence = get_object_or_404(_visible_evidence(request).exclude(file=""), pk=pk)
    try:
        handle = evidence.file.storage.open(evidence.file.name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    audit_record(
        kind=AuditEvent.Kind.EVIDENCE_DOWNLOAD,
        request=request,
        obj=evidence,
        detail=evidence.original_name,
    )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=evidence.original_name or "evidence",
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
