"""Layout rules the corpus shows whole, one at a time: sections above objectives, merged
objective cells, the many names of the score column, point scales, totals in sentences, and
the warnings that keep what no field takes (row and full text)."""

from __future__ import annotations

from decimal import Decimal

from shudarga.documents.model import ReportDocument, Section
from shudarga.documents.readers.table import document_from_rows
from shudarga.documents.readers.text import read_text

NATIONAL = ["Үйл ажиллагааны зорилт", "Хэрэгжүүлэх арга хэмжээ", "Шалгуур", "Биелэлт", "Оноо"]


def read(*rows: list[str]) -> ReportDocument:
    return document_from_rows([list(r) for r in rows], source="rows")


def test_an_ordinal_heading_over_an_objective_column_is_a_section():
    doc = read(
        NATIONAL,
        ["Нэг. Хуулиар хүлээсэн үүрэг"],
        ["1\nСургалт", "1.1.Хууль таниулах", "Тоо", "Хийсэн.", "100"],
        ["2\nМэдүүлэг", "2.1.Мэдүүлэг авах", "Тоо", "Авсан.", "70"],
        ["Хоёр. Өөрийн арга хэмжээ"],
        ["3\nИл тод", "3.1.Зарлах", "Тоо", "Зарласан.", "30"],
    )
    law, own = Section("1", "Хуулиар хүлээсэн үүрэг"), Section("2", "Өөрийн арга хэмжээ")
    assert [(o.section, o.number, o.title) for o in doc.objectives] == [
        (law, "1", "Сургалт"),
        (law, "2", "Мэдүүлэг"),
        (own, "3", "Ил тод"),
    ]
    assert [m.text for _, m in doc.measures()] == ["Хууль таниулах", "Мэдүүлэг авах", "Зарлах"]
    assert doc.warnings == []


def test_an_ordinal_heading_over_zorilt_headings_is_a_section():
    doc = read(
        ["Д/д", "Хэрэгжүүлэх арга хэмжээ", "Биелэлт", "Хувь"],
        ["НЭГ. ХУУЛИАР ХҮЛЭЭСЭН ҮҮРЭГ"],
        ["Зорилт 1. Сургалт"],
        ["1.1", "Сургалт хийх", "Хийсэн.", "100"],
        ["Бүлэг 11. Бусад"],
        ["Зорилт 2. Самбар"],
        ["2.1", "Самбар шинэчлэх", "Шинэчилсэн.", "70"],
    )
    assert [(o.section, o.number) for o in doc.objectives] == [
        (Section("1", "ХУУЛИАР ХҮЛЭЭСЭН ҮҮРЭГ"), "1"),
        (Section("11", "Бусад"), "2"),
    ]


def test_ordinal_headings_with_their_own_measures_stay_objectives():
    doc = read(
        ["Д/д", "Хэрэгжүүлэх арга хэмжээ", "Биелэлт", "Хувь"],
        ["Нэг. Сургалт"],
        ["1.1", "Сургалт хийх", "Хийсэн.", "100"],
        ["Хоёр. Самбар"],
        ["2.1", "Самбар шинэчлэх", "Шинэчилсэн.", "70"],
    )
    assert [(o.section, o.number, o.title) for o in doc.objectives] == [
        (None, "1", "Сургалт"),
        (None, "2", "Самбар"),
    ]


def test_a_performance_column_beside_the_indicator_is_what_was_achieved():
    doc = read(
        ["Хэрэгжүүлэх арга хэмжээ", "Шалгуур", "Биелэлт", "Гүйцэтгэлийн үзүүлэлт", "Оноо"],
        ["1.1.Сургалт хийх", "Сургалтын тоо", "Хоёр удаа хийсэн.", "2 сургалт", "100"],
    )
    m = next(m for _, m in doc.measures())
    assert (m.indicator, m.achieved, m.score) == (
        "Сургалтын тоо",
        "Хоёр удаа хийсэн.\n2 сургалт",
        100,
    )


def test_a_bare_hereglilt_or_dun_column_is_the_score():
    for name in ("Хэрэгжилт", "Дүн"):
        columns = ["№", "Хэрэгжүүлэх ажлууд", "Биелэлт", name]
        if name == "Дүн":
            columns = ["№", "Хэрэгжүүлэх ажлууд", "Биелэлт", "Үнэлгээний дүн"]
        doc = read(columns, ["1", "Журам батлах", "Батлав.", "Хэрэгжих шатандаа"])
        m = next(m for _, m in doc.measures())
        assert (m.achieved, m.score, m.rating) == ("Батлав.", 70, "Хэрэгжих шатандаа"), name


