"""The real Khujirt 2024 report, read from its text form: every measure, every cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from shudarga.documents import jsonform
from shudarga.documents.model import Period, ReportDocument
from shudarga.documents.readers import read_path

SEED = Path(__file__).resolve().parents[2] / "shudarga/demo/khujirt-2024-anticorruption-report.txt"

# number: (spent, target, score, rating, piece of text, of indicator, of achieved)
EXPECTED = {
    "1.1": (
        None,
        "500 иргэнээс доошгүй",
        Decimal(100),
        "Үр дүнтэй",
        "инстаграм youtube суваг",
        "иргэдийн хандалтын тоо",
        "нийт 1804 иргэн үзсэн тандалттай",
    ),
    "1.2": (
        None,
        "Сар бүр шинэчилэх",
        Decimal(100),
        "Үр дүнтэй",
        "мэдээлэн сурталчилах мэдээллийн самбар ажиллуулах.",
        "Шинэчилсэн мэдээллийн тоогоор",
        "Ямар нэг гомдол, мэдээлэл ирээгүй байна. Mөн Засаг даргын",
    ),
    "2.1": (
        Decimal("840.0"),
        "Шинэ томилогдсон албан хаагчид",
        Decimal(100),
        "Үр дүнтэй",
        "шинээр томилогдсон албан хаагчдыг",
        "хамрагдсан албан хаагчийн тоо",
        "нийт 62 эрх бүхий албан тушаалтан",
    ),
    "3.1": (
        None,
        "20 доошгүй гэрээнд тусгасан байна",
        None,
        None,
        "хэлэлцээр бүрт ашиг сонирхлын",
        "Мэдүүлгийн тоогоор",
        "нийт 166 ашиг сонирхлын мэдүүлэг бөглөгдсөн.",
    ),
    "4.1": (
        Decimal("5000.0"),
        "400-гаас доошгүй иргэнд үзүүлсэн байна",
        None,
        None,
        "шат дамжлага бууруулах, ил тод байдлыг нэмэгдүүлэх",
        "Цахимжуулсан үйлчилгээ",
        "1263 үйлчилгээг цахимаар хурдан",
    ),
    "4.2": (
        None,
        "Сэтгэл ханамжийн судалгаа авах",
        Decimal(0),
        "Үр дүнгүй",
        "сэтгэл ханамжийн судалгаа авч",
        "Зохион байгуулсан арга хэмжээний тоо",
        "Сэтгэл ханамжийн судалгаа аваагүй",
    ),
    "5.1": (
        None,
        "Нийт алба хаагчдад танилцуулсан байна",
        None,
        None,
        "жилийн эцсээр нийт албан хаагчдад танилцуулах",
        "тайлан боловсруулж",
        "91 хувьтай биелэгдсэн",
    ),
    "5.2": (
        None,
        "Тухай бур",
        Decimal(100),
        "Үр дүнтэй",
        "дүрэм журам, ёс ЗҮЙН ДҮРЭМ, зөвлөмжийг хэрэгжүүлэх.",
        "Хэрэгжүүлсэн арга хэмжээ",
        "нийт 15 бичлэгийг",
    ),
    "6.1": (
        Decimal("0.4"),
        "20 доошгүй удирдах болон гүйцэтгэх албан тушаалтан",
        None,
        None,
        "Прокурорын газар",
        "Зохион байгуулсан сургалтын тоо",
        "2 улсын байцаагч хамрагдсан.",
    ),
    "6.2": (
        None,
        "Тайлан мэдээг хугацаанд нь хүргүүлсэн байна.",
        Decimal(100),
        "Үр дүнд хүрсэн",
        "хөрөнгө, орлогын мэдүүлгийн хугацаанд",
        "Хуулийн хугацаанд хүргүүлсэн",
        "Хууль бус томилгоо хийгдээгүй.",
    ),
    "6.3": (
        None,
        "350",
        Decimal(100),
        "Үр дүнтэй",
        "хүүхэд залуучуудад хүргэх",
        "хүүхэд залуучуудын тоо",
        "телевизээр танилцуулсан.",
    ),
}


@pytest.fixture(scope="module")
def seed() -> ReportDocument:
    return read_path(SEED)


def test_it_reads_the_title_year_organization_and_stated_total(seed: ReportDocument) -> None:
    assert seed.title == (
        "ХУЖИРТ СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН АВЛИГЫН ЭСРЭГ ҮЙЛ АЖИЛЛАГААНЫ "
        "2024 ОНЫ ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ"
    )
    assert seed.year == 2024
    assert seed.organization == "ХУЖИРТ СУМЫН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР"
    assert seed.period is Period.ANNUAL
    assert seed.stated_total == Decimal("91")
    assert seed.source == SEED.name


def test_it_finds_six_objectives_and_eleven_measures(seed: ReportDocument) -> None:
    assert [o.number for o in seed.objectives] == ["1", "2", "3", "4", "5", "6"]
    assert [[m.number for m in o.measures] for o in seed.objectives] == [
        ["1.1", "1.2"],
        ["2.1"],
        ["3.1"],
        ["4.1", "4.2"],
        ["5.1", "5.2"],
        ["6.1", "6.2", "6.3"],
    ]
    assert seed.objectives[1].title == "Авлигын эсрэг сургалт зохион байгуулах, сургалтад хамруулах"
    # Objective 6 stands in the second cell of its row.
    assert seed.objectives[5].title.startswith("Байгууллагын хүрээнд авлигаас урьдчилан")


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_every_cell_of_every_measure_lands_in_its_field(seed: ReportDocument, number: str) -> None:
    spent, target, score, rating, text, indicator, achieved = EXPECTED[number]
    measure = next(m for _, m in seed.measures() if m.number == number)
    assert measure.spent == spent
    assert measure.target == target
    assert measure.score == score
    assert measure.rating == rating
    assert measure.not_due is False
    assert text in measure.text
    assert indicator in measure.indicator
    assert achieved in measure.achieved
    # The number is in its own field, not repeated at the start of the text.
    assert not measure.text.startswith(number)
    # No rating text is left inside the achieved text, and nothing of it leaked elsewhere.
    for field in (measure.text, measure.achieved, measure.indicator, measure.target):
        assert "-100%" not in field
        assert "Үр дүнгүй-0" not in field
        assert not field.endswith(("Үр дүнтэй", "Үр дүнд хүрсэн"))


def test_it_keeps_decimal_spent_amounts_as_decimals(seed: ReportDocument) -> None:
    spent = {m.number: m.spent for _, m in seed.measures() if m.spent is not None}
    assert spent == {"2.1": Decimal("840.0"), "4.1": Decimal("5000.0"), "6.1": Decimal("0.4")}
    assert all(isinstance(v, Decimal) for v in spent.values())


def test_it_drops_html_tags_and_keeps_paragraphs(seed: ReportDocument) -> None:
    achieved = next(m for _, m in seed.measures() if m.number == "1.1").achieved
    assert "<p" not in achieved and "</p>" not in achieved
    assert achieved.count("\n") == 2
    assert achieved.split("\n")[1].startswith("Мөн Засаг даргын Тамгын газрын 4762 гишүүнтэй")


def test_it_keeps_latin_letters_inside_cyrillic_words(seed: ReportDocument) -> None:
    achieved = next(m for _, m in seed.measures() if m.number == "1.2").achieved
    assert "Mөн Засаг" in achieved  # Latin M, as written


def test_it_mends_the_page_break_damage_of_measure_1_2_and_says_so(seed: ReportDocument) -> None:
    measure = next(m for _, m in seed.measures() if m.number == "1.2")
    assert measure.text == (
        "Авлигын эсрэг үйл ажиллагааг мэдээлэн сурталчилах мэдээллийн самбар ажиллуулах."
    )
    assert measure.achieved.startswith('"Шударга ёс, хөгжил дэвшилд 110" гомдол')
    assert [(w.code, w.measure) for w in seed.warnings] == [
        ("cell_moved", "1.2"),
        ("achieved_split", "1.2"),
    ]


def test_the_seed_survives_a_json_round_trip(seed: ReportDocument) -> None:
    text = jsonform.dumps(seed)
    again = jsonform.loads(text)
    assert again == seed
    assert jsonform.dumps(again) == text
