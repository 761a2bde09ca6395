"""PDF and DOCX are laid out only within their bound (documents.bounds.check_renderable),
checked before rendering: past it every surface says so instead of running for minutes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shudarga.cli import main
from shudarga.documents import limits, writers
from shudarga.documents.errors import RenderTooLargeError
from shudarga.documents.model import MeasureEntry, ObjectiveEntry, ReportDocument
from shudarga.plans.models import ReportPublication
from shudarga.portal.tasks import publication_files_write
from tests.personas import client_for


def document_of(measures: int, chars: int) -> ReportDocument:
    entries = [MeasureEntry(f"1.{i}", "Сургалт", achieved="а" * chars) for i in range(measures)]
    return ReportDocument(
        organization="Хужирт", year=2024, objectives=[ObjectiveEntry("1", "З", entries)]
    )


@pytest.mark.parametrize(
    ("fmt", "document"),
    [
        ("pdf", document_of(21, limits.ACHIEVED_MAX)),  # 420 000 characters
        ("pdf", document_of(limits.PDF_MAX_MEASURES + 1, 1)),
        ("docx", document_of(limits.DOCX_MAX_MEASURES + 1, 1)),
    ],
)
def test_a_document_past_the_bound_is_refused_before_it_is_laid_out(fmt, document):
    with pytest.raises(RenderTooLargeError) as refused:
        writers.write(document, fmt)
    assert "download it as XLSX or CSV" in refused.value.text("en")
    assert "XLSX эсвэл CSV" in refused.value.text("mn")


def test_the_same_document_is_written_in_the_formats_without_a_layout():
    document = document_of(21, limits.ACHIEVED_MAX)
    assert writers.write(document, "csv")
    assert writers.write(document, "docx").startswith(b"PK")


def test_a_document_within_the_bound_is_written_as_pdf():
    assert writers.write(document_of(2, 100), "pdf").startswith(b"%PDF")


@pytest.fixture
def small_bound(monkeypatch):
    """The bound lowered to what the test's four measures exceed (the setting, not a mock)."""
    monkeypatch.setattr(limits, "PDF_MAX_CHARS", 10)


@pytest.mark.django_db
def test_the_report_download_says_the_document_is_too_large(report, officer, small_bound):
    client = client_for(officer)
    response = client.get(reverse("web:report_download", args=[report.pk, "pdf"]))
    assert response.status_code == 422
    assert "too large to write as PDF" in response.content.decode()
    assert client.get(reverse("web:report_download", args=[report.pk, "xlsx"])).status_code == 200


@pytest.mark.django_db
def test_the_plan_download_says_so_too(plan, officer, small_bound):
    response = client_for(officer).get(reverse("web:plan_download", args=[plan.pk, "pdf"]))
    assert response.status_code == 422


@pytest.mark.django_db
def test_the_portal_file_says_so_to_a_citizen(published, small_bound, generated_root):
    url = reverse("portal:report_file", args=[published.pk, "pdf"])
    response = client_for().get(url)
    assert response.status_code == 422
    assert not list(generated_root.rglob("*.pdf"))


@pytest.mark.django_db
def test_the_command_line_refuses_with_its_message(
    capsys, monkeypatch, report, small_bound, tmp_path
):
    monkeypatch.setenv("SHUDARGA_LANG", "en")
    status = main(["export", str(report.pk), "--format", "pdf", "-o", str(tmp_path / "r.pdf")])
    assert status == 2
    assert "too large to write as PDF" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.django_db
def test_the_worker_writes_the_other_formats_of_a_publication_too_large_for_pdf(
    published, small_bound, generated_root
):
    publication = ReportPublication.objects.get(report=published)
    assert publication_files_write.call(publication.pk) == ["docx", "xlsx", "csv", "json"]
    # Its own files (the year's CSV is kept beside them, under years/).
    assert sorted(p.suffix for p in (generated_root / "publications").rglob("*.*")) == [
        ".csv",
        ".docx",
        ".json",
        ".xlsx",
    ]
