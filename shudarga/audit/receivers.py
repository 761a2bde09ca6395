"""Logins, failed logins and logouts, from Django's auth signals (every login view, the
admin's included, sends them)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model, signals
from django.http import HttpRequest

from shudarga.audit.models import AuditEvent
from shudarga.audit.services import audit_record


def _logged_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    audit_record(kind=AuditEvent.Kind.LOGIN, request=request, user=user)


def _logged_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    # user is None when nobody was signed in; such a logout changes nothing: not recorded.
    if user is not None:
        audit_record(kind=AuditEvent.Kind.LOGOUT, request=request, user=user)


def _login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Only the name tried: Django has already masked the password in ``credentials``, and
    # nothing else of them is kept.
    tried = credentials.get(get_user_model().USERNAME_FIELD) or ""
    audit_record(kind=AuditEvent.Kind.LOGIN_FAILED, request=request, user=None, username=str(tried))


def connect() -> None:
    signals.user_logged_in.connect(_logged_in, dispatch_uid="shudarga.audit.login")
    signals.user_logged_out.connect(_logged_out, dispatch_uid="shudarga.audit.logout")
    signals.user_login_failed.connect(_login_failed, dispatch_uid="shudarga.audit.login_failed")
