"""Pages that fill in a report: start it, save each measure, submit, return, see its history.

Every page first finds the report among those the user may see (``shudarga.access``): outside
that set it is a 404. A change then goes through a service (plans.reports.filling,
plans.reports.workflow), which checks the user's role again and the report's state: a viewer, or an
officer trying to submit, gets a 403 and nothing changes.

Each form is a plain POST answered by a redirect (or, when the input needs another look,
the page again with the form as typed). With htmx, saving a measure swaps that measure and,
out of band, the results panel.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from shudarga.access import plans_for, reports_for
from shudarga.plans.errors import (
    PlanNotApprovedError,
    ReportExistsError,
    ReportLockedError,
    ResultConflictError,
    ResultValueError,
    UnscoredMeasuresError,
)
from shudarga.plans.models import MeasureResult, Report
from shudarga.plans.reports.filling import report_start as start_service
from shudarga.plans.reports.filling import result_update
from shudarga.plans.reports.selectors import (
    report_changes,
    report_events,
    report_last_return,
    report_panel,
    report_sheet,
    report_sheet_result,
)
from shudarga.plans.reports.workflow import report_submit as submit_service
from shudarga.web.report_forms import plain_score
from shudarga.web.report_sheet import (
    MeasureBlock,
    Permissions,
    block_for,
    is_htmx,
    new_form,
    permissions_for,
    score_legend,
    sheet_blocks,
    versions,
)


def edit_url(report_id: int, result_id: int | None = None) -> str:
    url = reverse("web:report_edit", args=[report_id])
    return f"{url}#m-{result_id}" if result_id else url


def _visible_report(request: HttpRequest, pk: int) -> Report:
    return get_object_or_404(reports_for(request.user).select_related("plan__scale"), pk=pk)


def render_sheet(
    request: HttpRequest,
    report_id: int,
    *,
    overrides: dict[int, MeasureBlock] | None = None,
    status: int = 200,
    managing: int | None = None,
) -> HttpResponse:
    """The whole report sheet; ``overrides`` replace the blocks of measures just posted,
    ``managing`` is the measure whose evidence forms are open (``?evidence=<result id>``)."""
    sheet = report_sheet(report_id=report_id)
    permissions = permissions_for(request.user, sheet.report)
    context = {
        "sheet": sheet,
        "report": sheet.report,
        "panel": sheet.panel,
        "permissions": permissions,
        "editable": permissions.editable,
        "objectives": sheet_blocks(sheet, permissions, overrides or {}, managing),
        "score_legend": score_legend(sheet.report.plan.scale, sheet.levels),
    }
    return render(request, "web/reports/edit.html", context, status=status)


def report_workflow_context(report: Report) -> dict[str, object]:
    """The workflow part of the read-only report page: its steps and, while the report is
    returned, the step that returned it (its reason is shown first)."""
    events = report_events(report=report)
    return {"events": events, "last_return": report_last_return(report=report, events=events)}


@login_required
@require_POST
def report_start(request: HttpRequest, plan_pk: int, period: str) -> HttpResponse:
    if period not in Report.Period.values:
        raise Http404
    plan = get_object_or_404(plans_for(request.user), pk=plan_pk)
    try:
        report = start_service(user=request.user, plan=plan, period=period)
    except PlanNotApprovedError:
        messages.error(request, _("A report can be started only for an approved plan."))
        return redirect("web:plan_list")
    except ReportExistsError as exc:
        messages.info(request, _("This report was already started; here it is."))
        return redirect(edit_url(exc.report.pk))
    messages.success(request, _("The report was started. Fill in each measure below."))
    return redirect(edit_url(report.pk))


@login_required
@require_GET
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible_report(request, pk)
    managing = request.GET.get("evidence", "")
    return render_sheet(request, report.pk, managing=int(managing) if managing.isdigit() else None)


@login_required
@require_http_methods(["GET", "POST"])
def report_result(request: HttpRequest, pk: int, result_pk: int) -> HttpResponse:
    """One measure: GET gives its block as stored (htmx, "take the stored version"); POST
    saves it against the version the form was read at."""
    report = _visible_report(request, pk)
    result = get_object_or_404(report.results.all(), pk=result_pk)
    if request.method == "GET":
        if not is_htmx(request):
            return redirect(edit_url(report.pk, result.pk))
        return _measure_response(request, report, result.pk)
    return _save_result(request, report, result)


def _save_result(request: HttpRequest, report: Report, result: MeasureResult) -> HttpResponse:
    permissions = permissions_for(request.user, report)
    if not permissions.may_edit:  # before reading the form: a viewer learns nothing more
        raise PermissionDenied
    scale = report.plan.scale
    levels = list(scale.levels.all())
    form = new_form(result, scale, levels, data=request.POST)
    if not form.is_valid():
        block = block_for(result, scale, levels, permissions, form=form)
        return _answer(request, report, block, status=400)
    try:
        saved = result_update(
            user=request.user,
            result=result,
            expected_version=form.cleaned_data["version"],
            **form.values(),
        )
    except ResultConflictError as exc:
        data = request.POST.copy()
        data[f"{form.prefix}-version"] = str(exc.stored.version)
        mine = new_form(exc.stored, scale, levels, data=data)
        mine.is_valid()
        block = block_for(
            exc.stored,
            scale,
            levels,
            permissions,
            form=mine,
            conflict=versions(form, exc.stored, scale, levels),
        )
        return _answer(request, report, block, status=409)
    except ReportLockedError:
        stored = report_sheet_result(result_id=result.pk)
        locked = permissions_for(request.user, Report.objects.get(pk=report.pk))
        block = block_for(
            stored, scale, levels, locked, unsaved=versions(form, stored, scale, levels)
        )
        return _answer(request, report, block, status=409)
    except ResultValueError as exc:
        form.add_error("score" if exc.field == "score" else "spent", exc.message)
        block = block_for(result, scale, levels, permissions, form=form)
        return _answer(request, report, block, status=400)
    if not is_htmx(request):
        label = saved.measure.number or _("the measure")
        messages.success(request, _("Saved %(measure)s.") % {"measure": label})
        return redirect(edit_url(report.pk, result.pk))
    return _measure_response(
        request, report, result.pk, saved=True, permissions=permissions, levels=levels
    )


def _answer(request: HttpRequest, report: Report, block: MeasureBlock, *, status: int):
    """A measure that was not saved: its block alone (htmx), else the page around it."""
    if is_htmx(request):
        # htmx swaps 2xx answers only; the block itself says what happened.
        block.result = report_sheet_result(result_id=block.result.pk)
        return _fragment(request, report, block, with_panel=False)
    return render_sheet(request, report.pk, overrides={block.result.pk: block}, status=status)


def _measure_response(
    request: HttpRequest,
    report: Report,
    result_pk: int,
    *,
    saved: bool = False,
    permissions: Permissions | None = None,
    levels: list | None = None,
) -> HttpResponse:
    result = report_sheet_result(result_id=result_pk)
    permissions = permissions or permissions_for(request.user, report)
    scale = report.plan.scale
    levels = levels if levels is not None else list(scale.levels.all())
    block = block_for(result, scale, levels, permissions, saved=saved, period=report.period)
    return _fragment(request, report, block, with_panel=saved)


def _fragment(request: HttpRequest, report: Report, block: MeasureBlock, *, with_panel: bool):
    context = {
        "report": report,
        "block": block,
        "editable": block.form is not None,
        "panel": report_panel(report=report) if with_panel else None,
        "oob": True,
    }
    response = render(request, "web/reports/_measure_response.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_POST
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible_report(request, pk)
    try:
        submit_service(user=request.user, report=report)
    except UnscoredMeasuresError as exc:
        messages.error(
            request,
            _(
                "The report was not submitted: every measure needs a score or the mark "
                "“not yet due”. Not evaluated: %(numbers)s."
            )
            % {"numbers": ", ".join(exc.numbers)},
        )
    except ReportLockedError:
        messages.error(request, _("This report has already been submitted."))
    else:
        messages.success(request, _("The report was signed off and submitted."))
    return redirect(edit_url(report.pk))


FIELD_LABELS = {
    "spent": gettext_lazy("Money spent (thousand MNT)"),
    "achieved": gettext_lazy("What was achieved"),
    "score": gettext_lazy("Score"),
    "not_due": gettext_lazy("Not yet due"),
    "rating_label": gettext_lazy("Rating as written"),
}
CHANGES_PER_PAGE = 50


@login_required
@require_GET
def report_history(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(
        reports_for(request.user).select_related("plan__organization"), pk=pk
    )
    page = Paginator(report_changes(report=report), CHANGES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    entries = [
        {
            "change": change,
            "fields": [
                (FIELD_LABELS[f.field], _value_text(f.before), _value_text(f.after))
                for f in change.fields
            ],
        }
        for change in page.object_list
    ]
    context = {"report": report, "page": page, "entries": entries}
    return render(request, "web/reports/history.html", context)


def _value_text(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal):
        return plain_score(value)
    return str(value)
