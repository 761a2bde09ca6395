"""The per-objective results as a small inline SVG bar chart (no JavaScript, no fonts loaded).

One horizontal bar per objective on a 0–100 % axis, labelled with the objective and the result
as the scale displays it. An objective with no scored measure gets no bar and says why: every
measure not yet due ("ХБ") or not evaluated ("үнэлгээгүй"). Text is escaped; the full objective
title is in a <title> element (a tooltip on screen) when the label had to be shortened.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

from shudarga.documents.model import ReportDocument
from shudarga.documents.scoring import ObjectiveResult, ReportScore, score_document
from shudarga.documents.writers.common import objective_text

WIDTH = 800
LABEL_WIDTH = 380  # objective labels, right-aligned against the bars
BAR_WIDTH = 280
ROW_HEIGHT = 22
BAR_HEIGHT = 13
TOP = 22  # room for the axis labels
BOTTOM = 6
LABEL_CHARS = 64  # a serif label at 12 units fits ~70 Cyrillic letters in LABEL_WIDTH
TICKS = (0, 25, 50, 75, 100)
NOT_EVALUATED = "үнэлгээгүй"
FONT = "'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif"
PRINT_WIDTH_MM = 240  # the SVG's max-width in official.css, reached on an A4 landscape page
UNIT_MM = PRINT_WIDTH_MM / WIDTH


def _text(value: str) -> str:
    return escape(value, quote=True)


def _short(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _value_text(row: ObjectiveResult, not_due_mark: str) -> str:
    """ "86%", "ХБ" when every measure is not yet due, "— (үнэлгээгүй)" when none is scored."""
    result = row.result
    if result.display is None:
        return not_due_mark if result.not_due and not result.unscored else f"— ({NOT_EVALUATED})"
    if result.unscored:
        return f"{result.display}% ({len(result.unscored)} {NOT_EVALUATED})"
    return f"{result.display}%"


def _bar_length(exact: Decimal | None) -> float:
    if exact is None:
        return 0.0
    share = min(max(float(exact), 0.0), 100.0) / 100  # a scale may score above 100: clamp
    return round(share * BAR_WIDTH, 1)


@dataclass(frozen=True)
class _Row:
    """One objective's bar: where it sits, how long it is, what it says."""

    y: float
    label: str
    short: str
    length: float
    value: str


def _rows(doc: ReportDocument, score: ReportScore) -> list[_Row]:
    labels = [objective_text(o) for o in doc.objectives]  # score_document keeps their order
    return [
        _Row(
            y=TOP + i * ROW_HEIGHT,
            label=label,
            short=_short(label),
            length=_bar_length(row.result.exact),
            value=_value_text(row, doc.scale.not_due_mark),
        )
        for i, (row, label) in enumerate(zip(score.objectives, labels, strict=True))
    ]


def objective_chart(
    doc: ReportDocument, score: ReportScore | None = None, *, text: bool = True
) -> str:
    """The chart as an <svg> element (a string), sized by its viewBox to fit any width;
    ``text=False`` draws only the lines and bars (chart_text_html writes the words)."""
    rows = _rows(doc, score or score_document(doc))
    height = TOP + ROW_HEIGHT * len(rows) + BOTTOM
    x0 = LABEL_WIDTH + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-family="{_text(FONT)}" font-size="12" aria-labelledby="chart-title">',
        '<title id="chart-title">Зорилт тус бүрийн хэрэгжилт, хувиар</title>',
    ]
    for tick in TICKS:
        x = x0 + BAR_WIDTH * tick / 100
        parts.append(
            f'<line x1="{x:g}" y1="{TOP - 4}" x2="{x:g}" y2="{height - BOTTOM}" '
            f'stroke="#bbb" stroke-width="0.6"/>'
        )
        if text:
            parts.append(
                f'<text x="{x:g}" y="{TOP - 8}" text-anchor="middle" fill="#555">{tick}%</text>'
            )
    for row in rows:
        mid = row.y + ROW_HEIGHT / 2 + 4  # baseline that centres 12-unit text on the bar
        parts.append("<g>")
        if text and row.short != row.label:
            parts.append(f"<title>{_text(row.label)}</title>")
        if text:
            parts.append(
                f'<text x="{LABEL_WIDTH}" y="{mid:g}" text-anchor="end">{_text(row.short)}</text>'
            )
        if row.length:
            top = row.y + (ROW_HEIGHT - BAR_HEIGHT) / 2
            parts.append(
                f'<rect x="{x0}" y="{top:g}" width="{row.length:g}" height="{BAR_HEIGHT}" '
                f'fill="#3b5b8c"/>'
            )
        if text:
            parts.append(
                f'<text x="{x0 + row.length + 6:g}" y="{mid:g}" font-weight="bold">'
                f"{_text(row.value)}</text>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _mm(units: float) -> str:
    return f"{units * UNIT_MM:.2f}mm"


def chart_text_html(doc: ReportDocument, score: ReportScore | None = None) -> str:
    """The chart for the PDF: the lines and bars as SVG, the words as HTML laid over them in
    the same places. WeasyPrint lays SVG text out one letter at a time (the chart's words
    cost more than the rest of a short report's summary); as HTML they are ordinary lines.
    The figure is PRINT_WIDTH_MM wide, as the SVG is on an A4 landscape page."""
    score = score or score_document(doc)
    rows = _rows(doc, score)
    height = TOP + ROW_HEIGHT * len(rows) + BOTTOM
    x0 = LABEL_WIDTH + 10
    tick_step = BAR_WIDTH * (TICKS[1] - TICKS[0]) / 100
    ticks = "".join(f"<span>{tick}%</span>" for tick in TICKS)
    lines = [
        f'<div class="chart-ticks" style="padding-left: {_mm(x0 - tick_step / 2)}">{ticks}</div>'
    ]
    for row in rows:
        lines.append(
            f'<div class="chart-row"><span class="chart-label">{_text(row.short)}</span>'
            f'<strong style="margin-left: {_mm(x0 - LABEL_WIDTH + row.length + 6)}">'
            f"{_text(row.value)}</strong></div>"
        )
    return (
        f'<div class="chart-print" style="height: {_mm(height)}">'
        f"{objective_chart(doc, score, text=False)}{''.join(lines)}</div>"
    )
