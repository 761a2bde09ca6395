"""The admin site: every ModelAdmin registered on it, Django's, ours and third parties',
records each addition, change and deletion as an AuditEvent (with the address it came from)
beside Django's own LogEntry, in the same transaction."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.http import HttpRequest

from shudarga.audit.models import AuditEvent
from shudarga.audit.services import audit_record


def _audit(request: HttpRequest, entries: list[LogEntry]) -> None:
    for entry in entries:
        audit_record(kind=AuditEvent.Kind.ADMIN_ACTION, request=request, log_entry=entry)


class AuditedAdminMixin:
    """The three places where ModelAdmin writes its LogEntry (Django 5.2)."""

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> LogEntry:
        entry = super().log_addition(request, obj, message)  # type: ignore[misc]
        _audit(request, [entry])
        return entry

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> LogEntry:
        entry = super().log_change(request, obj, message)  # type: ignore[misc]
        _audit(request, [entry])
        return entry

    def log_deletions(self, request: HttpRequest, queryset: Any) -> list[LogEntry]:
        entries = list(super().log_deletions(request, queryset))  # type: ignore[misc]
        _audit(request, entries)
        return entries


class AuditedAdminSite(admin.AdminSite):
    """Django's admin site, whose ``register`` gives every ModelAdmin the audit."""

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, AuditedAdminMixin):
            admin_class = type(
                admin_class.__name__,
                (AuditedAdminMixin, admin_class),
                {"__module__": admin_class.__module__},
            )
        super().register(model_or_iterable, admin_class, **options)
