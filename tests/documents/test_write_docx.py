"""The DOCX writer: the official table as organizations sign and send it.

Checked twice: with python-docx (structure: page, merges, repeated headers, fonts, cells) and
with an independent reader, LibreOffice, whose PDF is read back with pdftotext.
"""

from __future__ import annotations

import io
import re
import subprocess
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

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
from shudarga.documents.writers import write
from shudarga.documents.writers.common import COLUMNS, GROUP_HEADER, measure_cells, official_title
from shudarga.documents.writers.docx import COLUMN_MM, MARGINS, write_docx
from tests.conftest import require_tool

SEED = Path(__file__).resolve().parents[2] / "shudarga/demo/khujirt-2024-anticorruption-report.txt"
W_FONTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@pytest.fixture(scope="module")
def seed() -> ReportDocument:
    return read_path(SEED)


@pytest.fixture(scope="module")
def seed_docx(seed: ReportDocument) -> bytes:
    return write_docx(seed)


@pytest.fixture(scope="module")
def word(seed_docx: bytes) -> DocxDocument:
    return Document(io.BytesIO(seed_docx))


def _open(doc: ReportDocument) -> DocxDocument:
    return Document(io.BytesIO(write_docx(doc)))


def _rows(word: DocxDocument):
    return word.tables[0].rows


def _row_by_number(word: DocxDocument, number: str):
    return next(r for r in _rows(word)[2:] if r.cells[0].text == number)


def _tr_flags(row) -> set[str]:
    tr_pr = row._tr.trPr
    return set() if tr_pr is None else {child.tag for child in tr_pr}


def _span(cell) -> int:
    tc_pr = cell._tc.tcPr
    grid_span = None if tc_pr is None else tc_pr.find(qn("w:gridSpan"))
    return 1 if grid_span is None else int(grid_span.get(qn("w:val")))


def _vmerge(tc) -> str | None:
    tc_pr = tc.tcPr
    v_merge = None if tc_pr is None else tc_pr.find(qn("w:vMerge"))
    return None if v_merge is None else (v_merge.get(qn("w:val")) or "continue")


def _document(*measures: MeasureEntry, **fields) -> ReportDocument:
    """One objective with ``measures``, of Khujirt for 2024; ``fields`` override the rest."""
    return ReportDocument(
        organization="Хужирт сумын Засаг даргын Тамгын газар",
        year=2024,
        objectives=[ObjectiveEntry("1", "Ил тод байдлыг хангах", list(measures))],
        **fields,
    )


# --- page and title ------------------------------------------------------------------------


def test_it_lays_out_a4_landscape_with_margins(word: DocxDocument) -> None:
    section = word.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert Mm(10) <= section.left_margin <= Mm(25)
    assert Mm(10) <= section.top_margin <= Mm(25)


def test_it_centres_the_title_in_bold_capitals(word: DocxDocument, seed: ReportDocument) -> None:
    title = word.paragraphs[0]
    assert title.text == official_title(seed)
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(run.bold and run.font.all_caps for run in title.runs)


def test_it_keeps_a_mixed_case_title_as_written_and_shows_it_in_capitals() -> None:
    doc = _document(title="Хужирт сумын 2024 оны биелэлт")
    title = _open(doc).paragraphs[0]
    # An annual report's title stays as written; a half-year's gets its period, in its case.
    assert title.text == "Хужирт сумын 2024 оны биелэлт"
    assert title.runs[0].font.all_caps
    import dataclasses

    from shudarga.documents.model import Period

    half = _open(dataclasses.replace(doc, period=Period.HALF_YEAR)).paragraphs[0]
    assert half.text == "Хужирт сумын 2024 оны хагас жилийн биелэлт"


def test_it_builds_the_standard_title_when_the_document_has_none() -> None:
    word = _open(_document())
    assert word.paragraphs[0].text == (
        "ХУЖИРТ СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГААНЫ "
        "2024 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ЖИЛИЙН ЭЦСИЙН БИЕЛЭЛТ"
    )
    assert word.core_properties.title == word.paragraphs[0].text
    assert word.paragraphs[1].text == "Нийтлэгдээгүй хувилбар"


