"""Review up the hierarchy in a real browser: the aimag's reviewer scores a submitted report and
returns it with a reason; the officer reads the reason and fixes it; the head resubmits; the
reviewer accepts; the head publishes; an anonymous visitor finds it and downloads the PDF."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.orgs.services import organization_get_or_create_path
from shudarga.plans.models import ReportPublication
from shudarga.plans.planning.approval import plan_approve
from shudarga.plans.reports.storing import report_import_document
from shudarga.plans.reports.workflow import report_submit
from tests.conftest import build_document

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "Өвөрхангай-2024"


def log_in(page, username: str) -> None:
    page.goto(reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def log_out(page) -> None:
    page.click("form.logout button[type=submit]")
    page.wait_for_url("**/login/")


def approved_report(django_user_model):
    """Khujirt's office with an officer and a head, the aimag's reviewer, and a report of two
    objectives (its plan approved), ready to fill and submit: for the review journeys."""
    office = organization_get_or_create_path(
        path=[
            ("Монгол Улс", "country"),
            ("Өвөрхангай аймаг", "aimag"),
            ("Хужирт сум", "soum"),
            ("Хужирт сумын Засаг даргын Тамгын газар", "organization"),
        ]
    )
    users = {}
    for username, role in (("oyunchimeg", "officer"), ("batbayar", "head")):
        users[role] = django_user_model.objects.create_user(username=username, password=PASSWORD)
        Membership.objects.create(user=users[role], organization=office, role=role)
    reviewer = django_user_model.objects.create_user(username="uvs.reviewer", password=PASSWORD)
    ReviewerAssignment.objects.create(
        user=reviewer, node=Organization.objects.get(name="Өвөрхангай аймаг")
    )
    document = build_document(objectives=2, measures_per_objective=2, stated_total=None)
    document.objectives[-1].measures[-1].score = Decimal(100)
    report = report_import_document(document=document, organization=office, user=users["officer"])
    plan_approve(user=users["head"], plan=report.plan)
    return report


@pytest.fixture
def submitted(django_user_model):
    report = approved_report(django_user_model)
    report_submit(user=django_user_model.objects.get(username="batbayar"), report=report)
    return report


def test_a_report_goes_up_the_chain_and_out_to_citizens(page, submitted):
    report = submitted
    first = report.results.order_by("measure__objective__order", "measure__order").first()
    # Submit, accept and publish ask first (data-confirm): every question is answered yes.
    questions = []

    def agree(dialog) -> None:
        questions.append(dialog.message)
        dialog.accept()

    page.on("dialog", agree)

    # The reviewer finds it in the inbox, scores a measure lower, returns it with a reason.
    log_in(page, "uvs.reviewer")
    page.goto(reverse("web:review_inbox"))
    page.click(f"a[href='{reverse('web:review_report', args=[report.pk])}']")
    page.select_option(f"#id_v{first.pk}-score", "30")
    page.fill(f"#id_v{first.pk}-comment", "Нотлох баримт дутуу")
    page.click(f"form[action='{reverse('web:review_score', args=[report.pk, first.pk])}'] button")
    page.wait_for_load_state()
    page.fill("form[action$='/return/'] textarea", "1.1-ийн нотлох баримтыг хавсаргана уу")
    page.click("form[action$='/return/'] button")
    page.wait_for_load_state()
    log_out(page)

    # The officer sees the reason at the top of the report and fixes the measure.
    log_in(page, "oyunchimeg")
    page.goto(reverse("web:report_edit", args=[report.pk]))
    assert "1.1-ийн нотлох баримтыг хавсаргана уу" in page.locator("section.returned").inner_text()
    page.fill(f"#m-{first.pk} textarea[name$=achieved]", "Нотлох баримтыг хавсаргалаа.")
    page.click(f"#save-{first.pk}")
    page.wait_for_selector(f"#m-{first.pk} .saved")
    log_out(page)

    # The head resubmits.
    log_in(page, "batbayar")
    page.goto(reverse("web:report_edit", args=[report.pk]))
    page.click(f"form[action='{reverse('web:report_submit', args=[report.pk])}'] button")
    page.wait_for_load_state()
    log_out(page)

    # The reviewer agrees with every self-assessed score (none is pre-filled), then accepts.
    log_in(page, "uvs.reviewer")
    page.goto(reverse("web:review_report", args=[report.pk]))
    page.click(f"form[action='{reverse('web:review_agree_all', args=[report.pk])}'] button")
    page.wait_for_load_state()
    page.click(f"form[action='{reverse('web:review_accept', args=[report.pk])}'] button")
    page.wait_for_load_state()
    log_out(page)

    # The head publishes.
    log_in(page, "batbayar")
    page.goto(reverse("web:report_edit", args=[report.pk]))
    page.click(f"form[action='{reverse('web:report_publish', args=[report.pk])}'] button")
    page.wait_for_load_state()
    publication = ReportPublication.objects.get(report=report, is_current=True)
    log_out(page)

    # An anonymous visitor finds it on the portal and downloads the PDF.
    page.context.clear_cookies()
    page.goto(reverse("portal:search") + "?q=хужирт")
    page.click("ul.directory a:has-text('Тамгын газар')")
    page.click(f"a[href='{reverse('portal:report', args=[report.pk])}']")
    pdf = reverse("portal:report_file", args=[report.pk, "pdf"])
    with page.expect_download() as info:
        page.click(f"a[href='{pdf}']")
    assert Path(info.value.path()).read_bytes().startswith(b"%PDF")
    assert publication.version == 1
    assert len(questions) == 3, questions  # submit, accept, publish
