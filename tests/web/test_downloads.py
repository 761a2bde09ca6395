"""Downloads of the official table from the report page: every format, only for those who may see."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from shudarga.demo.load import SEED
from shudarga.documents.readers import read_bytes, read_path
from shudarga.plans.reports.storing import report_import_document

pytestmark = pytest.mark.django_db

FORMATS = ["docx", "pdf", "xlsx", "html", "csv", "json"]
MAGIC = {
    "docx": b"PK\x03\x04",
    "xlsx": b"PK\x03\x04",
    "pdf": b"%PDF",
    "csv": b"\xef\xbb\xbf",
    "html": b"<!doctype html",
    "json": b"{",
}


@pytest.fixture
def seed_report(khujirt):
    return report_import_document(document=read_path(SEED), organization=khujirt)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_report_page_links_every_format_and_each_downloads(seed_report, national, fmt):
    client = logged_in(national)
    url = reverse("web:report_download", args=[seed_report.pk, fmt])
    assert url in client.get(reverse("web:report", args=[seed_report.pk])).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="khujirt-sumyn-zasag-dargyn-tamgyn-gazar-2024-annual.{fmt}"'
    )
    body = response.content
    assert body[: len(MAGIC[fmt])].lower() == MAGIC[fmt].lower()


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html", "json"])
def test_a_downloaded_file_reads_back_to_the_same_measures(seed_report, national, fmt):
    body = (
        logged_in(national).get(reverse("web:report_download", args=[seed_report.pk, fmt])).content
    )
    document = read_bytes(body, source=f"x.{fmt}")
    assert [m.number for _, m in document.measures()] == [
        "1.1",
        "1.2",
        "2.1",
        "3.1",
        "4.1",
        "4.2",
        "5.1",
        "5.2",
        "6.1",
        "6.2",
        "6.3",
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_outsider_cannot_download_and_an_anonymous_visitor_is_sent_to_log_in(
    seed_report, outsider, fmt
):
    url = reverse("web:report_download", args=[seed_report.pk, fmt])
    assert logged_in(outsider).get(url).status_code == 404
    response = Client().get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_print_view_is_the_standalone_html_and_is_refused_to_outsiders(
    seed_report, national, outsider
):
    url = reverse("web:report_print", args=[seed_report.pk])
    page = logged_in(national).get(url).content.decode()
    assert "НЭГДСЭН ДҮН: 86%" in page
    assert logged_in(outsider).get(url).status_code == 404


def test_an_unknown_format_is_not_found(seed_report, national):
    assert logged_in(national).get(f"/reports/{seed_report.pk}/download.exe").status_code == 404
