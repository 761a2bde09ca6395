"""The reviewer's pages: the inbox, a report's review (scores, accept, return), reminders;
publishing an accepted report and correcting a published one.

A report is found among those the user may REVIEW (``shudarga.access``), else 404; every change
goes through a service (plans.review.scoring, plans.reports.workflow,
plans.review.publication), which checks the permission and the report's state again. Every
form is a plain POST answered by a redirect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from shudarga.access import Action, organizations_for, publisher_action, reports_for
from shudarga.documents.scoring import format_value
from shudarga.orgs.models import Organization
from shudarga.plans.analytics.checks import report_flag_counts, sheet_checks
from shudarga.plans.analytics.reminders import reporting_gaps
from shudarga.plans.errors import (
    ReasonRequiredError,
    ReportLockedError,
    ResultValueError,
    UnreviewedMeasuresError,
)
from shudarga.plans.models import Report, ReportSummary
from shudarga.plans.reports.selectors import report_sheet
from shudarga.plans.reports.transitions import Step, step_allowed, step_open
from shudarga.plans.reports.workflow import report_accept, report_return
from shudarga.plans.review.publication import (
    publication_correct,
    publications_of,
    report_publish,
    report_reopen,
    user_may_publish,
)
from shudarga.plans.review.scoring import review_agree
from shudarga.plans.review.scoring import review_score as review_score_service
from shudarga.plans.review.selectors import (
    INBOX_STATES,
    InboxFilters,
    days_waiting,
    inbox_aimags,
    inbox_rows,
    inbox_years,
    with_display,
)
from shudarga.web.check_present import checks_shown, flags_shown
from shudarga.web.review_forms import CorrectionForm, ReasonForm, review_form_for

PER_PAGE = 50


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _reviewable(request: HttpRequest, pk: int) -> Report:
    return get_object_or_404(
        reports_for(request.user, Action.REVIEW).select_related(
            "plan__organization", "plan__scale"
        ),
        pk=pk,
    )


def review_url(report_id: int, result_id: int | None = None) -> str:
    url = reverse("web:review_report", args=[report_id])
    return f"{url}#m-{result_id}" if result_id else url


@login_required
@require_GET
def review_inbox(request: HttpRequest) -> HttpResponse:
    if not organizations_for(request.user, Action.REVIEW).exists():
        raise PermissionDenied
    filters = InboxFilters(
        year=_int(request.GET.get("year")),
        period=request.GET.get("period", ""),
        status=request.GET.get("status") or Report.Status.SUBMITTED,
        kind=request.GET.get("kind", ""),
        aimag=_int(request.GET.get("aimag")),
    )
    page = Paginator(inbox_rows(user=request.user, filters=filters), PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    rows = with_display(page.object_list)
    counts = report_flag_counts(report_ids=[row.report_id for row in rows])
    for row in rows:
        row.flags = flags_shown(counts.get(row.report_id, {}))
    context = {
        "page": page,
        "rows": rows,
        "filters": filters,
        "query": query.urlencode(),
        "years": inbox_years(user=request.user),
        "aimags": inbox_aimags(user=request.user),
        "periods": Report.Period.choices,
        "states": [c for c in Report.Status.choices if c[0] in INBOX_STATES],
        "kinds": Organization.Kind.choices,
    }
    return render(request, "web/review/inbox.html", context)


def _publisher_text() -> str:
    """Who publishes an accepted report in this installation (access.publisher_action)."""
    if publisher_action() == Action.REVIEW:
        return _("Once accepted, the report is published by its reviewer.")
    return _("Once accepted, the report is published by the head of the organization.")


def _render_review(
    request: HttpRequest,
    report: Report,
    *,
    forms=None,
    reason_form=None,
    unreviewed: UnreviewedMeasuresError | None = None,
    status: int = 200,
) -> HttpResponse:
    sheet = report_sheet(report_id=report.pk)
    scale = sheet.report.plan.scale
    open_for_review = step_open(sheet.report, Step.ACCEPT)
    checks = checks_shown(sheet_checks(sheet=sheet))
    # A refused acceptance marks every measure left unscored and puts the cursor on the first.
    missing = set(unreviewed.result_ids) if unreviewed else set()
    first_missing = unreviewed.result_ids[0] if unreviewed else None
    rows = []
    remaining = 0
    for group in sheet.objectives:
        items = []
        for result in group.results:
            form = None
            if open_for_review:
                form = (forms or {}).get(result.pk) or review_form_for(result, scale, sheet.levels)
                if result.pk == first_missing:
                    form.fields["score"].widget.attrs["autofocus"] = True
            remaining += result.reviewed_at is None
            items.append({
                "result": result,
                "form": form,
                "check": checks.get(result.pk),
                "missing": result.pk in missing,
            })  # fmt: skip
        rows.append({"objective": group.objective, "items": items})
    summary = ReportSummary.objects.filter(report=report).first()
    context = {
        "report": sheet.report,
        "sheet": sheet,
        "objectives": rows,
        "open_for_review": open_for_review,
        "remaining": remaining,
        "unreviewed": unreviewed,
        "days_waiting": days_waiting(submitted_at=sheet.report.submitted_at)
        if open_for_review
        else None,
        "publisher_text": _publisher_text(),
        "self_display": format_value(summary.self_total, scale) if summary else None,
        "official_display": format_value(summary.official_total, scale) if summary else None,
        "summary": summary,
        "reason_form": reason_form or ReasonForm(),
        "may_publish": step_allowed(request.user, sheet.report, Step.PUBLISH),
        "publications": publications_of(report=report),
    }
    return render(request, "web/review/report.html", context, status=status)


@login_required
@require_GET
def review_report(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_review(request, _reviewable(request, pk))


@login_required
@require_POST
def review_score(request: HttpRequest, pk: int, result_pk: int) -> HttpResponse:
    report = _reviewable(request, pk)
    result = get_object_or_404(report.results.all(), pk=result_pk)
    levels = list(report.plan.scale.levels.all())
    form = review_form_for(result, report.plan.scale, levels, data=request.POST)
    if form.is_valid():
        try:
            review_score_service(user=request.user, result=result, **form.values())
        except ReportLockedError:
            messages.error(request, _("Only a submitted report can be scored."))
            return redirect(review_url(report.pk))
        except ResultValueError as exc:
            form.add_error("score" if exc.field == "score" else "comment", exc.message)
        else:
            label = result.measure.number or _("the measure")
            messages.success(
                request, _("Reviewer's score saved for %(measure)s.") % {"measure": label}
            )
            return redirect(review_url(report.pk, result.pk))
    return _render_review(request, report, forms={result.pk: form}, status=400)


@login_required
@require_POST
def review_agree_one(request: HttpRequest, pk: int, result_pk: int) -> HttpResponse:
    """The reviewer takes one measure's self-assessed score as theirs."""
    report = _reviewable(request, pk)
    result = get_object_or_404(report.results.select_related("measure"), pk=result_pk)
    try:
        review_agree(user=request.user, report=report, result_ids=[result.pk])
    except ReportLockedError:
        messages.error(request, _("Only a submitted report can be scored."))
        return redirect(review_url(report.pk))
    label = result.measure.number or _("the measure")
    messages.success(
        request,
        _("You agreed with the self-assessed score of %(measure)s.") % {"measure": label},
    )
    return redirect(review_url(report.pk, result.pk))


