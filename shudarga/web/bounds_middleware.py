"""Bounds on what a request may bring, checked before a view (or the CSRF check) reads it.

- The body: Content-Length against a limit (documents.limits) before Django parses it, so an
  anonymous 300 MB POST is refused with 413 at once instead of being spooled to disk before
  the login redirect. Upload routes take a file; everything else is text.
- The query string: a control character (NUL first: PostgreSQL refuses it) in any parameter is
  a 400 that says which character, before a search or a filter reaches the database.
- A document too large to render as PDF or DOCX (documents.bounds) is a page that says so.

The reverse proxy should refuse large bodies first (docs/operations.md); this is the
application's own bound, for a proxy configured otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from shudarga.documents import limits
from shudarga.documents.errors import RenderTooLargeError
from shudarga.documents.readers import MAX_FILE_BYTES
from shudarga.documents.textnorm import refused_character

# The routes that take a file, by URL name (the evidence upload, a plan imported from a file).
UPLOAD_ROUTES = frozenset({"web:evidence_upload", "web:plan_create"})


def _body_limit(request: HttpRequest) -> int:
    """The largest body this request may have: a visitor without a login posts a login form;
    a signed-in user (or an API call with a token) text, or a file on an upload route."""
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    if not signed_in and "HTTP_AUTHORIZATION" not in request.META:
        return limits.ANONYMOUS_BODY_MAX
    try:
        route = resolve(request.path_info).view_name
    except Resolver404:
        return limits.REQUEST_BODY_MAX
    if signed_in and route in UPLOAD_ROUTES:
        return max(settings.EVIDENCE_MAX_BYTES, MAX_FILE_BYTES) + limits.UPLOAD_ENVELOPE
    return limits.REQUEST_BODY_MAX


def _content_length(request: HttpRequest) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None


def _wants_json(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def _refusal(request: HttpRequest, status: int, code: str, heading: str, text: str) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"code": code, "detail": text}, status=status)
    context = {"heading": heading, "text": text}
    return render(request, "bounds_refused.html", context, status=status)


def _query_problem(request: HttpRequest) -> str | None:
    for key, values in request.GET.lists():
        for value in (key, *values):
            char = refused_character(value)
            if char is not None:
                return char
    return None


class RequestBoundsMiddleware:
    """Placed after AuthenticationMiddleware (it asks who is signed in) and before every
    middleware or view that reads the body."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        length = _content_length(request)
        if length is None or length < 0:
            return _refusal(
                request,
                400,
                "bad_length",
                _("Bad request"),
                _("The request's Content-Length is not a number."),
            )
        # Who is signed in is asked (a session read) only of a body larger than a login form.
        limit = _body_limit(request) if length > limits.ANONYMOUS_BODY_MAX else length
        if length > limit:
            # Nothing of the body is read; the connection closes after the answer.
            response = _refusal(
                request,
                413,
                "too_large",
                _("Too much sent at once"),
                _("The request is %(size)s bytes; at most %(limit)s bytes are accepted here.")
                % {"size": length, "limit": limit},
            )
            response["Connection"] = "close"
            return response
        char = _query_problem(request)
        if char is not None:
            return _refusal(
                request,
                400,
                "control_character",
                _("Bad request"),
                _(
                    "The address holds a control character (%(char)s) that no text may hold: "
                    "remove it and try again."
                )
                % {"char": char},
            )
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, RenderTooLargeError):
            return None
        language = (get_language() or "mn")[:2]
        text = exception.text(language if language in ("mn", "en") else "mn")
        return _refusal(request, 422, exception.code, _("The document is too large"), text)
