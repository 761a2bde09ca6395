"""Nothing unpublished ever reaches the portal: not a draft, submitted, returned or accepted
report, not a correction in progress, not an organization's live results."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from shudarga.orgs.models import Organization
from shudarga.plans.models import Report

pytestmark = pytest.mark.django_db

SECRET = "НУУЦ"


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig", errors="replace")
    return response.content.decode("utf-8-sig", errors="replace")


def every_public_url(published: Report, reports: list[Report]) -> list[str]:
    org = published.plan.organization
    urls = [
        reverse("portal:home"),
        reverse("portal:search") + "?q=хужирт",
        reverse("portal:node", args=[org.pk]),
        reverse("portal:report", args=[published.pk]),
        reverse("portal:year_measures", args=[2025]),
    ]
    for year in (2023, 2024, 2025):
        urls += [
            reverse("portal:summary", args=[year]),
            reverse("portal:year_measures", args=[year]),
        ]
        for node in Organization.objects.get_ancestors(org):
            urls.append(reverse("portal:summary_aimag", args=[year, node.pk]))
    urls += [reverse("portal:node", args=[n.pk]) for n in Organization.objects.get_ancestors(org)]
    for fmt in ("json", "csv"):
        urls.append(reverse("portal:report_file", args=[published.pk, fmt]))
    return urls


def test_unpublished_reports_appear_nowhere(published, unpublished):
    for url in every_public_url(published, unpublished):
        response = Client().get(url)
        assert response.status_code == 200, url
        assert SECRET not in body(response), url


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf", "csv", "json"])
def test_an_unpublished_report_cannot_be_downloaded_or_opened(unpublished, fmt):
    client = Client()
    for report in unpublished:
        assert client.get(reverse("portal:report", args=[report.pk])).status_code == 404
        assert client.get(reverse("portal:report_file", args=[report.pk, fmt])).status_code == 404
        url = reverse("portal:report_version_file", args=[report.pk, 1, fmt])
        assert client.get(url).status_code == 404


def test_a_report_accepted_but_never_published_is_not_counted(published, unpublished):
    page = body(Client().get(reverse("portal:summary", args=[2023])))
    assert "Хужирт сумын" not in page
    rows = body(Client().get(reverse("portal:year_measures", args=[2023]))).splitlines()
    assert len(rows) == 1  # the header only


def test_the_frozen_version_stays_while_live_results_change(published):
    # A correction in progress: the live results change, nothing is published yet.
    published.results.update(achieved=f"{SECRET} засвар", score=0, reviewer_score=0)
    from shudarga.plans.analytics.summaries import summary_refresh

    summary_refresh(report_id=published.pk)
    client = Client()
    for url in (
        reverse("portal:report", args=[published.pk]),
        reverse("portal:report_file", args=[published.pk, "json"]),
        reverse("portal:report_file", args=[published.pk, "csv"]),
        reverse("portal:year_measures", args=[2025]),
        reverse("portal:summary", args=[2025]),
    ):
        text = body(client.get(url))
        assert SECRET not in text, url
    page = body(client.get(reverse("portal:report", args=[published.pk])))
    assert "Нийтэлсэн ажил 1.1" in page and "53%" in page
    assert "53.3%" in body(client.get(reverse("portal:summary", args=[2025])))


def test_a_published_report_reopened_for_correction_shows_its_last_published_version(published):
    """Reopened (published → returned), the report stays public as it was published, never
    its live data, until the corrected report is published as the next version."""
    Report.objects.filter(pk=published.pk).update(status=Report.Status.RETURNED)
    published.results.filter(measure__number="1.1").update(achieved="Засвар хийгдэж байна")
    client = Client()
    page = body(client.get(reverse("portal:report", args=[published.pk])))
    assert "Нийтэлсэн ажил 1.1" in page and "Засвар хийгдэж байна" not in page
    assert "Засвар хийгдэж байна" not in body(client.get(f"/open/reports/{published.pk}.json"))
    assert "Нийтэлсэн ажил" in body(client.get(reverse("portal:year_measures", args=[2025])))


def test_a_report_without_a_current_publication_is_not_public(published):
    published.publications.update(is_current=False)
    client = Client()
    assert client.get(reverse("portal:report", args=[published.pk])).status_code == 404
    assert client.get(f"/open/reports/{published.pk}.json").status_code == 404


def test_an_old_version_is_not_current_and_never_the_default(published, publisher):
    from tests.portal.support import publication_make

    published.results.filter(measure__number="1.1").update(achieved="Шинэ хувилбар")
    publication_make(published, by=publisher)
    data = body(Client().get(f"/open/reports/{published.pk}.json"))
    assert "Шинэ хувилбар" in data
    old = body(Client().get(f"/open/reports/{published.pk}/v1.json"))
    assert "Шинэ хувилбар" not in old


def test_the_portal_sets_no_session_or_csrf_cookie(published):
    response = Client().get(reverse("portal:home"))
    assert not response.cookies