@login_required
@require_POST
def review_agree_all(request: HttpRequest, pk: int) -> HttpResponse:
    """The reviewer takes the self-assessed score of every measure not yet scored."""
    report = _reviewable(request, pk)
    try:
        count = review_agree(user=request.user, report=report)
    except ReportLockedError:
        messages.error(request, _("Only a submitted report can be scored."))
        return redirect(review_url(report.pk))
    messages.success(
        request,
        ngettext(
            "You agreed with the self-assessed score of %(count)d measure.",
            "You agreed with the self-assessed scores of %(count)d measures.",
            count,
        )
        % {"count": count},
    )
    return redirect(f"{review_url(report.pk)}#decision-title")


@login_required
@require_POST
def review_accept(request: HttpRequest, pk: int) -> HttpResponse:
    report = _reviewable(request, pk)
    try:
        report_accept(user=request.user, report=report)
    except ReportLockedError:
        messages.error(request, _("Only a submitted report can be accepted."))
        return redirect(review_url(report.pk))
    except UnreviewedMeasuresError as exc:
        return _render_review(request, report, unreviewed=exc, status=400)
    messages.success(request, _("The report was accepted."))
    return redirect(review_url(report.pk))


@login_required
@require_POST
def review_return(request: HttpRequest, pk: int) -> HttpResponse:
    report = _reviewable(request, pk)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            report_return(user=request.user, report=report, reason=form.cleaned_data["reason"])
        except ReasonRequiredError:
            form.add_error("reason", _("A reason is required to return a report."))
        except ReportLockedError:
            messages.error(request, _("Only a submitted report can be returned."))
            return redirect(review_url(report.pk))
        else:
            messages.success(request, _("The report was returned to the organization."))
            return redirect("web:review_inbox")
    return _render_review(request, report, reason_form=form, status=400)


