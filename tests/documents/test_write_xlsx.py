"""The XLSX writer: the official table with real numbers, a sheet of figures, hidden metadata.

Checked with openpyxl (merges, numbers and formats, panes, print setup, the second sheet against
scoring) and with an independent reader, LibreOffice, whose PDF is read back with pdftotext.
"""

from __future__ import annotations

import io
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from shudarga.documents.embedded import apply_metadata
from shudarga.documents.model import (
    MeasureEntry,
    ObjectiveEntry,
    ReportDocument,
    Rounding,
    Scale,
    ScaleLevel,
)
from shudarga.documents.readers import read_path
from shudarga.documents.scoring import level_key, score_document
from shudarga.documents.writers import write
from shudarga.documents.writers.common import COLUMNS, GROUP_HEADER, measure_cells, official_title
from shudarga.documents.writers.xlsx import write_xlsx
from tests.conftest import require_tool

SEED = Path(__file__).resolve().parents[2] / "shudarga/demo/khujirt-2024-anticorruption-report.txt"
FIRST_DATA_ROW = 5  # title, edition line, two header rows


@pytest.fixture(scope="module")
def seed() -> ReportDocument:
    return read_path(SEED)


@pytest.fixture(scope="module")
def seed_xlsx(seed: ReportDocument) -> bytes:
    return write_xlsx(seed)


@pytest.fixture(scope="module")
def book(seed_xlsx: bytes) -> Workbook:
    return load_workbook(io.BytesIO(seed_xlsx))


@pytest.fixture(scope="module")
def table(book: Workbook) -> Worksheet:
    return book["Биелэлт"]


def _open(doc: ReportDocument) -> Workbook:
    return load_workbook(io.BytesIO(write_xlsx(doc)))


def _merges(ws: Worksheet) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def _measure_row(ws: Worksheet, number: str) -> int:
    return next(r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, 1).value == number)


def _document(*measures: MeasureEntry, **fields) -> ReportDocument:
    """One objective with ``measures``, of Khujirt for 2024; ``fields`` override the rest."""
    return ReportDocument(
        organization="Хужирт сумын Засаг даргын Тамгын газар",
        year=2024,
        objectives=[ObjectiveEntry("1", "Ил тод байдлыг хангах", list(measures))],
        **fields,
    )


TENTHS = Scale(
    code="tenths",
    name="Аравны нэг",
    levels=(ScaleLevel(Decimal("100"), "Бүрэн", "Full"), ScaleLevel(Decimal("0"), "Үгүй", "No")),
    rounding=Rounding.TRUNCATE,
    decimals=1,
)


# --- the table sheet ---------------------------------------------------------------------


def test_the_sheets_are_the_table_the_figures_and_hidden_metadata(book: Workbook) -> None:
    assert book.sheetnames == ["Биелэлт", "Дүн", "shudarga"]
    assert [ws.sheet_state for ws in book.worksheets] == ["visible", "visible", "hidden"]
    assert book.active.title == "Биелэлт"


def test_the_title_is_merged_across_the_columns(table: Worksheet, seed: ReportDocument) -> None:
    assert table["A1"].value == official_title(seed)
    assert table["A1"].font.b
    assert "A1:G1" in _merges(table)


def test_the_header_has_the_seeds_merges_and_a_score_column(table: Worksheet) -> None:
    assert {"A3:A4", "B3:B4", "C3:F3", "G3:G4"} <= _merges(table)
    assert [table.cell(3, c).value for c in (1, 2, 3, 7)] == [
        COLUMNS[0],
        COLUMNS[1],
        GROUP_HEADER,
        "Үнэлгээ /хувь/",
    ]
    assert [table.cell(4, c).value for c in range(3, 7)] == list(COLUMNS[2:])
    assert all(table.cell(3, c).font.b for c in (1, 2, 3, 7))


def test_objectives_are_merged_bold_filled_rows(table: Worksheet, seed: ReportDocument) -> None:
    rows = [r for r in range(FIRST_DATA_ROW, table.max_row) if f"A{r}:G{r}" in _merges(table)]
    assert [table.cell(r, 1).value for r in rows] == [
        f"Зорилт {o.number}. {o.title}" for o in seed.objectives
    ]
    for r in rows:
        assert table.cell(r, 1).font.b
        assert table.cell(r, 1).fill.fgColor.rgb.endswith("F2F2F2")


def test_measure_rows_read_like_the_docx(table: Worksheet, seed: ReportDocument) -> None:
    for _, measure in seed.measures():
        row = _measure_row(table, measure.number)
        number, text, _, indicator, target, achieved = measure_cells(measure, seed.scale)
        assert [table.cell(row, c).value for c in (1, 2, 4, 5, 6)] == [
            number,
            text,
            indicator,
            target,
            achieved,
        ]
    assert table.cell(_measure_row(table, "4.2"), 6).value.splitlines()[-1] == "Үр дүнгүй-0%"


