"""The notification pages: a user's own list, marking read, and which e-mails they get."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from shudarga.notifications.models import Kind
from shudarga.notifications.selectors import email_choices, notifications_of
from shudarga.notifications.services import email_choices_save, notifications_mark_read
from shudarga.notifications.texts import notification_text

PER_PAGE = 25


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(notifications_of(request.user), PER_PAGE).get_page(request.GET.get("page"))
    rows = [(n, notification_text(n)) for n in page.object_list]
    return render(request, "notifications/list.html", {"page": page, "rows": rows})


@login_required
@require_POST
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_object_or_404(notifications_of(request.user), pk=pk)
    notifications_mark_read(user=request.user, notification_id=notification.pk)
    return redirect("notifications:list")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    notifications_mark_read(user=request.user)
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def notification_preferences(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        chosen = {kind: request.POST.get(kind) == "on" for kind in Kind.values}
        email_choices_save(user=request.user, chosen=chosen)
        messages.success(request, _("Your e-mail choices were saved."))
        return redirect("notifications:preferences")
    choices = [(kind, Kind(kind).label, on) for kind, on in email_choices(request.user).items()]
    return render(request, "notifications/preferences.html", {"choices": choices})
