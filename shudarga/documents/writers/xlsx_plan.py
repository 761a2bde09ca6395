"""The plan's sheet "Төлөвлөгөө" of the XLSX writer: the plan's table (plan_table.py).

Title, one header row, sections and objectives as merged rows, a row per measure with the
planned budget as a number, "Зорилтын дүн" after each objective and "НИЙТ ДҮН" at the end,
their sums as numbers (values, not formulas: a reader without a calculation engine sees them).
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from shudarga.documents.model import MeasureEntry, ReportDocument
from shudarga.documents.writers.common import (
    objective_text,
    official_title,
    section_text,
    with_sections,
)
from shudarga.documents.writers.plan_table import (
    BUDGET_COLUMN,
    OBJECTIVE_SUM_LABEL,
    PLAN_COLUMNS,
    PLAN_SUM_LABEL,
    cell_texts,
    objective_budget,
    plan_budget,
    plan_cells,
)
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
    set_up_printing,
)

PLAN_SHEET = "Төлөвлөгөө"
# Д/д, measure, indicator, target, budget, responsible unit, deadline; in widths of a "0"
PLAN_WIDTHS = (7, 50, 28, 26, 13, 26, 18)
HEADER_ROW = 2
FIRST_DATA_ROW = 3
_BUDGET = BUDGET_COLUMN + 1  # 1-based


def write_plan_sheet(ws: Worksheet, doc: ReportDocument) -> None:
    ws.title = PLAN_SHEET
    last = len(PLAN_COLUMNS)
    for column, width in enumerate(PLAN_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(column)].width = width
    title = official_title(doc)
    put(ws, 1, 1, title, font=TITLE, alignment=MIDDLE_CENTRE, border=False)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    fit_height(ws, 1, [title], [sum(PLAN_WIDTHS) * 0.8])
    for column, label in enumerate(PLAN_COLUMNS, start=1):
        put(ws, HEADER_ROW, column, label, font=BOLD, alignment=MIDDLE_CENTRE, fill=HEADER_FILL)
    fit_height(ws, HEADER_ROW, list(PLAN_COLUMNS), PLAN_WIDTHS)
    row = FIRST_DATA_ROW
    for section, objective in with_sections(doc):
        if section is not None:
            _heading(ws, row, section_text(section))
            row += 1
        _heading(ws, row, objective_text(objective))
        row += 1
        for measure in objective.measures:
            _measure(ws, row, measure)
            row += 1
        _sum(ws, row, OBJECTIVE_SUM_LABEL, objective_budget(objective))
        row += 1
    _sum(ws, row, PLAN_SUM_LABEL, plan_budget(doc))
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=1)
    set_up_printing(ws, f"{HEADER_ROW}:{HEADER_ROW}")


def _heading(ws: Worksheet, row: int, text: str) -> None:
    put(ws, row, 1, text, font=BOLD, alignment=TOP, fill=OBJECTIVE_FILL)
    merge(ws, row, 1, len(PLAN_COLUMNS), fill=OBJECTIVE_FILL)
    fit_height(ws, row, [text], [sum(PLAN_WIDTHS)])


def _measure(ws: Worksheet, row: int, measure: MeasureEntry) -> None:
    cells = plan_cells(measure)
    texts = cell_texts(cells, "")
    for column, text in enumerate(texts, start=1):
        if column == _BUDGET:
            put(ws, row, column, cells.budget, alignment=TOP_CENTRE, number_format=MONEY_FORMAT)
        else:
            put(ws, row, column, text, alignment=TOP_CENTRE if column in (1, 7) else TOP)
    fit_height(ws, row, list(texts), PLAN_WIDTHS)


def _sum(ws: Worksheet, row: int, label: str, amount: Decimal | None) -> None:
    put(ws, row, 1, label, font=BOLD, alignment=TOP_RIGHT)
    merge(ws, row, 1, _BUDGET - 1)
    # "-" when no measure has a budget, as the other formats write it: the row stays a sum.
    value = "-" if amount is None else amount
    put(ws, row, _BUDGET, value, font=BOLD, alignment=TOP_CENTRE, number_format=MONEY_FORMAT)
    for column in range(_BUDGET + 1, len(PLAN_COLUMNS) + 1):
        put(ws, row, column, None)
