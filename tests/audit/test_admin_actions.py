"""Every admin change is kept three ways: the admin's LogEntry, an AuditEvent with where it came
from, and the model's history (before, after, by whom). Roles are given in the admin."""

from __future__ import annotations

import json

import pytest
from django.contrib import admin as django_admin
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.urls import reverse

from shudarga.audit.models import AuditEvent
from shudarga.audit.site import AuditedAdminMixin
from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.plans.models import Scale, ScaleLevel
from tests.personas import client_for

pytestmark = pytest.mark.django_db

FROM = {"REMOTE_ADDR": "198.51.100.5", "HTTP_USER_AGENT": "Chromium/130"}


def admin_events():
    return AuditEvent.objects.filter(kind=AuditEvent.Kind.ADMIN_ACTION).order_by("id")


def test_every_admin_of_the_site_records_its_actions():
    assert django_admin.site._registry
    unaudited = [
        type(model_admin).__name__
        for model_admin in django_admin.site._registry.values()
        if not isinstance(model_admin, AuditedAdminMixin)
    ]
    assert unaudited == []


def test_a_role_given_in_the_membership_admin_is_recorded(admin, outsider, khujirt):
    response = client_for(admin).post(
        reverse("admin:orgs_membership_add"),
        {"user": outsider.pk, "organization": khujirt.pk, "role": Membership.Role.HEAD},
        **FROM,
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    membership = Membership.objects.get(user=outsider)
    entry = LogEntry.objects.get()
    assert (entry.action_flag, entry.user, entry.object_id) == (
        ADDITION,
        admin,
        str(membership.pk),
    )
    event = admin_events().get()
    assert (event.user, event.log_entry, event.ip, event.user_agent) == (
        admin,
        entry,
        "198.51.100.5",
        "Chromium/130",
    )
    assert (event.object_id, event.detail) == (str(membership.pk), "added")
    record = membership.history.get()
    assert (record.history_type, record.history_user, record.role) == ("+", admin, "head")


def test_a_role_changed_on_the_users_page_keeps_before_and_after(admin, officer, khujirt):
    membership = Membership.objects.get(user=officer)
    url = reverse("admin:auth_user_change", args=[officer.pk])
    assert client_for(admin).get(url).status_code == 200
    response = client_for(admin).post(
        url,
        {
            "username": officer.username,
            "first_name": officer.first_name,
            "is_active": "on",
            "date_joined_0": "2026-01-05",
            "date_joined_1": "09:00:00",
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "1",
            "memberships-0-id": membership.pk,
            "memberships-0-user": officer.pk,
            "memberships-0-organization": khujirt.pk,
            "memberships-0-role": Membership.Role.VIEWER,
        },
        **FROM,
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    before, after = membership.history.order_by("history_id")
    assert (before.role, after.role, after.history_user) == ("officer", "viewer", admin)
    assert after.diff_against(before).changed_fields == ["role"]
    entry = LogEntry.objects.get(action_flag=CHANGE)
    changed = [c["changed"] for c in json.loads(entry.change_message) if "name" in c["changed"]]
    assert [c["name"] for c in changed] == ["гишүүнчлэл"]
    assert admin_events().get().log_entry == entry


def test_a_role_given_on_the_organizations_page_is_recorded(admin, outsider, khujirt):
    url = reverse("admin:orgs_organization_change", args=[khujirt.pk])
    parent = Organization.objects.get_parent(khujirt)
    response = client_for(admin).post(
        url,
        {
            "name": khujirt.name,
            "kind": khujirt.kind,
            "short_name": "",
            "treebeard_position": "first-child",
            "treebeard_ref_node": parent.pk,
            "memberships-TOTAL_FORMS": "1",
            "memberships-INITIAL_FORMS": "0",
            "memberships-0-user": outsider.pk,
            "memberships-0-role": Membership.Role.OFFICER,
        },
        **FROM,
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    membership = Membership.objects.get(user=outsider, organization=khujirt)
    assert membership.history.get().history_user == admin
    assert admin_events().get().object_id == str(khujirt.pk)


def test_deleting_several_memberships_at_once_records_each(admin, officer, viewer, head):
    pks = list(Membership.objects.values_list("pk", flat=True))
    response = client_for(admin).post(
        reverse("admin:orgs_membership_changelist"),
        {"action": "delete_selected", "_selected_action": pks, "post": "yes"},
        **FROM,
    )
    assert response.status_code == 302
    assert not Membership.objects.exists()
    events = list(admin_events())
    assert sorted(int(e.object_id) for e in events) == sorted(pks)
    assert {(e.detail, e.ip) for e in events} == {("deleted", "198.51.100.5")}
    assert LogEntry.objects.filter(action_flag=DELETION).count() == 3
    assert Membership.history.filter(history_type="-").count() == 3


def test_a_refused_reviewer_assignment_records_nothing(admin, head, khujirt):
    response = client_for(admin).post(
        reverse("admin:orgs_reviewerassignment_add"), {"user": head.pk, "node": khujirt.pk}
    )
    assert response.status_code == 200
    assert not admin_events().exists() and not LogEntry.objects.exists()
    assert not ReviewerAssignment.history.exists()


def test_a_reviewer_assignment_keeps_its_history(admin, outsider, khujirt):
    client_for(admin).post(
        reverse("admin:orgs_reviewerassignment_add"),
        {"user": outsider.pk, "node": khujirt.pk},
        **FROM,
    )
    record = ReviewerAssignment.history.get()
    assert (record.history_user, record.assigned_by, record.node_id) == (admin, admin, khujirt.pk)
    assert admin_events().get().ip == "198.51.100.5"


def test_moving_an_organization_in_the_tree_is_recorded(admin, khujirt, other_office):
    old_path = khujirt.path
    response = client_for(admin).post(
        "/admin/orgs/organization/move/",
        {"node": khujirt.pk, "target": other_office.pk, "relation": "child"},
        **FROM,
    )
    assert response.status_code == 200
    khujirt.refresh_from_db()
    assert khujirt.path.startswith(other_office.path)
    entry = LogEntry.objects.get(action_flag=CHANGE)
    assert entry.object_id == str(khujirt.pk)
    assert admin_events().get().log_entry == entry
    latest, previous = khujirt.history.order_by("-history_id")[:2]
    assert (previous.path, latest.path, latest.history_user) == (old_path, khujirt.path, admin)


def test_a_scale_level_changed_in_the_admin_keeps_its_history(admin):
    scale = Scale.objects.create(code="test", name="Туршилт")
    level = ScaleLevel.objects.create(scale=scale, score=100, label_mn="Бүрэн", order=0)
    response = client_for(admin).post(
        reverse("admin:plans_scalelevel_change", args=[level.pk]),
        {"scale": scale.pk, "order": 0, "score": "90", "label_mn": "Бараг", "label_en": ""},
        **FROM,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    before, after = level.history.order_by("history_id")
    assert (before.score, after.score, after.history_user) == (100, 90, admin)
    assert admin_events().get().object_repr.endswith("Бараг")
