"""The official table as an Excel workbook, with real numbers for those who compare reports.

- "Биелэлт": the table as in the DOCX (title, the edition line, two header rows with the same
  merges, objective rows, measure rows whose achieved cell ends with the rating paragraph),
  plus a 7th column
  "Үнэлгээ /хувь/" with the score as a number, and the row "НЭГДСЭН ДҮН" with the
  consolidated result as a number rounded by the scale's rule;
- "Дүн": per-objective results and the distribution over the scale's levels (xlsx_summary);
- a plan (DocumentKind.PLAN) has the sheet "Төлөвлөгөө" instead of both (xlsx_plan);
- "shudarga" (hidden): the embedded metadata in A1, also kept in the workbook's description.

Money and scores are numbers with number formats, never text; nothing is a formula, so a
reader without a calculation engine sees the same values Excel shows.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from shudarga.documents.embedded import KEY, metadata_text
from shudarga.documents.model import (
    DocumentKind,
    MeasureEntry,
    ObjectiveEntry,
    ReportDocument,
    Scale,
)
from shudarga.documents.scoring import ReportScore, score_document
from shudarga.documents.writers.common import (
    COLUMNS,
    GROUP_HEADER,
    edition_line,
    measure_cells,
    objective_text,
    official_title,
    section_text,
    self_assessed_line,
    total_line,
    with_sections,
)
from shudarga.documents.writers.docx_package import document_moment, stable_zip, xml_safe
from shudarga.documents.writers.xlsx_plan import write_plan_sheet
from shudarga.documents.writers.xlsx_style import (
    BOLD,
    HEADER_FILL,
    MIDDLE_CENTRE,
    MONEY_FORMAT,
    OBJECTIVE_FILL,
    TITLE,
    TOP,
    TOP_CENTRE,
    TOP_RIGHT,
    fit_height,
    merge,
    put,
    score_format,
    set_up_printing,
)
from shudarga.documents.writers.xlsx_summary import add_summary_sheet

TABLE_SHEET = "Биелэлт"
SCORE_HEADER = "Үнэлгээ /хувь/"
HEADERS = (*COLUMNS, SCORE_HEADER)
# Д/д, measure, money, indicator, target, achieved, score; in widths of a "0"
WIDTHS = (7, 42, 13, 24, 22, 70, 11)
EDITION_ROW = 2  # "Хувилбар 2, нийтэлсэн 2025-07-15" or "Нийтлэгдээгүй хувилбар"
HEADER_ROW = 3
FIRST_DATA_ROW = 5  # title, edition, then two header rows
_SPENT, _SCORE = 3, 7  # the two number columns (1-based)


def write_xlsx(doc: ReportDocument) -> bytes:
    """The report as .xlsx bytes; the same document always gives the same bytes."""
    score = score_document(doc)
    wb = Workbook()
    ws = wb.active
    if doc.kind is DocumentKind.PLAN:
        write_plan_sheet(ws, doc)
    else:
        ws.title = TABLE_SHEET
        _write_table(ws, doc, score)
        add_summary_sheet(wb, doc, score)
    _add_metadata(wb, doc)
    wb.active = 0
    return _save(wb)


def _write_table(ws: Worksheet, doc: ReportDocument, score: ReportScore) -> None:
    last = len(HEADERS)
    for column, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    title = official_title(doc)
    put(ws, 1, 1, title, font=TITLE, alignment=MIDDLE_CENTRE, border=False)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    fit_height(ws, 1, [title], [sum(WIDTHS) * 0.8])  # 12 pt capitals are wider than 10 pt
    put(ws, EDITION_ROW, 1, edition_line(doc), alignment=MIDDLE_CENTRE, border=False)
    ws.merge_cells(start_row=EDITION_ROW, start_column=1, end_row=EDITION_ROW, end_column=last)
    _write_header(ws)
    row = FIRST_DATA_ROW
    for section, objective in with_sections(doc):
        if section is not None:
            _write_heading(ws, row, section_text(section))
            row += 1
        _write_objective(ws, row, objective)
        row += 1
        for measure in objective.measures:
            _write_measure(ws, row, measure, doc.scale)
            row += 1
    _write_total(ws, row, doc, score)
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=1)
    set_up_printing(ws, f"{HEADER_ROW}:{FIRST_DATA_ROW - 1}")


def _write_header(ws: Worksheet) -> None:
    """The first header row: Д/д, the measure and the score column merged down, the group
    header across the four result columns; the second: the four result columns."""
    top, low = HEADER_ROW, HEADER_ROW + 1
    for column in (1, 2, len(HEADERS)):
        put(ws, top, column, HEADERS[column - 1], font=BOLD, alignment=MIDDLE_CENTRE,
            fill=HEADER_FILL)  # fmt: skip
        merge(ws, top, column, column, fill=HEADER_FILL, rows=2)
    put(ws, top, 3, GROUP_HEADER, font=BOLD, alignment=MIDDLE_CENTRE, fill=HEADER_FILL)
    merge(ws, top, 3, 6, fill=HEADER_FILL)
    for column in range(3, 7):
        put(ws, low, column, HEADERS[column - 1], font=BOLD, alignment=MIDDLE_CENTRE,
            fill=HEADER_FILL)  # fmt: skip
    ws.row_dimensions[top].height = 18
    fit_height(ws, low, list(HEADERS[2:6]), WIDTHS[2:6])


def _write_objective(ws: Worksheet, row: int, objective: ObjectiveEntry) -> None:
    _write_heading(ws, row, objective_text(objective))


def _write_heading(ws: Worksheet, row: int, text: str) -> None:
    put(ws, row, 1, text, font=BOLD, alignment=TOP, fill=OBJECTIVE_FILL)
    merge(ws, row, 1, len(HEADERS), fill=OBJECTIVE_FILL)
    fit_height(ws, row, [text], [sum(WIDTHS)])


def _write_measure(ws: Worksheet, row: int, measure: MeasureEntry, scale: Scale) -> None:
    cells = measure_cells(measure, scale)
    put(ws, row, 1, cells[0], alignment=TOP_CENTRE)
    put(ws, row, 2, cells[1])
    put(ws, row, _SPENT, measure.spent, alignment=TOP_CENTRE, number_format=MONEY_FORMAT)
    for column in (4, 5, 6):  # indicator, target, achieved with its rating paragraph
        put(ws, row, column, cells[column - 1])
    put(ws, row, _SCORE, _score_value(measure, scale), alignment=TOP_CENTRE,
        number_format=score_format(scale))  # fmt: skip
    fit_height(ws, row, list(cells), WIDTHS[:6])


def _score_value(measure: MeasureEntry, scale: Scale) -> Decimal | str | None:
    """The score as a number; the not-due mark as text; nothing for a measure not evaluated."""
    if measure.not_due:
        return scale.not_due_mark
    return measure.score


def _write_total(ws: Worksheet, row: int, doc: ReportDocument, score: ReportScore) -> None:
    """ "НЭГДСЭН ДҮН: 86%" as the DOCX writes it, and beside it 86 as a number, rounded by the
    scale's rule (a value, not a formula: the rule is the scale's, not Excel's ROUND)."""
    last = len(HEADERS)
    put(ws, row, 1, total_line(doc, score), font=BOLD, alignment=TOP_RIGHT)
    merge(ws, row, 1, last - 1)
    display = score.total.display
    put(ws, row, last, Decimal(display) if display is not None else None, font=BOLD,
        alignment=TOP_CENTRE, number_format=score_format(doc.scale))  # fmt: skip
    ws.row_dimensions[row].height = 18
    self_line = self_assessed_line(doc)
    if self_line:
        put(ws, row + 1, 1, self_line, alignment=TOP_RIGHT)
        merge(ws, row + 1, 1, last - 1)


def _add_metadata(wb: Workbook, doc: ReportDocument) -> None:
    """The embedded metadata twice: a hidden sheet's A1 and the workbook's description."""
    text = metadata_text(doc)
    hidden = wb.create_sheet(KEY)
    hidden["A1"] = xml_safe(text)
    hidden.sheet_state = "hidden"
    properties = wb.properties
    properties.description = xml_safe(text)
    properties.title = xml_safe(official_title(doc))
    properties.creator = xml_safe(doc.organization) or None
    properties.lastModifiedBy = "Shudarga"
    properties.language = "mn-MN"
    properties.created = properties.modified = document_moment(doc)


def _save(wb: Workbook) -> bytes:
    # ExcelWriter rather than Workbook.save: save() stamps the clock into "modified".
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return stable_zip(out.getvalue())
