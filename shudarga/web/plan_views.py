"""Plan pages: the list, one plan with its objectives and measures edited in place, approval,
history and downloads. Creating a plan (empty, copied, imported) is plan_create_views.py.

Every page first finds the plan among those the user may see (``access.plans_for``):
outside that set it is a 404. A change needs EDIT (or APPROVE) in the plan's organization,
asked here before a form is even read and again by the service: a viewer gets a 403 and
nothing changes. The services refuse changes to an approved plan.

Every action is a plain form POST answered by a redirect, or by the plan page again with the
form as typed when it needs another look. The page uses htmx where it helps (``hx-*``
attributes in the templates): an edit swaps just its row (``hx-select`` picks the row out of
the same page the plain request gets), the other actions swap the page's main part. Nothing
here depends on it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from shudarga.access import Action, plans_for, user_may
from shudarga.plans.errors import MeasureConflictError, PlanActionRefused, PlanLockedError
from shudarga.plans.models import Measure, Objective, Plan
from shudarga.plans.planning import approval, editing
from shudarga.plans.planning.editing import MeasureValues
from shudarga.plans.planning.selectors import plan_list_page, plan_view
from shudarga.web.listing import list_filters, query_without_page
from shudarga.web.plan_forms import MeasureEditForm, MeasureForm, ObjectiveForm, ReopenForm
from shudarga.web.plan_present import conflict_rows
from shudarga.web.views import DOWNLOAD_FORMATS


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def plan_url(plan: Plan | int, anchor: str = "") -> str:
    url = reverse("web:plan", args=[plan if isinstance(plan, int) else plan.pk])
    return f"{url}#{anchor}" if anchor else url


def visible_plan(request: HttpRequest, pk: int) -> Plan:
    return get_object_or_404(plans_for(request.user).select_related("organization"), pk=pk)


def _require(request: HttpRequest, action: Action, plan: Plan) -> None:
    if not user_may(request.user, action, plan.organization_id):
        raise PermissionDenied


def _back(request: HttpRequest, url: str) -> HttpResponse:
    """Back to the plan page; with htmx a whole-page visit, so its message shows."""
    if is_htmx(request):
        response = HttpResponse()
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def _refused(request: HttpRequest, plan: Plan, error: PlanActionRefused) -> HttpResponse:
    messages.error(request, str(error))
    return _back(request, plan_url(plan))


def _form_errors(form: object, error: ValidationError) -> None:
    for name, errors in error.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)  # type: ignore[attr-defined]


def render_plan(request: HttpRequest, plan: Plan, *, status: int = 200, **state: object):
    """The plan page; ``state`` puts one form in the state it was posted in."""
    view = plan_view(plan=plan, user=request.user)
    add = state.get("add_measure") or {}
    rows = [
        {
            "outline": row,
            # One objective at a time shows the form for a new measure; the others a link.
            "add_form": add["form"] if add.get("objective") == row.objective.pk else None,
        }
        for row in view.outline
    ]
    context = {
        "focus": _focus(request, view.outline),
        "view": view,
        "plan": view.plan,
        "rows": rows,
        "formats": DOWNLOAD_FORMATS,
        "cols": 8 if view.editable else 7,
        "objective_form": state.get("objective_form") or ObjectiveForm(prefix="objective"),
        "reopen_form": state.get("reopen_form") or ReopenForm(prefix="reopen"),
        **state,
    }
    return render(request, "web/plans/plan.html", context, status=status)


def _focus(request: HttpRequest, outline: list) -> dict[str, object] | None:
    """After a move (?focus=measure-5-up) the button just pressed keeps the keyboard's focus;
    at the top or the bottom, where it is disabled, the other one takes it."""
    kind, _, rest = request.GET.get("focus", "").partition("-")
    pk, _, direction = rest.partition("-")
    if kind not in ("measure", "objective") or not pk.isdigit() or direction not in ("up", "down"):
        return None
    if kind == "objective":
        siblings = [row.objective.pk for row in outline]
    else:
        siblings = next(
            (
                [m.pk for m in row.measures]
                for row in outline
                if int(pk) in {m.pk for m in row.measures}
            ),
            [],
        )
    if int(pk) not in siblings or len(siblings) < 2:
        return None
    index = siblings.index(int(pk))
    if direction == "up" and index == 0:
        direction = "down"
    elif direction == "down" and index == len(siblings) - 1:
        direction = "up"
    return {"kind": kind, "pk": int(pk), "direction": direction}


def _moved_url(plan: Plan, kind: str, pk: int, direction: str) -> str:
    url = reverse("web:plan", args=[plan.pk])
    return f"{url}?focus={kind}-{pk}-{direction}#{kind}-{pk}"


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    filters = list_filters(request)
    listing = plan_list_page(user=request.user, filters=filters, page=request.GET.get("page"))
    context = {
        "groups": listing.groups,
        "page": listing.page,
        "filters": filters,
        "query": query_without_page(request),
        "years": listing.years,
        "aimags": listing.aimags,
        "states": Plan.Status.choices,
    }
    return render(request, "web/plans/list.html", context)


@login_required
@require_GET
def plan_page(request: HttpRequest, pk: int) -> HttpResponse:
    return render_plan(request, visible_plan(request, pk))


# Objectives ---------------------------------------------------------------------------------


def _editable(request: HttpRequest, pk: int) -> Plan:
    plan = visible_plan(request, pk)
    _require(request, Action.EDIT, plan)
    return plan


@login_required
@require_POST
def objective_add(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _editable(request, pk)
    form = ObjectiveForm(request.POST, prefix="objective")
    if form.is_valid():
        try:
            objective = editing.objective_add(
                user=request.user, plan=plan, title=form.cleaned_data["title"]
            )
        except PlanActionRefused as exc:
            return _refused(request, plan, exc)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            return redirect(plan_url(plan, f"objective-{objective.pk}"))
    return render_plan(request, plan, objective_form=form, objective_open=True)


@login_required
@require_http_methods(["GET", "POST"])
def objective_edit(request: HttpRequest, pk: int, objective_pk: int) -> HttpResponse:
    plan = _editable(request, pk)
    objective = get_object_or_404(Objective, pk=objective_pk, plan=plan)
    if plan.status != Plan.Status.DRAFT:
        return _refused(request, plan, PlanLockedError())
    prefix = f"o{objective.pk}"
    if request.method == "GET":
        form = ObjectiveForm(prefix=prefix, initial={"title": objective.title})
        form.fields["title"].widget.attrs["autofocus"] = True
        return render_plan(request, plan, edit_objective={"pk": objective.pk, "form": form})
    form = ObjectiveForm(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            editing.objective_update(
                user=request.user, objective=objective, title=form.cleaned_data["title"]
            )
        except PlanActionRefused as exc:
            return _refused(request, plan, exc)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            return redirect(plan_url(plan, f"objective-{objective.pk}"))
    return render_plan(request, plan, edit_objective={"pk": objective.pk, "form": form})


# Measures -----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def measure_add(request: HttpRequest, pk: int, objective_pk: int) -> HttpResponse:
    plan = _editable(request, pk)
    objective = get_object_or_404(Objective, pk=objective_pk, plan=plan)
    if plan.status != Plan.Status.DRAFT:
        return _refused(request, plan, PlanLockedError())
    if request.method == "GET":
        form = MeasureForm(prefix=f"add{objective.pk}")
        form.fields["text"].widget.attrs["autofocus"] = True
        return render_plan(request, plan, add_measure={"objective": objective.pk, "form": form})
    form = MeasureForm(request.POST, prefix=f"add{objective.pk}")
    if form.is_valid():
        try:
            measure = editing.measure_add(
                user=request.user, objective=objective, values=form.values()
            )
        except PlanActionRefused as exc:
            return _refused(request, plan, exc)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            return redirect(plan_url(plan, f"measure-{measure.pk}"))
    return render_plan(request, plan, add_measure={"objective": objective.pk, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def measure_edit(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    plan = _editable(request, pk)
    measure = get_object_or_404(
        Measure.objects.select_related("objective"), pk=measure_pk, objective__plan=plan
    )
    if plan.status != Plan.Status.DRAFT:
        return _refused(request, plan, PlanLockedError())
    prefix = f"m{measure.pk}"
    if request.method == "GET":
        initial = {**MeasureValues.of(measure).as_dict(), "version": measure.version}
        form = MeasureEditForm(prefix=prefix, initial=initial)
        form.fields["text"].widget.attrs["autofocus"] = True
        return render_plan(request, plan, edit_measure={"pk": measure.pk, "form": form})
    form = MeasureEditForm(request.POST, prefix=prefix)
    if form.is_valid():
        try:
            editing.measure_update(
                user=request.user,
                measure=measure,
                values=form.values(),
                expected_version=form.cleaned_data["version"],
            )
        except MeasureConflictError as exc:
            return _conflict(request, plan, measure, form, exc)
        except PlanActionRefused as exc:
            return _refused(request, plan, exc)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            return redirect(plan_url(plan, f"measure-{measure.pk}"))
    return render_plan(request, plan, edit_measure={"pk": measure.pk, "form": form})


def _conflict(
    request: HttpRequest,
    plan: Plan,
    measure: Measure,
    form: MeasureEditForm,
    exc: MeasureConflictError,
) -> HttpResponse:
    """Someone saved the measure in between: both versions side by side, and the person's
    own values in a form at the current version ("save mine") next to "keep theirs"."""
    mine = form.values()
    data = {**mine.as_dict(), "version": exc.version}
    again = MeasureEditForm(prefix=f"m{measure.pk}", initial=data)
    conflict = {
        "pk": measure.pk,
        "form": again,
        "number": exc.number,
        "version": exc.version,
        "rows": conflict_rows(mine=mine, current=exc.current),
    }
    # htmx swaps only successful answers; a plain request hears that it clashed.
    return render_plan(request, plan, conflict=conflict, status=200 if is_htmx(request) else 409)


def _delete_page(request: HttpRequest, plan: Plan, what: str, label: str, text: str):
    context = {"plan": plan, "what": what, "label": label, "text": text}
    return render(request, "web/plans/confirm_delete.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def measure_delete(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    plan = _editable(request, pk)
    measure = get_object_or_404(
        Measure.objects.select_related("objective"), pk=measure_pk, objective__plan=plan
    )
    if request.method == "GET":
        if plan.status != Plan.Status.DRAFT:
            return _refused(request, plan, PlanLockedError())
        return _delete_page(request, plan, "measure", measure.number, measure.text)
    try:
        editing.measure_delete(user=request.user, measure=measure)
    except PlanActionRefused as exc:
        return _refused(request, plan, exc)
    return redirect(plan_url(plan, f"objective-{measure.objective_id}"))


@login_required
@require_http_methods(["GET", "POST"])
def objective_delete(request: HttpRequest, pk: int, objective_pk: int) -> HttpResponse:
    plan = _editable(request, pk)
    objective = get_object_or_404(Objective, pk=objective_pk, plan=plan)
    if request.method == "GET":
        if plan.status != Plan.Status.DRAFT:
            return _refused(request, plan, PlanLockedError())
        return _delete_page(request, plan, "objective", objective.number, objective.title)
    try:
        editing.objective_delete(user=request.user, objective=objective)
    except PlanActionRefused as exc:
        return _refused(request, plan, exc)
    return redirect(plan_url(plan))


def _direction(request: HttpRequest) -> editing.Direction:
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        raise Http404
    return direction  # type: ignore[return-value]


@login_required
@require_POST
def objective_move(request: HttpRequest, pk: int, objective_pk: int) -> HttpResponse:
    plan = _editable(request, pk)
    objective = get_object_or_404(Objective, pk=objective_pk, plan=plan)
    direction = _direction(request)
    try:
        editing.objective_move(user=request.user, objective=objective, direction=direction)
    except PlanActionRefused as exc:
        return _refused(request, plan, exc)
    return redirect(_moved_url(plan, "objective", objective.pk, direction))


@login_required
@require_POST
def measure_move(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    plan = _editable(request, pk)
    measure = get_object_or_404(
        Measure.objects.select_related("objective"), pk=measure_pk, objective__plan=plan
    )
    direction = _direction(request)
    try:
        editing.measure_move(user=request.user, measure=measure, direction=direction)
    except PlanActionRefused as exc:
        return _refused(request, plan, exc)
    return redirect(_moved_url(plan, "measure", measure.pk, direction))


# Approval -----------------------------------------------------------------------------------


@login_required
@require_POST
def plan_approve(request: HttpRequest, pk: int) -> HttpResponse:
    plan = visible_plan(request, pk)
    _require(request, Action.APPROVE, plan)
    try:
        approval.plan_approve(user=request.user, plan=plan)
    except PlanActionRefused as exc:
        return _refused(request, plan, exc)
    messages.success(request, _("The plan is approved. It is locked against changes."))
    return _back(request, plan_url(plan))


@login_required
@require_http_methods(["GET", "POST"])
def plan_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    plan = visible_plan(request, pk)
    _require(request, Action.APPROVE, plan)
    if request.method == "GET":
        return render_plan(request, plan, reopen_open=True)
    form = ReopenForm(request.POST, prefix="reopen")
    if form.is_valid():
        try:
            approval.plan_reopen(user=request.user, plan=plan, reason=form.cleaned_data["reason"])
        except PlanActionRefused as exc:
            return _refused(request, plan, exc)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The plan is reopened: it can be changed again."))
            return _back(request, plan_url(plan))
    return render_plan(request, plan, reopen_form=form, reopen_open=True)
