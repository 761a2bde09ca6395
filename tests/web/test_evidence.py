"""Evidence on the report sheet: attaching files and links, removing them, downloading a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from shudarga.plans.models import Evidence, Report
from shudarga.plans.reports.filling import evidence_add_file
from tests.personas import EXE, HTMX, JPEG, PDF, PNG, client_for, office_package

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_root")]


def files(*pairs):
    return [SimpleUploadedFile(name, content) for name, content in pairs]


def upload(client, report, result, *pairs, htmx=False, title=""):
    url = reverse("web:evidence_upload", args=[report.pk, result.pk])
    return client.post(url, {"files": files(*pairs), "title": title}, **(HTMX if htmx else {}))


def messages_of(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


def test_it_attaches_several_files_at_once_without_javascript(report, results, officer):
    result = results["1.1"]
    response = upload(
        client_for(officer),
        report,
        result,
        ("Тушаал.pdf", PDF),
        ("зураг.png", PNG),
        ("зураг.jpg", JPEG),
        ("гэрээ.docx", office_package("word")),
        ("тооцоо.xlsx", office_package("xl")),
        title="Сургалтын баримт",
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?evidence={result.pk}#ev-{result.pk}")
    assert sorted(Evidence.objects.values_list("original_name", flat=True)) == sorted(
        ["Тушаал.pdf", "зураг.png", "зураг.jpg", "гэрээ.docx", "тооцоо.xlsx"]
    )
    assert "Attached Тушаал.pdf." in messages_of(response)
    html = client_for(officer).get(reverse("web:report_edit", args=[report.pk])).content.decode()
    for evidence in Evidence.objects.all():
        assert reverse("web:evidence_download", args=[evidence.pk]) in html


def test_it_refuses_a_program_renamed_pdf_by_its_first_bytes_and_keeps_the_good_ones(
    report, results, officer, evidence_root
):
    response = upload(
        client_for(officer),
        report,
        results["1.1"],
        ("тайлан.pdf", EXE),
        ("зураг.png", PNG),
        htmx=True,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<div class="evidence" id="ev-{results["1.1"].pk}"')
    assert "тайлан.pdf was refused: its content is not what its name says" in html
    assert "Attached зураг.png." in html
    assert list(Evidence.objects.values_list("original_name", flat=True)) == ["зураг.png"]
    assert len([p for p in evidence_root.rglob("*") if p.is_file()]) == 1


def test_it_refuses_other_kinds_of_file_with_a_clear_message(report, results, officer):
    response = upload(
        client_for(officer), report, results["1.1"], ("setup.exe", EXE), ("хуудас.html", b"<html>")
    )
    assert messages_of(response) == [
        "setup.exe was refused: only these kinds of file are accepted: DOCX, JPEG, JPG, PDF, PNG, XLSX.",
        "хуудас.html was refused: only these kinds of file are accepted: DOCX, JPEG, JPG, PDF, PNG, XLSX.",
    ]
    assert not Evidence.objects.exists()


def test_it_refuses_a_file_over_the_limit(report, results, officer, settings):
    settings.EVIDENCE_MAX_BYTES = 2 * 1024 * 1024
    big = PDF + b"0" * (2 * 1024 * 1024)
    response = upload(client_for(officer), report, results["1.1"], ("том.pdf", big))
    assert messages_of(response) == ["том.pdf was refused: a file may be at most 2 MB."]
    assert not Evidence.objects.exists()


def test_it_asks_for_a_file_when_none_was_chosen(report, results, officer):
    response = upload(client_for(officer), report, results["1.1"])
    assert messages_of(response) == ["Choose at least one file to attach."]


def test_it_attaches_http_links_only(report, results, officer):
    client = client_for(officer)
    url = reverse("web:evidence_link", args=[report.pk, results["1.1"].pk])
    refused = client.post(url, {"url": "javascript:alert(1)"}, **HTMX).content.decode()
    assert "only http:// and https:// links can be attached" in refused
    client.post(url, {"url": "https://khujirt.gov.mn/news/5", "title": "Мэдээ"})
    evidence = Evidence.objects.get()
    assert evidence.url == "https://khujirt.gov.mn/news/5"
    html = client.get(reverse("web:report_edit", args=[report.pk])).content.decode()
    assert (
        '<a href="https://khujirt.gov.mn/news/5" rel="noreferrer nofollow" target="_blank">' in html
    )


def test_it_removes_evidence(report, results, officer):
    client = client_for(officer)
    upload(client, report, results["1.1"], ("тайлан.pdf", PDF))
    evidence = Evidence.objects.get()
    response = client.post(reverse("web:evidence_remove", args=[evidence.pk]), **HTMX)
    assert "Removed тайлан.pdf." in response.content.decode()
    assert "No evidence attached yet." in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_submitted_report_takes_no_evidence(report, results, officer):
    Report.objects.filter(pk=report.pk).update(status=Report.Status.SUBMITTED)
    response = upload(client_for(officer), report, results["1.1"], ("тайлан.pdf", PDF))
    assert messages_of(response) == ["The report is locked: nothing was attached."]
    assert not Evidence.objects.exists()


@pytest.fixture
def stored(results, officer):
    return evidence_add_file(
        user=officer,
        result=results["1.1"],
        upload=SimpleUploadedFile("Сургалтын тайлан.pdf", PDF, content_type="text/html"),
    )


@pytest.mark.parametrize("persona", ["officer", "head", "viewer", "national"])
def test_members_and_reviewers_download_a_file_as_an_attachment_never_sniffed(
    stored, persona, request
):
    user = request.getfixturevalue(persona)
    response = client_for(user).get(reverse("web:evidence_download", args=[stored.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%D0%A1%D1%83%D1%80" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_a_file_of_another_organizations_report_is_refused(stored, rival):
    assert (
        client_for(rival).get(reverse("web:evidence_download", args=[stored.pk])).status_code == 404
    )


def test_an_anonymous_visitor_is_sent_to_log_in_for_a_file(stored):
    response = client_for().get(reverse("web:evidence_download", args=[stored.pk]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_link_has_nothing_to_download(results, officer):
    from shudarga.plans.reports.filling import evidence_add_link

    link = evidence_add_link(user=officer, result=results["1.1"], url="https://example.mn")
    assert (
        client_for(officer).get(reverse("web:evidence_download", args=[link.pk])).status_code == 404
    )


def test_the_stored_file_is_outside_the_web_root_and_not_reachable_by_its_path(
    stored, officer, evidence_root
):
    path = Path(stored.file.path).resolve()
    assert path.is_relative_to(evidence_root.resolve())
    assert not path.is_relative_to(Path(settings.STATIC_ROOT).resolve())
    client = client_for(officer)
    for guess in (
        f"/{stored.file.name}",
        f"/static/{stored.file.name}",
        f"/media/{stored.file.name}",
        f"/evidence/{stored.file.name}",
    ):
        assert client.get(guess).status_code == 404, guess