# --- header rows -------------------------------------------------------------------------


def test_it_merges_the_header_like_the_seed(word: DocxDocument) -> None:
    first, second = _rows(word)[0], _rows(word)[1]
    tcs_first, tcs_second = first._tr.tc_lst, second._tr.tc_lst
    assert len(tcs_first) == 3  # Д/д, measure, the group header spanning four columns
    assert [_vmerge(tc) for tc in tcs_first] == ["restart", "restart", None]
    assert [_vmerge(tc) for tc in tcs_second[:2]] == ["continue", "continue"]
    assert _span(first.cells[2]) == 4
    assert [c.text for c in first.cells] == [COLUMNS[0], COLUMNS[1], *[GROUP_HEADER] * 4]
    assert [c.text for c in second.cells[2:]] == list(COLUMNS[2:])


def test_it_repeats_both_header_rows_on_every_page(word: DocxDocument) -> None:
    for row in _rows(word)[:2]:
        assert qn("w:tblHeader") in _tr_flags(row)
    assert all(qn("w:tblHeader") not in _tr_flags(row) for row in _rows(word)[2:])


def test_the_header_is_bold_and_centred(word: DocxDocument) -> None:
    for cell in _rows(word)[1].cells[2:]:
        paragraph = cell.paragraphs[0]
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert all(run.bold for run in paragraph.runs)


# --- objectives and measures --------------------------------------------------------------


def test_each_objective_is_a_full_width_bold_row(word: DocxDocument, seed: ReportDocument) -> None:
    objective_rows = [r for r in _rows(word)[2:] if len(r._tr.tc_lst) == 1]
    assert [r.cells[0].text for r in objective_rows] == [
        f"Зорилт {o.number}. {o.title}" for o in seed.objectives
    ]
    for row in objective_rows:
        assert _span(row.cells[0]) == len(COLUMNS)
        assert all(run.bold for run in row.cells[0].paragraphs[0].runs)


def test_it_writes_one_row_per_measure_cell_by_cell(
    word: DocxDocument, seed: ReportDocument
) -> None:
    rows = [r for r in _rows(word)[2:] if len(r._tr.tc_lst) == len(COLUMNS)]
    assert len(rows) == seed.measure_count == 11
    for row, (_, measure) in zip(rows, seed.measures(), strict=True):
        expected = measure_cells(measure, seed.scale)
        assert tuple(c.text for c in row.cells) == expected
        # each "\n" of a cell text is a paragraph of its own
        assert [[p.text for p in c.paragraphs] for c in row.cells] == [
            t.split("\n") for t in expected
        ]


def test_the_achieved_cell_ends_with_the_rating_paragraph(word: DocxDocument) -> None:
    expected = {"1.1": "Үр дүнтэй-100%", "4.2": "Үр дүнгүй-0%", "6.2": "Үр дүнд хүрсэн-100%"}
    for number, rating in expected.items():
        last = _row_by_number(word, number).cells[5].paragraphs[-1]
        assert last.text == rating
        assert last.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    unscored = _row_by_number(word, "3.1").cells[5].paragraphs[-1]
    assert unscored.text.endswith("166 ашиг сонирхлын мэдүүлэг бөглөгдсөн.")
    assert unscored.alignment is None


def test_short_rows_stay_whole_and_long_rows_may_break(word: DocxDocument) -> None:
    assert qn("w:cantSplit") in _tr_flags(_row_by_number(word, "4.2"))  # one line of text
    assert qn("w:cantSplit") not in _tr_flags(_row_by_number(word, "1.1"))  # three paragraphs
    assert qn("w:cantSplit") not in _tr_flags(_row_by_number(word, "4.1"))
    for row in _rows(word)[:2]:
        assert qn("w:cantSplit") in _tr_flags(row)


def test_the_money_column_shows_amounts_as_written(word: DocxDocument) -> None:
    assert _row_by_number(word, "2.1").cells[2].text == "840,0"
    assert _row_by_number(word, "6.1").cells[2].text == "0,4"
    assert _row_by_number(word, "1.1").cells[2].text == "-"