@login_required
@require_GET
def review_reminders(request: HttpRequest) -> HttpResponse:
    scope = organizations_for(request.user, Action.REVIEW)
    if not scope.exists():
        raise PermissionDenied
    gaps = reporting_gaps(organizations=scope, today=timezone.localdate())
    page = Paginator(gaps, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "web/review/reminders.html", {"page": page})


# Publication ---------------------------------------------------------------------------------


def _visible(request: HttpRequest, pk: int) -> Report:
    return get_object_or_404(
        reports_for(request.user).select_related("plan__organization", "plan__scale"), pk=pk
    )


@login_required
@require_POST
def report_publish_view(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible(request, pk)
    try:
        report_publish(user=request.user, report=report)
    except ReportLockedError:
        messages.error(request, _("Only an accepted report can be published."))
    else:
        messages.success(request, _("The report was published."))
    return redirect("web:report_publications", pk=report.pk)


@dataclass(frozen=True)
class PublisherStep:
    """What differs between the publisher's steps that need a text."""

    form: type[forms.Form]
    field: str
    service: Callable[..., object]
    template: str
    required: str
    locked: str
    done: str


def _publisher_step(request: HttpRequest, pk: int, step: PublisherStep) -> HttpResponse:
    """A publisher's step that needs a text (a correction's note, a reopening's reason): the
    form, the service, and the answer on the publications page."""
    report = _visible(request, pk)
    if not user_may_publish(user=request.user, report=report):
        raise PermissionDenied
    form = step.form(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            step.service(user=request.user, report=report, text=form.cleaned_data[step.field])
        except ReasonRequiredError:
            form.add_error(step.field, step.required)
        except ReportLockedError:
            messages.error(request, step.locked)
            return redirect("web:report_publications", pk=report.pk)
        else:
            messages.success(request, step.done)
            return redirect("web:report_publications", pk=report.pk)
    status = 400 if form.is_bound else 200
    return render(request, step.template, {"report": report, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def publication_correct_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _publisher_step(request, pk, PublisherStep(
        form=CorrectionForm, field="note",
        service=lambda user, report, text: publication_correct(user=user, report=report, note=text),
        template="web/review/correct.html",
        required=_("Say what was corrected."),
        locked=_("Only a published report can be corrected."),
        done=_("A corrected version was published."),
    ))  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def report_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Send a published report back to its organization to correct, with a reason."""
    return _publisher_step(request, pk, PublisherStep(
        form=ReasonForm, field="reason",
        service=lambda user, report, text: report_reopen(user=user, report=report, reason=text),
        template="web/review/reopen.html",
        required=_("A reason is required to return a report."),
        locked=_("Only a published report can be reopened."),
        done=_("The report was sent back to its organization to be corrected."),
    ))  # fmt: skip


@login_required
@require_GET
def report_publications(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible(request, pk)
    context = {
        "report": report,
        "publications": publications_of(report=report),
        "may_publish": step_allowed(request.user, report, Step.PUBLISH),
        "may_correct": step_allowed(request.user, report, Step.CORRECT),
        "may_reopen": step_allowed(request.user, report, Step.REOPEN),
    }
    return render(request, "web/review/publications.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def review_remind(request: HttpRequest) -> HttpResponse:
    """A reviewer reminds one organization on the late and missing list (``organization``),
    or all of them: the question first (GET), the reminders on confirming it (POST)."""
    from shudarga.notifications.deadlines import reminder_send

    scope = organizations_for(request.user, Action.REVIEW)
    if not scope.exists():
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    organization = _int(source.get("organization"))
    gaps = reporting_gaps(organizations=scope, today=timezone.localdate())
    if organization is not None:
        gaps = [g for g in gaps if g.organization.pk == organization]
    if request.method == "POST":
        told = reminder_send(gaps=gaps)
        messages.success(request, _("Reminders sent: %(n)s.") % {"n": told})
        return redirect("web:review_reminders")
    return render(
        request,
        "web/review/remind_confirm.html",
        {
            "gaps": gaps[:PER_PAGE],
            "more": max(len(gaps) - PER_PAGE, 0),
            "organization": organization,
        },
    )
