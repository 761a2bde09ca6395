"""The home page of each role: what needs this person's action now (issue 12), in a bounded
number of queries; a visitor still sees what Shudarga is."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from shudarga.orgs.models import Organization, ReviewerAssignment
from shudarga.plans.models import Report, ReportingCalendar
from shudarga.plans.reports.filling import evidence_add_link, result_update
from shudarga.plans.reports.workflow import report_return, report_submit
from tests.personas import build_plan, client_for

pytestmark = pytest.mark.django_db
HOME = reverse("web:home")


def fill(report, officer, numbers=None):
    for result in report.results.select_related("measure").order_by("pk"):
        if numbers is None or result.measure.number in numbers:
            result_update(user=officer, result=result, expected_version=result.version,
                          spent=None, achieved="Хийсэн", score=Decimal(100), not_due=False)  # fmt: skip


def test_a_visitor_sees_the_start_page(db):
    page = client_for().get(HOME).content.decode()
    assert "What needs your action" not in page and reverse("login") in page


def test_an_officer_sees_the_report_to_fill_with_its_progress(report, results, officer):
    fill(report, officer, numbers={"1.1", "1.2", "2.1"})
    evidence_add_link(user=officer, result=results["1.1"], url="https://example.mn/a")
    page = client_for(officer).get(HOME).content.decode()
    assert "What needs your action" in page
    assert reverse("web:report_edit", args=[report.pk]) in page
    assert "3 of 4 measures filled, 1 evidence file" in page
    assert "ready for you to sign off" not in page  # not complete, and not the head


def test_the_head_sees_a_plan_to_approve_and_a_complete_report_to_submit(
    khujirt, report, officer, head
):
    draft = build_plan(khujirt, year=2026)
    fill(report, officer)
    page = client_for(head).get(HOME).content.decode()
    assert reverse("web:plan", args=[draft.pk]) in page and "Plans to approve" in page
    assert "4 of 4 measures filled, 0 evidence files" in page
    assert "ready for you to sign off and submit" in page


def test_a_returned_report_comes_with_its_reason(report, officer, head, national):
    fill(report, officer)
    report_submit(user=head, report=report)
    report_return(user=national, report=Report.objects.get(pk=report.pk), reason="1.2 дутуу")
    page = client_for(officer).get(HOME).content.decode()
    assert "1.2 дутуу" in page


def test_a_reviewer_sees_the_inbox_and_how_long_it_waited(report, officer, head, national):
    fill(report, officer)
    report_submit(user=head, report=report)
    Report.objects.filter(pk=report.pk).update(submitted_at=timezone.now() - timedelta(days=9))
    from shudarga.plans.models import ReportSummary

    ReportSummary.objects.filter(report=report).update(
        submitted_at=timezone.now() - timedelta(days=9)
    )
    page = client_for(national).get(HOME).content.decode()
    assert "1 report waits in your inbox" in page and "the oldest for 9 days" in page
    assert reverse("web:review_inbox") in page


def test_deadlines_say_the_days_left_and_what_was_sent(report, officer):
    today = timezone.localdate()
    ReportingCalendar.objects.create(year=report.plan.year, period="half_year",
                                     period_end=today, deadline=today + timedelta(days=5))  # fmt: skip
    ReportingCalendar.objects.create(year=report.plan.year, period="annual",
                                     period_end=today, deadline=today - timedelta(days=3))  # fmt: skip
    ReportingCalendar.objects.create(year=report.plan.year - 3, period="annual",
                                     period_end=date(2000, 1, 1), deadline=date(2000, 1, 15))  # fmt: skip
    page = client_for(officer).get(HOME).content.decode()
    assert "5 days left" in page and "3 days overdue" in page
    assert "sent up: 0 of 1" in page
    assert "2000-01-15" not in page  # long past: not a thing to do


def test_an_outsider_has_nothing_to_do(outsider, report):
    page = client_for(outsider).get(HOME).content.decode()
    assert "Nothing needs your action now." in page
    assert reverse("web:report_edit", args=[report.pk]) not in page


def _home_queries(user) -> int:
    client = client_for(user)
    client.get(HOME)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(HOME).status_code == 200
    return len(queries)


def test_the_home_takes_the_same_queries_for_one_report_and_many(
    khujirt, officer, head, django_user_model
):
    from shudarga.plans.reports.filling import report_start
    from tests.personas import make_plan

    reviewer = django_user_model.objects.create_user(username="gerel", password="x")
    ReviewerAssignment.objects.create(
        user=reviewer, node=Organization.objects.get(name="Өвөрхангай")
    )
    first = report_start(user=officer, plan=make_plan(khujirt, year=2021), period="annual")
    counts = [_home_queries(u) for u in (officer, head, reviewer)]
    for year in (2022, 2023, 2024):
        report = report_start(user=officer, plan=make_plan(khujirt, year=year), period="annual")
        fill(report, officer)
        if year == 2024:
            report_submit(user=head, report=report)
    assert first.pk and [_home_queries(u) for u in (officer, head, reviewer)] == counts
