"""Administrators keep the organization tree here."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils import timezone
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from shudarga.orgs.models import Organization, ReviewerAssignment
from shudarga.orgs.services import organization_rename, reviewer_assign_refusal


@admin.register(Organization)
class OrganizationAdmin(TreeAdmin):
    form = movenodeform_factory(Organization, exclude=["name_folded"])
    list_display = ("name", "kind", "short_name", "is_unit_office")
    list_filter = ("kind", "is_unit_office")
    search_fields = ("name", "short_name")

    def save_model(self, request, obj, form, change):
        # The tree form has placed and saved the node; the service keeps name_folded in step
        # (and the name trimmed) the same way as for nodes created in code.
        organization_rename(organization=obj, name=obj.name)


class ReviewerAssignmentForm(forms.ModelForm):
    """Separation of duties, as the service checks it (orgs.services.reviewer_assign_refusal)."""

    class Meta:
        model = ReviewerAssignment
        fields = ("user", "node")

    def clean(self):
        cleaned = super().clean()
        user, node = cleaned.get("user"), cleaned.get("node")
        if user is not None and node is not None:
            refusal = reviewer_assign_refusal(by=self.by, user=user, node=node)
            if refusal:
                raise forms.ValidationError(refusal)
        return cleaned


@admin.register(ReviewerAssignment)
class ReviewerAssignmentAdmin(admin.ModelAdmin):
    """A reviewer sees and reviews the node and everything under it (but the node's own office
    and the organizations they work in: shudarga.access)."""

    form = ReviewerAssignmentForm
    list_display = ("user", "node", "assigned_by", "assigned_at")
    search_fields = ("user__username", "node__name")
    autocomplete_fields = ("node",)
    raw_id_fields = ("user",)
    readonly_fields = ("assigned_by", "assigned_at")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.by = request.user
        return form

    def save_model(self, request, obj, form, change):
        if not change:
            obj.assigned_by, obj.assigned_at = request.user, timezone.now()
        super().save_model(request, obj, form, change)
