"""The checks beside each measure on the reviewer's page (docs/checks.md), in bounded queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shudarga.plans.models import Measure, MeasureResult
from tests.personas import client_for
from tests.review.conftest import by_number

pytestmark = pytest.mark.django_db


def write(report, number: str, *, target: str, indicator: str, achieved: str) -> None:
    Measure.objects.filter(objective__plan=report.plan, number=number).update(
        target=target, indicator=indicator
    )
    MeasureResult.objects.filter(report=report, measure__number=number).update(achieved=achieved)


def page_of(client, report) -> str:
    response = client.get(reverse("web:review_report", args=[report.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_reviewer_sees_verdict_evidence_and_flags_beside_each_measure(submitted, reviewer):
    write(
        submitted,
        "1.1",
        target="300 иргэнээс доошгүй",
        indicator="Хамрагдсан иргэдийн тоо",
        achieved="Сургалт зохион байгуулсан. Нийт 120 иргэн хамрагдсан.",
    )
    write(
        submitted,
        "2.1",
        target="500 иргэнээс доошгүй",
        indicator="Хандалтын тоо",
        achieved="Мэдээллийг вэбсайтад байршуулж, нийт 1804 иргэн үзсэн.",
    )
    page = page_of(client_for(reviewer), submitted)
    r11, r21 = by_number(submitted)["1.1"], by_number(submitted)["2.1"]
    block_11 = page[page.index(f'id="m-{r11.pk}"') :][:3000]
    assert 'data-verdict="not_met"' in block_11
    assert "Not met" in block_11  # the page's language (English in the tests' settings)
    assert '<blockquote class="check-evidence">Нийт 120 иргэн хамрагдсан.</blockquote>' in block_11
    assert 'data-flag="score_without_evidence"' in block_11
    assert "1.1: self-scored 100, but the narrative falls short of the target" in block_11
    block_21 = page[page.index(f'id="m-{r21.pk}"') :][:3000]
    assert 'data-verdict="met"' in block_21 and "data-flag=" not in block_21


def test_the_review_page_takes_the_same_queries_for_few_and_many_written_measures(
    submitted, reviewer
):
    client = client_for(reviewer)
    url = reverse("web:review_report", args=[submitted.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as plain:
        client.get(url)
    for number in ("1.1", "1.2", "2.1", "2.2"):
        write(
            submitted,
            number,
            target="Сар бүр",
            indicator="Шинэчилсэн тоо",
            achieved="Самбарын мэдээллийг 12 удаа шинэчилсэн.",
        )
    with CaptureQueriesContext(connection) as written:
        page = client.get(url).content.decode()
    assert page.count('data-verdict="met"') == 4
    assert len(written) == len(plain)


def test_the_inbox_counts_the_flags_of_each_report(submitted, reviewer):
    write(submitted, "1.1", target="300 иргэн", indicator="", achieved="Мэдээлэл хүргэсэн.")
    write(submitted, "1.2", target="Тухай бүр", indicator="", achieved="Танилцуулсан.")
    write(submitted, "2.1", target="Сар бүр", indicator="", achieved="Сар бүр шинэчилсэн.")
    write(submitted, "2.2", target="Улирал бүр", indicator="", achieved="")
    page = client_for(reviewer).get(reverse("web:review_inbox")).content.decode()
    row = page[page.index(f"review/reports/{submitted.pk}/") :][:2000]
    # 1.1 self-scored 100 with no count; 1.2 "whenever it arises" is vague; 2.1 is met;
    # 2.2 is not yet due, so it claims nothing.
    assert (
        '<span class="flag" data-flag="score_without_evidence">Score without evidence: 1</span>'
        in row
    )
    assert '<span class="flag" data-flag="target_vague">Vague target: 1</span>' in row