# --- widths, borders, fonts --------------------------------------------------------------


def test_the_columns_fill_the_landscape_page(word: DocxDocument) -> None:
    section = word.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    grid = [Mm(mm) for mm in COLUMN_MM]
    widths = [col.w for col in word.tables[0]._tbl.tblGrid.gridCol_lst]
    assert widths == [g.twips * 635 for g in grid]  # gridCol is stored in twips
    assert abs(sum(widths) - usable) <= Mm(1)
    number, measure, money, indicator, target, achieved = COLUMN_MM
    assert number < money < target < indicator < measure < achieved
    assert achieved == max(COLUMN_MM) and number == min(COLUMN_MM)
    assert sum(MARGINS.values()) > 0


def test_the_table_has_borders_and_a_fixed_layout(word: DocxDocument) -> None:
    tbl_pr = word.tables[0]._tbl.tblPr
    borders = tbl_pr.find(qn("w:tblBorders"))
    edges = {child.tag.split("}")[1]: child.get(qn("w:val")) for child in borders}
    assert edges == dict.fromkeys(
        ("top", "left", "bottom", "right", "insideH", "insideV"), "single"
    )
    assert tbl_pr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_times_new_roman_covers_every_script(word: DocxDocument) -> None:
    defaults = word.styles.element.find(qn("w:docDefaults"))
    normal = word.styles["Normal"].element
    run = _row_by_number(word, "1.1").cells[5].paragraphs[0].runs[0]
    for owner in (defaults, normal, run._r):
        rfonts = owner.find(".//" + qn("w:rFonts"))
        assert {rfonts.get(qn(a)) for a in W_FONTS} == {"Times New Roman"}
        assert all(rfonts.get(qn(a)) is None for a in THEME_FONTS)
    assert word.styles["Normal"].font.size.pt in (10, 11)
    assert run.font.size.pt in (10, 11)


# --- after the table, properties ----------------------------------------------------------


def test_the_total_line_follows_the_table_in_bold(word: DocxDocument) -> None:
    body = list(word.element.body.iterchildren())
    table_at = body.index(word.tables[0]._tbl)
    total = word.paragraphs[-1]
    assert body.index(total._p) > table_at
    assert total.text == "НЭГДСЭН ДҮН: 86%"
    assert all(run.bold for run in total.runs)


def test_it_embeds_the_metadata_in_the_comments(word: DocxDocument, seed: ReportDocument) -> None:
    comments = word.core_properties.comments
    assert len(comments) > 255  # longer than python-docx allows through its setter
    restored = apply_metadata(ReportDocument(), comments)
    assert restored.scale == seed.scale
    assert (restored.year, restored.period, restored.organization) == (
        seed.year,
        seed.period,
        seed.organization,
    )
    assert word.core_properties.title == official_title(seed)


def test_the_same_document_gives_the_same_bytes(seed: ReportDocument, seed_docx: bytes) -> None:
    assert write_docx(seed) == seed_docx
    with zipfile.ZipFile(io.BytesIO(seed_docx)) as package:
        assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in package.namelist()  # the template's blank page
    assert write(seed, "docx") == seed_docx
    assert Document(io.BytesIO(seed_docx)).core_properties.created.year == 2024


# --- small documents ---------------------------------------------------------------------


def test_a_not_due_measure_ends_with_the_scales_mark() -> None:
    doc = _document(
        MeasureEntry("1.1", "Сургалт зохион байгуулах", not_due=True),
        MeasureEntry("1.2", "Мэдээлэл байршуулах", achieved="Байршуулсан", score=Decimal(70)),
    )
    word = _open(doc)
    achieved = _row_by_number(word, "1.1").cells[5]
    assert [p.text for p in achieved.paragraphs] == ["ХБ"]
    assert word.paragraphs[-1].text == "НЭГДСЭН ДҮН: 70%"


