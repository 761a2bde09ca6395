"""The JSON form: lossless both ways, numbers stay decimals, bad JSON is refused clearly."""

from __future__ import annotations

from decimal import Decimal

import pytest
import simplejson

from shudarga.documents import jsonform
from shudarga.documents.errors import ReadError
from shudarga.documents.model import (
    MeasureEntry,
    ObjectiveEntry,
    Period,
    ReportDocument,
    ReportWarning,
    Rounding,
    Scale,
    ScaleLevel,
    Section,
)

REQUIRED_KEYS = {
    "format",
    "title",
    "organization",
    "year",
    "period",
    "scale",
    "stated_total",
    "objectives",
    "warnings",
}
MEASURE_KEYS = {
    "number",
    "text",
    "spent",
    "indicator",
    "target",
    "achieved",
    "score",
    "not_due",
    "rating",
}


def sample() -> ReportDocument:
    scale = Scale(
        code="cut-1",
        name="Таслах",
        rounding=Rounding.TRUNCATE,
        decimals=1,
        levels=(
            ScaleLevel(Decimal("100"), "Бүрэн", "Full"),
            ScaleLevel(Decimal("50.5"), "Хагас", "Half"),
        ),
    )
    return ReportDocument(
        title="Т",
        organization="Б",
        year=2023,
        period=Period.HALF_YEAR,
        scale=scale,
        stated_total=Decimal("90.50"),
        objectives=[
            ObjectiveEntry(
                "1",
                "Зорилт",
                [
                    MeasureEntry(
                        "1.1", "А", spent=Decimal("840.0"), score=Decimal("50.5"), rating="Хагас"
                    ),
                    MeasureEntry(
                        "1.2", "Б", not_due=True, rating="ХБ", planned_budget=Decimal("12.25")
                    ),
                ],
            )
        ],
        warnings=[ReportWarning("cell_moved", "1.1", "мессеж", {"fragment": "x"})],
    )


def test_it_writes_exactly_the_documented_keys():
    data = simplejson.loads(jsonform.dumps(sample()), use_decimal=True)
    assert set(data) >= REQUIRED_KEYS
    assert data["format"] == "shudarga.report/2"
    measure = data["objectives"][0]["measures"][0]
    assert set(measure) >= MEASURE_KEYS
    assert set(data["warnings"][0]) >= {"code", "measure", "message"}


def test_it_keeps_numbers_as_written_and_reads_them_as_decimals():
    text = jsonform.dumps(sample())
    assert '"spent": 840.0' in text
    assert '"stated_total": 90.50' in text
    doc = jsonform.loads(text)
    measure = doc.objectives[0].measures[0]
    assert measure.spent == Decimal("840.0") and isinstance(measure.spent, Decimal)
    assert str(doc.stated_total) == "90.50"


def test_json_document_json_is_lossless():
    text = jsonform.dumps(sample())
    assert jsonform.dumps(jsonform.loads(text)) == text
    assert jsonform.loads(text) == sample()


@pytest.mark.parametrize(
    ("text", "code", "fragment"),
    [
        ("{", "json_invalid", ""),
        ("[]", "json_format", "object"),
        ('{"format": "other/1"}', "json_format", "shudarga.report/2"),
        ('{"format": "shudarga.report/1", "year": "2024"}', "json_format", "year"),
        (
            '{"format": "shudarga.report/1", "objectives": [{"number": "1", "measures": [{"number": "1.1", "score": "100"}]}]}',
            "json_format",
            "score",
        ),
        (
            '{"format": "shudarga.report/1", "objectives": [{"number": "1", "measures": [{"number": "1.1", "not_due": "yes"}]}]}',
            "json_format",
            "not_due",
        ),
        ('{"format": "shudarga.report/1", "period": "weekly"}', "json_format", "weekly"),
    ],
)
def test_it_refuses_malformed_documents_naming_the_problem(text, code, fragment):
    with pytest.raises(ReadError) as caught:
        jsonform.loads(text)
    assert caught.value.code == code
    assert fragment in caught.value.text("en")


@pytest.mark.parametrize(
    "metadata",
    [
        '{"format":"shudarga.report/1","year":"twenty"}',
        '{"format":"shudarga.report/1","scale":{"levels":[{"score":"x"}]}}',
        '{"format":"shudarga.report/1","period":"weekly"}',
        '{"format":"shudarga.report/1","scale":' + "[" * 5000 + "]" * 5000 + "}",
        "not json at all",
    ],
)
def test_damaged_embedded_metadata_is_left_aside(metadata):
    from shudarga.documents.embedded import apply_metadata

    doc = sample()
    assert apply_metadata(doc, metadata) == doc


def _sectioned() -> ReportDocument:
    law = Section("1", "Хуулиар хүлээсэн үүргийн биелэлт")
    return ReportDocument(
        objectives=[
            ObjectiveEntry("1", "Сургалт", [MeasureEntry("1.1", "Сургалт хийх")], section=law),
            ObjectiveEntry("2", "Мэдүүлэг", [MeasureEntry("2.1", "Мэдүүлэг авах")], section=law),
            ObjectiveEntry("3", "Бусад", [MeasureEntry("3.1", "Самбар")]),
        ]
    )


def test_it_keeps_the_section_of_each_objective() -> None:
    document = _sectioned()
    data = simplejson.loads(jsonform.dumps(document))
    assert data["objectives"][0]["section"] == {
        "number": "1",
        "title": "Хуулиар хүлээсэн үүргийн биелэлт",
    }
    assert data["objectives"][2]["section"] is None
    back = jsonform.loads(jsonform.dumps(document))
    assert back == document
    assert back.sections() == [Section("1", "Хуулиар хүлээсэн үүргийн биелэлт")]


def test_it_reads_the_old_form_without_sections() -> None:
    data = simplejson.loads(jsonform.dumps(_sectioned()))
    data["format"] = "shudarga.report/1"
    for objective in data["objectives"]:
        del objective["section"]
    old = jsonform.document_from_dict(data)
    assert [o.section for o in old.objectives] == [None, None, None]
    assert [m.number for _, m in old.measures()] == ["1.1", "2.1", "3.1"]


def test_it_refuses_a_section_that_is_not_an_object() -> None:
    data = simplejson.loads(jsonform.dumps(_sectioned()))
    data["objectives"][0]["section"] = "Нэг"
    with pytest.raises(ReadError) as caught:
        jsonform.document_from_dict(data)
    assert caught.value.code == "json_format"
    assert "section" in str(caught.value)
