"""Administrators keep the organization tree, memberships (roles) and reviewers here.

Every change is kept twice: the model's history (django-simple-history: before and after, by
whom; the "History" button of each object) and the admin's LogEntry with an AuditEvent giving
where it came from (shudarga.audit.site).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin
from treebeard.admin import TreeAdmin
from treebeard.forms import movenodeform_factory

from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.orgs.services import organization_rename, reviewer_assign_refusal


class MembershipInline(admin.TabularInline):
    """The roles in one organization (on the organization's page)."""

    model = Membership
    extra = 0
    fields = ("user", "role")
    autocomplete_fields = ("user",)


class UserMembershipInline(admin.TabularInline):
    """One person's roles (on the user's page)."""

    model = Membership
    extra = 0
    fields = ("organization", "role")
    autocomplete_fields = ("organization",)


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin, TreeAdmin):
    form = movenodeform_factory(Organization, exclude=["name_folded"])
    list_display = ("name", "kind", "short_name", "is_unit_office")
    list_filter = ("kind", "is_unit_office")
    search_fields = ("name", "short_name")
    inlines = (MembershipInline,)

    def move_node(self, request: HttpRequest) -> HttpResponse:
        # treebeard's drag and drop writes no LogEntry of its own: the move and its record
        # are one transaction, so a move is never left unrecorded.
        with transaction.atomic():
            response = super().move_node(request)
            if response.status_code == 200:
                node = Organization.objects.get(pk=request.POST["node"])
                self.log_change(request, node, [{"changed": {"fields": ["path"]}}])
        return response

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
class ReviewerAssignmentAdmin(SimpleHistoryAdmin):
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


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    """Гишүүнчлэл: who has which role (officer, head, viewer) in which organization."""

    list_display = ("user", "organization", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "user__first_name", "user__last_name", "organization__name")
    autocomplete_fields = ("user", "organization")
    list_select_related = ("user", "organization")


class UserAdmin(auth_admin.UserAdmin):
    """Django's user admin with the person's memberships, so roles are given here too."""

    inlines = (*auth_admin.UserAdmin.inlines, UserMembershipInline)


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), UserAdmin)
