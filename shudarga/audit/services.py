"""The one way an audit row is written."""

from __future__ import annotations

from typing import Any

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest

from shudarga.audit.client import client_ip, client_user_agent
from shudarga.audit.models import AuditEvent

USERNAME_MAX = 150
# What an admin LogEntry did, in words that do not depend on the language of the moment.
ADMIN_ACTIONS = {ADDITION: "added", CHANGE: "changed", DELETION: "deleted"}


class _FromRequest:
    """The default of ``user``: the request's signed-in user (None says "nobody")."""


FROM_REQUEST: Any = _FromRequest()


def _request_user(request: HttpRequest | None) -> AbstractBaseUser | None:
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def audit_record(
    *,
    kind: str,
    request: HttpRequest | None = None,
    user: AbstractBaseUser | None = FROM_REQUEST,
    username: str = "",
    obj: models.Model | None = None,
    detail: str = "",
    log_entry: LogEntry | None = None,
) -> AuditEvent:
    """Record one act. Called inside the transaction of what it records, when there is one,
    so the act and its row are kept or rolled back together.

    ``user`` defaults to the request's signed-in user and ``username`` to that user's name (a
    failed login passes ``user=None`` and the name tried, never the password). The object is
    ``obj``, or the one an admin ``log_entry`` names (whose row has no address: this adds it).
    """
    if user is FROM_REQUEST:
        user = _request_user(request)
    if user is not None and not username:
        username = user.get_username()
    event = AuditEvent(
        kind=kind,
        user=user,
        username=username[:USERNAME_MAX],
        detail=detail[:500],
        log_entry=log_entry,
        ip=client_ip(request) if request is not None else None,
        user_agent=client_user_agent(request) if request is not None else "",
    )
    if obj is not None:
        event.content_type = ContentType.objects.get_for_model(obj)
        event.object_id, event.object_repr = str(obj.pk)[:64], str(obj)[:200]
    elif log_entry is not None:
        event.content_type_id = log_entry.content_type_id
        event.object_id = str(log_entry.object_id or "")[:64]
        event.object_repr = log_entry.object_repr[:200]
        event.detail = event.detail or ADMIN_ACTIONS.get(log_entry.action_flag, "")
    event.save()
    return event
