"""The plan's official table in every format we write, for everyone who may see the plan."""

from __future__ import annotations

import pytest
from django.urls import reverse

from shudarga.documents import jsonform, writers
from shudarga.plans.reports.documents import plan_document
from shudarga.plans.reports.storing import report_import_document
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def download(client, plan, fmt: str):
    return client.get(reverse("web:plan_download", args=[plan.pk, fmt]))


def test_it_sends_an_anonymous_visitor_to_log_in(draft):
    response = download(client_for(), draft, "json")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_another_organization_gets_not_found(draft, rival):
    assert download(client_for(rival), draft, "docx").status_code == 404


def test_an_unknown_format_is_not_found(draft, viewer):
    assert download(client_for(viewer), draft, "exe").status_code == 404


@pytest.mark.parametrize("fmt", list(writers.FORMATS))
def test_a_viewer_downloads_every_format(draft, viewer, fmt):
    response = download(client_for(viewer), draft, fmt)
    assert response.status_code == 200
    assert response["Content-Type"] == writers.content_type(fmt)
    assert response["Content-Disposition"].endswith(f'-2025-plan.{writers.FORMATS[fmt][2]}"')
    assert len(response.content) > 100


def test_the_page_links_every_format(draft, viewer):
    page = client_for(viewer).get(reverse("web:plan", args=[draft.pk])).content.decode()
    for fmt in ("docx", "pdf", "xlsx", "html", "csv", "json"):
        assert reverse("web:plan_download", args=[draft.pk, fmt]) in page


def test_the_plan_document_has_the_plan_fields_and_no_results(khujirt, viewer, make_document):
    plan = report_import_document(document=make_document(), organization=khujirt).plan
    document = plan_document(plan=plan)
    assert document.measure_count == 6
    assert document.title.endswith("2024 ОНЫ ТӨЛӨВЛӨГӨӨ")
    first = document.objectives[0].measures[0]
    assert (first.number, first.deadline, first.responsible_unit) == (
        "1.1",
        "1 дүгээр улирал",
        "Тамгын газрын дарга",
    )
    assert all(
        m.score is None and m.spent is None and not m.achieved and not m.not_due
        for _, m in document.measures()
    )
    read_back = jsonform.loads(download(client_for(viewer), plan, "json").content.decode())
    assert read_back.measure_count == 6
    assert read_back.objectives[0].measures[0].planned_budget == 2000


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
def test_a_plan_file_is_in_the_plan_layout_as_an_independent_reader_sees_it(
    khujirt, viewer, make_document, tmp_path, fmt
):
    """LibreOffice (DOCX → PDF, XLSX → CSV) and pdftotext read the file, not our readers:
    the plan's columns and budget sums are there, the report's result columns are not."""
    import subprocess

    from shudarga.documents.writers.plan_table import plan_budget
    from tests.conftest import require_tool

    plan = report_import_document(document=make_document(), organization=khujirt).plan
    path = tmp_path / f"plan.{fmt}"
    path.write_bytes(download(client_for(viewer), plan, fmt).content)
    if fmt != "pdf":
        target = "pdf" if fmt == "docx" else "csv"
        # CSV in UTF-8 (76), comma-separated, quoted: LibreOffice's default is Latin-1.
        conversion = "pdf" if fmt == "docx" else "csv:Text - txt - csv (StarCalc):44,34,76"
        subprocess.run(
            [require_tool("soffice"), f"-env:UserInstallation=file://{tmp_path}/profile",
             "--headless", "--convert-to", conversion, "--outdir", str(tmp_path), str(path)],
            capture_output=True, check=True, timeout=120,
        )  # fmt: skip
        path = tmp_path / f"plan.{target}"
    if path.suffix == ".pdf":
        out = subprocess.run([require_tool("pdftotext"), str(path), "-"], capture_output=True)
        text = out.stdout.decode()
    else:
        text = path.read_text(encoding="utf-8", errors="replace")
    flat = " ".join(text.split())
    for words in ("Хариуцах нэгж", "Хугацаа", "Төсөв", "НИЙТ ДҮН", "Тамгын газрын дарга"):
        assert words in flat, words
    assert "Хүрсэн түвшин" not in flat and "Зарцуулсан" not in flat
    total = plan_budget(plan_document(plan=plan))
    assert total and str(int(total)) in "".join(flat.replace(",", "").split())
