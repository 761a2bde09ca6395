"""The text reader on small tables, one quirk of real reports per test."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shudarga.documents.errors import ReadError
from shudarga.documents.model import Period, ReportDocument
from shudarga.documents.readers import read_bytes
from shudarga.documents.readers.cells import parse_amount

HEADER = "Д/д\tХэрэгжүүлэх арга хэмжээ\tЗарцуулсан хөрөнгө\tШалгуур үзүүлэлт\tХүрэх түвшин\tХүрсэн түвшин"


def read(
    *lines: str, title: str = "**А СУМЫН ЗДТГ-ЫН АВЛИГЫН ЭСРЭГ 2023 ОНЫ БИЕЛЭЛТ**"
) -> ReportDocument:
    return read_bytes("\n".join([title, HEADER, *lines]).encode(), source="t.txt")


def only_measure(doc: ReportDocument):
    measures = [m for _, m in doc.measures()]
    assert len(measures) == 1
    return measures[0]


@pytest.mark.parametrize(
    ("achieved", "score", "rating", "left"),
    [
        ("Хийсэн. Үр дүнтэй-100%", Decimal(100), "Үр дүнтэй", "Хийсэн."),
        ("Хийсэн. Үр дүнтэй -100%", Decimal(100), "Үр дүнтэй", "Хийсэн."),
        ("Хийсэн. Үр дүнтэй - 70 %", Decimal(70), "Үр дүнтэй", "Хийсэн."),
        ("Судалгаа аваагүй Үр дүнгүй-0", Decimal(0), "Үр дүнгүй", "Судалгаа аваагүй"),
        ("<p>Хийсэн.</p><p>Үр дүнд хүрсэн-100%</p>", Decimal(100), "Үр дүнд хүрсэн", "Хийсэн."),
        ("<p>Хийсэн.</p><p>100%</p>", Decimal(100), None, "Хийсэн."),
        ("Хийсэн. Бүрэн хэрэгжсэн-100", Decimal(100), "Бүрэн хэрэгжсэн", "Хийсэн."),
    ],
)
def test_it_takes_the_rating_off_the_end_of_the_achieved_text(achieved, score, rating, left):
    measure = only_measure(read("Зорилт 1. Нэг", f"1.1\tАжил хийх\t-\tТоо\t5\t{achieved}"))
    assert (measure.score, measure.rating, measure.achieved) == (score, rating, left)


@pytest.mark.parametrize(
    "achieved",
    [
        "Төлөвлөгөөний хэрэгжилт 91 хувьтай биелэгдсэн.",
        "1-6 дугаар сарын 10-ны өдөр хүртэл 466",
        "Нийт 2023-2024",
    ],
)
def test_it_does_not_take_numbers_inside_the_text_for_a_rating(achieved):
    measure = only_measure(read("Зорилт 1. Нэг", f"1.1\tАжил хийх\t-\tТоо\t5\t{achieved}"))
    assert measure.score is None and measure.rating is None
    assert measure.achieved == achieved


@pytest.mark.parametrize("column", [0, 1])
def test_it_reads_a_rating_on_a_row_of_its_own(column):
    row = "\t" * column + "Үр дүнтэй-100%" + "\t" * (5 - column)
    measure = only_measure(read("Зорилт 1. Нэг", "1.1\tАжил хийх\t-\tТоо\t5\tХийсэн.", row))
    assert (measure.score, measure.rating, measure.achieved) == (
        Decimal(100),
        "Үр дүнтэй",
        "Хийсэн.",
    )


@pytest.mark.parametrize("mark", ["ХБ", "Хугацаа болоогүй"])
def test_it_reads_not_yet_due(mark):
    measure = only_measure(read("Зорилт 1. Нэг", f"1.1\tАжил хийх\t-\tТоо\t5\tЭхлээгүй. {mark}"))
    assert measure.not_due is True and measure.score is None
    assert measure.achieved == "Эхлээгүй."


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("840,0", Decimal("840.0")),
        ("5000.0", Decimal("5000.0")),
        ("-", None),
        ("", None),
        ("1 200,5", Decimal("1200.5")),
        ("1,200.5", Decimal("1200.5")),
        ("5 сая", Decimal(5000)),
    ],
)
def test_it_reads_amounts_with_comma_or_point(cell, amount):
    assert parse_amount(cell) == amount
    measure = only_measure(read("Зорилт 1. Нэг", f"1.1\tАжил хийх\t{cell}\tТоо\t5\tХийсэн."))
    assert measure.spent == amount


def test_it_warns_about_an_amount_it_cannot_read_instead_of_guessing():
    doc = read("Зорилт 1. Нэг", "1.1\tАжил хийх\tтөсөвгүй\tТоо\t5\tХийсэн.")
    assert only_measure(doc).spent is None
    assert [w.code for w in doc.warnings] == ["number_unreadable"]
    assert "төсөвгүй" in doc.warnings[0].message


def test_it_joins_continuation_rows_after_a_page_break_cell_by_cell():
    doc = read(
        "Зорилт 1. Нэг",
        "1.1\tАжлыг ил\t10,5\tТоо\tЗуу\tЭхний",
        "--\t-----\t---\t--\t--\t--",
        "",
        "\tтод болгох\t\tхувь\t\tхэсэг. Үр дүнтэй-100%",
    )
    m = only_measure(doc)
    assert (m.text, m.indicator, m.target, m.achieved) == (
        "Ажлыг ил тод болгох",
        "Тоо хувь",
        "Зуу",
        "Эхний хэсэг.",
    )
    assert (m.spent, m.score) == (Decimal("10.5"), Decimal(100))
    assert doc.warnings == []


def test_it_reads_objectives_in_the_first_or_second_cell_and_by_ordinal_word():
    doc = read(
        "Зорилт 1. Эхнийх\t\t\t\t\t",
        "1.1\tА хийх\t-\tТоо\t1\tХийсэн.",
        "\tЗОРИЛТ 2. Дараах\t\t\t\t",
        "2.1\tБ хийх\t-\tТоо\t1\tХийсэн.",
        "Гурав. Сүүлийнх",
        "3.1\tВ хийх\t-\tТоо\t1\tХийсэн.",
    )
    assert [(o.number, o.title) for o in doc.objectives] == [
        ("1", "Эхнийх"),
        ("2", "Дараах"),
        ("3", "Сүүлийнх"),
    ]


def test_it_reads_a_number_glued_to_the_text_when_the_number_cell_is_empty():
    doc = read("Зорилт 1. Нэг", "\t1.1.Авлигын эсрэг ажил хийх\t-\tТоо\t1\tХийсэн.")
    m = only_measure(doc)
    assert (m.number, m.text) == ("1.1", "Авлигын эсрэг ажил хийх")


def test_it_reads_year_period_and_the_stated_total_with_its_digits():
    doc = read(
        "Зорилт 1. Нэг",
        "1.1\tА хийх\t-\tТоо\t1\tХийсэн. Үр дүнтэй-100%",
        "НЭГДСЭН ДҮН: 90,5%",
        title="А ЯАМНЫ АВЛИГЫН ЭСРЭГ 2022 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ ХАГАС ЖИЛИЙН БИЕЛЭЛТ",
    )
    assert (doc.year, doc.period, doc.organization) == (2022, Period.HALF_YEAR, "А ЯАМ")
    assert doc.stated_total == Decimal("90.5")
    assert str(doc.stated_total) == "90.5"


def test_it_reads_the_columns_from_the_header_in_another_order():
    doc = read_bytes(
        "\n".join(
            [
                "№\tХэрэгжүүлэх ажлууд\tБиелэлт\tХувь",
                "Зорилт 1. Нэг",
                "1\tЖурам батлах\tБатлав.\t70",
            ]
        ).encode()
    )
    m = only_measure(doc)
    assert (m.number, m.text, m.achieved, m.score) == ("1", "Журам батлах", "Батлав.", Decimal(70))


def test_it_reads_pipe_tables_and_drops_scripts_from_cells():
    doc = read_bytes(
        "\n".join(
            [
                "| Д/д | Хэрэгжүүлэх арга хэмжээ | Зарцуулсан хөрөнгө | Шалгуур | Хүрэх түвшин | Хүрсэн түвшин |",
                "| Зорилт 1. Нэг | | | | | |",
                "| 1.1 | <b>Ажил</b> хийх<script>alert(1)</script> | - | Тоо | 1 | Хийсэн&nbsp;ажил. |",
            ]
        ).encode()
    )
    m = only_measure(doc)
    assert (m.text, m.achieved) == ("Ажил хийх", "Хийсэн ажил.")


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "file_empty"),
        (b"  \n\t\n", "file_empty"),
        (b"\x00\x01\x02binary", "file_binary"),
        ("Зорилт 1. Нэг\n1.1\tА хийх".encode("cp1251"), "file_encoding"),
        ("Энд хүснэгт алга.\nЗүгээр бичвэр.".encode(), "no_table"),
        (b"PK\x03\x04rest", "format_unknown"),
    ],
)
def test_it_refuses_what_is_not_a_readable_report(data, code):
    with pytest.raises(ReadError) as caught:
        read_bytes(data, source="bad.txt")
    assert caught.value.code == code
    assert caught.value.text("mn") and caught.value.text("en")
