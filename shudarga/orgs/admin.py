"""Administrators keep the organization tree here."""

from __future__ import annotations

from django.contrib import admin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from shudarga.orgs.models import Organization, ReviewerAssignment
from shudarga.orgs.services import organization_rename


@admin.register(Organization)
class OrganizationAdmin(TreeAdmin):
    form = movenodeform_factory(Organization, exclude=["name_folded"])
    list_display = ("name", "kind", "short_name")
    list_filter = ("kind",)
    search_fields = ("name", "short_name")

    def save_model(self, request, obj, form, change):
        # The tree form has placed and saved the node; the service keeps name_folded in step
        # (and the name trimmed) the same way as for nodes created in code.
        organization_rename(organization=obj, name=obj.name)


@admin.register(ReviewerAssignment)
class ReviewerAssignmentAdmin(admin.ModelAdmin):
    """A reviewer sees and reviews the node and everything under it."""

    list_display = ("user", "node")
    search_fields = ("user__username", "node__name")
    autocomplete_fields = ("node",)
    raw_id_fields = ("user",)
