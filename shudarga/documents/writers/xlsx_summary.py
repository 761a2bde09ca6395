"""The second sheet, "Дүн": the figures a reviewer compares, straight from scoring.

Per objective: its number, title, how many measures, scored, not yet due (ХБ) and not
evaluated, the result by the scale's display rule, and which measures are not evaluated
(DESIGN: an unscored measure is said, never silently counted). Then the consolidated total,
and the distribution of the scored measures over the scale's levels.
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from shudarga.documents.model import ReportDocument
from shudarga.documents.scoring import OTHER, ReportScore, Result, level_key
from shudarga.documents.writers.common import TOTAL_LABEL, official_title
from shudarga.documents.writers.xlsx_style import (
    BOLD,
    COUNT_FORMAT,
    HEADER_FILL,
    MIDDLE_CENTRE,
    PLAIN,
    SHARE_FORMAT,
    TITLE,
    TOP,
    TOP_CENTRE,
    fit_height,
    put,
    score_format,
)

SUMMARY_SHEET = "Дүн"
OBJECTIVE_HEADERS = (
    "Зорилт",
    "Нэр",
    "Арга хэмжээ",
    "Үнэлсэн",
    "ХБ",
    "Үнэлгээгүй",
    "Дүн /хувь/",
    "Үнэлгээгүй арга хэмжээ",
)
LEVEL_HEADERS = ("Оноо", "Түвшин", "Level", "Тоо", "Хувь /%/")
WIDTHS = (10, 56, 26, 11, 11, 12, 12, 24)
FIRST_TABLE_ROW = 3  # title, a blank row


def add_summary_sheet(wb: Workbook, doc: ReportDocument, score: ReportScore) -> Worksheet:
    ws = wb.create_sheet(SUMMARY_SHEET)
    for column, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    put(ws, 1, 1, official_title(doc), font=TITLE, alignment=TOP, border=False)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(WIDTHS))
    fit_height(ws, 1, [official_title(doc)], [sum(WIDTHS) * 0.8])
    row = _objective_table(ws, FIRST_TABLE_ROW, doc, score)
    _level_table(ws, row + 2, doc, score.total)
    ws.freeze_panes = ws.cell(row=FIRST_TABLE_ROW + 1, column=1)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def _headers(ws: Worksheet, row: int, headers: tuple[str, ...]) -> None:
    for column, text in enumerate(headers, start=1):
        put(ws, row, column, text, font=BOLD, alignment=MIDDLE_CENTRE, fill=HEADER_FILL)


def _result_value(result: Result) -> Decimal | None:
    return Decimal(result.display) if result.display is not None else None


def _objective_table(ws: Worksheet, row: int, doc: ReportDocument, score: ReportScore) -> int:
    """Writes the table from ``row``; returns the row of its total line."""
    _headers(ws, row, OBJECTIVE_HEADERS)
    result_format = score_format(doc.scale)
    lines = [
        (o.number, o.title, len(o.measures), r.result, PLAIN)
        for o, r in zip(doc.objectives, score.objectives, strict=True)
    ]
    lines.append(("", TOTAL_LABEL, doc.measure_count, score.total, BOLD))
    for number, title, measures, result, font in lines:
        row += 1
        values = (
            (number, TOP_CENTRE, None),
            (title, TOP, None),
            (measures, TOP_CENTRE, COUNT_FORMAT),
            (result.count, TOP_CENTRE, COUNT_FORMAT),
            (len(result.not_due), TOP_CENTRE, COUNT_FORMAT),
            (len(result.unscored), TOP_CENTRE, COUNT_FORMAT),
            (_result_value(result), TOP_CENTRE, result_format),
            (", ".join(result.unscored), TOP, None),
        )
        for column, (value, alignment, number_format) in enumerate(values, start=1):
            put(ws, row, column, value, font=font, alignment=alignment,
                number_format=number_format)  # fmt: skip
        fit_height(ws, row, [title, ", ".join(result.unscored)], [WIDTHS[1], WIDTHS[7]])
    return row


def _level_table(ws: Worksheet, row: int, doc: ReportDocument, total: Result) -> None:
    """Counts per level of the scale; shares are of the scored measures, as scoring gives."""
    _headers(ws, row, LEVEL_HEADERS)
    result_format = score_format(doc.scale)
    seen: set[str] = set()
    lines: list[tuple[Decimal | None, str, str, int, Decimal | None]] = []
    for level in doc.scale.levels:
        key = level_key(level.score)
        if key in seen:  # two labels for one score: counted once, under the first
            continue
        seen.add(key)
        share = total.shares.get(key)
        lines.append((level.score, level.label_mn, level.label_en, total.counts[key], share))
    if total.counts.get(OTHER):
        lines.append((None, "Бусад оноо", "Other score", total.counts[OTHER], total.shares[OTHER]))
    lines.append((None, f"Хугацаа болоогүй ({doc.scale.not_due_mark})", "Not yet due",
                  len(total.not_due), None))  # fmt: skip
    lines.append((None, "Үнэлгээгүй", "Not evaluated", len(total.unscored), None))
    for score, label_mn, label_en, count, share in lines:
        row += 1
        put(ws, row, 1, score, alignment=TOP_CENTRE, number_format=result_format)
        put(ws, row, 2, label_mn)
        put(ws, row, 3, label_en)
        put(ws, row, 4, count, alignment=TOP_CENTRE, number_format=COUNT_FORMAT)
        put(ws, row, 5, share, alignment=TOP_CENTRE, number_format=SHARE_FORMAT)