def test_money_and_scores_are_numbers_with_formats(table: Worksheet) -> None:
    spent = table.cell(_measure_row(table, "2.1"), 3)
    assert spent.value == 840 and spent.data_type == "n"
    assert spent.number_format == "#,##0.0"
    assert table.cell(_measure_row(table, "6.1"), 3).value == pytest.approx(0.4)
    assert table.cell(_measure_row(table, "1.1"), 3).value is None  # "-" is no money, not text
    score = table.cell(_measure_row(table, "1.1"), 7)
    assert score.value == 100 and score.data_type == "n" and score.number_format == "0"
    assert table.cell(_measure_row(table, "4.2"), 7).value == 0
    assert table.cell(_measure_row(table, "3.1"), 7).value is None  # not evaluated


def test_the_total_row_is_a_number_not_a_formula(table: Worksheet) -> None:
    last = table.max_row
    assert table.cell(last, 1).value == "НЭГДСЭН ДҮН: 86%"
    assert f"A{last}:F{last}" in _merges(table)
    total = table.cell(last, 7)
    assert total.value == 86 and total.data_type == "n" and total.number_format == "0"
    assert all(c.data_type != "f" for row in table.iter_rows() for c in row if c.value is not None)


def test_cells_wrap_at_the_top_and_the_text_stays_readable(table: Worksheet) -> None:
    row = _measure_row(table, "1.1")
    for column in range(1, 8):
        alignment = table.cell(row, column).alignment
        assert alignment.wrap_text and alignment.vertical == "top"
    widths = {c: table.column_dimensions[c].width for c in "ABCDEFG"}
    assert widths["F"] == max(widths.values()) and widths["A"] == min(widths.values())
    assert (
        table.row_dimensions[row].height > table.row_dimensions[_measure_row(table, "4.2")].height
    )


def test_panes_are_frozen_below_the_header_and_printing_is_set_up(table: Worksheet) -> None:
    assert table.freeze_panes == "A5"
    setup = table.page_setup
    assert setup.orientation == "landscape"
    assert int(setup.paperSize) == int(table.PAPERSIZE_A4) == 9
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert table.sheet_properties.pageSetUpPr.fitToPage
    assert table.print_title_rows.replace("$", "") == "3:4"  # both header rows repeat


# --- the figures sheet -------------------------------------------------------------------


def test_the_figures_sheet_equals_scoring(book: Workbook, seed: ReportDocument) -> None:
    ws = book["Дүн"]
    score = score_document(seed)
    assert [c.value for c in ws[3]] == [
        "Зорилт",
        "Нэр",
        "Арга хэмжээ",
        "Үнэлсэн",
        "ХБ",
        "Үнэлгээгүй",
        "Дүн /хувь/",
        "Үнэлгээгүй арга хэмжээ",
    ]
    lines = [(o, r.result) for o, r in zip(seed.objectives, score.objectives, strict=True)]
    for row, (objective, result) in enumerate(lines, start=4):
        values = [c.value for c in ws[row]]
        assert values[:6] == [
            objective.number,
            objective.title,
            len(objective.measures),
            result.count,
            len(result.not_due),
            len(result.unscored),
        ]
        expected = None if result.display is None else Decimal(result.display)
        assert (None if values[6] is None else Decimal(str(values[6]))) == expected
        assert (values[7] or "") == ", ".join(result.unscored)
    total = [c.value for c in ws[4 + len(lines)]]
    assert total[1:8] == ["НЭГДСЭН ДҮН", 11, 7, 0, 4, 86, "3.1, 4.1, 5.1, 6.1"]


def test_the_figures_sheet_shows_the_distribution_over_levels(
    book: Workbook, seed: ReportDocument
) -> None:
    ws = book["Дүн"]
    total = score_document(seed).total
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Оноо")
    assert [ws.cell(header, c).value for c in range(1, 6)] == [
        "Оноо",
        "Түвшин",
        "Level",
        "Тоо",
        "Хувь /%/",
    ]
    for row, level in enumerate(seed.scale.levels, start=header + 1):
        key = level_key(level.score)
        assert [ws.cell(row, c).value for c in range(1, 5)] == [
            level.score,
            level.label_mn,
            level.label_en,
            total.counts[key],
        ]
        assert Decimal(str(ws.cell(row, 5).value)) == total.shares[key]
        assert ws.cell(row, 5).number_format == "0.0"
    after = header + len(seed.scale.levels)
    assert [ws.cell(after + 1, 4).value, ws.cell(after + 2, 4).value] == [0, 4]  # ХБ, unscored


# --- metadata and properties -------------------------------------------------------------


def test_the_metadata_is_in_a_hidden_sheet_and_the_description(
    book: Workbook, seed: ReportDocument
) -> None:
    text = book["shudarga"]["A1"].value
    assert text == book.properties.description
    restored = apply_metadata(ReportDocument(), text)
    assert restored.scale == seed.scale
    assert (restored.year, restored.period) == (seed.year, seed.period)
    assert book.properties.title == official_title(seed)