def test_a_truncating_one_decimal_scale_shows_its_total() -> None:
    scale = Scale(
        code="tenths",
        name="Аравны нэг",
        levels=(ScaleLevel(Decimal("100"), "Бүрэн", "Full"),),
        rounding=Rounding.TRUNCATE,
        decimals=1,
    )
    doc = _document(
        MeasureEntry("1.1", "А", score=Decimal("100")),
        MeasureEntry("1.2", "Б", score=Decimal("81.1")),  # mean 90.55 -> 90.5
        scale=scale,
    )
    word = _open(doc)
    assert word.paragraphs[-1].text == "НЭГДСЭН ДҮН: 90.5%"
    assert apply_metadata(ReportDocument(), word.core_properties.comments).scale == scale


def test_an_empty_objective_is_a_row_of_its_own() -> None:
    doc = _document(MeasureEntry("1.1", "А", score=Decimal(100)))
    doc.objectives.append(ObjectiveEntry("2", "Хоосон зорилт"))
    rows = _rows(_open(doc))
    assert [r.cells[0].text for r in rows[2:]] == [
        "Зорилт 1. Ил тод байдлыг хангах",
        "1.1",
        "Зорилт 2. Хоосон зорилт",
    ]


def test_a_document_without_objectives_still_has_its_header_and_total() -> None:
    word = _open(ReportDocument(title="Тайлан"))
    assert len(_rows(word)) == 2
    assert word.paragraphs[-1].text == "НЭГДСЭН ДҮН: —"


def test_markup_is_text_and_newlines_are_paragraphs() -> None:
    doc = _document(
        MeasureEntry(
            "1.1",
            '<script>alert("x")</script> мэдээлэл',
            achieved="Эхний догол мөр\nХоёр дахь\x0b мөр\x00",
            score=Decimal(100),
            rating="Үр дүнтэй",
        )
    )
    row = _row_by_number(_open(doc), "1.1")
    assert row.cells[1].text == '<script>alert("x")</script> мэдээлэл'
    assert [p.text for p in row.cells[5].paragraphs] == [
        "Эхний догол мөр",
        "Хоёр дахь мөр",  # characters XML cannot hold are dropped
        "Үр дүнтэй-100%",
    ]


# --- an independent reader: LibreOffice to PDF, pdftotext --------------------------------


def _to_pdf(source: Path, outdir: Path) -> tuple[Path, float]:
    soffice = require_tool("soffice")
    profile = (outdir / "lo-profile").as_uri()
    started = time.monotonic()
    done = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), str(source)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    pdf = outdir / f"{source.stem}.pdf"
    assert done.returncode == 0 and pdf.is_file(), done.stdout + done.stderr
    return pdf, time.monotonic() - started


@pytest.fixture(scope="module")
def seed_pdf_text(seed_docx: bytes, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    pdftotext = require_tool("pdftotext")
    outdir = tmp_path_factory.mktemp("docx-pdf")
    source = outdir / "khujirt-2024.docx"
    source.write_bytes(seed_docx)
    pdf, _ = _to_pdf(source, outdir)
    text = {}
    for mode in ("-layout", "-raw"):
        done = subprocess.run(
            [pdftotext, mode, str(pdf), "-"], capture_output=True, text=True, check=True
        )
        text[mode] = done.stdout
    return text


def test_libreoffice_reads_the_title_and_the_mongolian_letters(
    seed_pdf_text: dict[str, str],
) -> None:
    layout = seed_pdf_text["-layout"]
    for word in ("ХУЖИРТ", "ЗАСАГ", "ТӨЛӨВЛӨГӨӨНИЙ", "БИЕЛЭЛТ", "Үр дүнгийн үзүүлэлт"):
        assert word in layout
    assert "Үр дүнтэй-100%" in layout and "Үр дүнгүй-0%" in layout
    assert "НЭГДСЭН ДҮН: 86%" in layout


def test_libreoffice_reads_the_measure_texts(seed_pdf_text: dict[str, str]) -> None:
    # a cell wraps differently with other fonts, so words are matched across line breaks
    raw = re.sub(r"\s+", " ", seed_pdf_text["-raw"])
    assert "мэдээлэн сурталчилах мэдээллийн самбар ажиллуулах." in raw
    assert "нийт 166 ашиг сонирхлын мэдүүлэг бөглөгдсөн." in raw
    assert "840,0" in seed_pdf_text["-layout"]
