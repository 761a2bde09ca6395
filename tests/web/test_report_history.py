"""The changes of a report: every edit of a result, field by field, and evidence added or removed."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from shudarga.plans.models import Evidence
from tests.personas import PDF, client_for, result_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_root")]


def history(user, report) -> str:
    response = client_for(user).get(reverse("web:report_history", args=[report.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_who_changed_what_when_from_what_to_what(report, results, officer, head):
    result = results["1.1"]
    url = reverse("web:report_result", args=[report.pk, result.pk])
    client_for(officer).post(
        url, result_data(result, spent="840", achieved="Эхний бичвэр", score="70")
    )
    client_for(head).post(
        url, result_data(result, version=2, spent="840", achieved="Засварласан бичвэр", score="100")
    )
    html = history(officer, report)
    rows = html.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert len(rows) == 2
    newest, oldest = rows
    assert "Батбаяр" in newest and "1.1" in newest
    assert "Эхний бичвэр" in newest and "Засварласан бичвэр" in newest
    assert "<dt>Score</dt>" in newest and ">70</span>" in newest and ">100</span>" in newest
    assert "Money spent" not in newest  # unchanged fields are not listed
    assert "Оюунчимэг" in oldest
    assert "<dt>Money spent (thousand MNT)</dt>" in oldest and ">840</span>" in oldest
    assert '<time datetime="' in oldest


def test_it_lists_evidence_added_and_removed(report, results, officer):
    client = client_for(officer)
    client.post(
        reverse("web:evidence_upload", args=[report.pk, results["2.1"].pk]),
        {"files": [SimpleUploadedFile("тайлан.pdf", PDF)]},
    )
    client.post(reverse("web:evidence_remove", args=[Evidence.objects.get().pk]))
    html = history(officer, report)
    assert "Evidence added:\n        тайлан.pdf" in html
    assert "Evidence removed:\n        тайлан.pdf" in html
    assert html.index("Evidence removed") < html.index("Evidence added")  # newest first


def test_it_says_when_nothing_has_changed(report, officer):
    assert "No result has been changed yet." in history(officer, report)


def test_its_queries_do_not_grow_with_the_changes_and_it_pages_them(report, results, officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(officer)
    result = results["1.1"]
    url = reverse("web:report_history", args=[report.pk])
    counts = []
    for versions in (range(1, 3), range(3, 56)):
        for version in versions:
            client.post(
                reverse("web:report_result", args=[report.pk, result.pk]),
                result_data(result, version=version, achieved=f"Хувилбар {version}"),
            )
        client.get(url)  # shows the pending "saved" messages
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url).content.decode()
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert "Page 1 of 2" in html and "Хувилбар 55" in html and "Хувилбар 3<" not in html
    older = client.get(url + "?page=2").content.decode()
    assert "Хувилбар 3<" in older
