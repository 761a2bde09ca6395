"""The Excel reader on workbooks built with openpyxl."""

from __future__ import annotations

import datetime
from decimal import Decimal

import openpyxl
import pytest

from shudarga.documents.embedded import metadata_text
from shudarga.documents.errors import ReadError
from shudarga.documents.model import Period, ReportDocument, Scale, ScaleLevel
from shudarga.documents.readers import detect_format, read_bytes
from shudarga.documents.readers.xlsx import number_text, read_xlsx
from tests.documents.reader_fixtures import TITLE, official_xlsx, save_xlsx


def measure(doc: ReportDocument, number: str):
    return next(m for _, m in doc.measures() if m.number == number)


def test_it_is_told_an_excel_file_by_its_content():
    assert detect_format(save_xlsx(official_xlsx())) == "xlsx"


def test_it_reads_the_official_layout_with_merged_ranges():
    doc = read_bytes(save_xlsx(official_xlsx()), source="b.xlsx")
    assert (doc.title, doc.year, doc.source) == (TITLE, 2024, "b.xlsx")
    assert [(o.number, [m.number for m in o.measures]) for o in doc.objectives] == [
        ("1", ["1.1", "1.2"]),
        ("2", ["2.1"]),
    ]
    m = measure(doc, "1.1")
    assert m.achieved == "Шторкийг 315 иргэн үзсэн.\nБас 41 иргэн үзсэн."
    assert (m.score, m.rating) == (Decimal(100), "Үр дүнтэй")
    assert measure(doc, "2.1").not_due is True
    assert doc.stated_total == Decimal(50)
    assert doc.warnings == []


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (840, "0.0", "840.0"),
        (840.0, "General", "840.0"),
        (0.4, "General", "0.4"),
        (0.1 + 0.2, "General", "0.3"),
        (1200.75, "#,##0.0", "1200.75"),
        (0.1 + 0.2, "0.0", "0.3"),
        (1e-05, "General", "0.00001"),
        (5000, "#,##0.0", "5000.0"),
        (0.86, "0%", "86%"),
        (0.865, "0.0%", "86.5%"),
        (Decimal("52.30"), "General", "52.30"),
        (12, "General", "12"),
        (float("nan"), "General", ""),
    ],
)
def test_it_writes_numbers_as_excel_shows_them_without_float_noise(value, number_format, text):
    assert number_text(value, number_format) == text


def test_it_reads_money_and_scores_stored_as_numbers():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Д/д", "Хэрэгжүүлэх арга хэмжээ", "Зарцуулсан хөрөнгө", "Хүрсэн түвшин", "Хувь"])
    sheet.append(["Зорилт 1. Нэг"])
    sheet.append([1.1, "Ажил хийх", 840, "Хийсэн.", 0.7])
    sheet.append([1.2, "Өөр ажил", 0.4, "Хийсэн.", 1])
    sheet["C3"].number_format = "0.0"
    sheet["E3"].number_format = "0%"
    sheet["E4"].number_format = "0%"
    doc = read_xlsx(save_xlsx(workbook))
    assert [(m.number, m.spent, m.score) for _, m in doc.measures()] == [
        ("1.1", Decimal("840.0"), Decimal(70)),
        ("1.2", Decimal("0.4"), Decimal(100)),
    ]


def test_it_reads_dates_of_a_plan_as_iso_dates():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["д/д", "Хэрэгжүүлэх арга хэмжээ", "Хугацаа", "Хариуцах нэгж", "Төсөв"])
    sheet.append(["1.1", "Сургалт хийх", datetime.datetime(2024, 3, 31), "Хэлтэс", 1200.5])
    doc = read_xlsx(save_xlsx(workbook))
    m = measure(doc, "1.1")
    assert (m.deadline, m.responsible_unit, m.planned_budget) == (
        "2024-03-31",
        "Хэлтэс",
        Decimal("1200.5"),
    )


