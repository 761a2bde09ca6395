"""A head submits a report in the browser; the reviewer sees it in the header's count and in
the notifications list, in Mongolian (the default) and in English.

Assertions on words are made on the English page: the Mongolian catalogue is compiled at
merge; the Mongolian run checks the count and the list's link to the report."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.browser.test_review_flow import approved_report, log_in, log_out

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def filled(django_user_model):
    return approved_report(django_user_model)


def test_the_reviewer_sees_the_submitted_report_in_the_header_and_the_list(page, filled):
    report = filled
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, "batbayar")
    page.goto(reverse("web:report_edit", args=[report.pk]))
    page.click(f"form[action='{reverse('web:report_submit', args=[report.pk])}'] button")
    page.wait_for_load_state()
    log_out(page)

    log_in(page, "uvs.reviewer")  # Mongolian, the default
    assert page.inner_text("header a.bell .count") == "1"
    page.click("header a.bell")
    page.wait_for_url("**/notifications/")
    link = page.locator(f"ul.notifications a[href='{reverse('web:report', args=[report.pk])}']")
    assert link.count() == 1
    assert "Хужирт" in link.inner_text()

    page.click("form.lang button[value=en]")
    page.wait_for_load_state()
    text = page.inner_text("ul.notifications")
    assert "submitted its report for 2024" in text
    page.click("ul.notifications form button")  # mark read
    page.wait_for_load_state()
    assert page.locator("header a.bell .count").count() == 0
