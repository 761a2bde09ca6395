"""Approving and reopening a plan from its page: only its head, a reason to reopen."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from shudarga.plans.models import Plan, PlanEvent, Report
from tests.personas import HTMX, client_for

pytestmark = pytest.mark.django_db


def approve(client, plan, **extra):
    return client.post(reverse("web:plan_approve", args=[plan.pk]), **extra)


def reopen(client, plan, reason: str, **extra):
    return client.post(
        reverse("web:plan_reopen", args=[plan.pk]), {"reopen-reason": reason}, **extra
    )


def approved(plan: Plan) -> Plan:
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.APPROVED)
    plan.refresh_from_db()
    return plan


def test_it_sends_an_anonymous_visitor_to_log_in(draft):
    for response in (
        approve(client_for(), draft),
        reopen(client_for(), draft, "x"),
        client_for().get(reverse("web:plan_reopen", args=[draft.pk])),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_another_organization_gets_not_found(draft, rival):
    assert approve(client_for(rival), draft).status_code == 404
    assert reopen(client_for(rival), approved(draft), "x").status_code == 404
    draft.refresh_from_db()
    assert draft.status == "approved"


@pytest.mark.parametrize("who", ["officer", "viewer", "national"])
def test_only_the_head_approves_and_reopens(draft, request, who):
    client = client_for(request.getfixturevalue(who))
    page = client.get(reverse("web:plan", args=[draft.pk])).content.decode()
    assert "Approve the plan" not in page
    assert approve(client, draft).status_code == 403
    assert approve(client, draft, **HTMX).status_code == 403
    draft.refresh_from_db()
    assert draft.status == "draft"
    approved(draft)
    assert (
        "Reopen the plan" not in client.get(reverse("web:plan", args=[draft.pk])).content.decode()
    )
    assert reopen(client, draft, "засна").status_code == 403
    assert client.get(reverse("web:plan_reopen", args=[draft.pk])).status_code == 403
    draft.refresh_from_db()
    assert draft.status == "approved"
    assert not PlanEvent.objects.exists()


def test_the_head_approves_and_the_plan_is_locked(draft, head):
    client = client_for(head)
    assert "Approve the plan" in client.get(reverse("web:plan", args=[draft.pk])).content.decode()
    response = approve(client, draft)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.approved_by) == ("approved", head)
    page = client.get(response["Location"]).content.decode()
    assert "The plan is approved. It is locked against changes." in page
    assert "approved by Батбаяр" in page
    assert "Reopen the plan for changes" in page
    assert "Add an objective" not in page


def test_with_htmx_approving_reloads_the_page(draft, head):
    response = approve(client_for(head), draft, **HTMX)
    assert response["HX-Redirect"] == reverse("web:plan", args=[draft.pk])


def test_an_empty_plan_is_not_approved(khujirt, head):
    from tests.personas import build_plan

    plan = build_plan(khujirt, objectives=0)
    client = client_for(head)
    response = approve(client, plan)
    page = client.get(response["Location"]).content.decode()
    assert "A plan without measures cannot be approved." in page
    plan.refresh_from_db()
    assert plan.status == "draft"


def test_reopening_needs_a_reason(draft, head):
    approved(draft)
    response = reopen(client_for(head), draft, "   ")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Say why the plan is reopened: a reason is required." in page
    assert '<details id="reopen" open>' in page
    assert '<label for="id_reopen-reason">' in page
    assert re.search(r'<textarea name="reopen-reason"[^>]* autofocus', page)
    draft.refresh_from_db()
    assert draft.status == "approved"


def test_reopening_records_the_reason_and_unlocks(draft, head):
    approved(draft)
    client = client_for(head)
    response = reopen(client, draft, "Аймгийн ЗДТГ-ын зөвлөмжөөр <засна>")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "draft"
    event = PlanEvent.objects.get(plan=draft, action="reopened")
    assert (event.by, event.reason) == (head, "Аймгийн ЗДТГ-ын зөвлөмжөөр <засна>")
    page = client.get(response["Location"]).content.decode()
    assert "The plan is reopened: it can be changed again." in page
    assert "Аймгийн ЗДТГ-ын зөвлөмжөөр &lt;засна&gt;" in page
    assert "Add an objective" in page
    history = client.get(reverse("web:plan_history", args=[draft.pk])).content.decode()
    assert "Аймгийн ЗДТГ-ын зөвлөмжөөр &lt;засна&gt;" in history


@pytest.mark.parametrize("status", ["submitted", "accepted", "published"])
def test_reopening_is_refused_while_a_report_is_with_the_reviewers(draft, head, status):
    approved(draft)
    Report.objects.create(plan=draft, period="annual", status=status)
    client = client_for(head)
    response = reopen(client, draft, "засна")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "The plan cannot be reopened while a report on it is submitted" in page
    draft.refresh_from_db()
    assert draft.status == "approved"
    assert not PlanEvent.objects.filter(action="reopened").exists()


def test_a_get_of_reopen_opens_the_form_on_the_plan_page(draft, head):
    approved(draft)
    page = client_for(head).get(reverse("web:plan_reopen", args=[draft.pk])).content.decode()
    assert '<details id="reopen" open>' in page
