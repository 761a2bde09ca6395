"""The whole year's work in a real browser, in Mongolian: an officer imports the plan, the head
approves it, the officer fills in the annual report and attaches evidence, the head submits it,
the DOCX is downloaded; then the same report page in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from shudarga.demo.load import SEED
from shudarga.documents.readers import read_bytes
from shudarga.orgs.models import Membership
from shudarga.plans.models import Evidence, Plan, Report
from tests.personas import PDF

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "Хужирт-2024-нууц"


def person(django_user_model, organization, username: str, role: str):
    user = django_user_model.objects.create_user(username=username, password=PASSWORD)
    Membership.objects.create(user=user, organization=organization, role=role)
    return user


def log_in(page, username: str) -> None:
    page.goto(reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    # Everyone lands on their home: what needs their action (issue 12).
    page.wait_for_selector("div.todo h1")


def log_out(page) -> None:
    page.click("form.logout button[type=submit]")
    page.wait_for_url("**/login/")


def test_a_year_of_work_in_mongolian_then_the_report_in_english(
    page, khujirt, django_user_model, evidence_root, tmp_path
):
    person(django_user_model, khujirt, "oyunchimeg", "officer")
    person(django_user_model, khujirt, "batbayar", "head")

    # The officer logs in; the interface speaks Mongolian.
    log_in(page, "oyunchimeg")
    assert page.locator("html").get_attribute("lang") == "mn"
    with translation.override("mn"):
        jobs = gettext("Jobs")  # "Ажлууд" once translated
        notices = gettext("Notifications")
    nav = page.locator("nav.main-nav").inner_text().split()
    assert nav == ["Төлөвлөгөө", "Тайлангууд", jobs, notices]

    # A plan from the seed file: previewed, then created.
    page.goto(reverse("web:plan_create"))
    page.check("input[value=import]")
    page.set_input_files("#id_file", str(SEED))
    page.fill("#id_year", "2024")
    page.click("form.plan-create button.primary")
    page.wait_for_selector("button[name=confirm]")
    assert not Plan.objects.exists()  # the preview saves nothing
    page.click("button[name=confirm]")
    page.wait_for_url("**/plans/*/")
    plan = Plan.objects.get()
    assert plan.objectives.count() == 6
    assert "мэдээллийн самбар ажиллуулах" in page.content()
    log_out(page)

    # The head approves it.
    log_in(page, "batbayar")
    page.goto(reverse("web:plan", args=[plan.pk]))
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(f"form[action='{reverse('web:plan_approve', args=[plan.pk])}'] button")
    page.wait_for_selector(".plan-status-approved")
    log_out(page)

    # The officer starts the annual report, scores every measure, attaches a file.
    log_in(page, "oyunchimeg")
    page.goto(reverse("web:plan", args=[plan.pk]))
    page.click(f"form[action='{reverse('web:report_start', args=[plan.pk, 'annual'])}'] button")
    page.wait_for_url("**/edit/")
    report = Report.objects.get()
    results = list(
        report.results.select_related("measure").order_by(
            "measure__objective__order", "measure__order"
        )
    )
    assert len(results) == 11
    for i, result in enumerate(results):
        block = page.locator(f"#m-{result.pk}")
        block.locator("select[name$=score]").select_option("0" if i == 3 else "100")
        block.locator("textarea[name$=achieved]").fill(f"Хийгдсэн ажил {result.measure.number}.")
        block.locator(f"#save-{result.pk}").click()
        page.wait_for_selector(f"#m-{result.pk} .saved")
    evidence = tmp_path / "tailan.pdf"
    evidence.write_bytes(PDF)
    first = results[0].pk
    page.click(f"#ev-{first} a.evidence-manage")
    page.set_input_files(f"#ev-files-{first}", str(evidence))
    page.click(f"#ev-{first} form[enctype='multipart/form-data'] button")
    page.wait_for_selector(f"#ev-{first} a:has-text('tailan.pdf')")
    assert Evidence.objects.get().original_name == "tailan.pdf"
    # 10 × 100 and 1 × 0 over 11 measures: 90.9… shown as 91 on the common scale.
    assert "91%" in page.locator("#results-panel, .results-panel").first.inner_text()
    log_out(page)

    # The head signs off and submits; the page asks first (declined: nothing is sent), then
    # the report is submitted and locked.
    log_in(page, "batbayar")
    page.goto(reverse("web:report_edit", args=[report.pk]))
    submit = f"form[action='{reverse('web:report_submit', args=[report.pk])}'] button"
    questions = []

    def decline(dialog) -> None:
        questions.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", decline)
    page.click(submit)
    page.wait_for_timeout(300)
    report.refresh_from_db()
    assert report.status == Report.Status.DRAFT
    assert questions and "хянагчид" in questions[0]
    page.once("dialog", lambda dialog: dialog.accept())
    page.click(submit)
    page.wait_for_load_state()
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    assert page.locator("form.result-form").count() == 0

    # The official table as DOCX, from the report page.
    page.goto(reverse("web:report", args=[report.pk]))
    with page.expect_download() as download_info:
        page.click(f"a[href='{reverse('web:report_download', args=[report.pk, 'docx'])}']")
    download = download_info.value
    assert download.suggested_filename.endswith("-2024-annual.docx")
    written = read_bytes(Path(download.path()).read_bytes(), source="x.docx")
    assert written.measure_count == 11
    assert written.stated_total == 91

    # The same page in English.
    page.click("form.lang button[value=en]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    text = page.locator("main").inner_text()
    assert "Consolidated result" in text and "Money spent (thousand MNT)" in text
    assert "Нэгдсэн дүн" not in text
