"""The audit trail in the admin: read by staff given the permission, written by nobody."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.urls import reverse

from shudarga.audit.models import AuditEvent
from shudarga.audit.services import audit_record
from shudarga.orgs.models import Membership
from tests.personas import client_for

pytestmark = pytest.mark.django_db

LISTS = ["admin:audit_auditevent_changelist", "admin:admin_logentry_changelist"]


@pytest.fixture
def auditor(staff):
    """Staff with the view permissions of the audit trail and of memberships."""
    staff.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_auditevent", "view_logentry", "view_membership"]
        )
    )
    return staff


@pytest.fixture
def events(officer, admin):
    for n in range(3):
        audit_record(kind=AuditEvent.Kind.LOGIN, user=officer)
        audit_record(kind=AuditEvent.Kind.LOGIN_FAILED, user=None, username=f"guess{n}")
    LogEntry.objects.log_actions(user_id=admin.pk, queryset=[officer], action_flag=2)
    return AuditEvent.objects.all()


@pytest.mark.parametrize("route", LISTS)
@pytest.mark.parametrize("persona", ["anonymous", "outsider", "officer", "national"])
def test_people_outside_the_admin_are_sent_to_its_login(route, persona, request, events):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    if persona == "national":
        user.is_staff = False
        user.save()
    response = client_for(user).get(reverse(route))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


@pytest.mark.parametrize("route", LISTS)
def test_staff_without_the_permission_are_refused(route, staff, events):
    assert client_for(staff).get(reverse(route)).status_code == 403


def test_an_auditor_reads_every_kind_of_event(auditor, events):
    page = client_for(auditor).get(reverse("admin:audit_auditevent_changelist"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "guess0" in html and "guess2" in html and "oyunchimeg" in html
    assert client_for(auditor).get(reverse("admin:admin_logentry_changelist")).status_code == 200


def test_the_trail_filters_by_kind_by_user_name_and_searches(auditor, events):
    client = client_for(auditor)
    url = reverse("admin:audit_auditevent_changelist")
    failed = client.get(url, {"kind__exact": "login_failed"})
    assert failed.context["cl"].result_count == 3
    by_name = client.get(url, {"username": "guess1"})
    assert [e.username for e in by_name.context["cl"].result_list] == ["guess1"]
    found = client.get(url, {"q": "oyunchimeg"})
    assert found.context["cl"].result_count == 3


@pytest.mark.parametrize("persona", ["auditor", "admin"])
def test_nobody_adds_changes_or_deletes_an_audit_row(persona, request, events):
    client = client_for(request.getfixturevalue(persona))
    event = events.first()
    entry = LogEntry.objects.get()
    for model, pk in (("audit_auditevent", event.pk), ("admin_logentry", entry.pk)):
        assert client.get(reverse(f"admin:{model}_add")).status_code == 403
        change = client.get(reverse(f"admin:{model}_change", args=[pk]))
        assert change.status_code == 200 and b'name="_save"' not in change.content
        assert client.post(reverse(f"admin:{model}_change", args=[pk]), {}).status_code == 403
        delete = reverse(f"admin:{model}_delete", args=[pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403
        bulk = client.post(
            reverse(f"admin:{model}_changelist"),
            {"action": "delete_selected", "_selected_action": [pk], "post": "yes"},
        )
        assert bulk.status_code in (200, 302)
    assert AuditEvent.objects.filter(pk=event.pk).exists()
    assert LogEntry.objects.filter(pk=entry.pk).exists()


def test_the_trail_is_paginated_and_its_queries_do_not_grow(
    auditor, events, officer, django_assert_max_num_queries
):
    client = client_for(auditor)
    url = reverse("admin:audit_auditevent_changelist")
    client.get(url)  # content types, permissions: cached for the next
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for _ in range(120):
        audit_record(kind=AuditEvent.Kind.LOGIN, user=officer)
    with django_assert_max_num_queries(len(few)):
        page = client.get(url)
    assert len(page.context["cl"].result_list) == 100


def test_an_auditor_reads_the_history_of_a_membership(auditor, admin, officer):
    membership = Membership.objects.get(user=officer)
    membership.role = Membership.Role.VIEWER
    membership._history_user = admin
    membership.save()
    url = reverse("admin:orgs_membership_history", args=[membership.pk])
    page = client_for(auditor).get(url)
    assert page.status_code == 200
    assert "ariunaa" in page.content.decode()
    assert client_for(officer).get(url).status_code == 302


def test_the_history_pages_of_the_audited_models_open(admin, khujirt, national):
    from shudarga.orgs.models import ReviewerAssignment
    from shudarga.plans.models import Scale

    scale = Scale.objects.create(code="test", name="Туршилт")
    client = client_for(admin)
    for route, pk in (
        ("admin:orgs_organization_history", khujirt.pk),
        ("admin:orgs_reviewerassignment_history", ReviewerAssignment.objects.get().pk),
        ("admin:plans_scale_history", scale.pk),
    ):
        page = client.get(reverse(route, args=[pk]))
        assert page.status_code == 200 and b"Created" in page.content, route
    assert client.get(reverse("admin:index")).status_code == 200
