"""The report as open data: one CSV row per measure.

UTF-8 with a byte-order mark (Excel then opens Cyrillic correctly), comma-separated, quoted by
the csv module where needed, rows ended by CRLF (RFC 4180). Newlines inside a cell are kept
(the cell is quoted). The first row holds these machine keys:

- ``objective_number``, ``objective_title``: the objective (зорилт) the measure belongs to;
- ``number``: the measure's number as written ("1.1");
- ``text``: Хэрэгжүүлэх арга хэмжээ;
- ``spent``: Зарцуулсан хөрөнгө, thousand MNT, a plain decimal with "." ("840.0"); empty when none;
- ``indicator``: Шалгуур үзүүлэлт; ``target``: Хүрэх түвшин;
- ``achieved``: Хүрсэн түвшин, without the rating; paragraphs separated by newlines;
- ``score``: the score as a plain decimal ("100", "72.5"); empty when not evaluated (and, by
  the model's rule, when not due);
- ``not_due``: "true" when the measure is not yet due (ХБ, left out of every mean), else "false";
- ``rating``: the rating's label as written ("Үр дүнтэй"); empty when there is none;
- ``planned_budget``: planned money, thousand MNT, like ``spent``;
- ``responsible_unit``, ``deadline``: plan fields, text ("Тухай бүр" is a deadline).

A plan (DocumentKind.PLAN) has no results: its file leaves out ``spent``, ``achieved``,
``score``, ``not_due`` and ``rating`` (PLAN_FIELDS).

A text cell that a spreadsheet would run as a formula (starting with "=", "+", "-", "@", a tab
or a carriage return) is written with a leading apostrophe, as OWASP advises for CSV files
opened in Excel; number cells are never changed.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from shudarga.documents.model import DocumentKind, MeasureEntry, ObjectiveEntry, ReportDocument

BOM = "\ufeff"
FIELDS = (
    "objective_number",
    "objective_title",
    "number",
    "text",
    "spent",
    "indicator",
    "target",
    "achieved",
    "score",
    "not_due",
    "rating",
    "planned_budget",
    "responsible_unit",
    "deadline",
)
PLAN_FIELDS = (
    "objective_number",
    "objective_title",
    "number",
    "text",
    "indicator",
    "target",
    "planned_budget",
    "responsible_unit",
    "deadline",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def decimal_text(value: Decimal | None) -> str:
    """A plain decimal with "." and the digits as stored: 840.0 → "840.0"; None → ""."""
    return "" if value is None else format(value, "f")


def safe_text(value: str) -> str:
    """``value``, with an apostrophe in front when a spreadsheet would take it for a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def measure_row(
    objective: ObjectiveEntry, measure: MeasureEntry, fields: tuple[str, ...] = FIELDS
) -> list[str]:
    text = {
        "objective_number": objective.number,
        "objective_title": objective.title,
        "number": measure.number,
        "text": measure.text,
        "indicator": measure.indicator,
        "target": measure.target,
        "achieved": measure.achieved,
        "rating": measure.rating or "",
        "responsible_unit": measure.responsible_unit,
        "deadline": measure.deadline,
    }
    numbers = {
        "spent": decimal_text(measure.spent),
        "score": decimal_text(measure.score),
        "not_due": "true" if measure.not_due else "false",
        "planned_budget": decimal_text(measure.planned_budget),
    }
    cells = {**{k: safe_text(v) for k, v in text.items()}, **numbers}
    return [cells[field] for field in fields]


def write_csv(doc: ReportDocument) -> bytes:
    """The document's measures as CSV bytes (the registry's ``write_csv``)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    fields = PLAN_FIELDS if doc.kind is DocumentKind.PLAN else FIELDS
    writer.writerow(fields)
    for objective, measure in doc.measures():
        writer.writerow(measure_row(objective, measure, fields))
    return (BOM + out.getvalue()).encode("utf-8")
