"""Every reader's result is checked against the limits (documents.bounds), before a preview or
a store: a huge cell, a control character, a number out of range, too many measures."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from shudarga.documents import jsonform, limits
from shudarga.documents.errors import ReadError
from shudarga.documents.readers import read_bytes, read_path
from tests.conftest import build_document

SEED = "shudarga/demo/khujirt-2024-anticorruption-report.txt"


def as_json(**changes: object) -> dict:
    """The JSON form of a small document with the first measure's fields changed."""
    data = json.loads(jsonform.dumps(build_document()))
    data["objectives"][0]["measures"][0].update(changes)
    return data


def read_json(data: dict) -> object:
    # ASCII escapes: a lone surrogate travels as "\ud800", as a hostile file would send it.
    return read_bytes(json.dumps(data).encode(), source="x.json")


def test_the_real_report_is_well_within_every_limit():
    document = read_path(SEED)
    longest = max(len(m.achieved) for _, m in document.measures())
    assert longest * 10 < limits.ACHIEVED_MAX
    assert max(len(m.text) for _, m in document.measures()) * 10 < limits.MEASURE_TEXT_MAX
    assert max(len(o.title) for o in document.objectives) * 10 < limits.OBJECTIVE_TITLE_MAX


@pytest.mark.parametrize(
    ("column", "limit"),
    [
        ("text", limits.MEASURE_TEXT_MAX),
        ("indicator", limits.INDICATOR_MAX),
        ("achieved", limits.ACHIEVED_MAX),
        ("deadline", limits.DEADLINE_MAX),
    ],
)
def test_a_cell_over_its_limit_is_refused_naming_the_measure_and_the_column(column, limit):
    with pytest.raises(ReadError) as refused:
        read_json(as_json(**{column: "а" * (limit + 1)}))
    assert refused.value.code == "text_too_long"
    assert refused.value.text("en").startswith("1.1: ")
    assert f"the limit is {limit}" in refused.value.text("en")
    assert f"дээд хэмжээ {limit}" in refused.value.text("mn")


def test_a_cell_at_its_limit_is_read():
    document = read_json(as_json(text="а" * limits.MEASURE_TEXT_MAX))
    assert len(next(document.measures())[1].text) == limits.MEASURE_TEXT_MAX


def test_a_huge_objective_title_in_a_text_file_is_refused():
    text = Path(SEED).read_text(encoding="utf-8")
    text = text.replace("Зорилт 1. Авлигын", "Зорилт 1. " + "ж" * 11_000 + " Авлигын", 1)
    with pytest.raises(ReadError) as refused:
        read_bytes(text.encode(), source="big.txt")
    assert refused.value.code == "text_too_long"
    assert refused.value.text("en").startswith("1: objective: the text is too long")


def test_a_section_number_too_long_for_its_column_is_refused():
    rows = [
        "Д/д\tХэрэгжүүлэх арга хэмжээ\tБиелэлт\tХувь",
        f"Бүлэг {'1' * 60}. Хуулиар хүлээсэн үүрэг",
        "Зорилт 1. Сургалт",
        "1.1\tСургалт хийх\tХийсэн.\t100",
    ]
    with pytest.raises(ReadError) as refused:
        read_bytes("\n".join(rows).encode(), source="sections.txt")
    assert refused.value.code == "text_too_long"
    assert refused.value.text("en").startswith("1: No.: the text is too long")


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x1b", "\x7f", "\u0085", "\ud800", "\uffff"])
def test_a_control_character_is_refused_by_its_code_point(char):
    with pytest.raises(ReadError) as refused:
        read_json(as_json(text=f"Сургалт{char}"))
    assert refused.value.code == "text_control"
    assert f"U+{ord(char):04X}" in refused.value.text("en")
    assert "Хэрэгжүүлэх арга хэмжээ" in refused.value.text("mn")


def test_tabs_line_breaks_and_direction_marks_are_text():
    document = read_json(as_json(text="Нэг\tхоёр\nгурав \u200f\u202e"))
    assert "\u202e" in next(document.measures())[1].text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("planned_budget", 1e308),
        ("spent", -1e15),
        ("score", 1e300),
        ("score", 10_000),
        ("planned_budget", float("nan")),
        ("spent", float("inf")),
        ("spent", float("-inf")),
    ],
)
def test_a_number_out_of_range_is_refused_when_read_not_when_shown(field, value):
    with pytest.raises(ReadError) as refused:
        read_json(as_json(**{field: value}))
    assert refused.value.code in ("number_out_of_range", "json_invalid")


def test_a_budget_of_1e308_is_out_of_range():
    with pytest.raises(ReadError) as refused:
        read_json(as_json(planned_budget=1e308))
    assert refused.value.code == "number_out_of_range"
    assert "1.1: planned budget: the number 1E+308" in refused.value.text("en")


def test_minus_zero_and_the_largest_amount_are_read():
    document = read_json(as_json(planned_budget=-0.0, spent=999999999999.99))
    measure = next(document.measures())[1]
    assert measure.spent == Decimal("999999999999.99")


def test_more_measures_than_a_plan_has_are_refused():
    document = build_document(objectives=1, measures_per_objective=limits.DOCUMENT_MAX_MEASURES + 1)
    with pytest.raises(ReadError) as refused:
        read_bytes(jsonform.dumps(document).encode())
    assert refused.value.code == "too_many_measures"
