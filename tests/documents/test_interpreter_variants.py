"""The shared table interpreter on the variants of REAL-REPORTS.md, with rows built in code.

Each test names one behaviour; the rows are what a Word, Excel or web-page reader hands over
(merged cells give their text once and blank cells after it).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from shudarga.documents.errors import ReadError
from shudarga.documents.model import ReportDocument
from shudarga.documents.readers import read_bytes
from shudarga.documents.readers.table import document_from_rows, survey_rows
from tests.documents.reader_fixtures import grid_docx, grid_html, grid_xlsx

TITLE = ["А СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН АВЛИГЫН ЭСРЭГ 2023 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ"]
OFFICIAL = [
    ["Д/д", "Хэрэгжүүлэх арга хэмжээ", "Үр дүнгийн үзүүлэлт", "", "", ""],
    [
        "",
        "",
        "Зарцуулсан хөрөнгө /мян.төг/",
        "Шалгуур үзүүлэлт",
        "Хүрэх түвшин",
        "Хүрсэн түвшин буюу хэрэгжилт /Хүрээгүй бол тайлбар/",
    ],
]


def read(*rows: list[str]) -> ReportDocument:
    return document_from_rows([list(r) for r in rows], source="rows")


def measures(doc: ReportDocument) -> dict[str, object]:
    return {m.number: m for _, m in doc.measures()}


def codes(doc: ReportDocument) -> list[str]:
    return [w.code for w in doc.warnings]


# -- headers ---------------------------------------------------------------------------------


def test_it_reads_a_national_agency_report_with_an_objective_column_and_points():
    doc = read(
        TITLE,
        ["Үйл ажиллагааны зорилт", "Хэрэгжүүлэх арга хэмжээ", "Шалгуур", "Биелэлт", "Оноо"],
        ["Ил тод байдлыг хангах", "1.1 Мэдээлэл байршуулах", "Тоо", "Байршуулсан.", "100"],
        ["", "1.2 Сургалт хийх", "Тоо", "Хийгээгүй.", "0"],
        ["Хяналтыг сайжруулах", "2.1 Шалгалт хийх", "Тоо", "Хийсэн.", "70"],
    )
    assert [(o.number, o.title, [m.number for m in o.measures]) for o in doc.objectives] == [
        ("1", "Ил тод байдлыг хангах", ["1.1", "1.2"]),
        ("2", "Хяналтыг сайжруулах", ["2.1"]),
    ]
    m = measures(doc)
    assert (m["1.1"].text, m["1.1"].indicator, m["1.1"].achieved, m["1.1"].score) == (
        "Мэдээлэл байршуулах",
        "Тоо",
        "Байршуулсан.",
        Decimal(100),
    )
    assert m["2.1"].score == Decimal(70)


def test_it_reads_a_city_department_report_with_a_percent_column():
    doc = read(
        ["№", "Хэрэгжүүлэх ажлууд", "Биелэлт", "Хувь"],
        ["1", "Журам батлах", "Батлав.", "100%"],
        ["2", "Сургалт хийх", "Хийгээгүй.", "0 %"],
    )
    m = measures(doc)
    assert (m["1"].text, m["1"].achieved, m["1"].score) == ("Журам батлах", "Батлав.", Decimal(100))
    assert m["2"].score == Decimal(0)


def test_it_joins_two_achieved_columns_as_paragraphs_and_reads_hereegjilt_huvi():
    doc = read(
        [
            "Үйл ажиллагааны үндсэн чиглэл",
            "Хэрэгжүүлэх арга хэмжээ",
            "Биелэлт",
            "Хүрсэн үр дүн",
            "Хэрэгжилт /хувь/",
        ],
        ["Урьдчилан сэргийлэх", "1.1. Зөвлөгөө өгөх", "Өгсөн.", "30 хүн хамрагдсан.", "70"],
    )
    m = measures(doc)["1.1"]
    assert (m.text, m.achieved, m.score) == (
        "Зөвлөгөө өгөх",
        "Өгсөн.\n30 хүн хамрагдсан.",
        Decimal(70),
    )


@pytest.mark.parametrize(
    ("indicator_header", "target_header", "achieved_header"),
    [
        ("Шалгуур", "Хүрэх түвшин", "Хүрсэн түвшин"),
        ("Шалгуур үзүүлэлт", "Хүрэх үр дүн", "Хүрсэн үр дүн"),
        ("Гүйцэтгэлийн шалгуур үзүүлэлт", "Хүрэх түвшин", "Биелэлт"),
    ],
)
def test_it_reads_the_wordings_of_the_indicator_target_and_achieved_headers(
    indicator_header, target_header, achieved_header
):
    doc = read(
        [
            "Д/д",
            "Хэрэгжүүлэх арга хэмжээ",
            "Зарцуулсан хөрөнгө",
            indicator_header,
            target_header,
            achieved_header,
        ],
        ["Зорилт 1. Нэг", "", "", "", "", ""],
        ["1.1", "Ажил хийх", "840,0", "Тоо", "5", "Хийсэн. Үр дүнтэй-100%"],
    )
    m = measures(doc)["1.1"]
    assert (m.spent, m.indicator, m.target, m.achieved, m.score) == (
        Decimal("840.0"),
        "Тоо",
        "5",
        "Хийсэн.",
        Decimal(100),
    )


def test_it_reads_a_header_flattened_on_one_line():
    doc = read(
        TITLE,
        [
            "Д/д Хэрэгжүүлэх арга хэмжээ Зарцуулсан хөрөнгө /мян.төг/ Шалгуур үзүүлэлт Хүрэх түвшин "
            "Хүрсэн түвшин буюу хэрэгжилт"
        ],
        ["Зорилт 1. Нэг"],
        ["1.1", "Ажил хийх", "-", "Тоо", "5", "Хийсэн. Үр дүнтэй-100%"],
    )
    assert doc.title == TITLE[0]
    m = measures(doc)["1.1"]
    assert (m.indicator, m.target, m.achieved, m.score) == ("Тоо", "5", "Хийсэн.", Decimal(100))


def test_it_does_not_shift_columns_when_the_group_header_is_flattened_into_the_header_row():
    doc = read(
        [
            "Д/д",
            "Хэрэгжүүлэх арга хэмжээ",
            "Үр дүнгийн үзүүлэлт",
            "Зарцуулсан хөрөнгө",
            "Шалгуур үзүүлэлт",
            "Хүрэх түвшин",
            "Хүрсэн түвшин",
        ],
        ["Зорилт 1. Нэг", "", "", "", "", ""],
        ["1.1", "Ажил хийх", "10", "Тоо", "5", "Хийсэн."],
    )
    m = measures(doc)["1.1"]
    assert (m.spent, m.indicator, m.target, m.achieved) == (Decimal(10), "Тоо", "5", "Хийсэн.")


@pytest.mark.parametrize("numbers", [["1", "2", "3", "4", "5", "6"], ["1 2 3 4 5 6"]])
def test_it_skips_the_row_of_column_numbers_under_the_header(numbers):
    doc = read(
        *OFFICIAL, numbers, ["Зорилт 1. Нэг"], ["1.1", "Ажил хийх", "-", "Тоо", "5", "Хийсэн."]
    )
    assert list(measures(doc)) == ["1.1"]
    assert doc.warnings == []


def test_it_skips_a_header_repeated_on_the_next_page_with_its_column_numbers():
    numbers = ["1", "2", "3", "4", "5", "6"]
    doc = read(
        *OFFICIAL,
        numbers,
        ["Зорилт 1. Нэг"],
        ["1.1", "Ажил хийх", "-", "Тоо", "5", "Хийсэн."],
        *OFFICIAL,
        numbers,
        ["1.2", "Дараагийн ажил", "-", "Тоо", "5", "Хийсэн. Үр дүнгүй-0"],
    )
    assert list(measures(doc)) == ["1.1", "1.2"]
    assert measures(doc)["1.2"].score == Decimal(0)
    assert doc.warnings == []


def test_it_reads_a_second_table_with_its_own_header():
    doc = read(
        ["№", "Хэрэгжүүлэх ажлууд", "Биелэлт", "Хувь"],
        ["Зорилт 1. Нэг"],
        ["1.1", "Журам батлах", "Батлав.", "100"],
        ["№", "Хэрэгжүүлэх ажлууд", "Хувь", "Биелэлт"],
        ["Зорилт 2. Хоёр"],
        ["2.1", "Сургалт хийх", "70", "Хийсэн."],
    )
    m = measures(doc)
    assert (m["2.1"].achieved, m["2.1"].score) == ("Хийсэн.", Decimal(70))


def test_it_does_not_take_a_measure_row_with_header_words_for_a_new_header():
    doc = read(
        *OFFICIAL,
        ["Зорилт 1. Нэг"],
        ["1.1", "Хугацаа", "Хүрэх", "Шалгуур", "Хүрсэн", "Биелэлт"],
    )
    assert measures(doc)["1.1"].text == "Хугацаа"


# -- objectives ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "Зорилт 1. Ил тод байдал",
        "ЗОРИЛТ 1. Ил тод байдал",
        "Нэг. Ил тод байдал",
        "НЭГ. Ил тод байдал",
        "Зорилт 1: Ил тод байдал",
    ],
)
def test_it_reads_objective_headings_in_capitals_and_ordinal_words(heading):
    doc = read(
        *OFFICIAL, [heading, "", "", "", "", ""], ["1.1", "Ажил хийх", "-", "Тоо", "5", "Хийсэн."]
    )
    assert [(o.number, o.title) for o in doc.objectives] == [("1", "Ил тод байдал")]


def test_it_reads_a_sentence_ending_in_a_colon_as_an_objective():
    doc = read(
        *OFFICIAL,
        ["Авлигаас урьдчилан сэргийлэх чиглэлээр:", "", "", "", "", ""],
        ["1.1", "Ажил хийх", "-", "Тоо", "5", "Хийсэн."],
        ["Хяналт шалгалтын чиглэлээр:", "", "", "", "", ""],
        ["2.1", "Шалгах", "-", "Тоо", "5", "Шалгасан."],
    )
    assert [(o.number, o.title) for o in doc.objectives] == [
        ("1", "Авлигаас урьдчилан сэргийлэх чиглэлээр"),
        ("2", "Хяналт шалгалтын чиглэлээр"),
    ]


def test_it_numbers_a_colon_objective_by_its_measures():
    doc = read(
        *OFFICIAL, ["Хяналт шалгалтын чиглэлээр:"], ["4.1", "Шалгах", "-", "Тоо", "5", "Шалгасан."]
    )
    assert doc.objectives[0].number == "4"


def test_it_does_not_take_a_law_citation_heading_for_an_objective():
    doc = read(
        *OFFICIAL,
        ["Зорилт 1. Нэг"],
        ["1.1", "Ажил хийх", "-", "Тоо", "5", "Хийсэн."],
        ["Эрх зүйн үндэслэл:", "", "", "", "", ""],
    )
    assert [o.number for o in doc.objectives] == ["1"]
    assert codes(doc) == ["row_orphan"]


def test_it_reads_a_numbered_row_merged_across_the_table_as_an_objective():
    doc = read(
        *OFFICIAL,
        ["1. Авлигаас урьдчилан сэргийлэх", "", "", "", "", ""],
        ["1.1", "Ажил хийх", "-", "Тоо", "5", "Хийсэн."],
        ["2. Хяналтыг сайжруулах", "", "", "", "", ""],
        ["2.1", "Шалгах", "-", "Тоо", "5", "Шалгасан."],
    )
    assert [(o.number, o.title) for o in doc.objectives] == [
        ("1", "Авлигаас урьдчилан сэргийлэх"),
        ("2", "Хяналтыг сайжруулах"),
    ]


def test_it_reads_an_objective_numbered_in_the_number_column_above_its_measures():
    doc = read(
        *OFFICIAL,
        ["1", "Авлигаас урьдчилан сэргийлэх", "", "", "", ""],
        ["1.1", "Ажил хийх", "-", "Тоо", "5", "Хийсэн."],
        ["1.2", "Өөр ажил хийх", "-", "Тоо", "5", "Хийсэн."],
        ["2", "Хяналт", "-", "", "", ""],
        ["2.1", "Шалгах", "-", "Тоо", "5", "Шалгасан."],
    )
    assert [(o.number, o.title, [m.number for m in o.measures]) for o in doc.objectives] == [
        ("1", "Авлигаас урьдчилан сэргийлэх", ["1.1", "1.2"]),
        ("2", "Хяналт", ["2.1"]),
    ]


def test_it_keeps_a_measure_numbered_1_when_it_has_results():
    doc = read(
        ["№", "Хэрэгжүүлэх ажлууд", "Биелэлт", "Хувь"],
        ["1", "Журам батлах", "Батлав.", "100"],
        ["2", "Сургалт хийх", "Хийсэн.", "70"],
    )
    assert list(measures(doc)) == ["1", "2"]


def test_it_reads_a_merged_first_column_as_the_objective_of_the_rows_it_spans():
    doc = read(
        ["д/д", "Зорилт", "Хэрэгжүүлэх арга хэмжээ", "Хугацаа", "Хариуцах эзэн", "Хүрэх үр дүн"],
        ["1", "Ил тод байдлыг хангах", "Мэдээлэл байршуулах", "Жилдээ", "Мэргэжилтэн", "Байршсан"],
        ["2", "", "Самбар шинэчлэх", "Сар бүр", "Мэргэжилтэн", "Шинэчилсэн"],
        ["3", "Хяналт сайжруулах", "Шалгалт хийх", "II улирал", "Дарга", "Шалгасан"],
    )
    assert [(o.number, o.title, [m.number for m in o.measures]) for o in doc.objectives] == [
        ("1", "Ил тод байдлыг хангах", ["1", "2"]),
        ("2", "Хяналт сайжруулах", ["3"]),
    ]
    m = measures(doc)["2"]
    assert (m.text, m.deadline, m.responsible_unit, m.target) == (
        "Самбар шинэчлэх",
        "Сар бүр",
        "Мэргэжилтэн",
        "Шинэчилсэн",
    )


def test_it_keeps_one_objective_when_its_column_repeats_the_text_on_every_row():
    doc = read(
        ["Үйл ажиллагааны зорилт", "Хэрэгжүүлэх арга хэмжээ", "Биелэлт", "Хувь"],
        ["Зорилт 3. Ил тод байдал", "3.1 Мэдээлэл байршуулах", "Байршуулсан.", "100"],
        ["Зорилт 3. Ил тод байдал", "3.2 Самбар шинэчлэх", "Шинэчилсэн.", "70"],
    )
    assert [(o.number, o.title, len(o.measures)) for o in doc.objectives] == [
        ("3", "Ил тод байдал", 2)
    ]


# -- measures --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number_cell", "text_cell", "number", "text"),
    [
        ("1", "Ажил хийх", "1", "Ажил хийх"),
        ("1.1", "Ажил хийх", "1.1", "Ажил хийх"),
        ("1.1.", "1.1. Ажил хийх", "1.1", "Ажил хийх"),
        ("1.1.1.", "Ажил хийх", "1.1.1", "Ажил хийх"),
        ("", "1.1.Авлигын эсрэг ажил", "1.1", "Авлигын эсрэг ажил"),
        ("", "1.2.3 Ажил хийх", "1.2.3", "Ажил хийх"),
    ],
)
def test_it_reads_measure_numbers_in_every_form(number_cell, text_cell, number, text):
    doc = read(*OFFICIAL, ["Зорилт 1. Нэг"], [number_cell, text_cell, "-", "Тоо", "5", "Хийсэн."])
    assert [(m.number, m.text) for _, m in doc.measures()] == [(number, text)]


def test_it_does_not_take_a_date_for_a_measure_number():
    doc = read(
        ["2024.12.25", "№ 01/123"],
        *OFFICIAL,
        ["Зорилт 1. Нэг"],
        ["1.1", "Ажил хийх", "-", "Тоо", "5", "Хийсэн."],
    )
    assert list(measures(doc)) == ["1.1"]


def test_it_treats_cells_holding_only_a_space_or_a_non_breaking_space_as_empty():
    doc = read(
        *OFFICIAL,
        ["Зорилт 1. Нэг", " ", "\u00a0", "\u00a0 ", "\u200b", ""],
        ["1.1", "Ажил\u00a0хийх", "\u00a0", " ", "5", "Хийсэн."],
        [" ", "\u00a0", "\u00a0", "хувь", "", ""],
    )
    m = measures(doc)["1.1"]
    assert (m.text, m.spent, m.indicator) == ("Ажил хийх", None, "хувь")
    assert [o.title for o in doc.objectives] == ["Нэг"]


def test_it_numbers_the_measures_of_a_table_without_a_number_column_and_says_so():
    doc = read(
        ["Бодлогын зорилт", "", "Гүйцэтгэлийн шалгуур үзүүлэлт", "Хугацаа", "Хариуцах нэгж"],
        ["Үндсэн үйл ажиллагаа", "Хэрэгжүүлэх арга хэмжээ", "", "", ""],
        ["1", "2", "3", "4", "5"],
        ["1. Урьдчилан сэргийлэх", "Сургалт зохион байгуулах", "Сургалтын тоо", "Жилдээ", "Хэлтэс"],
        ["", "3. Зөвлөмж хүргүүлэх", "Зөвлөмжийн тоо", "Тухай бүр", "Хэлтэс"],
        ["2. Хяналт", "Шалгалт хийх", "Шалгалтын тоо", "IV улирал", "Алба"],
    )
    assert [(o.number, o.title, [m.number for m in o.measures]) for o in doc.objectives] == [
        ("1", "Урьдчилан сэргийлэх", ["1.1", "3"]),
        ("2", "Хяналт", ["2.1"]),
    ]
    m = measures(doc)["1.1"]
    assert (m.text, m.indicator, m.deadline, m.responsible_unit) == (
        "Сургалт зохион байгуулах",
        "Сургалтын тоо",
        "Жилдээ",
        "Хэлтэс",
    )
    assert measures(doc)["3"].text == "Зөвлөмж хүргүүлэх"
    assert codes(doc) == ["measure_numbered", "measure_numbered"]


def test_it_reads_a_plan_table_into_the_plan_fields():
    doc = read(
        ["д/д", "Хэрэгжүүлэх арга хэмжээ", "Хугацаа", "Хариуцах нэгж", "Хүрэх үр дүн", "Төсөв"],
        ["Зорилт 1. Нэг", "", "", "", "", ""],
        ["1.1", "Сургалт хийх", "1 дүгээр улирал", "Тамгын газар", "20 хүн", "1 200,5"],
    )
    m = measures(doc)["1.1"]
    assert (m.deadline, m.responsible_unit, m.target, m.planned_budget, m.achieved, m.score) == (
        "1 дүгээр улирал",
        "Тамгын газар",
        "20 хүн",
        Decimal("1200.5"),
        "",
        None,
    )


# -- ratings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "score", "not_due", "rating"),
    [
        ("100%", Decimal(100), False, None),
        ("70", Decimal(70), False, None),
        ("52,3", Decimal("52.3"), False, None),
        ("30 хувь", Decimal(30), False, None),
        ("ХБ", None, True, None),
        ("хугацаа болоогүй", None, True, "хугацаа болоогүй"),
        ("Бүрэн хэрэгжсэн", Decimal(100), False, "Бүрэн хэрэгжсэн"),
        ("Үр дүнтэй-100%", Decimal(100), False, "Үр дүнтэй"),
    ],
)
def test_it_reads_the_rating_in_a_score_column(cell, score, not_due, rating):
    doc = read(["№", "Хэрэгжүүлэх ажлууд", "Биелэлт", "Хувь"], ["1", "Ажил", "Хийсэн.", cell])
    m = measures(doc)["1"]
    assert (m.score, m.not_due, m.rating, m.achieved) == (score, not_due, rating, "Хийсэн.")


def test_it_reads_a_bare_percentage_in_a_paragraph_of_its_own():
    doc = read(*OFFICIAL, ["Зорилт 1. Нэг"], ["1.1", "Ажил", "-", "Тоо", "5", "Хийсэн.\n100%"])
    m = measures(doc)["1.1"]
    assert (m.achieved, m.score) == ("Хийсэн.", Decimal(100))


# -- debris ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "debris", ["Хуудас 3", "- 3 -", "3", "3/12", "Нийт үзсэн: 1234", "Page 2 of 5"]
)
def test_it_skips_page_numbers_and_view_counters_in_the_middle_with_a_warning(debris):
    doc = read(
        TITLE,
        *OFFICIAL,
        ["Зорилт 1. Нэг"],
        ["1.1", "Ажил", "-", "Тоо", "5", "Эхний"],
        [debris],
        ["", "хийх", "", "", "", "хэсэг."],
    )
    m = measures(doc)["1.1"]
    assert (m.text, m.achieved, m.score) == ("Ажил хийх", "Эхний хэсэг.", None)
    assert codes(doc) == ["row_skipped"]
    # Row 6: the title, two header rows, the objective and 1.1 come before it.
    assert doc.warnings[0].params == {"text": debris, "full_text": debris, "row": "6"}


def test_it_drops_page_furniture_above_the_table_from_the_title_silently():
    doc = read(
        ["Нийт үзсэн: 1234"],
        TITLE,
        ["Хуудас 1"],
        *OFFICIAL,
        ["Зорилт 1. Нэг"],
        ["1.1", "Ажил", "-", "Тоо", "5", "Хийсэн."],
    )
    assert doc.title == TITLE[0]
    assert doc.warnings == []


def test_it_keeps_a_lone_number_in_a_value_column_of_a_continuation_row():
    doc = read(
        ["№", "Хэрэгжүүлэх ажлууд", "Биелэлт", "Хувь"],
        ["1", "Журам батлах", "Батлав.", ""],
        ["", "", "", "70"],
    )
    assert measures(doc)["1"].score == Decimal(70)
    assert doc.warnings == []


# -- title and total -------------------------------------------------------------------------


def test_it_drops_the_approval_block_and_the_appendix_note_from_the_title():
    doc = read(
        ["БАТЛАВ"],
        ["СУМЫН ЗАСАГ ДАРГА Б.БОЛД"],
        ["Засаг даргын 2018 оны …. сарын ….-ны өдрийн ….. дугаар захирамжийн хавсралт"],
        ["А СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН"],
        ["АВЛИГЫН ЭСРЭГ 2019 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ"],
        *OFFICIAL,
        ["Зорилт 1. Нэг"],
        ["1.1", "Ажил", "-", "Тоо", "5", "Хийсэн."],
    )
    assert (
        doc.title
        == "А СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН АВЛИГЫН ЭСРЭГ 2019 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ"
    )
    assert (doc.year, doc.organization) == (2019, "А СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР")


def test_it_picks_the_title_among_the_headings_of_a_web_page():
    doc = read(
        ["Нүүр"],
        ["Бидний тухай"],
        ["Ил тод байдал"],
        ["Мэдээ мэдээлэл"],
        ["2024-01-15"],
        ["Б ДҮҮРГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН АВЛИГЫН ЭСРЭГ 2023 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ"],
        *OFFICIAL,
        ["Зорилт 1. Нэг"],
        ["1.1", "Ажил", "-", "Тоо", "5", "Хийсэн."],
    )
    assert doc.title.startswith("Б ДҮҮРГИЙН") and doc.year == 2023


@pytest.mark.parametrize(
    ("line", "total"),
    [
        (["НЭГДСЭН ДҮН: 86%"], Decimal(86)),
        (["", "Нэгдсэн дүн", "", "", "", "90,5"], Decimal("90.5")),
        (["Нийт дүн: 86.4%"], Decimal("86.4")),
        (["Дундаж 75%"], Decimal(75)),
    ],
)
def test_it_reads_the_stated_total_in_its_wordings(line, total):
    doc = read(*OFFICIAL, ["Зорилт 1. Нэг"], ["1.1", "Ажил", "-", "Тоо", "5", "Хийсэн."], line)
    assert doc.stated_total == total


def test_it_does_not_take_a_sum_of_money_for_the_stated_total():
    doc = read(
        ["д/д", "Хэрэгжүүлэх арга хэмжээ", "Хугацаа", "Төсөв"],
        ["Зорилт 1. Нэг"],
        ["1.1", "Сургалт", "I улирал", "5000"],
        ["", "Нийт дүн", "", "5000"],
        ["", "НЭГДСЭН ДҮН", "", "5000"],
    )
    assert doc.stated_total is None


# -- surveys ---------------------------------------------------------------------------------


def test_it_tells_a_report_table_from_a_numbered_list():
    report = survey_rows([*OFFICIAL, ["1.1", "Ажил", "-", "Тоо", "5", "Хийсэн."]])
    calendar = survey_rows([["1", "Даваа"], ["2", "Мягмар"]])
    assert (report.measures, report.structured) == (1, True)
    assert (calendar.measures, calendar.structured) == (2, False)


def test_it_refuses_rows_without_a_measure():
    with pytest.raises(ReadError) as caught:
        read(TITLE, *OFFICIAL)
    assert caught.value.code == "no_table"


# -- the same variants through Word, Excel and web-page files --------------------------------

VARIANTS = {
    "district plan with column numbers": (
        [
            [
                "Үйл ажиллагааны үндсэн чиглэл",
                "Хэрэгжүүлэх арга хэмжээ",
                "Гүйцэтгэлийн шалгуур үзүүлэлт",
                "Хугацаа",
                "Хариуцах нэгж",
            ],
            ["1", "2", "3", "4", "5"],
            ["Урьдчилан сэргийлэх", "1.1. Сургалт хийх", "Сургалтын тоо", "Жилдээ", "Хэлтэс"],
            ["", "1.2. Зөвлөмж хүргүүлэх", "Зөвлөмжийн тоо", "Тухай бүр", "Хэлтэс"],
            ["Хяналт", "2.1. Шалгалт хийх", "Шалгалтын тоо", "IV улирал", "Алба"],
        ],
        {
            "1.1": ("Сургалт хийх", None, False),
            "1.2": ("Зөвлөмж хүргүүлэх", None, False),
            "2.1": ("Шалгалт хийх", None, False),
        },
    ),
    "city report with a percent column": (
        [
            ["№", "Хэрэгжүүлэх ажлууд", "Биелэлт", "Хувь"],
            ["ЗОРИЛТ 1. ИЛ ТОД БАЙДАЛ"],
            ["1", "Журам батлах", "Батлав.", "100%"],
            ["Хуудас 2"],
            ["2", "Сургалт хийх", "Эхлээгүй.", "ХБ"],
        ],
        {"1": ("Журам батлах", Decimal(100), False), "2": ("Сургалт хийх", None, True)},
    ),
    "official report with ordinal and colon objectives": (
        [
            *OFFICIAL,
            ["НЭГ. Сурталчилгаа"],
            ["1.1.", "1.1.Шторк байршуулах", "-", "Тоо", "5", "Байршуулсан.\nҮр дүнтэй-100%"],
            ["Хяналт шалгалтын чиглэлээр:"],
            ["2.1", "Шалгах", "840,0", "Тоо", "1", "Шалгаагүй. Үр дүнгүй-0"],
        ],
        {"1.1": ("Шторк байршуулах", Decimal(100), False), "2.1": ("Шалгах", Decimal(0), False)},
    ),
}


@pytest.mark.parametrize("make", [grid_docx, grid_xlsx, grid_html], ids=["docx", "xlsx", "html"])
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_it_reads_each_variant_the_same_from_word_excel_and_web_pages(make, variant):
    rows, expected = VARIANTS[variant]
    doc = read_bytes(make(rows, before=TITLE), source="f")
    assert doc.title == TITLE[0]
    got = {m.number: (m.text, m.score, m.not_due) for _, m in doc.measures()}
    assert got == expected
    assert doc == document_from_rows([*[[line] for line in TITLE], *rows], source="f")


@pytest.mark.parametrize(
    ("header", "cell", "amount"),
    [
        ("Төсөв /сая төг/", "1,5", Decimal(1500)),
        ("Төсөв /мян.төг/", "1,5", Decimal("1.5")),
        ("Төсөв", "1,5", Decimal("1.5")),
        ("Төсөв /төгрөг/", "840000", Decimal(840)),
        ("Төсөв /төгрөг/", "1 250", Decimal("1.25")),
        ("Төсөв /төгрөг/", "5 сая", Decimal(5000)),
    ],
)
def test_it_reads_money_in_the_unit_its_column_header_names(header, cell, amount):
    doc = read(
        ["д/д", "Хэрэгжүүлэх арга хэмжээ", "Хугацаа", header], ["1.1", "Сургалт", "I улирал", cell]
    )
    assert measures(doc)["1.1"].planned_budget == amount
    assert "E" not in str(measures(doc)["1.1"].planned_budget)


def test_it_takes_the_percent_column_when_points_are_shown_beside_it():
    doc = read(
        ["№", "Хэрэгжүүлэх ажлууд", "Биелэлт", "Хувь", "Оноо"],
        ["1", "Журам батлах", "Батлав.", "65,22", "3,26"],
    )
    assert measures(doc)["1"].score == Decimal("65.22")


@pytest.mark.parametrize(
    ("rows", "check"),
    [
        ([["HЭГДСЭН ДҮН: 91%"]], lambda d: d.stated_total == Decimal(91)),
        (
            [["Зoрилт 2. Хоёр"], ["2.1", "Ажил", "-", "Тоо", "5", "Хийсэн."]],
            lambda d: [o.number for o in d.objectives] == ["1", "2"],
        ),
    ],
)
def test_it_matches_words_typed_with_latin_look_alike_letters(rows, check):
    doc = read(*OFFICIAL, ["Зорилт 1. Нэг"], ["1.1", "Ажил", "-", "Тоо", "5", "Хийсэн."], *rows)
    assert check(doc)


def test_it_finds_the_organization_in_a_misspelled_or_latin_lettered_title():
    for subject in ("АВИЛГЫН ЭСРЭГ", "AВЛИГЫН ЭСРЭГ"):  # a misspelling; a Latin A
        title = f"А СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН {subject} 2023 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ"
        doc = read(
            [title], *OFFICIAL, ["Зорилт 1. Нэг"], ["1.1", "Ажил", "-", "Тоо", "5", "Хийсэн."]
        )
        assert doc.organization == "А СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР" and doc.title == title


def test_it_reads_a_closing_row_of_sums_as_sums_and_its_percentage_as_the_total():
    doc = read(
        ["№", "Хэрэгжүүлэх ажлууд", "Зарцуулсан хөрөнгө", "Биелэлт", "Хувь"],
        ["1", "Журам батлах", "840,0", "Батлав.", "100"],
        ["2", "Сургалт хийх", "5000", "Хийсэн.", "70"],
        ["", "Нийт", "5840,0", "", "85"],
    )
    assert measures(doc)["2"].text == "Сургалт хийх"
    assert doc.stated_total == Decimal(85)
    # The sum of money is no field of the document: kept whole in a warning, not dropped.
    assert [(w.code, w.params) for w in doc.warnings] == [
        ("row_sums", {"row": "4", "text": "Нийт · 5840,0 · 85"})
    ]


def test_it_needs_no_warning_for_a_closing_row_that_holds_only_the_total():
    doc = read(
        ["№", "Хэрэгжүүлэх ажлууд", "Биелэлт", "Хувь"],
        ["1", "Журам батлах", "Батлав.", "100"],
        ["", "Нийт", "", "100"],
    )
    assert doc.stated_total == Decimal(100)
    assert doc.warnings == []
