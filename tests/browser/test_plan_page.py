"""The plan page in a real browser: htmx edits a measure in its row (errors and conflicts too),
moves keep the keyboard's focus, adds and deletes swap the page, approval locks it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from shudarga.plans.models import Measure, Plan, PlanEvent
from tests.personas import build_plan, member

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


def test_the_plan_is_edited_in_place(page, live_server, khujirt, django_user_model):
    head = member(django_user_model, khujirt, "batbayar", "Батбаяр", "head")
    plan = build_plan(khujirt)
    first = Measure.objects.get(objective__plan=plan, number="1.1")
    row = f"#measure-{first.pk}"
    log_in(page, live_server, head)
    loads = []
    page.on("load", lambda _: loads.append(1))
    page.on("dialog", lambda dialog: dialog.accept())  # hx-confirm of delete and approve
    page.goto(reverse("web:plan", args=[plan.pk]))

    page.click(f"{row} a:has-text('Edit')")
    page.wait_for_selector(f"{row}.editing")
    assert page.evaluate("document.activeElement.id") == f"id_m{first.pk}-text"
    page.fill(f"#id_m{first.pk}-text", "Засварласан арга хэмжээ")
    page.fill(f"#id_m{first.pk}-planned_budget", "1 200,5")
    page.click(f"{row} button:has-text('Save')")
    page.wait_for_selector(f"{row}:not(.editing)")
    assert "Засварласан арга хэмжээ" in page.inner_text(row)
    assert "1200,5" in page.inner_text(row)

    page.click(f"{row} a:has-text('Edit')")
    page.wait_for_selector(f"{row}.editing")
    # htmx has swapped and settled the form before it is used, so Save goes through htmx.
    # (Each predicate is a function: a bare expression would be eval'd, which the page's
    # Content-Security-Policy refuses.)
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping')"
    )
    page.fill(f"#id_m{first.pk}-planned_budget", "-5")
    page.click(f"{row} button:has-text('Save')")
    assert "cannot be negative" in page.wait_for_selector(f"{row} .errorlist").inner_text()

    Measure.objects.filter(pk=first.pk).update(text="Өөр хүний хувилбар", version=9)
    page.fill(f"#id_m{first.pk}-planned_budget", "")
    page.click(f"{row} button:has-text('Save')")
    conflict = page.wait_for_selector(f"{row}.conflict")
    assert "Өөр хүний хувилбар" in conflict.inner_text()
    page.click(f"{row} a:has-text('Keep the current version')")
    page.wait_for_selector(f"{row}:not(.conflict)")
    assert "Өөр хүний хувилбар" in page.inner_text(row)

    page.click(f"{row} button[value=down]")
    page.wait_for_function(f"() => document.querySelector('{row} td').innerText === '1.2'")
    page.wait_for_function("() => document.activeElement.getAttribute('value') === 'up'")

    objective = plan.objectives.order_by("order")[0]
    add = f"#add-measure-{objective.pk}"
    page.click(f"{add} a")
    page.wait_for_selector(f"{add}.adding")
    assert page.evaluate("document.activeElement.id") == f"id_add{objective.pk}-text"
    page.fill(f"#id_add{objective.pk}-text", "Шинэ арга хэмжээ")
    page.click(f"{add} button")
    page.wait_for_selector("text=Шинэ арга хэмжээ")
    added = Measure.objects.get(text="Шинэ арга хэмжээ")
    assert added.number == "1.3"
    page.click(f"#measure-{added.pk} a.danger")
    page.wait_for_selector(f"#measure-{added.pk}", state="detached")
    assert len(loads) == 1  # every step above was an htmx swap, not a page load

    page.click("button:has-text('Approve the plan')")
    page.wait_for_selector("text=The plan is approved. It is locked")
    assert page.locator("text=Add an objective").count() == 0
    assert page.locator(f"{row} a:has-text('Edit')").count() == 0
    page.click("#reopen summary")
    page.fill("#id_reopen-reason", "Аймгийн зөвлөмж")
    page.click("#reopen button")
    page.wait_for_selector("text=The plan is reopened")
    assert Plan.objects.get().status == "draft"
    assert PlanEvent.objects.filter(action="reopened").get().reason == "Аймгийн зөвлөмж"


def test_the_create_form_previews_an_import_before_saving(
    page, live_server, khujirt, django_user_model
):
    from shudarga.demo.load import SEED

    officer = member(django_user_model, khujirt, "oyunchimeg", "Оюунчимэг", "officer")
    log_in(page, live_server, officer)
    page.goto(reverse("web:plan_create"))
    page.check("input[value=import]")
    page.set_input_files("#id_file", str(SEED))
    page.fill("#id_year", "2024")
    page.click("button:has-text('Continue')")
    page.wait_for_selector("text=Check what was read before it is saved")
    assert not Plan.objects.exists()
    page.click("button:has-text('Create the plan')")
    page.wait_for_selector("text=6 objectives, 11 measures")
    assert Measure.objects.filter(objective__plan__year=2024).count() == 11
