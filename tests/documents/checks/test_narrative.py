"""Numbers of the narrative, negations and stated totals (documents.checks.narrative, ...)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shudarga.documents.checks.narrative import read_narrative
from shudarga.documents.checks.negation import negations
from shudarga.documents.checks.totals import disagreeing_totals


def counts(text: str) -> list[tuple[Decimal, str | None, bool]]:
    return [(q.value, q.unit, q.total) for q in read_narrative(text).quantities]


def test_it_reads_a_total_with_its_unit():
    assert counts("Нийт 1804 иргэн үзсэн тандалттай байна.") == [(Decimal(1804), "иргэн", True)]


def test_a_unit_may_follow_a_few_modifiers():
    assert counts("Энэ онд нийт 166 ашиг сонирхлын мэдүүлэг бөглөгдсөн.") == [
        (Decimal(166), "мэдүүлэг", True)
    ]


def test_listed_numbers_take_the_unit_of_the_number_they_are_listed_with():
    found = counts(
        "1-6 дугаар сарын 10-ны өдөр хүртэл 466, 6 дугаар сарын 10-ны өдрөөс "
        "11 дүгээр сарын 30-ны өдөр хүртэл 475 буюу нийт 941 иргэн үйлчилгээг авсан."
    )
    assert found == [
        (Decimal(466), "иргэн", False),
        (Decimal(475), "иргэн", False),
        (Decimal(941), "иргэн", True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "2024 оны 3 дугаар сарын 15-ны өдөр зохион байгуулсан.",
        '"Шударга ёс, хөгжил дэвшилд 110" хайрцгийг байршуулсан.',
        "Санал хүсэлтийг 7011-2233 утсаар хүлээн авсан.",
        "500-аас доошгүй иргэнийг хамруулах зорилт тавьсан.",
        "Сургалтыг 2 цагийн турш явуулсан.",
        "Ирэх онд 300 иргэнд сургалт зохион байгуулна.",
    ],
)
def test_dates_names_phones_restated_targets_and_plans_are_no_counts(text):
    assert counts(text) == []


def test_a_part_taken_from_a_whole_counts_the_part():
    assert counts("Байгууллагын 50 албан хаагчаас 41 нь сургалтад хамрагдсан.") == [
        (Decimal(41), "албан хаагч", False)
    ]


def test_a_decimal_comma_and_a_number_word_are_read():
    assert counts("92,5 хувь нь сэтгэл хангалуун") == [(Decimal("92.5"), "хувь", False)]
    assert counts("Сургалтыг хоёр удаа зохион байгуулсан.") == [(Decimal(2), "удаа", False)]


def test_kinds_are_not_counts_of_what_they_classify():
    assert counts("10 төрлийн шторкийг байршуулсан")[0][1] == "төрөл"


def negated(target: str, text: str) -> bool:
    return bool(negations(target, read_narrative(text).sentences))


def test_a_negation_of_the_targets_action_is_found():
    assert negated("Сэтгэл ханамжийн судалгаа авах", "Сэтгэл ханамжийн судалгаа аваагүй")
    assert negated("Сургалт зохион байгуулах", "Сургалт зохион байгуулагдаагүй.")
    assert negated("Аян зохион байгуулах", "Аяныг зохион байгуулж чадаагүй.")


def test_good_news_in_the_negative_is_no_negation():
    target = "Тайлан мэдээг хугацаанд нь хүргүүлсэн байна."
    assert not negated(target, "Хууль бус томилгоо хийгдээгүй.")
    assert not negated("Хайрцаг байршуулах", "Ямар нэг гомдол, мэдээлэл ирээгүй байна.")
    assert not negated("Хяналт тавих", "Авлигын гэмт хэрэг гараагүй.")


def sums(text: str) -> list[tuple[Decimal, Decimal]]:
    return [(q.value, s) for q, s in disagreeing_totals(read_narrative(text))]


def test_a_total_agrees_when_its_last_parts_add_up_to_it():
    assert sums("зөвлөмж 1, хамтран бэлтгэсэн 12 бичлэг, бусад 3 нийт 15 бичлэгийг") == []
    assert sums("хүртэл 466, ... хүртэл 475 буюу нийт 941 иргэн") == []


def test_a_total_its_parts_do_not_make_is_flagged():
    assert sums("9 бичлэг, бусад 4 нийт 15 бичлэгийг байршуулсан") == [(Decimal(15), Decimal(13))]
    assert sums("Нийт 280 иргэн хамрагдсанаас 150 нь эмэгтэй, 150 нь эрэгтэй байна.") == [
        (Decimal(280), Decimal(300))
    ]


def test_parts_of_another_unit_are_not_parts():
    assert sums("4762 гишүүнтэй группэд 10 төрлийн шторк байршуулж, нийт 1804 иргэн үзсэн") == []
