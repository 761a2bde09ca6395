"""Cell styles and safe cell writing shared by the sheets of the XLSX writer."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from shudarga.documents.model import Scale
from shudarga.documents.writers.docx_package import xml_safe

FONT_NAME = "Times New Roman"  # as in the DOCX; LibreOffice shows it as Liberation Serif
PLAIN = Font(name=FONT_NAME, size=10)
BOLD = Font(name=FONT_NAME, size=10, bold=True)
TITLE = Font(name=FONT_NAME, size=12, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
OBJECTIVE_FILL = PatternFill("solid", fgColor="F2F2F2")
_THIN = Side(style="thin", color="000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
TOP = Alignment(wrap_text=True, vertical="top")
TOP_CENTRE = Alignment(wrap_text=True, vertical="top", horizontal="center")
TOP_RIGHT = Alignment(wrap_text=True, vertical="top", horizontal="right")
MIDDLE_CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
MONEY_FORMAT = "#,##0.0"
COUNT_FORMAT = "0"
SHARE_FORMAT = "0.0"

LINE_POINTS = 12.75  # one line of 10 pt text, with Excel's leading
MAX_ROW_POINTS = 409.0  # Excel's limit for a row's height
# Characters of 10 pt Times New Roman (Cyrillic) per unit of column width, a little
# pessimistic: a row a line too tall is better than text cut off in print.
_CHARS_PER_WIDTH_UNIT = 1.3


def score_format(scale: Scale) -> str:
    """ "0" for whole percents, "0.0" for a one-decimal scale, and so on."""
    return "0" if scale.decimals <= 0 else "0." + "0" * scale.decimals


def put(
    ws: Worksheet,
    row: int,
    column: int,
    value: str | Decimal | int | None,
    *,
    font: Font = PLAIN,
    alignment: Alignment = TOP,
    fill: PatternFill | None = None,
    number_format: str | None = None,
    border: bool = True,
) -> Cell:
    """Write one cell. Text is always text: "=…" from a report is never made a formula."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = xml_safe(value)
        if cell.data_type == "f":  # openpyxl takes a leading "=" for a formula
            cell.data_type = "s"
    else:
        cell.value = value
    cell.font = font
    cell.alignment = alignment
    if fill is not None:
        cell.fill = fill
    if number_format is not None:
        cell.number_format = number_format
    if border:
        cell.border = BORDER
    return cell


def merge(
    ws: Worksheet,
    row: int,
    first: int,
    last: int,
    *,
    fill: PatternFill | None = None,
    rows: int = 1,
) -> None:
    """Merge a block whose top-left cell is written; every cell gets the border and fill, so
    the merged block is framed and filled all round in every spreadsheet program."""
    for r in range(row, row + rows):
        for c in range(first, last + 1):
            cell = ws.cell(row=r, column=c)
            cell.border = BORDER
            if fill is not None:
                cell.fill = fill
    ws.merge_cells(start_row=row, start_column=first, end_row=row + rows - 1, end_column=last)


def lines_needed(texts: Sequence[str], widths: Sequence[float]) -> int:
    """Printed lines of the tallest of ``texts``, each wrapped at the matching column width."""
    tallest = 1
    for text, width in zip(texts, widths, strict=True):
        per_line = max(1, int(width * _CHARS_PER_WIDTH_UNIT))
        lines = sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))
        tallest = max(tallest, lines)
    return tallest


def fit_height(ws: Worksheet, row: int, texts: Sequence[str], widths: Sequence[float]) -> None:
    """Set the row tall enough for its wrapped text: Excel does not grow rows of merged cells
    or of files it did not lay out itself, so without this long texts would be cut off."""
    points = lines_needed(texts, widths) * LINE_POINTS + 3
    ws.row_dimensions[row].height = min(points, MAX_ROW_POINTS)


def set_up_printing(ws: Worksheet, title_rows: str) -> None:
    """A4 landscape, all columns on the page width, header rows repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the table needs
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.page_margins = PageMargins(left=0.6, right=0.4, top=0.5, bottom=0.6)
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "&P / &N"
