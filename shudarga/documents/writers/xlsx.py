"""The official table as an Excel workbook, with real numbers for those who compare reports.

- "Биелэлт": the table as in the DOCX (title, two header rows with the same merges, objective
  rows, measure rows whose achieved cell ends with the rating paragraph), plus a 7th column
  "Үнэлгээ /хувь/" with the score as a number, and the row "НЭГДСЭН ДҮН" with the
  consolidated result as a number rounded by the scale's rule;
- "Дүн": per-objective results and the distribution over the scale's levels (xlsx_summary);
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
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from shudarga.documents.embedded import KEY, metadata_text
from shudarga.documents.model import MeasureEntry, ObjectiveEntry, ReportDocument, Scale
from shudarga.documents.scoring import ReportScore, score_document
from shudarga.documents.writers.common import (
    COLUMNS,
    GROUP_HEADER,
    measure_cells,
    objective_text,
    official_title,
    section_text,
    self_assessed_line,
    total_line,
    with_sections,
)
from shudarga.documents.writers.docx_package import document_moment, stable_zip, xml_safe
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
)
from shudarga.documents.writers.xlsx_summary import add_summary_sheet

TABLE_SHEET = "Биелэлт"
SCORE_HEADER = "Үнэлгээ /хувь/"
HEADERS = (*COLUMNS, SCORE_HEADER)
# Д/д, measure, money, indicator, target, achieved, score; in widths of a "0"
WIDTHS = (7, 42, 13, 24, 22, 70, 11)
FIRST_DATA_ROW = 4  # title, then two header rows
_SPENT, _SCORE = 3, 7  # the two number columns (1-based)


def write_xlsx(doc: ReportDocument) -> bytes:
    """The report as .xlsx bytes; the same document always gives the same bytes."""
    score = score_document(doc)
    wb = Workbook()
    ws = wb.active
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
    _set_up_printing(ws)


def _write_header(ws: Worksheet) -> None:
    """Row 2: Д/д, the measure and the score column merged down, the group header across the
    four result columns; row 3: the four result columns."""
    for column in (1, 2, len(HEADERS)):
        put(ws, 2, column, HEADERS[column - 1], font=BOLD, alignment=MIDDLE_CENTRE,
            fill=HEADER_FILL)  # fmt: skip
        merge(ws, 2, column, column, fill=HEADER_FILL, rows=2)
    put(ws, 2, 3, GROUP_HEADER, font=BOLD, alignment=MIDDLE_CENTRE, fill=HEADER_FILL)
    merge(ws, 2, 3, 6, fill=HEADER_FILL)
    for column in range(3, 7):
        put(ws, 3, column, HEADERS[column - 1], font=BOLD, alignment=MIDDLE_CENTRE,
            fill=HEADER_FILL)  # fmt: skip
    ws.row_dimensions[2].height = 18
    fit_height(ws, 3, list(HEADERS[2:6]), WIDTHS[2:6])


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


def _set_up_printing(ws: Worksheet) -> None:
    """A4 landscape, all columns on the page width, header rows repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the table needs
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"2:{FIRST_DATA_ROW - 1}"
    ws.page_margins = PageMargins(left=0.6, right=0.4, top=0.5, bottom=0.6)
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "&P / &N"


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