def test_points_on_a_declared_scale_are_read_as_percents_with_a_warning():
    doc = read(
        ["№", "Хэрэгжүүлэх ажлууд", "Биелэлт", "Оноо /5/"],
        ["1", "Журам батлах", "Батлав.", "3,5"],
        ["2", "Сургалт хийх", "Хийгээгүй.", "7"],
        ["3", "Самбар", "Хугацаа болоогүй.", "ХБ"],
    )
    by_number = {m.number: m for _, m in doc.measures()}
    assert by_number["1"].score == Decimal("70")
    assert by_number["2"].score is None  # 7 of 5 points is no score: kept, not guessed
    assert by_number["3"].not_due
    assert [(w.code, w.params["value"]) for w in doc.warnings] == [
        ("score_points", "3,5"),
        ("score_unreadable", "7"),
    ]


def test_a_score_the_scale_does_not_know_is_kept_in_a_warning():
    doc = read(["№", "Хэрэгжүүлэх ажлууд", "Хувь"], ["1", "Журам батлах", "сайн"])
    assert next(m for _, m in doc.measures()).score is None
    assert [(w.code, w.measure, w.params["value"]) for w in doc.warnings] == [
        ("score_unreadable", "1", "сайн")
    ]


def test_a_row_that_fits_nowhere_keeps_its_full_text_and_row():
    long = "Тайлбар: " + "урт тайлбар " * 20
    doc = read(["№", "Хэрэгжүүлэх ажлууд", "Хувь"], ["1", "Журам батлах", "100"], [long])
    assert [(w.code, w.params) for w in doc.warnings] == [
        ("row_orphan", {"row": "3", "text": long.strip(), "full_text": long.strip()})
    ]
    assert long.strip() in doc.warnings[0].message


def test_several_rating_rows_keep_the_ones_not_taken():
    doc = read(
        ["Д/д", "Хэрэгжүүлэх арга хэмжээ", "Биелэлт"],
        ["1.1", "Журам батлах", "Батлав."],
        ["Үр дүнтэй-100%"],
        ["Үр дүнгүй-0"],
    )
    assert next(m for _, m in doc.measures()).score == 0
    assert [(w.code, w.params["text"]) for w in doc.warnings] == [
        ("rating_extra", "Үр дүнтэй-100%")
    ]


def test_a_total_in_a_sentence_below_the_table_is_the_stated_total():
    for sentence, total in (
        ("Нийт хэрэгжилт: 66.6 хувь", "66.6"),
        ("Төлөвлөгөөний хэрэгжилт 85 хувьтай байна.", "85"),
        ("Нийт дүн: 91%", "91"),
    ):
        doc = read(["№", "Хэрэгжүүлэх ажлууд", "Хувь"], ["1", "Журам батлах", "100"], [sentence])
        assert doc.stated_total == Decimal(total), sentence


def test_one_cell_per_line_text_reads_like_its_table():
    text = "\n".join(
        [
            "А ГАЗРЫН АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГААНЫ 2024 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ",
            "Д/д",
            "Хэрэгжүүлэх арга хэмжээ",
            "Шалгуур үзүүлэлт",
            "Хүрсэн түвшин",
            "Хувь",
            "Зорилт 1. Сургалт",
            "1.1",
            "Сургалт хийх",
            "Сургалтын тоо",
            "Хоёр удаа хийсэн.",
            "100%",
            "1.2",
            "Гарын авлага тараах",
            "Хэрэгжээгүй",
        ]
    )
    doc = read_text(text.encode("utf-8"), source="web.txt")
    first, second = (m for _, m in doc.measures())
    assert (first.text, first.indicator, first.achieved, first.score) == (
        "Сургалт хийх",
        "Сургалтын тоо",
        "Хоёр удаа хийсэн.",
        100,
    )
    # Its empty cells left no lines: the rating is pinned to the score column that ends the row.
    assert (second.text, second.indicator, second.score) == ("Гарын авлага тараах", "", 0)
    assert doc.year == 2024 and doc.warnings == []
