"""Evidence files and links of a result (plans.reports.filling): what is accepted, where it is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from shudarga.plans.errors import EvidenceRejectedError, ReportLockedError
from shudarga.plans.models import Evidence, Report
from shudarga.plans.reports.filling import evidence_add_file, evidence_add_link, evidence_remove
from tests.personas import EXE, JPEG, PDF, PNG, office_package

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_root")]


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("тайлан.pdf", PDF, "application/pdf"),
        ("зураг.PNG", PNG, "image/png"),
        ("зураг.jpg", JPEG, "image/jpeg"),
        ("зураг.jpeg", JPEG, "image/jpeg"),
        ("тушаал.docx", office_package("word"), settings.EVIDENCE_TYPES[".docx"]),
        ("хүснэгт.xlsx", office_package("xl"), settings.EVIDENCE_TYPES[".xlsx"]),
    ],
)
def test_it_accepts_each_allowed_kind_and_keeps_its_name(
    results, officer, evidence_root, name, content, content_type
):
    evidence = evidence_add_file(
        user=officer,
        result=results["1.1"],
        upload=upload(name, content, "text/html"),
        title="Нотлох баримт",
    )
    assert evidence.original_name == name
    assert evidence.content_type == content_type  # from the extension, not from the browser
    assert evidence.size == len(content)
    stored = Path(evidence.file.path)
    assert stored.read_bytes() == content
    assert stored.is_relative_to(evidence_root)
    assert name not in stored.name  # a random name on disk
    assert evidence.history.first().history_user == officer


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("программ.exe", EXE, "type"),
        ("хуудас.html", b"<html><script>alert(1)</script>", "type"),
        ("нэргүй", PDF, "type"),
        ("хуурамч.pdf", EXE, "content"),
        ("хуурамч.png", JPEG, "content"),
        ("хуурамч.jpg", PDF, "content"),
        ("архив.docx", b"PK\x03\x04" + b"\x00" * 40, "content"),
        ("хүснэгт.docx", office_package("xl"), "content"),
        ("баримт.xlsx", office_package("word"), "content"),
        ("хоосон.pdf", b"", "empty"),
    ],
)
def test_it_refuses_files_by_extension_and_by_their_first_bytes(
    results, officer, evidence_root, name, content, code
):
    with pytest.raises(EvidenceRejectedError) as caught:
        evidence_add_file(user=officer, result=results["1.1"], upload=upload(name, content))
    assert caught.value.code == code
    assert not Evidence.objects.exists()
    assert not any(p.is_file() for p in evidence_root.rglob("*"))


def test_it_refuses_a_file_over_the_size_limit(results, officer, settings):
    settings.EVIDENCE_MAX_BYTES = 1000
    with pytest.raises(EvidenceRejectedError) as caught:
        evidence_add_file(
            user=officer, result=results["1.1"], upload=upload("том.pdf", PDF + b"0" * 1000)
        )
    assert (caught.value.code, caught.value.limit) == ("size", 1000)
    assert evidence_add_file(
        user=officer, result=results["1.1"], upload=upload("жижиг.pdf", PDF)
    ).size == len(PDF)


def test_the_configured_evidence_store_is_outside_the_static_and_media_files():
    from shudarga import settings as configured  # the module, untouched by the fixture

    root = Path(configured.EVIDENCE_ROOT).resolve()
    static = Path(configured.STATIC_ROOT).resolve()
    assert not root.is_relative_to(static) and not static.is_relative_to(root)
    assert not getattr(configured, "MEDIA_ROOT", "")


def test_a_stored_file_is_not_under_static_root(results, officer):
    evidence = evidence_add_file(
        user=officer, result=results["1.1"], upload=upload("тайлан.pdf", PDF)
    )
    assert (
        not Path(evidence.file.path).resolve().is_relative_to(Path(settings.STATIC_ROOT).resolve())
    )


@pytest.mark.parametrize("url", ["https://www.khujirt.gov.mn/news/1", "http://iaac.mn/a?b=c"])
def test_it_attaches_http_and_https_links(results, officer, url):
    evidence = evidence_add_link(
        user=officer, result=results["1.1"], url=f"  {url} ", title="Мэдээ"
    )
    assert (evidence.url, evidence.title, evidence.file.name) == (url, "Мэдээ", "")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://files.example.mn/a.pdf",
        "file:///etc/passwd",
        "data:text/html,x",
        "www.example.mn",
        "",
        "https://" + "a" * 1000 + ".mn",
    ],
)
def test_it_refuses_links_that_are_not_http_or_https(results, officer, url):
    with pytest.raises(EvidenceRejectedError) as caught:
        evidence_add_link(user=officer, result=results["1.1"], url=url)
    assert caught.value.code == "url"
    assert not Evidence.objects.exists()


def test_it_removes_evidence_and_keeps_the_removal_in_the_history(results, officer):
    evidence = evidence_add_link(user=officer, result=results["1.1"], url="https://example.mn")
    evidence_remove(user=officer, evidence=evidence)
    assert not Evidence.objects.exists()
    removal = Evidence.history.filter(history_type="-").get()
    assert (removal.url, removal.history_user) == ("https://example.mn", officer)


def test_viewers_and_outsiders_attach_and_remove_nothing(results, officer, viewer, rival, staff):
    kept = evidence_add_link(user=officer, result=results["1.1"], url="https://example.mn")
    for user in (viewer, rival, staff):
        with pytest.raises(PermissionDenied):
            evidence_add_file(user=user, result=results["1.1"], upload=upload("a.pdf", PDF))
        with pytest.raises(PermissionDenied):
            evidence_add_link(user=user, result=results["1.1"], url="https://example.mn/x")
        with pytest.raises(PermissionDenied):
            evidence_remove(user=user, evidence=kept)
    assert list(Evidence.objects.all()) == [kept]


def test_a_submitted_report_takes_no_evidence_and_keeps_what_it_has(report, results, officer):
    kept = evidence_add_link(user=officer, result=results["1.1"], url="https://example.mn")
    Report.objects.filter(pk=report.pk).update(status=Report.Status.SUBMITTED)
    with pytest.raises(ReportLockedError):
        evidence_add_file(user=officer, result=results["1.1"], upload=upload("a.pdf", PDF))
    with pytest.raises(ReportLockedError):
        evidence_add_link(user=officer, result=results["1.1"], url="https://example.mn/x")
    with pytest.raises(ReportLockedError):
        evidence_remove(user=officer, evidence=kept)
    assert list(Evidence.objects.all()) == [kept]
