"""Status, period, kind and role labels follow the page's language (they were Mongolian
literals on the models, so English pages showed "Илгээсэн" and "Хагас жил")."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from shudarga.orgs.models import Membership, Organization
from shudarga.plans.models import Plan, Report, ReportEvent
from shudarga.plans.reports.workflow import report_submit
from tests.personas import client_for
from tests.review.conftest import fill

pytestmark = pytest.mark.django_db

CHOICES = (
    Report.Status,
    Report.Period,
    Plan.Status,
    ReportEvent.Step,
    Organization.Kind,
    Membership.Role,
)


def labels(language: str) -> set[str]:
    with translation.override(language):
        return {str(label) for choices in CHOICES for _, label in choices.choices}


def test_every_label_has_its_mongolian_translation():
    english, mongolian = labels("en"), labels("mn")
    assert english.isdisjoint(mongolian)
    assert all(re.search("[а-яөүё]", label, re.I) for label in mongolian)
    assert not any(re.search("[а-яөүё]", label, re.I) for label in english)


def test_english_pages_show_no_mongolian_status_period_or_kind(report, officer, head, national):
    fill(report, officer)
    report_submit(user=head, report=report)
    mongolian = labels("mn") - {"Сум", "Аймаг"}  # also words of organization names
    pages = [
        (head, reverse("web:report_list")),
        (head, reverse("web:report", args=[report.pk])),
        (head, reverse("web:report_edit", args=[report.pk])),
        (head, reverse("web:plan_list")),
        (national, reverse("web:review_inbox")),
        (national, reverse("web:review_report", args=[report.pk])),
    ]
    checked = []
    for user, url in pages:
        html = client_for(user, language="en").get(url).content.decode()
        text = re.sub(r"<[^>]+>", " ", html)
        shown = {label for label in mongolian if re.search(rf"(?<!\w){label}(?!\w)", text)}
        assert shown == set(), url
        if "Submitted" in text:  # the same page in Mongolian says it in Mongolian
            assert "Илгээсэн" in client_for(user, language="mn").get(url).content.decode(), url
        checked.append("Submitted" in text)
    assert sum(checked) >= 4  # most of these pages show the report's status
