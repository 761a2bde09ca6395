"""Reader for Excel workbooks (.xlsx): the first sheet that holds a report table.

The workbook is opened read-only (openpyxl streams each sheet's XML: memory and time grow with
the rows, never with the sheet's declared size) with the values Excel last calculated (a formula
gives its result). Read-only mode gives no merged ranges, so they are read from the sheet's XML
first: a merged range gives its text once, from its top-left cell. Numbers
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
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any
from xml.etree.ElementTree import iterparse

import openpyxl
from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.utils.cell import range_boundaries
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser

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


_MERGE_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}mergeCell"


def merged_ranges(sheet: ReadOnlyWorksheet) -> list[tuple[int, int, int, int]]:
    """The sheet's merged ranges as (min_col, min_row, max_col, max_row), clipped to the bounds.

    One streaming pass over the sheet's XML: the ranges stand after the rows, and the rows must
    know them as they go by.
    """
    ranges: list[tuple[int, int, int, int]] = []
    with sheet._get_source() as source:
        for _, element in iterparse(source):
            if element.tag == _MERGE_TAG and (ref := element.get("ref")):
                min_col, min_row, max_col, max_row = range_boundaries(ref)
                if min_col <= MAX_COLUMNS and min_row <= MAX_ROWS:
                    ranges.append((min_col, min_row, max_col, max_row))
            element.clear()  # a streamed row is not kept
    return ranges


class _Covered:
    """Which cells a merged range covers (all but its top-left), row by row in one sweep.

    Merged ranges never overlap, so the ranges of one row are at most MAX_COLUMNS intervals.
    """

    def __init__(self, ranges: list[tuple[int, int, int, int]]) -> None:
        self._pending = sorted(ranges, key=lambda r: r[1], reverse=True)
        self._active: list[tuple[int, int, int, int]] = []

    def at(self, row: int) -> list[tuple[int, int, int, int]]:
        while self._pending and self._pending[-1][1] <= row:
            self._active.append(self._pending.pop())
        self._active = [r for r in self._active if r[3] >= row]
        return self._active

    @staticmethod
    def covers(ranges: list[tuple[int, int, int, int]], row: int, column: int) -> bool:
        return any(
            r[0] <= column <= r[2] and (column, row) != (r[0], r[1]) for r in ranges if r[1] <= row
        )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def sheet_rows(sheet: ReadOnlyWorksheet) -> Iterator[list[str]]:
    """The sheet's non-empty rows of cell texts, streamed; a merged range gives its text in the
    top-left cell only. A text beyond MAX_ROWS or MAX_COLUMNS is refused (a sheet that large is
    not a report table), never silently dropped."""
    covered = _Covered(merged_ranges(sheet))
    workbook = sheet.parent
    parser = WorkSheetParser(
        sheet._get_source(),
        sheet._shared_strings,
        data_only=workbook.data_only,
        epoch=workbook.epoch,
        date_formats=workbook._date_formats,
        timedelta_formats=workbook._timedelta_formats,
    )
    # The parser yields the rows that exist in the file, with their own numbers: a gap of a
    # million rows costs nothing (openpyxl's iter_rows would fill it with empty rows).
    for row_number, row in parser.parse():
        ranges = covered.at(row_number)
        cells: dict[int, str] = {}
        for cell in row:
            column = cell["column"]
            if cell["value"] is None or (ranges and covered.covers(ranges, row_number, column)):
                continue
            value = cell["value"]
            # Only a number needs its format; looking it up costs a cell object.
            shown = ReadOnlyCell(sheet, **cell).number_format if _is_number(value) else "General"
            text = cell_value_text(value, shown)
            if not text:
                continue
            if row_number > MAX_ROWS or column > MAX_COLUMNS:
                raise ReadError(
                    "sheet_too_large",
                    sheet=sheet.title,
                    rows=MAX_ROWS,
                    columns=MAX_COLUMNS,
                )
            cells[column] = text
        if cells:
            yield [cells.get(c, "") for c in range(1, max(cells) + 1)]


def _metadata(workbook: Workbook) -> str | None:
    candidates: list[Any] = []
    if KEY in workbook.sheetnames:
        candidates.append(workbook[KEY]["A1"].value)
    candidates.append(workbook.properties.description)
    for prop in getattr(workbook, "custom_doc_props", None) or []:
        if getattr(prop, "name", None) == KEY:
            candidates.append(getattr(prop, "value", None))
    return next((c for c in candidates if is_metadata(c)), None)


def _report_sheets(workbook: Workbook) -> list[ReadOnlyWorksheet]:
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
    workbook: Workbook | None = None
    try:
        with warnings.catch_warnings():
            # openpyxl warns about extensions it does not keep (data validation, slicers).
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            metadata = _metadata(workbook)
            scale = embedded_scale(metadata, GOVERNMENT_SCALE)
            # The sheets stream while they are read, so a damaged sheet shows up here.
            return apply_embedded(_first_report(workbook, source, scale), metadata)
    except ReadError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise ReadError("file_corrupt", kind="xlsx") from exc
    finally:
        if workbook is not None:
            workbook.close()  # read-only mode keeps the archive open
