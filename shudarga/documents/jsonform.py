"""The JSON form of a ReportDocument ("shudarga.report/2"), documented in docs/format.md;
"/1", written before sections, is still read.

Numbers are written as JSON numbers with the digits they have ("840.0" stays 840.0, "91"
stays 91) and read back as Decimal, so JSON -> document -> JSON is lossless.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import simplejson

from shudarga.documents.errors import ReadError
from shudarga.documents.model import (
    FORMAT_ID,
    GOVERNMENT_SCALE,
    OLD_FORMAT_IDS,
    MeasureEntry,
    MeasureReview,
    ObjectiveEntry,
    Period,
    ReportDocument,
    ReportWarning,
    Rounding,
    Scale,
    ScaleLevel,
    Section,
)


def scale_to_dict(scale: Scale) -> dict[str, Any]:
    return {
        "code": scale.code,
        "name": scale.name,
        "levels": [
            {"score": lvl.score, "label_mn": lvl.label_mn, "label_en": lvl.label_en}
            for lvl in scale.levels
        ],
        "not_due_mark": scale.not_due_mark,
        "rounding": scale.rounding.value,
        "decimals": scale.decimals,
    }


def measure_to_dict(m: MeasureEntry) -> dict[str, Any]:
    data = {
        "number": m.number,
        "text": m.text,
        "spent": m.spent,
        "indicator": m.indicator,
        "target": m.target,
        "achieved": m.achieved,
        "score": m.score,
        "not_due": m.not_due,
        "rating": m.rating,
        "planned_budget": m.planned_budget,
        "responsible_unit": m.responsible_unit,
        "deadline": m.deadline,
    }
    if m.review is not None:
        # "score" is then the reviewer's; the organization's own assessment stays beside it.
        data["reviewer_score"] = m.score
        data["reviewer_comment"] = m.review.comment
        data["self_score"] = m.review.self_score
        data["self_not_due"] = m.review.self_not_due
    return data


def document_to_dict(doc: ReportDocument) -> dict[str, Any]:
    return {
        "format": FORMAT_ID,
        "title": doc.title,
        "organization": doc.organization,
        "year": doc.year,
        "period": doc.period.value,
        "scale": scale_to_dict(doc.scale),
        "stated_total": doc.stated_total,
        "source": doc.source,
        "objectives": [
            {
                "number": o.number,
                "title": o.title,
                "section": _section_to_dict(o.section),
                "measures": [measure_to_dict(m) for m in o.measures],
            }
            for o in doc.objectives
        ],
        "warnings": [
            {"code": w.code, "measure": w.measure, "message": w.message, "params": w.params}
            for w in doc.warnings
        ],
    }


def dumps(doc: ReportDocument, *, indent: int | None = 2) -> str:
    return simplejson.dumps(
        document_to_dict(doc), use_decimal=True, ensure_ascii=False, indent=indent
    )


def loads(text: str) -> ReportDocument:
    """Parse the JSON form; raise ReadError naming the first problem found."""
    try:
        data = simplejson.loads(text, use_decimal=True)
    except simplejson.JSONDecodeError as exc:
        raise ReadError("json_invalid", reason=f"{exc.msg} ({exc.lineno}:{exc.colno})") from exc
    return document_from_dict(data)


def document_from_dict(data: Any) -> ReportDocument:
    if not isinstance(data, dict):
        raise ReadError("json_format", reason="top level is not an object")
    if data.get("format") not in (FORMAT_ID, *OLD_FORMAT_IDS):
        raise ReadError("json_format", reason=f'"format" must be "{FORMAT_ID}"')
    try:
        return ReportDocument(
            title=_str(data, "title"),
            organization=_str(data, "organization"),
            year=_opt_int(data.get("year"), "year"),
            period=Period(data.get("period", Period.ANNUAL.value)),
            scale=scale_from_dict(data["scale"]) if data.get("scale") else GOVERNMENT_SCALE,
            stated_total=_opt_decimal(data.get("stated_total"), "stated_total"),
            source=_str(data, "source"),
            objectives=[_objective(o) for o in _list(data, "objectives")],
            warnings=[
                ReportWarning(
                    code=_str(w, "code"),
                    measure=w.get("measure"),
                    message=_str(w, "message"),
                    params={str(k): str(v) for k, v in (w.get("params") or {}).items()},
                )
                for w in _list(data, "warnings")
            ],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ReadError("json_format", reason=str(exc)) from exc


def _objective(o: dict[str, Any]) -> ObjectiveEntry:
    return ObjectiveEntry(
        number=_str(o, "number"),
        title=_str(o, "title"),
        measures=[_measure(m) for m in _list(o, "measures")],
        section=_section(o.get("section")),
    )


def _section_to_dict(section: Section | None) -> dict[str, str] | None:
    return None if section is None else {"number": section.number, "title": section.title}


def _section(value: Any) -> Section | None:
    """An objective's section; "/1" documents have none (the key is absent)."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ReadError("json_format", reason='"section" must be an object or null')
    return Section(number=_str(value, "number"), title=_str(value, "title"))