def test_it_reads_the_first_sheet_that_holds_a_report_table():
    workbook = official_xlsx()
    cover = workbook.create_sheet("Нүүр", 0)
    cover.append(["Тайлангийн нүүр хуудас"])
    cover.append(["Хянасан: Д.Дорж"])
    doc = read_xlsx(save_xlsx(workbook))
    assert doc.title == TITLE
    assert doc.measure_count == 3


def test_it_reads_a_merged_objective_column():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Үйл ажиллагааны зорилт", "Хэрэгжүүлэх арга хэмжээ", "Биелэлт", "Оноо"])
    sheet.append(["Ил тод байдал", "1.1 Мэдээлэл байршуулах", "Байршуулсан.", 100])
    sheet.append([None, "1.2 Самбар шинэчлэх", "Шинэчилсэн.", 70])
    sheet.append(["Хяналт", "2.1 Шалгалт хийх", "Хийсэн.", 30])
    sheet.merge_cells("A2:A3")
    doc = read_xlsx(save_xlsx(workbook))
    assert [(o.title, [m.number for m in o.measures]) for o in doc.objectives] == [
        ("Ил тод байдал", ["1.1", "1.2"]),
        ("Хяналт", ["2.1"]),
    ]
    assert measure(doc, "1.2").score == Decimal(70)


def test_it_leaves_a_formula_without_a_saved_result_empty():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["№", "Хэрэгжүүлэх ажлууд", "Биелэлт", "Хувь"])
    sheet.append(["1", "Журам батлах", "Батлав.", "=50+50"])
    doc = read_xlsx(save_xlsx(workbook))
    # openpyxl saves no calculated value; Excel would. Without one there is no score, no guess.
    assert measure(doc, "1").score is None


def test_it_ignores_empty_formatted_cells_far_beyond_any_report():
    workbook = official_xlsx()
    workbook.active.cell(row=1_000_000, column=1).number_format = "0.0"
    workbook.active.cell(row=5, column=16_000).number_format = "0%"
    doc = read_xlsx(save_xlsx(workbook))
    assert doc.measure_count == 3


@pytest.mark.parametrize(("row", "column"), [(1_000_000, 1), (5, 16_000)])
def test_it_refuses_text_beyond_the_sheet_bounds_instead_of_dropping_it(row, column):
    workbook = official_xlsx()
    workbook.active.cell(row=row, column=column, value="Хуудас 1")
    with pytest.raises(ReadError) as caught:
        read_xlsx(save_xlsx(workbook))
    assert caught.value.code == "sheet_too_large"
    assert "хэт том" in caught.value.text("mn")


def _scale() -> Scale:
    return Scale(
        code="iaac-5",
        name="Таван түвшин",
        levels=(ScaleLevel(Decimal(100), "Бүрэн", "Full"),),
        not_due_mark="Х/Б",
    )


def test_it_applies_metadata_from_the_hidden_sheet():
    workbook = official_xlsx()
    hidden = workbook.create_sheet("shudarga")
    hidden["A1"] = metadata_text(ReportDocument(year=2024, period=Period.HALF_YEAR, scale=_scale()))
    hidden.sheet_state = "hidden"
    doc = read_xlsx(save_xlsx(workbook))
    assert (doc.scale, doc.period) == (_scale(), Period.HALF_YEAR)


def test_it_applies_metadata_from_the_workbook_description():
    workbook = official_xlsx()
    workbook.properties.description = metadata_text(ReportDocument(scale=_scale()))
    assert read_xlsx(save_xlsx(workbook)).scale == _scale()


def test_it_refuses_a_workbook_without_a_report_table():
    workbook = openpyxl.Workbook()
    workbook.active.append(["Нэр", "Утас"])
    workbook.active.append(["Дорж", "99112233"])
    with pytest.raises(ReadError) as caught:
        read_xlsx(save_xlsx(workbook))
    assert caught.value.code == "no_table"
