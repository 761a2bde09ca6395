"""The year's open data CSV is written once per state of the year's publications
(portal.year_files): the bytes are those the view streamed before, a download from storage
costs one query whatever the number of publications, and publishing, correcting or
republishing after a reopening names a new file."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shudarga.documents.writers.csv import BOM, decimal_text, safe_text
from shudarga.plans.models import Report, ReportPublication
from shudarga.portal import selectors, year_files
from tests.personas import make_plan
from tests.portal.support import publication_make, report_with_results

pytestmark = pytest.mark.django_db

YEAR = 2025


def old_body(year: int) -> bytes:
    """What the view streamed before the file was kept (its code as it was)."""

    class Echo:
        def write(self, value):
            return value

    def cell(value):
        if value is None:
            return ""
        if isinstance(value, Decimal):
            return decimal_text(value)
        if isinstance(value, str):
            return safe_text(value)
        return value

    writer = csv.writer(Echo())
    lines = [BOM + writer.writerow(selectors.MEASURE_COLUMNS)]
    lines += [
        writer.writerow([cell(v) for v in row]) for row in selectors.year_measure_rows(year=year)
    ]
    return "".join(lines).encode("utf-8")


def download(client: Client | None = None, year: int = YEAR, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = (client or Client()).get(
            reverse("portal:year_measures", args=[year]), headers=headers
        )
        body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body, len(queries)


def kept(root) -> list[str]:
    folder = root / "years" / str(YEAR)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def partial(root) -> list[str]:
    folder = root / ".partial"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_the_bytes_are_those_of_the_view_before_first_and_from_storage(
    published, moron_published, generated_root
):
    expected = old_body(YEAR)
    assert expected.count(b"\r\n") > 2
    first, body, _ = download()
    assert body == expected
    assert len(kept(generated_root)) == 1 and not partial(generated_root)
    again, stored, queries = download()
    assert stored == expected and queries == 1
    for response in (first, again):
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert (
            response["Content-Disposition"]
            == f'attachment; filename="shudarga-{YEAR}-measures.csv"'
        )
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Cache-Control"] == "public, max-age=300"
        assert response["Last-Modified"]
    assert first["ETag"] == again["ETag"]
    assert (generated_root / "years" / str(YEAR) / kept(generated_root)[0]).read_bytes() == expected


def test_a_stored_download_is_one_query_at_any_number_of_publications(
    published, moron, publisher, generated_root
):
    download()
    _, _, small = download()
    half = report_with_results(published.plan, period="half_year")
    publication_make(half, by=publisher)
    publication_make(report_with_results(make_plan(moron, year=YEAR)), by=publisher)
    _, body, _ = download()  # a new state: written once
    _, again, large = download()
    assert small == large == 1 and again == body == old_body(YEAR)


def test_an_unchanged_file_answers_304(published, generated_root):
    first, _, _ = download()
    response, body, queries = download(**{"If-None-Match": first["ETag"]})
    assert response.status_code == 304 and body == b"" and queries == 1
    assert response["ETag"] == first["ETag"] and response["Access-Control-Allow-Origin"] == "*"


def test_publishing_correcting_and_republishing_after_reopening_name_a_new_file(
    published, moron, publisher, generated_root
):
    def state():
        response, body, _ = download()
        assert body == old_body(YEAR)
        return response["ETag"], body

    names = []
    etags = []

    def seen_new():
        etag, _ = state()
        assert etag not in etags
        etags.append(etag)
        names.append(kept(generated_root))
        assert len(names[-1]) == len(etags)

    seen_new()
    # Published: a new report of the year.
    other = report_with_results(make_plan(moron, year=YEAR))
    publication_make(other, by=publisher)
    seen_new()
    # Corrected: a new version, the old one no longer current.
    publication_make(other, by=publisher, note="залруулга")
    seen_new()
    # Reopened for correction: the last version stays current, so the file is the same.
    Report.objects.filter(pk=other.pk).update(status=Report.Status.RETURNED)
    etag, _ = state()
    assert etag == etags[-1] and len(kept(generated_root)) == len(etags)
    # Published again after the reopening: the next version, a new file.
    publication_make(other, by=publisher, note="дахин")
    seen_new()
    # The current version moved back by hand (the admin): the same count, other ids, and
    # the very state the year was in when that version was current: its file again.
    ReportPublication.objects.filter(report=other).update(is_current=False)
    ReportPublication.objects.filter(report=other, version=2).update(is_current=True)
    etag, _ = state()
    assert etag == etags[2] and len(kept(generated_root)) == len(etags)


def test_a_download_cut_short_keeps_nothing(published, generated_root, monkeypatch):
    monkeypatch.setattr(year_files, "CHUNK", 10)
    # What the view streams, closed after its first piece (a client gone, as a server does).
    pieces = year_files.writing(year_files.year_state(year=YEAR), using="default")
    next(pieces)
    assert len(partial(generated_root)) == 1  # written beside the storage, not in it
    pieces.close()
    assert kept(generated_root) == [] and partial(generated_root) == []
    _, body, _ = download()
    assert body == old_body(YEAR) and len(kept(generated_root)) == 1


def test_a_publication_while_the_rows_are_read_keeps_nothing(
    published, moron, publisher, generated_root
):
    state = year_files.year_state(year=YEAR)
    publication_make(report_with_results(make_plan(moron, year=YEAR)), by=publisher)
    body = b"".join(year_files.writing(state, using="default"))
    assert body == old_body(YEAR)  # what was read, sent
    assert kept(generated_root) == [] and partial(generated_root) == []


def test_a_year_without_publications_is_the_header_and_keeps_nothing(published, generated_root):
    response, body, _ = download(year=1999)
    assert response.status_code == 200 and body == old_body(1999)
    assert not (generated_root / "years").exists()


def test_a_renamed_organization_forgets_the_kept_files(
    published, generated_root, django_capture_on_commit_callbacks
):
    from shudarga.orgs.services import organization_rename

    download()
    assert len(kept(generated_root)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        organization_rename(organization=published.plan.organization, name="Хужирт ЗДТГ шинэ")
    assert kept(generated_root) == []
    _, body, _ = download()
    assert "Хужирт ЗДТГ шинэ".encode() in body and body == old_body(YEAR)


def test_the_worker_writes_the_years_file_once(published, generated_root):
    assert year_files.year_file_write(year=YEAR) is True
    assert len(kept(generated_root)) == 1
    assert year_files.year_file_write(year=YEAR) is True  # kept: not written again
    _, body, queries = download()
    assert queries == 1 and body == old_body(YEAR)
    assert year_files.year_file_write(year=1999) is False


def test_two_first_downloads_at_once_keep_one_file(published, generated_root, monkeypatch):
    from django.core.files.storage import storages

    state = year_files.year_state(year=YEAR)
    # Both find no file before they keep theirs (they ran side by side).
    monkeypatch.setattr(storages["generated"], "exists", lambda name: False)
    one = year_files.writing(state, using="default")
    two = year_files.writing(state, using="default")
    assert b"".join(one) == b"".join(two) == old_body(YEAR)
    assert kept(generated_root) == [state.file_name().rsplit("/", 1)[1]]
