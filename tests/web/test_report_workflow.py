"""Signing off, submitting and returning a report from its pages."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from shudarga.plans.models import MeasureResult, Report
from shudarga.plans.reports.workflow import report_return, report_submit
from tests.personas import client_for, result_data

pytestmark = pytest.mark.django_db


def score(report, numbers, value=Decimal("100")):
    MeasureResult.objects.filter(report=report, measure__number__in=numbers).update(score=value)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


def submit(user, report):
    return client_for(user).post(reverse("web:report_submit", args=[report.pk]))


def test_the_head_sees_the_sign_off_and_the_officer_is_told_who_signs(report, officer, head):
    url = reverse("web:report_edit", args=[report.pk])
    assert "Sign off and submit" in client_for(head).get(url).content.decode()
    officer_page = client_for(officer).get(url).content.decode()
    assert "Sign off and submit" not in officer_page
    assert "the head of the organization signs it off" in officer_page


def test_submitting_with_unscored_measures_is_refused_with_their_numbers(report, head):
    score(report, ["1.1", "2.2"])
    response = submit(head, report)
    assert response.status_code == 302
    assert messages_of(response) == [
        "The report was not submitted: every measure needs a score or the mark “not yet due”. "
        "Not evaluated: 1.2, 2.1."
    ]
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


def test_the_head_submits_and_the_report_is_locked_with_its_step_shown(report, head, officer):
    score(report, ["1.1", "1.2", "2.1"])
    MeasureResult.objects.filter(report=report, measure__number="2.2").update(not_due=True)
    response = submit(head, report)
    assert messages_of(response) == ["The report was signed off and submitted."]
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED and report.submitted_at
    html = client_for(officer).get(reverse("web:report_edit", args=[report.pk])).content.decode()
    assert "submitted and is locked" in html
    assert 'class="result-form"' not in html and "Attach files" not in html
    assert "Батбаяр:" in html  # the step, who took it
    result = report.results.get(measure__number="1.1")
    response = client_for(officer).post(
        reverse("web:report_result", args=[report.pk, result.pk]),
        result_data(result, achieved="Өөрчлөх гэсэн", score="0"),
    )
    assert response.status_code == 409
    result.refresh_from_db()
    assert (result.score, result.achieved) == (Decimal("100"), "")


def test_an_officer_cannot_submit(report, officer):
    score(report, ["1.1", "1.2", "2.1", "2.2"])
    assert submit(officer, report).status_code == 403
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


@pytest.fixture
def submitted(report, head):
    score(report, ["1.1", "1.2", "2.1", "2.2"])
    return report_submit(user=head, report=report)


def test_the_sheet_leads_a_reviewer_to_the_one_return_form_which_needs_a_reason(
    submitted, national
):
    client = client_for(national)
    page = client.get(reverse("web:report_edit", args=[submitted.pk])).content.decode()
    review_url = reverse("web:review_report", args=[submitted.pk])
    assert f'href="{review_url}"' in page
    assert 'name="reason"' not in page  # returning is done on the review page only
    review = client.get(review_url).content.decode()
    assert 'name="reason"' in review
    response = client.post(reverse("web:review_return", args=[submitted.pk]), {"reason": "   "})
    assert response.status_code == 400
    assert "A reason is required to return a report." in response.content.decode()
    assert re.search(r'<textarea name="reason"[^>]* autofocus', response.content.decode())
    submitted.refresh_from_db()
    assert submitted.status == Report.Status.SUBMITTED


def test_a_returned_report_is_unlocked_and_shows_the_reason_first(submitted, national, officer):
    reason = "2.1-ийн нотлох баримт хавсаргаагүй.\nДахин илгээнэ үү."
    response = client_for(national).post(
        reverse("web:review_return", args=[submitted.pk]), {"reason": reason}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == Report.Status.RETURNED and submitted.submitted_at is None
    event = submitted.events.last()
    assert (event.by, event.reason, event.from_status, event.to_status) == (
        national,
        reason,
        "submitted",
        "returned",
    )
    for name in ("web:report_edit", "web:report"):
        html = client_for(officer).get(reverse(name, args=[submitted.pk])).content.decode()
        banner = html.split('<section class="returned" role="alert"')[1].split("</section>")[0]
        assert "Returned for correction" in banner
        assert "Returned by bold on" in banner
        assert "2.1-ийн нотлох баримт хавсаргаагүй.<br>Дахин илгээнэ үү." in banner
    html = client_for(officer).get(reverse("web:report_edit", args=[submitted.pk])).content.decode()
    assert 'class="result-form"' in html  # the officer may edit again


def test_a_head_cannot_return_their_own_report(submitted, head):
    response = client_for(head).post(
        reverse("web:review_return", args=[submitted.pk]), {"reason": "Буцаая"}
    )
    assert response.status_code == 404  # the organization's own people may not review it
    submitted.refresh_from_db()
    assert submitted.status == Report.Status.SUBMITTED


def test_only_a_submitted_report_is_returned(report, national):
    response = client_for(national).post(
        reverse("web:review_return", args=[report.pk]), {"reason": "x"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT


def test_every_step_is_listed_with_who_when_and_why(submitted, national, head, officer):
    report_return(user=national, report=submitted, reason="Засвар <хэрэгтэй>")
    report_submit(user=head, report=submitted)
    html = client_for(officer).get(reverse("web:report_edit", args=[submitted.pk])).content.decode()
    steps = html.split('<ol class="events">')[1].split("</ol>")[0]
    assert steps.count("<li>") == 4
    assert "Оюунчимэг:" in steps and "Батбаяр:" in steps and "bold:" in steps
    assert "Засвар &lt;хэрэгтэй&gt;" in steps
    assert '<time datetime="' in steps
    page = client_for(officer).get(reverse("web:report", args=[submitted.pk])).content.decode()
    assert "Засвар &lt;хэрэгтэй&gt;" in page  # the official page lists the steps too
