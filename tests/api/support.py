"""Fixtures and helpers of the API tests (tests/api/conftest.py makes them known): Khujirt's plans and reports in every state, and tokens.

- ``published``: Khujirt's 2025 half-year report, published (a current ReportPublication);
- ``draft_report``: Khujirt's 2025 annual report, a draft;
- ``rival_report``: the rival office's 2025 half-year report, submitted;
- ``draft_plan``: Khujirt's 2026 plan, a draft.
"""

from __future__ import annotations

import json

import pytest
from django.test import Client

from shudarga.api.tokens import token_create
from shudarga.documents import jsonform
from shudarga.plans.analytics.summaries import summary_refresh
from shudarga.plans.models import Plan, Report, ReportPublication
from shudarga.plans.reports.documents import report_document
from shudarga.plans.reports.filling import report_start
from tests.personas import make_plan


def set_status(report: Report, status: str) -> Report:
    Report.objects.filter(pk=report.pk).update(status=status)
    summary_refresh(report_id=report.pk)
    report.refresh_from_db()
    return report


@pytest.fixture
def published(plan, officer, admin):
    report = report_start(user=officer, plan=plan, period="half_year")
    results = list(report.results.order_by("pk"))
    results[0].score = 100
    results[0].save()
    results[1].score = 70
    results[1].save()
    set_status(report, Report.Status.PUBLISHED)
    document = json.loads(jsonform.dumps(report_document(report=report)))
    ReportPublication.objects.create(
        report=report, version=1, document=document, published_by=admin
    )
    return report


@pytest.fixture
def draft_report(plan, officer):
    return report_start(user=officer, plan=plan, period="annual")


@pytest.fixture
def rival_report(other_office, rival):
    rival_plan = make_plan(other_office)
    report = report_start(user=rival, plan=rival_plan, period="half_year")
    return set_status(report, Report.Status.SUBMITTED)


@pytest.fixture
def draft_plan(khujirt):
    return make_plan(khujirt, year=2026, status=Plan.Status.DRAFT)


@pytest.fixture
def world(published, draft_report, rival_report, draft_plan):
    return {
        "published": published,
        "draft": draft_report,
        "rival": rival_report,
        "plan": draft_plan,
    }


def api_client(user=None) -> Client:
    """A client with ``Authorization: Bearer <key>`` of a fresh token of ``user``."""
    if user is None:
        return Client()
    _token, key = token_create(user=user, name="test", scope="write")
    return Client(headers={"Authorization": f"Bearer {key}"})


@pytest.fixture
def anon():
    return api_client()
