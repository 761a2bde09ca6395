"""The audit trail in the admin, read-only: AuditEvent (logins, downloads, admin actions with
their address) and Django's LogEntry (what each admin action changed). Seeing them takes the
"view" permission of each (a superuser has it); nobody adds, changes or deletes a row here."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import pgettext_lazy

from shudarga.audit.models import AuditEvent


class AuditTrailAdmin(admin.ModelAdmin):
    """Shown, never written; paginated without counting every row of a table that only grows."""

    list_per_page = 100
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(AuditTrailAdmin):
    list_display = ("at", "kind", "who", "content_type", "object_repr", "what", "ip", "agent")
    list_filter = ("kind", "at", "content_type")
    date_hierarchy = "at"
    search_fields = ("username", "object_repr", "detail", "ip")
    list_select_related = ("content_type", "log_entry")

    @admin.display(description=pgettext_lazy("audit column", "Who"), ordering="username")
    def who(self, event: AuditEvent) -> str:
        # The name links to every event of that name (failed logins of it included).
        if not event.username:
            return "–"
        query = urlencode({"username": event.username})
        return format_html('<a href="?{}">{}</a>', query, event.username)

    @admin.display(description=pgettext_lazy("audit column", "What"))
    def what(self, event: AuditEvent) -> str:
        if event.log_entry is not None:
            entry = event.log_entry
            return f"{entry.get_action_flag_display()}: {entry.get_change_message()}"
        return event.detail

    @admin.display(description=pgettext_lazy("audit column", "Browser"))
    def agent(self, event: AuditEvent) -> str:
        return event.user_agent[:60]


@admin.register(LogEntry)
class LogEntryAdmin(AuditTrailAdmin):
    list_display = ("action_time", "user", "action_flag", "content_type", "object_repr", "message")
    list_filter = ("action_flag", "action_time", "content_type")
    date_hierarchy = "action_time"
    search_fields = ("object_repr", "change_message", "user__username")
    list_select_related = ("user", "content_type")

    @admin.display(description=pgettext_lazy("audit column", "What changed"))
    def message(self, entry: LogEntry) -> str:
        return entry.get_change_message()
