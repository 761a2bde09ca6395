"""The public portal: directory, search, a published report, its downloads, summaries."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from shudarga.orgs.models import Organization

pytestmark = pytest.mark.django_db


def get(url: str):
    client = Client()
    client.cookies["django_language"] = "en"
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def text(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode("utf-8-sig", errors="replace")


def test_the_directory_lists_aimags_then_soums_then_organizations(published, moron):
    home = text(get(reverse("portal:home")))
    assert "Өвөрхангай" in home and "Хөвсгөл" in home
    aimag = Organization.objects.get(name="Өвөрхангай")
    page = text(get(reverse("portal:node", args=[aimag.pk])))
    assert "Хужирт" in page
    org_page = text(get(reverse("portal:node", args=[published.plan.organization.pk])))
    assert reverse("portal:report", args=[published.pk]) in org_page


def test_search_folds_case_and_latin_lookalikes(published, moron):
    # "XУЖИРТ" with a Latin X, "тамгын" in lower case.
    page = text(get(reverse("portal:search") + "?q=XУЖИРТ+сумын+засаг"))
    assert "Хужирт сумын Засаг даргын Тамгын газар" in page
    assert "Мөрөн сумын" not in page
    assert "Өвөрхангай" in page  # the trail of the result


@pytest.mark.parametrize("typed", ["Khujirt", "hujirt sumyn", "XUJIRT"])
def test_search_finds_a_name_typed_in_latin_letters(published, moron, typed):
    # Issue 12: "Khujirt" found nothing.
    page = text(get(reverse("portal:search") + f"?q={typed}"))
    assert "Хужирт сумын Засаг даргын Тамгын газар" in page
    assert "Мөрөн сумын" not in page


def test_search_finds_a_latin_name_typed_in_cyrillic(published):
    from shudarga.orgs.services import organization_create

    aimag = Organization.objects.get(name="Өвөрхангай")
    organization_create(name="Khujirt Hotel LLC", kind="organization", parent=aimag)
    page = text(get(reverse("portal:search") + "?q=хужирт+хотел"))
    assert "Khujirt Hotel LLC" in page


def test_the_portal_switches_language_by_a_link_and_stays_cacheable(published):
    client = Client()
    home = reverse("portal:home")
    page = client.get(home)
    assert page.status_code == 200
    link = reverse("accounts:language_link", args=["en"]) + f"?next={home}"
    assert f'href="{link}"' in page.content.decode()
    assert "csrftoken" not in page.cookies, "a citizen's page sets no CSRF cookie"
    assert "Cookie" in page["Vary"], "a shared cache keeps the languages apart"
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == home
    assert client.get(home).content.decode().count('lang="en"') >= 1
    assert '<html lang="en">' in client.get(home).content.decode()
    # Elsewhere than this site, or an unknown language: nothing happens but the way home.
    away = client.get(reverse("accounts:language_link", args=["fr"]) + "?next=https://x.example/")
    assert away["Location"] == "/open/" and "django_language" not in away.cookies


def test_search_with_no_query_finds_nothing_and_escapes_it():
    page = text(get(reverse("portal:search") + "?q=<script>alert(1)</script>"))
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page


def test_the_report_page_shows_the_frozen_table_with_the_reviewer_score(published):
    page = text(get(reverse("portal:report", args=[published.pk])))
    assert "Нийтэлсэн ажил 1.1" in page
    # 1.2: self-assessed 70, reviewer 30, official 30; total (100 + 30 + 30) / 3 = 53.
    assert "53%" in page
    assert "<td>70</td>" in page and "<td>30</td>" in page


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf", "csv", "json"])
def test_every_download_is_written_from_the_publication(published, fmt):
    response = get(reverse("portal:report_file", args=[published.pk, fmt]))
    assert response.content
    assert "attachment" in response["Content-Disposition"] or fmt == "json"
    assert f"-v1.{fmt}" in response["Content-Disposition"]


def test_the_open_data_urls_are_stable(published):
    assert reverse("portal:report_file", args=[published.pk, "json"]) == (
        f"/open/reports/{published.pk}.json"
    )
    data = json.loads(get(f"/open/reports/{published.pk}.json").content)
    assert data["format"] == "shudarga.report/2"
    assert data["objectives"][0]["measures"][1]["score"] == 30
    csv_text = text(get(f"/open/reports/{published.pk}.csv"))
    assert "Нийтэлсэн ажил 1.1" in csv_text
    assert get(f"/open/reports/{published.pk}/v1.json").status_code == 200
    assert Client().get(f"/open/reports/{published.pk}/v2.json").status_code == 404


def test_public_pages_may_be_cached_briefly(published):
    response = get(reverse("portal:report", args=[published.pk]))
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert "Set-Cookie" not in response.headers and not response.cookies


def test_the_national_and_aimag_summaries_count_and_average(published, moron_published):
    page = text(get(reverse("portal:summary", args=[2025])))
    assert "Өвөрхангай" in page and "Хөвсгөл" in page
    # Khujirt 53.33…, Мөрөн 90: mean 71.7.
    assert "71.7%" in page
    aimag = Organization.objects.get(name="Өвөрхангай")
    page = text(get(reverse("portal:summary_aimag", args=[2025, aimag.pk])))
    assert "Хужирт сумын" in page and "Мөрөн сумын" not in page
    assert "53.3%" in page


def test_the_year_csv_has_every_published_measure(published, moron_published):
    response = get(reverse("portal:year_measures", args=[2025]))
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    lines = body.decode("utf-8-sig").splitlines()
    header = lines[0].split(",")
    assert header[:4] == ["report_id", "version", "organization", "aimag"]
    assert {"self_score", "reviewer_score", "not_due", "official_score"} <= set(header)
    assert len(lines) == 1 + 8
    khujirt_12 = next(row for row in lines if "Нийтэлсэн ажил 1.2" in row)
    assert ",70,30,false,30," in khujirt_12
    assert "Өвөрхангай" in khujirt_12


def test_a_correction_shows_the_new_version_and_keeps_the_old_in_history(published, publisher):
    from tests.portal.support import publication_make

    published.results.filter(measure__number="2.1").update(achieved="Засварласан", score=100)
    publication_make(published, by=publisher, note="Алдаа засав")
    page = text(get(reverse("portal:report", args=[published.pk])))
    assert "Засварласан" in page and "Алдаа засав" in page
    assert reverse("portal:report_version", args=[published.pk, 1]) in page
    old = text(get(reverse("portal:report_version", args=[published.pk, 1])))
    assert "Засварласан" not in old and "earlier version" in old
    assert json.loads(get(f"/open/reports/{published.pk}/v1.json").content)


def test_a_publication_without_split_scores_shows_the_official_ones_only(published):
    publication = published.publications.get(is_current=True)
    for objective in publication.document["objectives"]:
        for m in objective["measures"]:
            for key in ("self_score", "self_not_due", "reviewer_score", "reviewer_comment"):
                m.pop(key, None)
    publication.save()
    page = text(get(reverse("portal:report", args=[published.pk])))
    assert "Self-assessed score" not in page and "53%" in page