def _measure(m: dict[str, Any]) -> MeasureEntry:
    not_due = m.get("not_due", False)
    if not isinstance(not_due, bool):
        raise ReadError("json_format", reason='"not_due" must be true or false')
    rating = m.get("rating")
    return MeasureEntry(
        number=_str(m, "number"),
        text=_str(m, "text"),
        spent=_opt_decimal(m.get("spent"), "spent"),
        indicator=_str(m, "indicator"),
        target=_str(m, "target"),
        achieved=_str(m, "achieved"),
        score=_opt_decimal(m.get("score"), "score"),
        not_due=not_due,
        rating=None if rating is None else str(rating),
        planned_budget=_opt_decimal(m.get("planned_budget"), "planned_budget"),
        responsible_unit=_str(m, "responsible_unit"),
        deadline=_str(m, "deadline"),
        review=measure_review(m),
    )


def measure_review(m: dict[str, Any]) -> MeasureReview | None:
    """The reviewer's marks of a measure, written with "self_not_due" beside them. The first
    publications carried "self_score" and "reviewer_comment" on every measure, with a null
    "reviewer_score" where nobody reviewed: a score or a comment marks a review there."""
    if "self_not_due" not in m and (
        m.get("reviewer_score") is None and not m.get("reviewer_comment")
    ):
        return None
    self_not_due = m.get("self_not_due", False)
    if not isinstance(self_not_due, bool):
        raise ReadError("json_format", reason='"self_not_due" must be true or false')
    return MeasureReview(
        self_score=_opt_decimal(m.get("self_score"), "self_score"),
        self_not_due=self_not_due,
        comment=_str(m, "reviewer_comment"),
    )


def scale_from_dict(s: dict[str, Any]) -> Scale:
    return Scale(
        code=_str(s, "code"),
        name=_str(s, "name"),
        levels=tuple(
            ScaleLevel(
                score=_opt_decimal(lvl["score"], "score") or Decimal(0),
                label_mn=_str(lvl, "label_mn"),
                label_en=_str(lvl, "label_en"),
            )
            for lvl in _list(s, "levels")
        ),
        not_due_mark=_str(s, "not_due_mark") or "ХБ",
        rounding=Rounding(s.get("rounding", Rounding.HALF_UP.value)),
        decimals=_opt_int(s.get("decimals", 0), "decimals") or 0,
    )


def _str(d: dict[str, Any], key: str) -> str:
    value = d.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ReadError("json_format", reason=f'"{key}" must be text')
    return value


def _list(d: dict[str, Any], key: str) -> list[Any]:
    value = d.get(key) or []
    if not isinstance(value, list):
        raise ReadError("json_format", reason=f'"{key}" must be a list')
    return value


def _opt_decimal(value: Any, key: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise ReadError("json_format", reason=f'"{key}" must be a number or null')
    return Decimal(value)


def _opt_int(value: Any, key: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal) or value != int(value):
        raise ReadError("json_format", reason=f'"{key}" must be a whole number')
    return int(value)
