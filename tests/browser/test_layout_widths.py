"""Every screen of every role at a phone's width (390 px) and a laptop's (1366 px), in Mongolian
and in English: the page never scrolls sideways (a wide table scrolls inside its own box), and a
full-page screenshot of each is kept for a person to look at (issue 12, item 6).

The screenshots go to the folder named by SHUDARGA_SCREENSHOTS (CI: artifacts/screenshots),
else to pytest's temporary folder, as ``<role>-<page>-<lang>-<width>.png``. One browser, one
signed-in context per role, each page loaded once per language and measured at both widths.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from shudarga.demo.load import demo_load
from shudarga.orgs.models import Organization
from shudarga.plans.models import Plan, Report

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = (390, 1366)
LANGUAGES = ("mn", "en")
OFFICE = "Хужирт сумын Засаг даргын Тамгын газар"

# The element that reaches furthest right of the window, named as a selector, and its right edge.
WIDEST = """() => {
  let far = null, right = 0;
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width && box.right > right) { right = box.right; far = el; }
  }
  if (!far) return '';
  const name = far.tagName.toLowerCase() + (far.id ? '#' + far.id : '') +
    [...far.classList].map(c => '.' + c).join('');
  const trail = [];
  for (let e = far.parentElement; e && e !== document.body && trail.length < 3; e = e.parentElement)
    trail.push(e.tagName.toLowerCase() + [...e.classList].map(c => '.' + c).join(''));
  return name + ' in ' + trail.join(' < ') + ' (right edge ' + Math.round(right) + ' px)';
}"""


def screenshot_folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("SHUDARGA_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def screens() -> dict[str, list[tuple[str, str]]]:
    """{role (a demo username, or "public"): [(page name, address), …]} over the demo data."""
    office = Organization.objects.get(name=OFFICE)
    aimag = Organization.objects.get(name="Өвөрхангай аймаг")
    khujirt_plan = Plan.objects.filter(organization=office).order_by("-year").first()
    khujirt_report = Report.objects.filter(plan=khujirt_plan).first()

    def one(status: str) -> Report:
        return (
            Report.objects.filter(status=status)
            .exclude(plan__organization=office)
            .order_by("-plan__year", "pk")
            .first()
        )

    submitted, accepted, published = one("submitted"), one("accepted"), one("published")
    draft = Report.objects.filter(status__in=Report.EDITABLE).exclude(pk=khujirt_report.pk)
    draft = draft.filter(plan__organization__memberships__isnull=False).first()
    year = published.plan.year
    workspace = [
        ("home", reverse("web:home")),
        ("plans", reverse("web:plan_list")),
        ("reports", reverse("web:report_list")),
        ("jobs", reverse("web:job_list")),
    ]
    office_pages = [
        ("plan", reverse("web:plan", args=[khujirt_plan.pk])),
        ("report-sheet", reverse("web:report_edit", args=[khujirt_report.pk])),
        ("report", reverse("web:report", args=[khujirt_report.pk])),
        ("plan-new", reverse("web:plan_create")),
    ]
    reviewer = [
        ("review-inbox", reverse("web:review_inbox")),
        ("review-report", reverse("web:review_report", args=[submitted.pk])),
        ("report-accepted", reverse("web:report", args=[accepted.pk])),
        ("report-published", reverse("web:report", args=[published.pk])),
        ("dashboard", reverse("web:dashboard")),
        ("dashboard-aimag", reverse("web:dashboard") + f"?node={aimag.pk}"),
        ("dashboard-ranking", reverse("web:dashboard") + f"?node={aimag.pk}&page=1#ranking"),
        ("dashboard-trend", reverse("web:dashboard_trend", args=[office.pk])),
    ]
    reviewer += [("import", reverse("web:import_new")), ("zip", reverse("web:zip_new"))]
    found = {
        "khujirt.officer": workspace + office_pages,
        "khujirt.head": [("home", reverse("web:home")), *office_pages[:3]],
        "uvurkhangai.reviewer": [("home", reverse("web:home")), *reviewer],
        "iaac.reviewer": workspace + reviewer,
        "admin": [("home", reverse("web:home")), ("jobs", reverse("web:job_list"))],
        "public": [
            ("login", reverse("login")),
            ("portal-home", reverse("portal:home")),
            ("portal-year", reverse("portal:summary", args=[year])),
            ("portal-aimag", reverse("portal:summary_aimag", args=[year, aimag.pk])),
            ("portal-organization", reverse("portal:node", args=[published.plan.organization_id])),
            ("portal-report", reverse("portal:report", args=[published.pk])),
        ],
    }
    if draft is not None:
        found["iaac.reviewer"].append(("report-draft", reverse("web:report", args=[draft.pk])))
    return found


def menu_reaches_logout_and_language(page) -> None:
    """On a phone the header folds behind "Menu"; opening it shows logout and the languages."""
    logout, language = page.locator("form.logout button"), page.locator("form.lang button")
    assert not logout.is_visible() and not language.first.is_visible()
    page.click("label.menu-button")
    assert logout.is_visible() and language.count() == 2 and language.first.is_visible()
    page.click("label.menu-button")


def context_for(browser, live_server, username: str, language: str):
    context = browser.new_context(base_url=live_server.url, locale="mn-MN")
    context.set_default_timeout(15_000)
    cookies = [{"name": "django_language", "value": language, "url": live_server.url}]
    if username != "public":
        from django.contrib.auth import get_user_model

        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        value = client.cookies["sessionid"].value
        cookies.append({"name": "sessionid", "value": value, "url": live_server.url})
    context.add_cookies(cookies)
    return context


def test_no_screen_scrolls_sideways_at_a_phone_or_a_laptop_width(browser, live_server, tmp_path):
    demo_load(organizations=8)
    folder = screenshot_folder(tmp_path)
    overflowing: list[str] = []
    shots = 0
    for username, pages in screens().items():
        role = username.split(".")[-1] if username != "khujirt.head" else "head"
        role = {"reviewer": username.split(".")[0] + "-reviewer"}.get(role, role)
        for language in LANGUAGES:
            context = context_for(browser, live_server, username, language)
            page = context.new_page()
            for name, address in pages:
                page.set_viewport_size({"width": WIDTHS[0], "height": 800})
                response = page.goto(address)
                assert response.ok, f"{role} {name} ({address}): HTTP {response.status}"
                assert page.locator("html").get_attribute("lang") == language
                if name == "home" and username != "public":
                    menu_reaches_logout_and_language(page)
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 800})
                    scroll, inner = page.evaluate(
                        "[document.documentElement.scrollWidth, window.innerWidth]"
                    )
                    if scroll > inner:
                        overflowing.append(
                            f"{role} {name} ({address}) in {language} at {width} px is "
                            f"{scroll} px wide: {page.evaluate(WIDEST)}"
                        )
                    page.screenshot(
                        path=str(folder / f"{role}-{name}-{language}-{width}.png"), full_page=True
                    )
                    shots += 1
            context.close()
    assert shots >= 100
    assert not overflowing, "pages wider than the window:\n" + "\n".join(overflowing)
