"""The reviewer decides on every measure (issue 12 item 4): the score starts empty, "agree"
takes the self score for one measure or all the rest, and accepting with a measure left
unscored is refused on the page, the cursor on the first one."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from shudarga.plans.errors import UnreviewedMeasuresError
from shudarga.plans.models import Report
from shudarga.plans.reports.workflow import report_accept
from shudarga.plans.review.scoring import review_agree, review_score
from tests.personas import client_for
from tests.review.conftest import by_number

pytestmark = pytest.mark.django_db


def review_page(client, report):
    with translation.override("en"):
        return client.get(reverse("web:review_report", args=[report.pk]), HTTP_ACCEPT_LANGUAGE="en")


def test_the_score_starts_empty_not_at_the_self_score(submitted, reviewer):
    text = review_page(client_for(reviewer), submitted).content.decode()
    selected = re.findall(r'<option value="([^"]*)" selected', text)
    assert selected == ["", "", "", ""]  # one "— choose —" per measure


def test_accepting_with_an_unscored_measure_is_refused(submitted, reviewer):
    r = by_number(submitted)
    review_score(user=reviewer, result=r["1.1"], score=Decimal("30"), not_due=False, comment="")
    with pytest.raises(UnreviewedMeasuresError) as refused:
        report_accept(user=reviewer, report=submitted)
    assert refused.value.numbers == ["1.2", "2.1", "2.2"]
    assert Report.objects.get(pk=submitted.pk).status == "submitted"


def test_the_page_refuses_and_focuses_the_first_unscored_measure(submitted, reviewer):
    r = by_number(submitted)
    client = client_for(reviewer)
    client.post(reverse("web:review_agree", args=[submitted.pk, r["1.1"].pk]))
    response = client.post(
        reverse("web:review_accept", args=[submitted.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert 'id="accept-error"' in text and "1.2, 2.1, 2.2" in text
    focused = re.findall(r'<select name="v(\d+)-score"[^>]*autofocus', text)
    assert focused == [str(r["1.2"].pk)]
    assert Report.objects.get(pk=submitted.pk).status == "submitted"


def test_agree_takes_the_self_score_and_agree_all_keeps_decisions(submitted, reviewer):
    r = by_number(submitted)
    review_score(user=reviewer, result=r["1.1"], score=Decimal("30"), not_due=False, comment="")
    client = client_for(reviewer)
    assert (
        client.post(reverse("web:review_agree", args=[submitted.pk, r["1.2"].pk])).status_code
        == 302
    )
    assert review_agree(user=reviewer, report=submitted) == 2  # 2.1 and 2.2 only
    after = by_number(submitted)
    assert [(n, after[n].reviewer_score, after[n].reviewer_not_due) for n in sorted(after)] == [
        ("1.1", Decimal("30"), False),
        ("1.2", Decimal("70"), False),
        ("2.1", Decimal("100"), False),
        ("2.2", None, True),
    ]
    assert after["1.2"].history.first().history_user == reviewer
    assert client.post(reverse("web:review_accept", args=[submitted.pk])).status_code == 302
    assert Report.objects.get(pk=submitted.pk).status == "accepted"


def test_an_outsider_cannot_agree(submitted, far_reviewer, officer):
    r = by_number(submitted)
    for user in (far_reviewer, officer):
        client = client_for(user)
        assert client.post(reverse("web:review_agree_all", args=[submitted.pk])).status_code == 404
        url = reverse("web:review_agree", args=[submitted.pk, r["1.1"].pk])
        assert client.post(url).status_code == 404
    assert not submitted.results.filter(reviewed_at__isnull=False).exists()


def test_the_page_shows_every_field_days_waiting_and_the_publisher(settings, submitted, reviewer):
    settings.SHUDARGA_PUBLISHER = "reviewer"
    r = by_number(submitted)["1.1"]
    measure = r.measure
    measure.indicator = "Сургалтад хамрагдсан албан хаагчдын тоо"
    measure.planned_budget = Decimal("1200.5")
    measure.save()
    type(r).objects.filter(pk=r.pk).update(spent=Decimal("840"))
    text = review_page(client_for(reviewer), submitted).content.decode()
    assert "Сургалтад хамрагдсан албан хаагчдын тоо" in text
    assert "1200,5" in text and "840" in text
    assert 'class="days-waiting"' in text
    assert "published by its reviewer" in text
    inbox = client_for(reviewer).get(reverse("web:review_inbox")).content.decode()
    assert 'class="num days-waiting">0<' in inbox


@pytest.mark.parametrize("measures", [10, 100])
def test_the_review_page_is_bounded(submitted, reviewer, measures, django_assert_max_num_queries):
    from shudarga.plans.models import Measure, MeasureResult

    objective = by_number(submitted)["1.1"].measure.objective
    extra = Measure.objects.bulk_create(
        [
            Measure(objective=objective, number=f"9.{i}", text="m", order=100 + i)
            for i in range(measures)
        ]
    )
    MeasureResult.objects.bulk_create(
        [MeasureResult(report=submitted, measure=m, score=Decimal("100")) for m in extra]
    )
    client = client_for(reviewer)
    with django_assert_max_num_queries(40):
        assert review_page(client, submitted).status_code == 200
