"""Every kind of page carries the Content-Security-Policy, and nothing in its HTML needs more:
no inline script without the nonce, no event handler attribute, no style attribute, no inline
<style> but the print view's own, allowed by its hash. Evidence downloads keep their sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from shudarga.documents.writers.html import style_text
from shudarga.plans.reports.filling import evidence_add_file
from tests.personas import PDF, client_for, make_plan
from tests.portal.support import publication_make, report_with_results
from tests.web.inline_code import inline_code, parse_policy, sha256_source

pytestmark = pytest.mark.django_db

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'none'"],
    "object-src": ["'none'"],
}
TEMPLATE_FOLDERS = sorted(Path(settings.BASE_DIR).glob("**/templates"))


@pytest.fixture
def published(khujirt, admin):
    report = report_with_results(make_plan(khujirt, year=2024), achieved="Нийтэлсэн ажил")
    publication_make(report, by=admin)
    return report


def assert_clean(response, *, policy: dict[str, list[str]] = POLICY) -> None:
    assert response.status_code in (200, 403, 404), response.status_code
    header = parse_policy(response["Content-Security-Policy"])
    assert header == policy
    assert inline_code(response.content.decode(), header) == []


def test_the_login_and_password_reset_pages(client):
    assert_clean(client.get(reverse("login")))
    assert_clean(client.get(reverse("accounts:password_reset")))


def test_the_second_factor_enrolment_with_its_qr_code(settings, head):
    settings.TWO_FACTOR_REQUIRED = True
    response = client_for(head).get(reverse("accounts:two_factor"))
    assert b'<div class="qr"><svg' in response.content
    assert_clean(response)


def test_the_officers_workspace_pages(officer, plan, report, results):
    client = client_for(officer)
    for url in (
        reverse("web:home"),
        reverse("web:plan_list"),
        reverse("web:plan", args=[plan.pk]),
        reverse("web:plan_history", args=[plan.pk]),
        reverse("web:plan_create"),
        reverse("web:report_list"),
        reverse("web:report", args=[report.pk]),
        reverse("web:report_edit", args=[report.pk]),
        reverse("web:report_history", args=[report.pk]),
        reverse("accounts:password_change"),
    ):
        assert_clean(client.get(url, follow=True))  # the start page sends her to her plans


def test_the_reviewers_pages_and_the_dashboard_with_its_charts(national, published):
    client = client_for(national)
    dashboard = client.get(reverse("web:dashboard"))
    assert b'<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in dashboard.content
    assert_clean(dashboard)
    for url in (
        reverse("web:review_inbox"),
        reverse("web:review_reminders"),
        reverse("web:review_report", args=[published.pk]),
        reverse("web:report_publications", args=[published.pk]),
        reverse("web:dashboard_trend", args=[published.plan.organization.pk]),
        reverse("web:job_list"),
        reverse("web:zip_new"),
        reverse("web:import_new"),
    ):
        assert_clean(client.get(url))


def test_the_public_portal(client, published):
    node = published.plan.organization
    for url in (
        reverse("portal:home"),
        reverse("portal:search") + "?q=Хужирт",
        reverse("portal:node", args=[node.pk]),
        reverse("portal:report", args=[published.pk]),
        reverse("portal:summary", args=[2024]),
    ):
        assert_clean(client.get(url))


def test_the_admin(admin, khujirt):
    client = client_for(admin)
    for url in (
        reverse("admin:index"),
        reverse("admin:orgs_organization_changelist"),
        reverse("admin:orgs_organization_change", args=[khujirt.pk]),
        reverse("admin:auth_user_add"),
    ):
        assert_clean(client.get(url))


def test_the_api_docs_load_swagger_ui_from_this_site_and_its_settings_as_data(client):
    response = client.get("/api/docs")
    assert b"swagger-ui-bundle.js" in response.content
    assert b'<script type="application/json" id="swagger-settings">' in response.content
    assert_clean(response)


def test_the_error_pages(client, officer):
    assert_clean(client.get("/no/such/page/"))
    # A report of no organization of hers: the 404 of a signed-in user.
    assert_clean(client_for(officer).get(reverse("web:report", args=[10**9])))


def test_the_print_view_may_use_its_own_stylesheet_and_nothing_else_inline(officer, report):
    response = client_for(officer).get(reverse("web:report_print", args=[report.pk]))
    assert b"<style>" in response.content
    official = sha256_source(style_text())
    assert_clean(response, policy={**POLICY, "style-src": ["'self'", official]})


def test_a_download_carries_the_policy_too(officer, report):
    response = client_for(officer).get(reverse("web:report_download", args=[report.pk, "docx"]))
    assert response.status_code == 200
    assert parse_policy(response["Content-Security-Policy"]) == POLICY


def test_an_evidence_download_keeps_its_own_sandbox(officer, report, results, evidence_root):
    evidence = evidence_add_file(
        user=officer, result=results["1.1"], upload=SimpleUploadedFile("Тушаал.pdf", PDF)
    )
    response = client_for(officer).get(reverse("web:evidence_download", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_the_checker_finds_each_kind_of_inline_code():
    policy = {**POLICY, "script-src": ["'self'", "'nonce-abc'"]}
    page = (
        "<script>alert(1)</script>"
        '<script nonce="wrong">alert(2)</script>'
        '<script nonce="abc">allowed()</script>'
        '<script type="application/json">{"data": 1}</script>'
        '<script src="https://cdn.example.com/x.js"></script>'
        '<button onclick="go()">x</button>'
        '<a href="javascript:go()">x</a>'
        '<p style="color:red">x</p>'
        "<style>p{color:red}</style>"
    )
    found = inline_code(page, policy)
    assert len(found) == 7, found
    assert inline_code("<style>p{}</style>", {"style-src": [sha256_source("p{}")]}) == []


def test_no_template_holds_inline_code():
    """Pages the tests above do not open: every template's own source, parsed the same way."""
    templates = [path for folder in TEMPLATE_FOLDERS for path in folder.glob("**/*.html")]
    assert len(templates) > 30
    found = {
        str(path.relative_to(settings.BASE_DIR)): problems
        for path in templates
        if (problems := inline_code(path.read_text(encoding="utf-8"), POLICY))
    }
    assert found == {}
