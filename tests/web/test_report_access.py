"""Who may open and use each report-filling page: one table of every view and every persona.

Anonymous visitors are sent to log in; a user of another organization gets a 404 (the report
might as well not exist); a viewer reads but changes nothing (403); national read everything and
change nothing but may return a submitted report.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from shudarga.plans.models import Evidence, MeasureResult, Report, ReportEvent
from shudarga.plans.reports.filling import evidence_add_file, evidence_add_link
from tests.personas import PDF, client_for, result_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_root")]


@pytest.fixture
def world(report, results, officer):
    """A report with a file and a link on measure 1.1."""
    file = evidence_add_file(
        user=officer,
        result=results["1.1"],
        upload=SimpleUploadedFile("тайлан.pdf", PDF, content_type="application/pdf"),
    )
    link = evidence_add_link(user=officer, result=results["1.1"], url="https://khujirt.gov.mn/")
    return {"report": report, "result": results["1.1"], "file": file, "link": link}


def requests_for(world) -> list[tuple[str, str, dict]]:
    """(method, url, data) of every view this part adds."""
    report, result = world["report"], world["result"]
    return [
        ("get", reverse("web:report_edit", args=[report.pk]), {}),
        ("get", reverse("web:report_history", args=[report.pk]), {}),
        ("get", reverse("web:evidence_download", args=[world["file"].pk]), {}),
        ("get", reverse("web:report_result", args=[report.pk, result.pk]), {}),
        *changes_for(world),
        give_back(world),
    ]


def changes_for(world) -> list[tuple[str, str, dict]]:
    report, result = world["report"], world["result"]
    return [
        ("post", reverse("web:report_start", args=[report.plan_id, "annual"]), {}),
        (
            "post",
            reverse("web:report_result", args=[report.pk, result.pk]),
            result_data(result, achieved="Өөрчилсөн", score="100"),
        ),
        (
            "post",
            reverse("web:evidence_upload", args=[report.pk, result.pk]),
            {"files": SimpleUploadedFile("шинэ.pdf", PDF)},
        ),
        (
            "post",
            reverse("web:evidence_link", args=[report.pk, result.pk]),
            {"url": "https://example.mn/шинэ"},
        ),
        ("post", reverse("web:evidence_remove", args=[world["link"].pk]), {}),
        ("post", reverse("web:report_submit", args=[report.pk]), {}),
    ]


def give_back(world) -> tuple[str, str, dict]:
    """Returning a report: the one path is the review page's (reviewers only; 404 for the
    organization's own people, who may not even open the review page)."""
    return ("post", reverse("web:review_return", args=[world["report"].pk]), {"reason": "Буцаав"})


def snapshot():
    return (
        list(Report.objects.values_list("pk", "status")),
        list(MeasureResult.objects.values_list("pk", "achieved", "score", "version")),
        list(Evidence.objects.values_list("pk", flat=True)),
        ReportEvent.objects.count(),
    )


def send(client, method, url, data):
    return getattr(client, method)(url, data)


def test_it_sends_an_anonymous_visitor_of_every_view_to_log_in(world):
    before = snapshot()
    for method, url, data in requests_for(world):
        response = send(client_for(), method, url, data)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url
    assert snapshot() == before


def test_it_answers_a_user_of_another_organization_with_404_everywhere(world, rival):
    before = snapshot()
    for method, url, data in requests_for(world):
        assert send(client_for(rival), method, url, data).status_code == 404, url
    assert snapshot() == before


def test_a_viewer_reads_the_sheet_and_the_files_but_changes_nothing(world, viewer):
    client = client_for(viewer)
    page = client.get(reverse("web:report_edit", args=[world["report"].pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert '<form class="result-form"' not in html
    assert "Sign off and submit" not in html
    assert client.get(reverse("web:evidence_download", args=[world["file"].pk])).status_code == 200
    before = snapshot()
    for method, url, data in changes_for(world):
        assert send(client, method, url, data).status_code == 403, url
    assert send(client, *give_back(world)).status_code == 404
    assert snapshot() == before


def test_staff_read_everything_change_nothing_and_may_only_return(world, national):
    client = client_for(national)
    assert client.get(reverse("web:report_edit", args=[world["report"].pk])).status_code == 200
    assert client.get(reverse("web:evidence_download", args=[world["file"].pk])).status_code == 200
    before = snapshot()
    for method, url, data in changes_for(world):
        assert send(client, method, url, data).status_code == 403, url
    assert snapshot() == before


def test_an_officer_cannot_submit_or_return(world, officer):
    client = client_for(officer)
    before = snapshot()
    *_, submit = changes_for(world)
    assert send(client, *submit).status_code == 403
    assert send(client, *give_back(world)).status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("web:report_start", "get"),
        ("web:report_submit", "get"),
        ("web:evidence_remove", "get"),
        ("web:report_edit", "post"),
        ("web:report_history", "post"),
        ("web:evidence_download", "post"),
    ],
)
def test_each_view_takes_only_its_methods(world, officer, name, method):
    args = {
        "web:report_start": [world["report"].plan_id, "annual"],
        "web:evidence_remove": [world["link"].pk],
        "web:evidence_download": [world["file"].pk],
    }.get(name, [world["report"].pk])
    assert send(client_for(officer), method, reverse(name, args=args), {}).status_code == 405


def test_a_viewer_gets_403_even_for_a_form_that_would_not_validate(world, viewer):
    report, result = world["report"], world["result"]
    client = client_for(viewer)
    url = reverse("web:report_result", args=[report.pk, result.pk])
    assert client.post(url, result_data(result, spent="not a number")).status_code == 403
    empty_upload = reverse("web:evidence_upload", args=[report.pk, result.pk])
    assert client.post(empty_upload, {}).status_code == 403
    empty_link = reverse("web:evidence_link", args=[report.pk, result.pk])
    assert client.post(empty_link, {"url": "javascript:x"}).status_code == 403
