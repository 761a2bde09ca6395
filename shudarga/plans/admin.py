"""Administrators manage scales and the reporting calendar. Plans and reports are read-only
here: their status, scale and approval change only through the workflow services, which check
who may and record each step (an accepted report made by hand could be published unscored)."""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from shudarga.plans.models import (
    Plan,
    Report,
    ReportingCalendar,
    ReportPublication,
    Scale,
    ScaleLevel,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, never written: the services own these rows."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ScaleLevelInline(admin.TabularInline):
    model = ScaleLevel
    extra = 0
    fields = ("order", "score", "label_mn", "label_en")


@admin.register(Scale)
class ScaleAdmin(SimpleHistoryAdmin):
    """A scale and its levels (inline); the history of each is kept."""

    list_display = ("code", "name", "not_due_mark", "rounding", "decimals", "is_default")
    inlines = (ScaleLevelInline,)


@admin.register(ScaleLevel)
class ScaleLevelAdmin(SimpleHistoryAdmin):
    """The levels one by one: the place where each level's own history is shown."""

    list_display = ("scale", "order", "score", "label_mn", "label_en")
    list_filter = ("scale",)
    list_select_related = ("scale",)


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ("organization", "year", "title", "scale", "created_at")
    list_filter = ("year", "scale")
    search_fields = ("organization__name", "title")
    list_select_related = ("organization", "scale")


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ("plan", "period", "status", "stated_total", "source_file", "created_at")
    list_filter = ("period", "status", "plan__year")
    search_fields = ("plan__organization__name", "title", "source_file")
    list_select_related = ("plan__organization",)


@admin.register(ReportingCalendar)
class ReportingCalendarAdmin(admin.ModelAdmin):
    list_display = ("year", "period", "period_end", "deadline")
    list_filter = ("year", "period")


@admin.register(ReportPublication)
class ReportPublicationAdmin(ReadOnlyAdmin):
    """Published versions are frozen: read them here, never change them."""

    list_display = ("report", "version", "is_current", "published_by", "published_at")
    list_filter = ("is_current",)
    list_select_related = ("report__plan__organization", "published_by")
    search_fields = ("report__plan__organization__name",)
