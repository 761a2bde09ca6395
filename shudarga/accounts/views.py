"""The account pages: the interface language (remembered per user), the password and its
reset by e-mail, the second factor, and the page of a locked-out login."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from shudarga.access import needs_second_factor
from shudarga.accounts import second_factor
from shudarga.accounts.services import profile_set_language
from shudarga.audit.client import client_ip


def _safe_next(request: HttpRequest, target: str, default: str = "/") -> str:
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@require_POST
def language(request: HttpRequest) -> HttpResponse:
    """Switch the language; a signed-in user's choice is kept for the next visit too."""
    code = request.POST.get("language", "")
    response = HttpResponseRedirect(_safe_next(request, request.POST.get("next", "/")))
    if code not in dict(settings.LANGUAGES):
        return response
    if request.user.is_authenticated:
        profile_set_language(user=request.user, language=code)
    translation.activate(code)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code, samesite="Lax", httponly=True)
    return response


@require_GET
def language_link(request: HttpRequest, code: str) -> HttpResponse:
    """The public portal's language switch: a plain link that sets the language cookie and
    goes back. A link, not the workspace's form, so that a citizen's page carries no CSRF
    token and stays cacheable; it changes nothing but the visitor's own cookie (a signed-in
    user's remembered language is set by the form)."""
    target = _safe_next(request, request.GET.get("next", ""), default="/open/")
    response = HttpResponseRedirect(target)
    if code in dict(settings.LANGUAGES):
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code, samesite="Lax", httponly=True)
    return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("web:home")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        response = super().form_valid(form)
        messages.success(self.request, _("Your password was changed."))
        return response


@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """The second factor after the password: the app's code, or adding the app first."""
    target = _safe_next(request, request.POST.get("next") or request.GET.get("next", "/"))
    if request.user.is_verified() or not needs_second_factor(request.user):
        return HttpResponseRedirect(target)
    device = second_factor.device_confirmed(request.user)
    enrolling = device is None
    if enrolling:
        device = second_factor.device_for_enrolment(request.user)
    error = ""
    if request.method == "POST":
        if second_factor.code_verify(request, device, request.POST.get("code", "")):
            if enrolling:
                messages.success(request, _("Your authenticator app is set up."))
            return HttpResponseRedirect(target)
        error = _(
            "That code is not right, or it has expired. Enter the 6 digits your app shows "
            "now; after several wrong codes, wait a little before the next try."
        )
    context = {"enrolling": enrolling, "error": error, "next": target}
    if enrolling:
        context |= {
            "qr_svg": second_factor.device_qr_svg(device),
            "key": second_factor.device_key(device),
        }
    return render(request, "accounts/two_factor.html", context, status=400 if error else 200)


def login_address(request: HttpRequest) -> str:
    """The address django-axes counts failed logins by: the audit's client address, or the
    connection's when the proxies' header is missing (a request that went round them)."""
    return client_ip(request) or request.META.get("REMOTE_ADDR", "")


def locked_out(request: HttpRequest, credentials: dict | None = None, *args, **kwargs):
    """django-axes' answer to a login while the username is locked for this address."""
    context = {"minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)}
    return render(request, "accounts/locked.html", context, status=429)
