"""Targets and indicators as written, understood (documents.checks.targets)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shudarga.documents.checks.results import Comparison, Frequency
from shudarga.documents.checks.targets import parse_target
from shudarga.documents.model import Period


@pytest.mark.parametrize(
    ("target", "indicator", "quantity", "unit", "comparison"),
    [
        ("500 иргэнээс доошгүй", "", "500", "иргэн", Comparison.AT_LEAST),
        ("400-гаас доошгүй иргэнд", "", "400", "иргэн", Comparison.AT_LEAST),
        ("20 доошгүй гэрээнд тусгасан байна", "Мэдүүлгийн тоогоор", "20", "гэрээ", "at_least"),
        ("90-ээс доошгүй хувь", "", "90", "хувь", Comparison.AT_LEAST),
        ("85%", "", "85", "хувь", Comparison.LEVEL),
        ("80 хувиас доошгүй", "", "80", "хувь", Comparison.AT_LEAST),
        ("350", "Сургалтад хамрагдсан иргэн, хүүхэд залуучуудын тоо", "350", "залуучууд", "level"),
        ("45", "Сургалтад хамрагдсан албан хаагчийн тоо", "45", "албан хаагч", "level"),
        (
            "20 доошгүй удирдах болон гүйцэтгэх албан тушаалтан",
            "Зохион байгуулсан сургалтын тоо",
            "20",
            "албан тушаалтан",
            "at_least",
        ),
        ("хоёроос доошгүй сургалт", "", "2", "сургалт", Comparison.AT_LEAST),
        ("3-аас ихгүй гомдол", "", "3", "хүсэлт", Comparison.AT_MOST),
        ("2024 онд 30 албан хаагч", "", "30", "албан хаагч", Comparison.LEVEL),
        ("", "50-аас доошгүй иргэн хамрагдсан байна", "50", "иргэн", Comparison.AT_LEAST),
    ],
)
def test_it_reads_the_quantity_the_unit_and_the_comparison(
    target, indicator, quantity, unit, comparison
):
    parsed = parse_target(target, indicator)
    assert parsed.quantity == Decimal(quantity)
    assert isinstance(parsed.quantity, Decimal)
    assert parsed.unit == unit
    assert parsed.comparison == comparison
    assert not parsed.vague


@pytest.mark.parametrize(
    ("target", "frequency", "annual", "half"),
    [
        ("Сар бүр шинэчилэх", Frequency.MONTHLY, "12", "6"),
        ("Улирал бүр", Frequency.QUARTERLY, "4", "2"),
        ("Улирал тутам тайлагнах", Frequency.QUARTERLY, "4", "2"),
        ("Хагас жил тутам", Frequency.HALF_YEARLY, "2", "1"),
        ("Жил бүр", Frequency.YEARLY, "1", "1"),
        ("7 хоног бүр", Frequency.WEEKLY, "52", "26"),
    ],
)
def test_a_frequency_is_a_count_of_times_prorated_for_a_half_year(target, frequency, annual, half):
    year = parse_target(target)
    assert (year.frequency, year.quantity, year.unit) == (frequency, Decimal(annual), "удаа")
    assert parse_target(target, period=Period.HALF_YEAR).quantity == Decimal(half)


def test_a_count_is_half_due_by_mid_year_but_a_percentage_is_not():
    assert parse_target("500 иргэнээс доошгүй", period=Period.HALF_YEAR).quantity == 250
    assert parse_target("90-ээс доошгүй хувь", period=Period.HALF_YEAR).quantity == 90


@pytest.mark.parametrize(
    "target",
    [
        "Тухай бүр",
        "Тухай бур",  # as the seed misspells it
        "Нийт алба хаагчдад танилцуулсан байна",
        "Шинэ томилогдсон албан хаагчид",
        "Тайлан мэдээг хугацаанд нь хүргүүлсэн байна.",
        "Сэтгэл ханамжийн судалгаа авах",
        "Ямар нэг зөрчил гаргахгүй байх",
    ],
)
def test_a_target_without_a_quantity_is_vague(target):
    parsed = parse_target(target)
    assert parsed.vague
    assert parsed.quantity is None


def test_each_time_is_a_frequency_with_no_count():
    parsed = parse_target("Тухай бүр")
    assert parsed.frequency is Frequency.EACH_TIME and parsed.vague


def test_a_date_in_the_target_is_not_its_quantity():
    parsed = parse_target("2024 оны 3 дугаар сарын 15-ны дотор 12 сургалт")
    assert (parsed.quantity, parsed.unit) == (Decimal(12), "сургалт")
