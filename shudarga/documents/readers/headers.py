"""The header of a report table as the rows go by: which column holds what, from where on.

Before the table body any header row counts (one or two rows, or a header flattened onto one
line); inside the body only a header repeated on a later page, which is skipped, or a strong
header that starts a second table with its own columns. The row of column numbers under a
header ("1 2 3 4 5") and its repeats are skipped. A money column whose header names another
unit than thousand MNT ("Төсөв /сая төг/") keeps that unit for its amounts; a score column that
declares a point scale ("Оноо /5/", "5 онооны үнэлгээ") keeps its maximum, so that points are
read as percents.
"""

from __future__ import annotations

import re
from decimal import Decimal

from shudarga.documents.readers.cells import header_unit
from shudarga.documents.readers.layout import (
    DEFAULT_LAYOUT,
    Role,
    flat_header_cells,
    is_column_number_row,
    is_header_row,
    is_strong_header_row,
    layout_from_headers,
)
from shudarga.documents.textnorm import fold

# A header is a few rows (a group row, its parts, the column numbers); a longer run of rows that
# look like headers keeps only its last rows in force, so that each row costs the same.
MAX_HEADER_BLOCK = 6


def row_key(cells: list[str]) -> tuple[str, ...]:
    return tuple(fold(c) for c in cells if c.strip())


class Headers:
    """The header in force, the headers seen, and whether the last row was a header."""

    def __init__(self) -> None:
        self.layout: tuple[Role | None, ...] | None = None
        self.rows: list[list[str]] = []  # every header row seen
        self._seen: set[tuple[str, ...]] = set()  # their keys, to know repeats in one look-up
        self.block: list[list[str]] = []  # the header rows in force
        self.after_header = False
        self.column_numbers: tuple[str, ...] | None = None
        self.units: dict[Role, Decimal] = {}

    def take(self, cells: list[str], *, started: bool) -> bool:
        """True when the row is a header or a row of column numbers (and so is used up)."""
        if self._header(cells, started=started) or self._column_numbers(cells):
            return True
        self.after_header = False
        return False

    def role_at(self, index: int) -> Role | None:
        layout = self.layout or DEFAULT_LAYOUT
        return layout[index] if index < len(layout) else None

    def name_at(self, index: int) -> str:
        """The header's words over a column ("" without a header), for messages."""
        words = [r[index].strip() for r in self.block if index < len(r) and r[index].strip()]
        return " / ".join(words)

    def has(self, role: Role) -> bool:
        return role in (self.layout or DEFAULT_LAYOUT)

    def _header(self, cells: list[str], *, started: bool) -> bool:
        row = cells
        if started and is_header_row(cells) and row_key(cells) in self._seen:
            self.after_header = True  # the header repeated on the next page
            return True
        if not started and (flat := _flat_header(cells)):
            row = flat
        elif not (is_strong_header_row(cells) if started else is_header_row(cells)):
            return False
        if not self.after_header:
            self.block = []
        self.block.append(row)
        del self.block[:-MAX_HEADER_BLOCK]
        self.rows.append(row)
        self._seen.add(row_key(row))
        self.layout = layout_from_headers(self.block)
        self.units = self._units()
        self.after_header = True
        return True

    def _units(self) -> dict[Role, Decimal]:
        units: dict[Role, Decimal] = {}
        for index, role in enumerate(self.layout or ()):
            if role in (Role.SPENT, Role.BUDGET):
                header = " ".join(r[index] for r in self.block if index < len(r))
                if (unit := header_unit(header)) != 1:
                    units[role] = unit
            if role is Role.SCORE:
                header = " ".join(r[index] for r in self.block if index < len(r))
                if maximum := points_maximum(header):
                    units[role] = maximum
        return units

    def _column_numbers(self, cells: list[str]) -> bool:
        if not is_column_number_row(cells):
            return False
        if self.after_header or row_key(cells) == self.column_numbers:
            self.column_numbers = row_key(cells)
            return True
        return False


# "Оноо /5/", "Оноо (5)", "Үнэлгээ /5 оноо/", "5 онооны үнэлгээ", "5 оноогоор".
_POINTS = re.compile(
    r"(?:оноо|үнэлгээ)\S*\s*[/(]\s*(?P<a>\d{1,2})\s*(?:оноо\S*)?\s*[/)]"
    r"|(?P<b>\d{1,2})\s*оноо(?:ны|гоор)",
    re.IGNORECASE,
)


def points_maximum(header: str) -> Decimal | None:
    """The top of a point scale a score column's header declares, or None (percents)."""
    match = _POINTS.search(fold(header))
    if not match:
        return None
    top = Decimal(match["a"] or match["b"])
    return top if 0 < top < 100 else None


def _flat_header(cells: list[str]) -> list[str] | None:
    filled = [c for c in cells if c.strip()]
    return flat_header_cells(filled[0]) if len(filled) == 1 else None
