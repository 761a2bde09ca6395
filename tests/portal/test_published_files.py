"""A publication's files are written once per version and then read from storage."""

from __future__ import annotations

import pytest
from django.core.files.storage import storages
from django.test import Client
from django.urls import reverse

from shudarga.documents import writers
from shudarga.portal.files import publication_file_name
from tests.portal.support import publication_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def writes(monkeypatch):
    """Every call of the writers, by format."""
    calls: list[str] = []
    real = writers.write

    def counting(document, fmt):
        calls.append(fmt)
        return real(document, fmt)

    monkeypatch.setattr(writers, "write", counting)
    return calls


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_the_first_request_writes_the_file_and_the_next_ones_read_it(
    published, generated_root, writes, fmt
):
    url = reverse("portal:report_file", args=[published.pk, fmt])
    first = Client().get(url)
    second = Client().get(url)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content and first.content
    assert writes == [fmt]  # rendered once
    publication = published.publications.get(is_current=True)
    stored = generated_root / publication_file_name(publication, fmt)
    assert stored.read_bytes() == first.content
    assert second["Content-Disposition"].endswith(f'-v1.{fmt}"')


def test_a_correction_is_a_new_version_with_its_own_file(
    published, generated_root, writes, publisher
):
    url = reverse("portal:report_file", args=[published.pk, "xlsx"])
    assert Client().get(url).status_code == 200
    publication_make(published, by=publisher, note="Засвар")
    response = Client().get(url)
    assert response.status_code == 200 and response["Content-Disposition"].endswith('-v2.xlsx"')
    assert writes == ["xlsx", "xlsx"]
    assert len(list((generated_root / "publications" / str(published.pk)).iterdir())) == 2
    assert storages["generated"].location == str(generated_root)


def test_a_stored_file_is_served_with_one_query_and_the_document_left_unread(
    published, generated_root, writes, django_assert_num_queries
):
    url = reverse("portal:report_file", args=[published.pk, "json"])
    first = Client().get(url)
    with django_assert_num_queries(1) as queries:
        again = Client().get(url)
    assert again.status_code == 200 and again.content == first.content
    assert '"document" FROM' not in queries.captured_queries[0]["sql"]
    assert writes == ["json"]
    assert again["ETag"] == first["ETag"] and again["Last-Modified"]
    assert "public" in again["Cache-Control"]


def test_a_copy_still_fresh_is_answered_not_modified_and_a_new_version_is_not(
    published, generated_root, publisher
):
    url = reverse("portal:report_file", args=[published.pk, "json"])
    first = Client().get(url)
    cached = Client().get(url, headers={"If-None-Match": first["ETag"]})
    assert cached.status_code == 304 and cached.content == b""
    publication_make(published, by=publisher, note="Засвар")
    changed = Client().get(url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    old = Client().get(reverse("portal:report_version_file", args=[published.pk, 1, "json"]))
    assert old["ETag"] == first["ETag"] and old.content == first.content


def test_a_report_never_published_has_no_file(report):
    assert Client().get(reverse("portal:report_file", args=[report.pk, "json"])).status_code == 404


def test_a_version_that_does_not_exist_has_no_file(published):
    missing = reverse("portal:report_version_file", args=[published.pk, 2, "json"])
    assert Client().get(missing).status_code == 404


def test_a_published_file_says_its_version_and_day_in_the_portal_and_the_workspace(
    published, publisher, generated_root
):
    """Read by poppler's pdftotext, not by our own reader: the edition line under the title."""
    import subprocess

    from django.utils import timezone

    from tests.conftest import require_tool

    pdftotext = require_tool("pdftotext")

    def text_of(pdf: bytes) -> str:
        out = subprocess.run([pdftotext, "-", "-"], input=pdf, capture_output=True, check=True)
        return " ".join(out.stdout.decode().split())

    today = timezone.localdate().isoformat()
    url = reverse("portal:report_file", args=[published.pk, "pdf"])
    assert f"Хувилбар 1, нийтэлсэн {today}" in text_of(Client().get(url).content)
    publication_make(published, by=publisher, note="Засвар")
    assert f"Хувилбар 2, нийтэлсэн {today}" in text_of(Client().get(url).content)
    # The workspace's downloads of the published report name the same current version.
    from shudarga.documents.writers import write
    from shudarga.plans.reports.documents import downloadable_document

    document = downloadable_document(report=published)
    assert f"Хувилбар 2, нийтэлсэн {today}" in text_of(write(document, "pdf"))
    published.status = "accepted"  # any report not published is said to be so
    assert "Нийтлэгдээгүй хувилбар" in text_of(
        write(downloadable_document(report=published), "pdf")
    )
