"""A read document checked against the limits (documents.limits) before anyone uses it.

Every reader's result passes here (readers.read_bytes), so a file with an 11 MB cell, a NUL
byte or a budget of 1e308 is refused with one ReadError that names the measure and the column,
before a preview shows it or a writer renders it.
"""

from __future__ import annotations

from decimal import Decimal

from shudarga.documents import limits
from shudarga.documents.errors import ReadError, RenderTooLargeError
from shudarga.documents.model import MeasureEntry, ReportDocument
from shudarga.documents.textnorm import refused_character

# The text columns of a measure and their limits.
_MEASURE_TEXT: tuple[tuple[str, int], ...] = (
    ("number", limits.NUMBER_MAX),
    ("text", limits.MEASURE_TEXT_MAX),
    ("indicator", limits.INDICATOR_MAX),
    ("target", limits.TARGET_MAX),
    ("achieved", limits.ACHIEVED_MAX),
    ("responsible_unit", limits.RESPONSIBLE_UNIT_MAX),
    ("deadline", limits.DEADLINE_MAX),
    ("rating", limits.RATING_MAX),
)
_AMOUNT_BOUND = Decimal(10) ** limits.AMOUNT_DIGITS
_SCORE_BOUND = Decimal(10) ** limits.SCORE_DIGITS


def check_text(value: str, *, column: str, limit: int, where: str = "") -> None:
    """Refuse ``value`` when it is longer than ``limit`` or holds a refused character."""
    if len(value) > limit:
        raise ReadError("text_too_long", where=where, column=column, length=len(value), limit=limit)
    char = refused_character(value)
    if char is not None:
        raise ReadError("text_control", where=where, column=column, char=char)


def check_number(value: Decimal | None, *, column: str, bound: Decimal, where: str = "") -> None:
    """Refuse a number that is not finite or whose size reaches ``bound``."""
    if value is not None and (not value.is_finite() or abs(value) >= bound):
        shown = str(value) if len(str(value)) <= 30 else str(value)[:27] + "..."
        raise ReadError("number_out_of_range", where=where, column=column, value=shown)


def _check_measure(m: MeasureEntry, where: str) -> None:
    for name, limit in _MEASURE_TEXT:
        check_text(getattr(m, name) or "", column=name, limit=limit, where=where)
    check_number(m.planned_budget, column="planned_budget", bound=_AMOUNT_BOUND, where=where)
    check_number(m.spent, column="spent", bound=_AMOUNT_BOUND, where=where)
    check_number(m.score, column="score", bound=_SCORE_BOUND, where=where)


def check_document(document: ReportDocument) -> ReportDocument:
    """The document itself when every field is within its bound; else a ReadError."""
    check_text(document.title, column="title", limit=limits.TITLE_MAX)
    check_text(document.organization, column="organization", limit=limits.ORGANIZATION_MAX)
    check_text(document.source, column="file", limit=limits.TITLE_MAX)  # a name, as uploaded
    check_number(document.stated_total, column="score", bound=_SCORE_BOUND)
    scale = document.scale
    for text in (scale.code, scale.name, scale.not_due_mark):
        check_text(text, column="scale", limit=limits.TITLE_MAX)
    for level in scale.levels:
        check_number(level.score, column="scale", bound=_SCORE_BOUND)
        check_text(level.label_mn, column="scale", limit=limits.TITLE_MAX)
        check_text(level.label_en, column="scale", limit=limits.TITLE_MAX)
    if len(document.objectives) > limits.DOCUMENT_MAX_OBJECTIVES:
        raise ReadError(
            "too_many_objectives",
            count=len(document.objectives),
            limit=limits.DOCUMENT_MAX_OBJECTIVES,
        )
    if document.measure_count > limits.DOCUMENT_MAX_MEASURES:
        raise ReadError(
            "too_many_measures", count=document.measure_count, limit=limits.DOCUMENT_MAX_MEASURES
        )
    for objective in document.objectives:
        where = f"{objective.number or '?'}: "
        check_text(objective.number, column="number", limit=limits.NUMBER_MAX, where=where)
        check_text(
            objective.title, column="objective", limit=limits.OBJECTIVE_TITLE_MAX, where=where
        )
        if (section := objective.section) is not None:  # stored beside the objective
            check_text(section.number, column="number", limit=limits.NUMBER_MAX, where=where)
            check_text(
                section.title, column="objective", limit=limits.OBJECTIVE_TITLE_MAX, where=where
            )
        for measure in objective.measures:
            _check_measure(measure, f"{measure.number or objective.number or '?'}: ")
    return document


def render_size(document: ReportDocument) -> int:
    """How much a writer has to lay out: the characters of every text in the document."""
    size = len(document.title) + len(document.organization)
    for objective in document.objectives:
        size += len(objective.title) + len(objective.number)
        for m in objective.measures:
            size += sum(len(getattr(m, name) or "") for name, _ in _MEASURE_TEXT)
            if m.review is not None:
                size += len(m.review.comment)
    return size


def check_renderable(document: ReportDocument, *, fmt: str) -> None:
    """Refuse to lay out a document larger than the bound of ``fmt`` (PDF, DOCX): checked before
    rendering, since a renderer cannot be stopped safely once it runs in a server thread."""
    bounds = {
        "pdf": (limits.PDF_MAX_CHARS, limits.PDF_MAX_MEASURES),
        "docx": (limits.DOCX_MAX_CHARS, limits.DOCX_MAX_MEASURES),
    }
    if fmt not in bounds:
        return
    max_chars, max_measures = bounds[fmt]
    size = render_size(document)
    if size > max_chars or document.measure_count > max_measures:
        raise RenderTooLargeError(
            "render_too_large",
            kind=fmt.upper(),
            size=size,
            limit=max_chars,
            count=document.measure_count,
            max_count=max_measures,
        )
