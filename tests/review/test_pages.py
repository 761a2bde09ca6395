"""The review pages: who may open them, scoring, accept/return, reminders, inbox filters."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shudarga.orgs.services import organization_get_or_create_path
from shudarga.plans.analytics.reminders import reporting_gaps
from shudarga.plans.analytics.summaries import summary_refresh
from shudarga.plans.models import MeasureResult, Report, ReportingCalendar, ReportPublication
from tests.personas import client_for, make_plan
from tests.review.conftest import by_number

pytestmark = pytest.mark.django_db


def urls(report):
    r = by_number(report)["1.1"]
    return {
        "inbox": ("get", reverse("web:review_inbox")),
        "reminders": ("get", reverse("web:review_reminders")),
        "review": ("get", reverse("web:review_report", args=[report.pk])),
        "score": ("post", reverse("web:review_score", args=[report.pk, r.pk])),
        "accept": ("post", reverse("web:review_accept", args=[report.pk])),
        "return": ("post", reverse("web:review_return", args=[report.pk])),
    }


def test_an_anonymous_visitor_is_sent_to_log_in(submitted):
    for method, url in urls(submitted).values():
        response = getattr(client_for(), method)(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["officer", "head", "viewer", "far_reviewer"])
def test_members_and_other_reviewers_cannot_review(request, submitted, who):
    client = client_for(request.getfixturevalue(who))
    for name, (method, url) in urls(submitted).items():
        response = getattr(client, method)(url, {"v1-score": "0", "reason": "x"})
        if name in ("inbox", "reminders"):
            # Members review nothing (403); the far reviewer has an inbox without Khujirt.
            assert response.status_code == (200 if who == "far_reviewer" else 403), (who, name)
            assert "Хужирт" not in response.content.decode()
        else:
            assert response.status_code == 404, (who, name)
    submitted.refresh_from_db()
    assert submitted.status == "submitted"
    assert not MeasureResult.objects.filter(reviewed_at__isnull=False).exists()


def test_the_reviewer_scores_and_both_scores_show(submitted, reviewer):
    client = client_for(reviewer)
    r = by_number(submitted)["1.1"]
    response = client.post(
        reverse("web:review_score", args=[submitted.pk, r.pk]),
        {f"v{r.pk}-score": "30", f"v{r.pk}-comment": "<b>thin</b>"},
    )
    assert response.status_code == 302
    page = client.get(reverse("web:review_report", args=[submitted.pk])).content.decode()
    assert "&lt;b&gt;thin&lt;/b&gt;" in page and "<b>thin" not in page
    assert 'id="self-total">90%' in page
    assert 'id="official-total">66.67%' not in page  # scale shows whole numbers
    assert 'id="official-total">67%' in page
    sheet = client_for(submitted.plan.organization.memberships.first().user)
    edit = sheet.get(reverse("web:report_edit", args=[submitted.pk])).content.decode()
    assert "Reviewer&#x27;s scores" in edit or "Reviewer's scores" in edit


def test_a_bad_score_is_answered_with_the_form(submitted, reviewer):
    r = by_number(submitted)["1.1"]
    response = client_for(reviewer).post(
        reverse("web:review_score", args=[submitted.pk, r.pk]), {f"v{r.pk}-score": "55"}
    )
    assert response.status_code == 400


def test_return_needs_a_reason_and_the_officer_sees_it(submitted, reviewer, officer):
    client = client_for(reviewer)
    url = reverse("web:review_return", args=[submitted.pk])
    assert client.post(url, {"reason": "  "}).status_code == 400
    assert client.post(url, {"reason": "Attach the order for 1.2"}).status_code == 302
    page = client_for(officer).get(reverse("web:report_edit", args=[submitted.pk]))
    assert "Attach the order for 1.2" in page.content.decode()


def test_accept_then_the_head_publishes_from_the_sheet(settings, submitted, reviewer, head):
    settings.SHUDARGA_PUBLISHER = "head"
    client_for(reviewer).post(reverse("web:review_agree_all", args=[submitted.pk]))
    assert (
        client_for(reviewer).post(reverse("web:review_accept", args=[submitted.pk])).status_code
        == 302
    )
    edit = client_for(head).get(reverse("web:report_edit", args=[submitted.pk])).content.decode()
    assert reverse("web:report_publish", args=[submitted.pk]) in edit
    assert (
        client_for(reviewer).post(reverse("web:report_publish", args=[submitted.pk])).status_code
        == 403
    )
    client_for(head).post(reverse("web:report_publish", args=[submitted.pk]))
    assert ReportPublication.objects.get(report=submitted).version == 1
    correct = reverse("web:publication_correct", args=[submitted.pk])
    assert client_for(head).post(correct, {"note": ""}).status_code == 400
    client_for(head).post(correct, {"note": "Fixed 1.2"})
    page = client_for(head).get(reverse("web:report_publications", args=[submitted.pk]))
    text = page.content.decode()
    assert "Fixed 1.2" in text and "(current)" in text
    assert ReportPublication.objects.filter(report=submitted).count() == 2


def test_the_head_reopens_a_published_report_for_correction_with_a_reason(
    settings, submitted, reviewer, head, officer
):
    settings.SHUDARGA_PUBLISHER = "head"
    client_for(reviewer).post(reverse("web:review_agree_all", args=[submitted.pk]))
    client_for(reviewer).post(reverse("web:review_accept", args=[submitted.pk]))
    client_for(head).post(reverse("web:report_publish", args=[submitted.pk]))
    publications = client_for(head).get(reverse("web:report_publications", args=[submitted.pk]))
    reopen = reverse("web:report_reopen", args=[submitted.pk])
    assert f'href="{reopen}"' in publications.content.decode()
    assert client_for(officer).post(reopen, {"reason": "x"}).status_code == 403
    assert client_for(reviewer).post(reopen, {"reason": "x"}).status_code == 403
    blank = client_for(head).post(reopen, {"reason": "  "})
    assert blank.status_code == 400
    assert "A reason is required to return a report." in blank.content.decode()
    # The cursor, and so the page, goes to the field to fix (issue 12).
    assert re.search(r'<textarea name="reason"[^>]* autofocus', blank.content.decode())
    assert client_for(head).post(reopen, {"reason": "1.2 буруу"}).status_code == 302
    assert Report.objects.get(pk=submitted.pk).status == "returned"
    sheet = client_for(officer).get(reverse("web:report_edit", args=[submitted.pk]))
    assert "1.2 буруу" in sheet.content.decode()  # the reason, shown first to the organization


def test_the_reviewer_publishes_when_the_setting_says_so(settings, submitted, reviewer, head):
    settings.SHUDARGA_PUBLISHER = "reviewer"
    client_for(reviewer).post(reverse("web:review_agree_all", args=[submitted.pk]))
    client_for(reviewer).post(reverse("web:review_accept", args=[submitted.pk]))
    assert (
        client_for(head).post(reverse("web:report_publish", args=[submitted.pk])).status_code == 403
    )
    client_for(reviewer).post(reverse("web:report_publish", args=[submitted.pk]))
    assert Report.objects.get(pk=submitted.pk).status == "published"


# Reminders ----------------------------------------------------------------------------------


def test_reminders_list_late_and_missing_organizations(
    khujirt, other_office, report, officer, reviewer
):
    ReportingCalendar.objects.create(
        year=2025,
        period="half_year",
        period_end=datetime.date(2025, 6, 30),
        deadline=datetime.date(2025, 7, 15),
    )
    ReportingCalendar.objects.create(
        year=2025,
        period="annual",
        period_end=datetime.date(2025, 12, 31),
        deadline=datetime.date(2026, 1, 20),
    )
    from shudarga.orgs.models import Organization

    soums = Organization.objects.get(name="Өвөрхангай")
    scope = Organization.objects.filter(path__startswith=soums.path)

    def gaps(today):
        return {
            (g.organization.name, g.calendar.period, g.kind, g.overdue)
            for g in reporting_gaps(organizations=scope, today=today)
        }

    assert gaps(datetime.date(2025, 6, 1)) == set()
    assert gaps(datetime.date(2025, 7, 1)) == set()  # draft, deadline not passed
    assert gaps(datetime.date(2025, 7, 16)) == {(khujirt.name, "half_year", "late", True)}
    assert (khujirt.name, "annual", "missing", False) in gaps(datetime.date(2026, 1, 5))
    assert (khujirt.name, "annual", "missing", True) in gaps(datetime.date(2026, 1, 21))


def test_the_plan_list_shows_the_organizations_own_gaps(khujirt, officer, plan):
    ReportingCalendar.objects.create(
        year=2024,
        period="annual",
        period_end=datetime.date(2024, 12, 31),
        deadline=datetime.date(2025, 1, 20),
    )
    page = client_for(officer).get(reverse("web:plan_list")).content.decode()
    assert "Missing after the deadline" in page  # the dashboard's words
    response = client_for(officer).get(reverse("web:review_reminders"))
    assert response.status_code == 403


# Inbox --------------------------------------------------------------------------------------


def _many(count, *, aimag="Өвөрхангай", kind="organization", start=0):
    reports = []
    for i in range(start, start + count):
        office = organization_get_or_create_path(
            path=[
                ("Монгол Улс", "country"),
                (aimag, "aimag"),
                (f"Сум {aimag} {i}", "soum"),
                (f"Газар {aimag} {i}", kind),
            ]
        )
        plan = make_plan(office, objectives=1, measures_per_objective=1)
        report = Report.objects.create(plan=plan, period="annual", status="submitted")
        MeasureResult.objects.create(
            report=report, measure=plan.objectives.get().measures.get(), score=Decimal("70")
        )
        summary_refresh(report_id=report.pk)
        reports.append(report)
    return reports


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_inbox_takes_the_same_queries_for_10_and_200_reports(reviewer, khujirt):
    client = client_for(reviewer)
    url = reverse("web:review_inbox")
    _many(10)
    ten = _count(client, url)
    page = client.get(url).content.decode()
    assert page.count("review/reports/") == 10 and "70%" in page
    assert "Өвөрхангай" in page  # the aimag of each organization
    _many(190, start=10)
    assert _count(client, url) == ten


def test_the_inbox_filters(reviewer, national, submitted):
    _many(2, aimag="Архангай")
    _many(1, kind="soum")
    client = client_for(national)
    url = reverse("web:review_inbox")

    def names(**query):
        text = client.get(url, query).content.decode()
        return text.count("review/reports/")

    assert names() == 4
    from shudarga.orgs.models import Organization

    arkhangai = Organization.objects.get(name="Архангай")
    assert names(aimag=arkhangai.pk) == 2
    assert names(kind="soum") == 1
    assert names(year=2025, period="half_year") == 1
    assert names(status="accepted") == 0
    assert client_for(reviewer).get(url).content.decode().count("review/reports/") == 2
