"""Creating a plan for a year: empty, copied from the latest earlier plan, or imported.

An import is read at once and shown before anything is saved. Between the preview and the
confirmation the read document waits in the person's session as its JSON form (bounded in
size, one pending import per session, tied to the user and a random token); nothing of it
comes back from the browser. Confirming checks access, the year and every value again.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from shudarga.access import Action, organizations_for
from shudarga.documents import jsonform
from shudarga.documents.errors import ReadError
from shudarga.documents.messages import MESSAGES, message
from shudarga.documents.model import MeasureEntry, ObjectiveEntry, ReportDocument
from shudarga.documents.readers import MAX_FILE_BYTES, read_bytes
from shudarga.orgs.models import Organization
from shudarga.plans.errors import DocumentValueError, PlanActionRefused
from shudarga.plans.models import Plan
from shudarga.plans.planning import approval
from shudarga.web.plan_forms import PlanCreateForm
from shudarga.web.plan_views import plan_url

SESSION_KEY = "plan_import"
# The read document kept between preview and confirmation, as JSON text. Plans are tens of
# kilobytes; a document larger than this is refused rather than parked in the session.
MAX_PENDING_CHARS = 1_000_000


def _editable_organizations(request: HttpRequest):
    return organizations_for(request.user, Action.EDIT).order_by("name", "pk")


def _initial(request: HttpRequest, organizations) -> dict[str, object]:
    """The organization asked for in ?organization= (404 if the user may not see it, 403 if
    they may not write its plans), and the first year it has no plan for."""
    initial: dict[str, object] = {}
    asked = request.GET.get("organization", "")
    organization = organizations.first()
    if asked.isdigit():
        visible = organizations_for(request.user, Action.VIEW).filter(pk=int(asked))
        if not visible.exists():
            raise Http404
        organization = organizations.filter(pk=int(asked)).first()
        if organization is None:
            raise PermissionDenied
    year = timezone.localdate().year
    if organization is not None:
        initial["organization"] = organization.pk
        taken = set(Plan.objects.filter(organization=organization).values_list("year", flat=True))
        while year in taken:
            year += 1
    initial["year"] = year
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request: HttpRequest) -> HttpResponse:
    organizations = _editable_organizations(request)
    if not organizations.exists():
        raise PermissionDenied
    if request.method == "GET":
        form = PlanCreateForm(organizations=organizations, initial=_initial(request, organizations))
        return render(request, "web/plans/create.html", {"form": form})
    form = PlanCreateForm(request.POST, request.FILES, organizations=organizations)
    if form.is_valid():
        response = _create(request, form)
        if response is not None:
            return response
    return render(request, "web/plans/create.html", {"form": form})


def _create(request: HttpRequest, form: PlanCreateForm) -> HttpResponse | None:
    data = form.cleaned_data
    organization, year, source = data["organization"], data["year"], data["source"]
    try:
        if source == PlanCreateForm.EMPTY:
            plan = approval.plan_create_empty(
                user=request.user, organization=organization, year=year
            )
        elif source == PlanCreateForm.COPY:
            plan = approval.plan_copy_from_previous(
                user=request.user, organization=organization, year=year
            )
        else:
            return _read_upload(request, form, organization, year)
    except PlanActionRefused as exc:
        form.add_error(None, str(exc))
        return None
    except ValidationError as exc:
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
        return None
    messages.success(request, _("The plan for %(year)s is created.") % {"year": year})
    return redirect(plan_url(plan))


def _read_upload(
    request: HttpRequest, form: PlanCreateForm, organization: Organization, year: int
) -> HttpResponse | None:
    upload = form.cleaned_data["file"]
    name = upload.name or ""
    if upload.size is not None and upload.size > MAX_FILE_BYTES:
        form.add_error(
            "file", message("file_too_large", _lang(), size=upload.size, limit=MAX_FILE_BYTES)
        )
        return None
    try:
        document = read_bytes(upload.read(), source=name)
    except ReadError as exc:
        form.add_error("file", exc.text(_lang()))
        return None
    text = jsonform.dumps(document, indent=None)
    if len(text) > MAX_PENDING_CHARS:
        form.add_error("file", _("The file holds too much to preview and import here."))
        return None
    token = secrets.token_urlsafe(16)
    request.session[SESSION_KEY] = {
        "token": token,
        "user": request.user.pk,
        "organization": organization.pk,
        "year": year,
        "name": name[:255],
        "document": text,
    }
    return redirect("web:plan_import_preview", token=token)


def _lang() -> str:
    language = (get_language() or "mn")[:2]
    return language if language in ("mn", "en") else "mn"


@dataclass(frozen=True)
class PreviewMeasure:
    number: str
    was: str
    entry: MeasureEntry


@dataclass(frozen=True)
class PreviewObjective:
    number: str
    was: str
    entry: ObjectiveEntry
    measures: list[PreviewMeasure]


def _preview_rows(document: ReportDocument) -> list[PreviewObjective]:
    """The objectives and measures with the numbers they will get (and had, when different)."""
    rows = []
    for i, o in enumerate(document.objectives, 1):
        measures = [
            PreviewMeasure(f"{i}.{j}", m.number if m.number != f"{i}.{j}" else "", m)
            for j, m in enumerate(o.measures, 1)
        ]
        rows.append(PreviewObjective(str(i), o.number if o.number != str(i) else "", o, measures))
    return rows


def _warning_rows(document: ReportDocument) -> list[dict[str, str]]:
    """Every warning of the reading, for the preview: its code, its message in the person's
    language, the full text of the row it is about and where that row stands."""
    lang = _lang()
    rows = []
    for w in document.warnings:
        try:
            text = message(w.code, lang, **w.params) if w.code in MESSAGES else w.message
        except (KeyError, IndexError, ValueError):
            text = w.message
        rows.append(
            {
                "code": w.code,
                "message": text,
                "text": w.params.get("full_text") or w.params.get("text", ""),
                "row": w.params.get("row", ""),
                "measure": w.measure or "",
            }
        )
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def plan_import_preview(request: HttpRequest, token: str) -> HttpResponse:
    pending = request.session.get(SESSION_KEY)
    if (
        not isinstance(pending, dict)
        or not secrets.compare_digest(str(pending.get("token", "")), token)
        or pending.get("user") != request.user.pk
    ):
        messages.error(request, _("This import is no longer waiting: choose the file again."))
        return redirect("web:plan_create")
    organization = get_object_or_404(_editable_organizations(request), pk=pending["organization"])
    year = int(pending["year"])
    document = jsonform.loads(pending["document"])
    if request.method == "POST":
        if "cancel" in request.POST:
            del request.session[SESSION_KEY]
            messages.info(request, _("The import is cancelled; nothing was saved."))
            return redirect(f"{reverse('web:plan_create')}?organization={organization.pk}")
        try:
            plan = approval.plan_import_document(
                user=request.user, organization=organization, year=year, document=document
            )
        except PlanActionRefused as exc:
            messages.error(request, str(exc))
        except DocumentValueError as exc:
            where = f"{exc.measure}: " if exc.measure else ""
            text = message(
                "value_too_large", _lang(), where=where, field=exc.field, value=exc.value
            )
            messages.error(request, text)
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            del request.session[SESSION_KEY]
            messages.success(
                request,
                _(
                    "The plan for %(year)s is created from %(file)s: %(objectives)s "
                    "objectives, %(measures)s measures."
                )
                % {
                    "year": year,
                    "file": pending.get("name") or _("the file"),
                    "objectives": len(document.objectives),
                    "measures": document.measure_count,
                },
            )
            return redirect(plan_url(plan))
    context = {
        "token": token,
        "organization": organization,
        "year": year,
        "name": pending.get("name", ""),
        "document": document,
        "rows": _preview_rows(document),
        "warnings": _warning_rows(document),
        "has_results": approval.document_has_results(document),
        "other_year": document.year is not None and document.year != year,
        "exists": Plan.objects.filter(organization=organization, year=year).exists(),
    }
    return render(request, "web/plans/import_preview.html", context)
