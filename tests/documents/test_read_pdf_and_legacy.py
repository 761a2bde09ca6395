"""PDF reports with a text layer, and old .doc/.xls through LibreOffice (issue 11, item 2).

The documents are written by our own writers from the Khujirt seed: its PDF as citizens
download it, its DOCX and XLSX saved by LibreOffice in the old formats."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from shudarga.documents.errors import ReadError
from shudarga.documents.readers import legacy, pdf, read_bytes, read_path
from shudarga.documents.writers import write
from tests.conftest import require_tool

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEED_FILE = SEED / "khujirt-2024-anticorruption-report.txt"


@pytest.fixture(scope="module")
def seed():
    return read_path(SEED_FILE)


def same_measures(read, expected) -> None:
    got = [(m.number, m.text, m.score, m.not_due, " ".join(m.achieved.split()))
           for _, m in read.measures()]  # fmt: skip
    want = [(m.number, m.text, m.score, m.not_due, " ".join(m.achieved.split()))
            for _, m in expected.measures()]  # fmt: skip
    assert got == want


def test_a_long_pdf_reads_back_every_measure_none_cut_over_two_pages(seed):
    # 200 measures on about 70 pages: a row the page cut in two lost its cells' columns
    # (pdfplumber saw "8.3 -" alone at a page's foot), so the writer keeps rows whole.
    import dataclasses

    measures = [m for _, m in seed.measures()]
    large = dataclasses.replace(seed, objectives=[
        dataclasses.replace(seed.objectives[0], number=str(o), measures=[
            dataclasses.replace(measures[(o * 20 + m) % len(measures)], number=f"{o}.{m}")
            for m in range(1, 21)
        ])
        for o in range(1, 11)
    ])  # fmt: skip
    document = read_bytes(write(large, "pdf"), source="large.pdf")
    same_measures(document, large)
    assert not [w for w in document.warnings if w.code == "row_orphan"]


def test_a_pdf_of_the_official_table_reads_with_every_measure(seed):
    document = read_bytes(write(seed, "pdf"), source="khujirt.pdf")
    assert (document.organization, document.year) == (seed.organization, seed.year)
    assert [o.number for o in document.objectives] == [o.number for o in seed.objectives]
    same_measures(document, seed)
    # The pages' footers are not lost silently either: each is a warning with its row.
    footers = [w for w in document.warnings if w.code == "row_skipped"]
    assert [w.params["text"] for w in footers] == [f"Хуудас {n} / 5" for n in range(1, 5)]


def test_a_line_wrapped_after_a_hyphen_is_joined_without_a_space():
    assert pdf._cell("Шүгэл Үлээцгээ-\nАвлигын Эсрэг\n  Нэгдье") == (
        "Шүгэл Үлээцгээ-Авлигын Эсрэг Нэгдье"
    )


def _scan() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (400, 300), "white").save(out, format="PDF")
    return out.getvalue()


def test_a_scanned_pdf_is_refused_saying_it_holds_no_text():
    with pytest.raises(ReadError) as caught:
        read_bytes(_scan(), source="scan.pdf")
    assert caught.value.code == "pdf_no_text"
    assert "скан" in caught.value.text("mn") and "scanned" in caught.value.text("en")


def test_a_pdf_past_the_page_limit_is_refused_before_it_is_read(seed, monkeypatch):
    monkeypatch.setattr(pdf, "PDF_READ_MAX_PAGES", 2)
    with pytest.raises(ReadError) as caught:
        read_bytes(write(seed, "pdf"), source="long.pdf")
    assert (caught.value.code, caught.value.params) == (
        "pdf_too_many_pages",
        {"pages": 5, "limit": 2},
    )


def test_a_damaged_pdf_is_refused():
    with pytest.raises(ReadError) as caught:
        read_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", source="bad.pdf")
    assert caught.value.code == "file_corrupt"


def _old_format(data: bytes, written: str, old: str, folder: Path) -> bytes:
    program = require_tool("soffice")
    source = folder / f"report.{written}"
    source.write_bytes(data)
    subprocess.run(
        [program, f"-env:UserInstallation={(folder / 'p').as_uri()}", "--headless",
         "--convert-to", old, "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return (folder / f"report.{old}").read_bytes()


@pytest.mark.parametrize(("written", "old"), [("docx", "doc"), ("xlsx", "xls")])
def test_an_old_doc_or_xls_is_converted_and_read(seed, tmp_path, written, old):
    data = _old_format(write(seed, written), written, old, tmp_path)
    assert data.startswith(b"\xd0\xcf\x11\xe0")  # an OLE file, as Word 97-2003 writes
    document = read_bytes(data, source=f"khujirt.{old}")
    same_measures(document, seed)
    assert document.organization == seed.organization


def test_without_libreoffice_an_old_file_is_refused_naming_the_program(monkeypatch):
    monkeypatch.setattr(legacy, "soffice", lambda: None)
    with pytest.raises(ReadError) as caught:
        legacy.convert_legacy(b"\xd0\xcf\x11\xe0", "doc")
    assert caught.value.code == "converter_missing"
    assert "LibreOffice" in caught.value.text("mn") and ".doc" in caught.value.text("en")


def test_an_old_file_that_is_no_report_is_refused(tmp_path):
    require_tool("soffice")
    # LibreOffice opens almost anything (as text): what comes out is then no report.
    with pytest.raises(ReadError) as caught:
        read_bytes(b"\xd0\xcf\x11\xe0 not really a document", source="x.xls")
    assert caught.value.code in ("convert_failed", "format_legacy", "no_table")


def test_text_typed_in_an_old_mongolian_font_is_read_in_the_letters_it_showed(seed):
    # "Arial Mon" drew Ө, ө, Ү, ү in the places of Є, є, Ї, ї.
    legacy = str.maketrans({"Ө": "Є", "ө": "є", "Ү": "Ї", "ү": "ї"})
    typed = SEED_FILE.read_text(encoding="utf-8").translate(legacy)
    assert "Хїрэх тївшин" in typed
    document = read_bytes(typed.encode("utf-8"), source="arial-mon.txt")
    same_measures(document, seed)
    assert document.organization == seed.organization
    (warning,) = [w for w in document.warnings if w.code == "legacy_font"]
    first = next(n for n, line in enumerate(typed.splitlines(), 1) if "Ї" in line or "Є" in line)
    assert first == 3  # the title's "ҮЙЛ", after two empty lines
    assert "Arial Mon" in warning.message and warning.params["row"] == str(first)
    assert not [w for w in seed.warnings if w.code == "legacy_font"]
