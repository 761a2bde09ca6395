"""Administrators manage scales; plans and reports are shown read-mostly (imports write them)."""

from __future__ import annotations

from django.contrib import admin

from shudarga.plans.models import (
    Plan,
    Report,
    ReportingCalendar,
    ReportPublication,
    Scale,
    ScaleLevel,
)


class ScaleLevelInline(admin.TabularInline):
    model = ScaleLevel
    extra = 0
    fields = ("order", "score", "label_mn", "label_en")


@admin.register(Scale)
class ScaleAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "not_due_mark", "rounding", "decimals", "is_default")
    inlines = (ScaleLevelInline,)


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("organization", "year", "title", "scale", "created_at")
    list_filter = ("year", "scale")
    search_fields = ("organization__name", "title")
    list_select_related = ("organization", "scale")
    autocomplete_fields = ("organization",)
    readonly_fields = ("organization", "year", "created_at")

    def get_readonly_fields(self, request, obj=None):
        # Organization and year identify the plan once it exists.
        return self.readonly_fields if obj is not None else ["created_at"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("plan", "period", "stated_total", "source_file", "created_at")
    list_filter = ("period", "plan__year")
    search_fields = ("plan__organization__name", "title", "source_file")
    list_select_related = ("plan__organization",)
    readonly_fields = (
        "plan",
        "period",
        "title",
        "stated_total",
        "stated_total_decimals",
        "source_file",
        "import_warnings",
        "created_at",
    )

    def has_add_permission(self, request):
        return False  # reports come in through report_import_document


@admin.register(ReportingCalendar)
class ReportingCalendarAdmin(admin.ModelAdmin):
    list_display = ("year", "period", "period_end", "deadline")
    list_filter = ("year", "period")


@admin.register(ReportPublication)
class ReportPublicationAdmin(admin.ModelAdmin):
    """Published versions are frozen: read them here, never change them."""

    list_display = ("report", "version", "is_current", "published_by", "published_at")
    list_filter = ("is_current",)
    list_select_related = ("report__plan__organization", "published_by")
    search_fields = ("report__plan__organization__name",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
