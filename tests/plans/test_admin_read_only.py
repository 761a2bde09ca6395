"""The admin shows plans and reports but cannot change their status, scale or approval."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from shudarga.plans.models import Plan, Report

pytestmark = pytest.mark.django_db


def test_an_administrator_reads_but_cannot_set_a_draft_to_accepted(admin, report):
    client = Client()
    client.force_login(admin)
    url = reverse("admin:plans_report_change", args=[report.pk])
    page = client.get(url)
    assert page.status_code == 200 and b'name="status"' not in page.content
    response = client.post(
        url, {"status": Report.Status.ACCEPTED, "plan": report.plan_id, "period": report.period}
    )
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


def test_an_administrator_cannot_approve_a_plan_or_change_its_scale(admin, plan):
    client = Client()
    client.force_login(admin)
    url = reverse("admin:plans_plan_change", args=[plan.pk])
    assert b'name="status"' not in client.get(url).content
    assert client.post(url, {"status": Plan.Status.DRAFT}).status_code == 403
    assert client.get(reverse("admin:plans_plan_add")).status_code == 403
    assert (
        client.post(reverse("admin:plans_plan_delete", args=[plan.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert Plan.objects.filter(pk=plan.pk).exists()
