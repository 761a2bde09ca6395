"""Which tables of a Word file or web page are the report, and the rows they make together.

A document is a sequence of blocks: lines of text (paragraphs, headings) and tables. The report
is in the tables that hold measures under a header, an objective or "1.1"-style numbers (a
calendar or a contact table numbered 1, 2, 3 is not). A report split across pages may go on in
a second table, with or without its header repeated: a table next to a report table with the
same number of columns belongs to it.

The rows handed to the interpreter: the lines above the first report table (the title is among
them), the report tables in order with the lines between them (an objective may be a paragraph
between two tables), and of the lines after the last table only the stated total.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shudarga.documents.errors import ReadError
from shudarga.documents.model import GOVERNMENT_SCALE, Scale
from shudarga.documents.readers.layout import is_column_number_row, is_header_row
from shudarga.documents.readers.table import survey_rows
from shudarga.documents.readers.title import stated_total

_MAX_TOTAL_LINE = 80


@dataclass
class Block:
    """Lines of text, or a table as rows of cell texts (merged cells give their text once)."""

    lines: list[str] = field(default_factory=list)
    rows: list[list[str]] | None = None

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows or []), default=0)

    def as_lines(self) -> list[str]:
        if self.rows is None:
            return self.lines
        return [" ".join(c for c in row if c.strip()) for row in self.rows]


def _is_header_only(rows: list[list[str]]) -> bool:
    filled = [r for r in rows if any(c.strip() for c in r)]
    return bool(filled) and all(is_header_row(r) or is_column_number_row(r) for r in filled)


def report_tables(blocks: list[Block], scale: Scale = GOVERNMENT_SCALE) -> list[int]:
    """Indices of the blocks that are the report's tables, in order."""
    tables = [i for i, b in enumerate(blocks) if b.rows is not None]
    surveys = {i: survey_rows(blocks[i].rows or [], scale=scale) for i in tables}
    chosen = [i for i in tables if surveys[i].measures and surveys[i].structured]
    if not chosen:
        chosen = [i for i in tables if surveys[i].measures]
    if not chosen:
        return []
    picked = set(chosen)
    # Continuations: the next table of the same width, again and again.
    for position, index in enumerate(tables):
        if index in picked:
            continue
        before = tables[position - 1] if position else None
        after = tables[position + 1] if position + 1 < len(tables) else None
        if before in picked and blocks[before].width == blocks[index].width:
            picked.add(index)
        elif (
            after in picked
            and blocks[after].width == blocks[index].width
            and _is_header_only(blocks[index].rows or [])
        ):
            picked.add(index)  # a header kept in a table of its own
    return sorted(picked)


def rows_from_blocks(blocks: list[Block], scale: Scale = GOVERNMENT_SCALE) -> list[list[str]]:
    """The rows of the report for the interpreter; ReadError("no_table") if there is none."""
    chosen = report_tables(blocks, scale)
    if not chosen:
        raise ReadError("no_table")
    first, last = chosen[0], chosen[-1]
    rows: list[list[str]] = []
    for index, block in enumerate(blocks):
        if index in chosen:
            rows.extend(block.rows or [])
            continue
        lines = [line for line in block.as_lines() if line.strip()]
        if index > last:
            lines = [s for s in lines if len(s) < _MAX_TOTAL_LINE and stated_total(s) is not None]
        elif index > first and block.rows is not None:
            continue  # a small table inside the report (a note, a signature): not its rows
        rows.extend([line] for line in lines)
    return rows
