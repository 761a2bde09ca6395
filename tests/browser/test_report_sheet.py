"""The report sheet in a real browser: htmx saves a measure, the results panel follows, a
conflict shows both versions and the stored one can be taken, evidence uploads in place."""

from __future__ import annotations

import contextlib

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from shudarga.plans.models import MeasureResult
from shudarga.plans.reports.filling import report_start
from tests.personas import EXE, PDF, make_plan, member

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            },
            {"name": "django_language", "value": "en", "url": live_server.url},
        ]
    )


def test_the_sheet_saves_in_place_and_the_results_follow(
    page, live_server, khujirt, django_user_model, evidence_root, tmp_path
):
    officer = member(django_user_model, khujirt, "oyunchimeg", "Оюунчимэг", "officer")
    report = report_start(user=officer, plan=make_plan(khujirt), period="annual")
    first, second = list(report.results.order_by("pk"))[:2]
    log_in(page, live_server, officer)
    page.goto(reverse("web:report_edit", args=[report.pk]))

    page.fill(f"[name=r{first.pk}-spent]", "840,5")
    page.select_option(f"[name=r{first.pk}-score]", "100")
    page.fill(f"[name=r{first.pk}-achieved]", "Нэгдүгээр мөр\nХоёрдугаар мөр")
    page.click(f"#save-{first.pk}")
    page.wait_for_selector(f"#m-{first.pk} .saved")
    assert "Consolidated result: 100%" in page.inner_text("#results-panel")
    page.select_option(f"[name=r{second.pk}-score]", "0")
    page.click(f"#save-{second.pk}")
    page.wait_for_selector(f"#m-{second.pk} .saved")
    assert "Consolidated result: 50%" in page.inner_text("#results-panel")
    assert page.evaluate("document.activeElement.id") == f"save-{second.pk}"  # focus kept

    MeasureResult.objects.filter(pk=first.pk).update(version=7, achieved="Өөр хүний бичсэн")
    page.fill(f"[name=r{first.pk}-achieved]", "Миний бичсэн")
    page.click(f"#save-{first.pk}")
    conflict = page.wait_for_selector(f"#m-{first.pk} .conflict")
    assert "Өөр хүний бичсэн" in conflict.inner_text() and "Миний бичсэн" in conflict.inner_text()
    page.click(f"#m-{first.pk} .conflict a.button")
    page.wait_for_selector(f"#m-{first.pk} .conflict", state="detached")
    assert page.input_value(f"[name=r{first.pk}-achieved]") == "Өөр хүний бичсэн"

    good, bad = tmp_path / "тайлан.pdf", tmp_path / "программ.pdf"
    good.write_bytes(PDF)
    bad.write_bytes(EXE)
    page.click(f"#ev-{first.pk} a.evidence-manage")  # the forms of one measure at a time
    page.set_input_files(f"#ev-files-{first.pk}", [str(good), str(bad)])
    # In place: the boosted link and forms neither leave the sheet nor push an address.
    assert page.url == live_server.url + reverse("web:report_edit", args=[report.pk])
    page.click(f"#ev-{first.pk} button:has-text('Upload')")
    notes = page.wait_for_selector(f"#ev-{first.pk} .notes").inner_text()
    assert "Attached тайлан.pdf." in notes and "программ.pdf was refused" in notes
    with page.expect_download() as download:
        page.click(f"#ev-{first.pk} a:has-text('тайлан.pdf')")
    assert download.value.suggested_filename == "тайлан.pdf"


def test_typing_in_one_measure_survives_saving_another_and_leaving_asks(
    page, live_server, khujirt, django_user_model
):
    # Issue 12: typing in one measure and saving another lost the first without a warning.
    officer = member(django_user_model, khujirt, "oyunchimeg", "Оюунчимэг", "officer")
    report = report_start(user=officer, plan=make_plan(khujirt), period="annual")
    first, second = list(report.results.order_by("pk"))[:2]
    log_in(page, live_server, officer)
    page.goto(reverse("web:report_edit", args=[report.pk]))
    page.click(f"[name=r{first.pk}-achieved]")
    page.keyboard.type("Хадгалаагүй бичвэр")
    page.select_option(f"[name=r{second.pk}-score]", "70")
    page.click(f"#save-{second.pk}")
    page.wait_for_selector(f"#m-{second.pk} .saved")
    assert page.input_value(f"[name=r{first.pk}-achieved]").endswith("Хадгалаагүй бичвэр")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    # Staying on the page, the navigation never finishes.
    with contextlib.suppress(PlaywrightError):
        page.goto(reverse("web:report_list"), timeout=2000)
    assert asked == ["beforeunload"]
    assert page.input_value(f"[name=r{first.pk}-achieved]").endswith("Хадгалаагүй бичвэр")
    # Once saved, nothing is asked.
    page.click(f"#save-{first.pk}")
    page.wait_for_selector(f"#m-{first.pk} .saved")
    page.goto(reverse("web:report_list"))
    assert asked == ["beforeunload"] and page.url.endswith(reverse("web:report_list"))
