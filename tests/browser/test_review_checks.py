"""A reviewer sees the checks in a real browser: the inbox counts the flags, the review page
shows the verdict, the deciding sentence and the flag beside the measure, in Mongolian."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shudarga.plans.models import Measure, MeasureResult
from tests.browser.test_review_flow import log_in, submitted  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_reviewer_reads_the_checks_beside_the_measure(page, submitted):  # noqa: F811
    report = submitted
    first = report.results.order_by("measure__objective__order", "measure__order").first()
    # Every other measure (target "100 хувь") says it was done in full: met, no flag.
    MeasureResult.objects.filter(report=report).exclude(not_due=True).update(
        achieved="Төлөвлөгөөний дагуу 100 хувь хэрэгжсэн."
    )
    Measure.objects.filter(pk=first.measure_id).update(
        target="500 иргэнээс доошгүй", indicator="Хамрагдсан иргэдийн тоо"
    )
    MeasureResult.objects.filter(pk=first.pk).update(
        achieved="Аянд 2 удаа оролцсон. Нийт 120 иргэн хамрагдсан.", score=100
    )

    log_in(page, "uvs.reviewer")
    page.goto(reverse("web:review_inbox"))
    assert page.locator("td.flags [data-flag=score_without_evidence]").first.inner_text() == (
        "Нотолгоогүй үнэлгээ: 1"
    )
    page.click(f"a[href='{reverse('web:review_report', args=[report.pk])}']")
    check = page.locator(f"#m-{first.pk} aside.check")
    assert check.locator(".verdict").inner_text() == "Хүрээгүй"
    assert check.locator("blockquote").inner_text() == "Нийт 120 иргэн хамрагдсан."
    flag = check.locator("[data-flag=score_without_evidence]").inner_text()
    assert flag.startswith("1.1: өөрийн үнэлгээ 100 боловч хүрсэн түвшин хүрэх түвшинд")
