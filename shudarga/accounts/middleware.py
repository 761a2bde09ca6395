"""Per-request rules of an account: the second factor, the idle timeout, the language.

- SecondFactorMiddleware: a user who must prove a second factor and has not in this session
  is sent to its page from every page of the workspace and the admin.
- IdleSessionMiddleware: a session ends after SESSION_IDLE_MINUTES without a request.
- UserLanguageMiddleware: a signed-in user's chosen language wins over the browser's and
  the cookie's.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from shudarga.access import needs_second_factor

# Where an unverified user may still go: the second factor's own page, logging out, the
# language switch, and what needs no session at all (the portal, the API with its tokens,
# static files, the health check).
SECOND_FACTOR_FREE = ("/account/two-factor/", "/logout/", "/account/language/", "/open/",
                      "/api/", "/static/", "/healthz", "/login/")  # fmt: skip


class SecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            settings.TWO_FACTOR_REQUIRED
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(SECOND_FACTOR_FREE)
            and needs_second_factor(user)
        ):
            return redirect(f"{reverse('accounts:two_factor')}?next={request.get_full_path()}")
        return self.get_response(request)


# The session's expiry is pushed back at most once a minute: not one write per request.
IDLE_REFRESH_SECONDS = 60


def session_seen(sender, request: HttpRequest, user, **kwargs) -> None:
    """At login (user_logged_in): the session is new, its expiry is fresh."""
    if request is not None and hasattr(request, "session"):
        request.session["seen"] = int(time.time())


class IdleSessionMiddleware:
    """SESSION_COOKIE_AGE is the idle time: Django refuses a session past its expiry. A
    request renews it (a save of the session, which moves the expiry and the cookie on)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated:
            now = int(time.time())
            if now - session.get("seen", 0) >= IDLE_REFRESH_SECONDS:
                session["seen"] = now
        return self.get_response(request)


class UserLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            profile = getattr(user, "profile", None) if hasattr(user, "profile") else None
            if profile is not None and profile.language:
                translation.activate(profile.language)
                request.LANGUAGE_CODE = profile.language
        return self.get_response(request)


class MongolianFirstLocaleMiddleware(LocaleMiddleware):
    """Mongolian unless the visitor chose otherwise (the language cookie).

    Many offices run browsers set to English; the browser's Accept-Language is therefore not
    taken as a choice: the interface's first language is Mongolian.
    """

    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