def test_the_same_document_gives_the_same_bytes(seed: ReportDocument, seed_xlsx: bytes) -> None:
    assert write_xlsx(seed) == seed_xlsx
    assert write(seed, "xlsx") == seed_xlsx
    assert load_workbook(io.BytesIO(seed_xlsx)).properties.modified.year == 2024


# --- small documents ---------------------------------------------------------------------


def test_a_not_due_measure_shows_the_mark_and_is_left_out() -> None:
    doc = _document(
        MeasureEntry("1.1", "Сургалт", not_due=True),
        MeasureEntry("1.2", "Мэдээлэл", achieved="Байршуулсан", score=Decimal(70)),
    )
    ws = _open(doc)["Биелэлт"]
    assert ws.cell(_measure_row(ws, "1.1"), 7).value == "ХБ"
    assert ws.cell(_measure_row(ws, "1.1"), 6).value == "ХБ"
    assert ws.cell(ws.max_row, 7).value == 70


def test_a_truncating_one_decimal_scale_keeps_its_decimal() -> None:
    doc = _document(
        MeasureEntry("1.1", "А", score=Decimal("100")),
        MeasureEntry("1.2", "Б", score=Decimal("81.1")),  # mean 90.55: cut to 90.5, not 90.6
        scale=TENTHS,
    )
    book = _open(doc)
    ws = book["Биелэлт"]
    total = ws.cell(ws.max_row, 7)
    assert total.value == pytest.approx(90.5) and total.number_format == "0.0"
    assert ws.cell(ws.max_row, 1).value == "НЭГДСЭН ДҮН: 90.5%"
    assert ws.cell(_measure_row(ws, "1.2"), 7).number_format == "0.0"
    assert book["Дүн"].cell(4, 7).value == pytest.approx(90.5)


def test_an_empty_objective_and_no_scores_leave_empty_cells() -> None:
    doc = _document(MeasureEntry("1.1", "А"))
    doc.objectives.append(ObjectiveEntry("2", "Хоосон зорилт"))
    book = _open(doc)
    ws = book["Биелэлт"]
    assert [ws.cell(r, 1).value for r in range(FIRST_DATA_ROW, ws.max_row + 1)] == [
        "Зорилт 1. Ил тод байдлыг хангах",
        "1.1",
        "Зорилт 2. Хоосон зорилт",
        "НЭГДСЭН ДҮН: —",
    ]
    assert ws.cell(ws.max_row, 7).value is None
    figures = book["Дүн"]
    assert [c.value for c in figures[5]][:7] == ["2", "Хоосон зорилт", 0, 0, 0, 0, None]


def test_text_is_never_markup_or_a_formula() -> None:
    doc = _document(
        MeasureEntry(
            "1.1",
            '=HYPERLINK("http://example.com","x")',
            achieved='<script>alert("x")</script>\nХоёр дахь\x0b мөр',
            score=Decimal(100),
            rating="Үр дүнтэй",
        )
    )
    ws = _open(doc)["Биелэлт"]
    row = _measure_row(ws, "1.1")
    assert ws.cell(row, 2).value == '=HYPERLINK("http://example.com","x")'
    assert ws.cell(row, 2).data_type == "s"
    assert ws.cell(row, 6).value.split("\n") == [
        '<script>alert("x")</script>',
        "Хоёр дахь мөр",
        "Үр дүнтэй-100%",
    ]


# --- an independent reader: LibreOffice to PDF, pdftotext --------------------------------


@pytest.fixture(scope="module")
def seed_pdf_text(seed_xlsx: bytes, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    soffice, pdftotext = require_tool("soffice"), require_tool("pdftotext")
    outdir = tmp_path_factory.mktemp("xlsx-pdf")
    source = outdir / "khujirt-2024.xlsx"
    source.write_bytes(seed_xlsx)
    profile = (outdir / "lo-profile").as_uri()
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), str(source)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    pdf = outdir / "khujirt-2024.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stdout + done.stderr
    return {
        mode: subprocess.run(
            [pdftotext, mode, str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for mode in ("-layout", "-raw")
    }


def test_libreoffice_reads_the_title_letters_and_total(seed_pdf_text: dict[str, str]) -> None:
    layout = seed_pdf_text["-layout"]
    for word in ("ХУЖИРТ", "ЗАСАГ", "ТӨЛӨВЛӨГӨӨНИЙ", "БИЕЛЭЛТ", "Үр дүнгийн үзүүлэлт"):
        assert word in layout
    assert "Үр дүнтэй-100%" in layout
    assert "НЭГДСЭН ДҮН: 86%" in layout
    assert "840.0" in layout or "840,0" in layout  # the number format, in the locale's comma


def test_libreoffice_reads_the_measure_texts_and_figures(seed_pdf_text: dict[str, str]) -> None:
    raw = re.sub(r"\s+", " ", seed_pdf_text["-raw"])
    assert "мэдээлэн сурталчилах мэдээллийн самбар ажиллуулах." in raw
    assert "Үнэлгээ /хувь/" in raw  # the score column's header, wrapped in a narrow column
    assert "Бүрэн хэрэгжсэн" in raw and "85.7" in raw  # the second sheet is printed too
