"""The Content-Security-Policy in a real browser: on the main pages of an officer, a reviewer,
an administrator and a citizen (the API's Swagger UI included) Chromium reports no violation,
and htmx still saves a measure in place under it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shudarga.plans.reports.filling import report_start
from tests.personas import make_plan
from tests.portal.support import publication_make, report_with_results

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "not-used"  # the personas' password
# Every violation, from the page's own event (it survives navigation through the binding) and
# from the console, where Chromium writes "Refused to … Content Security Policy …".
LISTEN = (
    "document.addEventListener('securitypolicyviolation', e => window.cspViolation("
    "location.pathname + ': ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline')))"
)


@pytest.fixture
def violations(page) -> list[str]:
    found: list[str] = []
    page.expose_function("cspViolation", lambda text: found.append(text))
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda m: "Content Security Policy" in m.text and found.append(f"{page.url}: {m.text}"),
    )
    page.on("pageerror", lambda error: found.append(f"{page.url}: {error}"))
    return found


def log_in(page, user) -> None:
    page.goto(reverse("login"))
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/login/" not in page.url


def visit(page, urls: list[str]) -> None:
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("networkidle")


def test_an_officers_pages_and_htmx_under_the_policy(page, violations, officer, plan):
    report = report_start(user=officer, plan=plan, period="half_year")
    first = report.results.order_by("pk").first()
    log_in(page, officer)
    visit(
        page,
        [
            reverse("web:plan_list"),
            reverse("web:plan", args=[plan.pk]),
            reverse("web:report", args=[report.pk]),
            reverse("web:report_print", args=[report.pk]),
        ],
    )
    page.goto(reverse("web:report_edit", args=[report.pk]))
    page.select_option(f"[name=r{first.pk}-score]", "100")
    page.click(f"#save-{first.pk}")
    page.wait_for_selector(f"#m-{first.pk} .saved")  # htmx swapped the row in place
    assert violations == []
    assert page.evaluate("document.querySelectorAll('head style').length") == 0


def test_a_reviewers_and_an_administrators_pages(page, violations, national, admin, khujirt):
    report = report_with_results(make_plan(khujirt, year=2024))
    publication_make(report, by=admin)
    log_in(page, national)
    visit(
        page,
        [
            reverse("web:review_inbox"),
            reverse("web:review_report", args=[report.pk]),
            reverse("web:dashboard"),
        ],
    )
    assert page.locator("svg.chart").count() > 0
    page.click("form.logout button[type=submit]")
    log_in(page, admin)
    visit(
        page,
        [
            reverse("admin:index"),
            reverse("admin:orgs_organization_changelist"),
            reverse("admin:orgs_organization_change", args=[khujirt.pk]),
        ],
    )
    assert violations == []


def test_a_citizens_pages_and_the_api_docs(page, violations, khujirt, admin):
    report = report_with_results(make_plan(khujirt, year=2024))
    publication_make(report, by=admin)
    visit(
        page,
        [
            reverse("portal:home"),
            reverse("portal:report", args=[report.pk]),
            reverse("portal:search") + "?q=Хужирт",
            reverse("login"),
        ],
    )
    page.goto("/api/docs")
    page.wait_for_selector(".swagger-ui .opblock")  # Swagger UI ran and drew the endpoints
    assert violations == []
