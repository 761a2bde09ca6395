"""Reader for Excel workbooks (.xlsx): the first sheet that holds a report table.

openpyxl loads the workbook with its merged ranges (a merged range gives its text once, from
its top-left cell) and the values Excel last calculated (a formula gives its result). Numbers
are written back as Excel shows them, without float noise: 840 with the format "0.0" is
"840.0", 0.86 with "0%" is "86%", 0.4 is "0.4". Rows above the header are the title.

Metadata our own XLSX writer embeds (a hidden sheet "shudarga" with the JSON in A1, the
workbook's description, or a custom document property "shudarga") is applied to the result.
"""

from __future__ import annotations

import datetime
import io
import re
import warnings
from decimal import Decimal, InvalidOperation
from typing import Any

import openpyxl
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from shudarga.documents.embedded import KEY
from shudarga.documents.errors import ReadError
from shudarga.documents.model import GOVERNMENT_SCALE, ReportDocument, Scale
from shudarga.documents.readers.cells import clean_cell
from shudarga.documents.readers.metadata import apply_embedded, embedded_scale, is_metadata
from shudarga.documents.readers.packages import open_package
from shudarga.documents.readers.table import document_from_rows

# Beyond these a sheet is not a report table; they bound the work on a bloated sheet.
MAX_ROWS = 20_000
MAX_COLUMNS = 100
_DECIMALS = re.compile(r"0\.(0+)")
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]')


def _decimal(value: float | int | Decimal) -> Decimal:
    # repr gives the shortest text that reads back as the same float (840.0, 0.4); beyond the 15
    # significant digits a float holds for sure it is noise: 0.1 + 0.2 reads 0.3, as Excel shows.
    if isinstance(value, Decimal):
        return value
    if not isinstance(value, float):
        return Decimal(value)
    exact = Decimal(repr(value))
    return Decimal(format(value, ".15g")) if len(exact.as_tuple().digits) > 15 else exact


def number_text(value: float | int | Decimal, number_format: str = "General") -> str:
    """A number as Excel shows it with ``number_format`` (its places, its percent sign), but
    with every digit the cell holds."""
    try:
        number = _decimal(value)
    except InvalidOperation:
        return str(value)
    if not number.is_finite():
        return ""
    section = _QUOTED.sub("", (number_format or "General").split(";")[0])
    match = _DECIMALS.search(section)
    places = len(match.group(1)) if match else 0
    if "%" in section:
        number *= 100
    if match or ("%" in section) or "0" in section:
        # The format may add places (840 shown "840.0") but never takes digits away: a sum
        # of 1200.75 shown "1,200.8" is still 1200.75 thousand MNT.
        own_places = max(0, -number.normalize().as_tuple().exponent)
        number = number.quantize(Decimal(1).scaleb(-max(places, own_places)))
    text = format(number, "f")
    if "%" in section:
        text += "%"
    return text


def cell_value_text(value: Any, number_format: str = "General") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        return number_text(value, number_format)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return clean_cell(str(value))


def sheet_rows(sheet: Worksheet) -> list[list[str]]:
    """The sheet's rows of cell texts; merged ranges give their text in the top-left cell only."""
    # The sheet's own cell store holds only cells that exist in the file; walking the full
    # rectangle instead would create millions of cells for a sheet formatted to its last row.
    grid: dict[int, dict[int, str]] = {}
    for (row, column), cell in sheet._cells.items():
        if row > MAX_ROWS or column > MAX_COLUMNS:
            continue
        text = cell_value_text(cell.value, getattr(cell, "number_format", "General"))
        if text:
            grid.setdefault(row, {})[column] = text
    rows: list[list[str]] = []
    for row in sorted(grid):
        cells = grid[row]
        rows.append([cells.get(c, "") for c in range(1, max(cells) + 1)])
    return rows


def _metadata(workbook: Workbook) -> str | None:
    candidates: list[Any] = []
    if KEY in workbook.sheetnames:
        candidates.append(workbook[KEY]["A1"].value)
    candidates.append(workbook.properties.description)
    for prop in getattr(workbook, "custom_doc_props", None) or []:
        if getattr(prop, "name", None) == KEY:
            candidates.append(getattr(prop, "value", None))
    return next((c for c in candidates if is_metadata(c)), None)


def _report_sheets(workbook: Workbook) -> list[Worksheet]:
    """Visible sheets first, then hidden ones; never our metadata sheet."""
    sheets = [s for s in workbook.worksheets if s.title != KEY]
    return sorted(sheets, key=lambda s: s.sheet_state != "visible")


def _first_report(workbook: Workbook, source: str, scale: Scale) -> ReportDocument:
    for sheet in _report_sheets(workbook):
        try:
            return document_from_rows(sheet_rows(sheet), source=source, scale=scale)
        except ReadError as exc:
            if exc.code != "no_table":
                raise
    raise ReadError("no_table", name=source)


def read_xlsx(data: bytes, *, source: str = "") -> ReportDocument:
    open_package(data, "xlsx").close()  # refuses bombs and damaged ZIPs before parsing
    try:
        with warnings.catch_warnings():
            # openpyxl warns about extensions it does not keep (data validation, slicers).
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
        metadata = _metadata(workbook)
    except ReadError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise ReadError("file_corrupt", kind="xlsx") from exc
    scale = embedded_scale(metadata, GOVERNMENT_SCALE)
    return apply_embedded(_first_report(workbook, source, scale), metadata)
