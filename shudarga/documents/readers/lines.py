"""Text with one cell per line: a web page or a PDF copied as text, no tabs between cells.

The header gives itself away: three or more short lines in a row that each name a column
("Хэрэгжүүлэх арга хэмжээ", "Шалгуур", "Биелэлт", "Оноо"). Below it every measure starts at a
line with its number ("1.1", alone or glued to the text: "1.1.Авлигын…"); the lines after it
are its cells in the header's order. Empty cells leave no line, so a trailing rating is pinned
to a score column that ends the row. Headings (sections, "Зорилт 1.", "Нэг.") stay rows of
their own; in a table with an objective column a lone "2" followed by a line and then measure
"2.1" is objective 2 and its title (the merged cell's two paragraphs).

The rows rebuilt here go to the shared interpreter (table.py) like any other table; lines a
measure has more of than the header has columns land past the last column, where the
interpreter keeps them as warnings.
"""

from __future__ import annotations

import re

from shudarga.documents.model import Scale
from shudarga.documents.readers.layout import Role, header_role, layout_from_headers
from shudarga.documents.readers.objectives import objective_of_row
from shudarga.documents.readers.ratings import level_rating, parse_rating_cell
from shudarga.documents.readers.title import stated_total

_MIN_HEADER_LINES = 3
_MAX_HEADER_LINE = 80
_NUMBER_ALONE = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)\.?\s*$")
_NUMBER_GLUED = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})+)\.?\s*(?=\S)")
_MAX_TOTAL_LINE = 60
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _header_run(lines: list[str]) -> tuple[int, int] | None:
    """Where the first run of header lines starts and ends (end exclusive)."""
    start = None
    for i, line in enumerate([*lines, ""]):
        named = (
            len(line) < _MAX_HEADER_LINE
            and header_role(line) is not None
            and objective_of_row([line], in_table=True) is None  # "Нэг. … биелэлт" opens a section
            and stated_total(line) is None  # "Төлөвлөгөөний хэрэгжилт: 85 хувь"
            and not _YEAR.search(line)  # a title names its year ("… 2024 ОНЫ … БИЕЛЭЛТ")
        )
        if named and start is None:
            start = i
        elif not named and start is not None:
            if i - start >= _MIN_HEADER_LINES:
                return start, i
            start = None
    return None


def is_line_table(lines: list[str]) -> bool:
    """No tabs anywhere and a header written one column per line."""
    return not any("\t" in line for line in lines) and _header_run(_filled(lines)) is not None


def _filled(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip()]


def _measure_start(line: str, *, single: bool = False) -> str | None:
    """The measure number a line starts with: "1.1", or "1" alone when ``single`` (a "№"
    column numbers measures 1, 2, 3 and no objective column holds a lone "2")."""
    match = _NUMBER_ALONE.match(line) or _NUMBER_GLUED.match(line)
    if match and ("." in match.group(1) or (single and _NUMBER_ALONE.match(line))):
        return match.group(1)
    return None


def _column_numbers(body: list[str], width: int) -> int:
    """How many lines at the top of the body are the row of column numbers "1" … "N"."""
    head = body[:width]
    return width if head == [str(i) for i in range(1, width + 1)] else 0


def _is_rating(line: str, scale: Scale) -> bool:
    return parse_rating_cell(line, scale) is not None or level_rating(line, scale) is not None


class _Rebuilder:
    def __init__(self, header: list[str], scale: Scale) -> None:
        self.roles = list(layout_from_headers([header]))
        self.width = len(self.roles)
        self.scale = scale

    def record(self, lines: list[str]) -> list[str]:
        """One measure's row on the header's columns."""
        row = [""] * self.width
        columns = list(range(self.width))
        if Role.OBJECTIVE in self.roles:
            columns.remove(self.roles.index(Role.OBJECTIVE))
        first, rest = lines[0], lines[1:]
        if Role.NUMBER in self.roles and _NUMBER_ALONE.match(first):
            row[self.roles.index(Role.NUMBER)] = first
            columns.remove(self.roles.index(Role.NUMBER))
        elif Role.NUMBER in self.roles:
            columns.remove(self.roles.index(Role.NUMBER))
            rest = [first, *rest]
        else:
            rest = [first, *rest]
        last = self.width - 1
        if rest and self.roles[last] is Role.SCORE and _is_rating(rest[-1], self.scale):
            row[last] = rest.pop()
            columns.remove(last)
        for column, line in zip(columns, rest, strict=False):
            row[column] = line
        return row + rest[len(columns) :]  # lines past the columns: kept by the interpreter


def line_rows(lines: list[str], scale: Scale) -> list[list[str]]:
    """The rows of a one-cell-per-line text, ready for the interpreter."""
    filled = _filled(lines)
    run = _header_run(filled)
    if run is None:
        raise ValueError("not a one-cell-per-line table: ask is_line_table first")
    start, end = run
    header = filled[start:end]
    builder = _Rebuilder(header, scale)
    rows: list[list[str]] = [[line] for line in filled[:start]]
    rows.append(header)
    objective_column = (
        builder.roles.index(Role.OBJECTIVE) if Role.OBJECTIVE in builder.roles else None
    )
    body = filled[end:]
    skip = _column_numbers(body, builder.width)
    if skip:
        rows.append([" ".join(body[:skip])])  # the interpreter knows this row
    body = body[skip:]
    single = Role.NUMBER in builder.roles and objective_column is None
    i = 0
    current: list[str] | None = None  # the lines of the measure being gathered

    def flush() -> None:
        nonlocal current
        if current is not None:
            rows.append(builder.record(current))
            current = None

    while i < len(body):
        line = body[i]
        if _measure_start(line, single=single) is not None:
            flush()
            current = [line]
        elif (
            current is not None
            and len(current) == 1
            and objective_column is not None
            and objective_of_row([line], in_table=True) is not None
        ):
            rows.append([line])  # "1.1", then "Зорилт 1. …" of the merged column beside it
        elif objective_column is not None and _objective_cell(body, i):
            flush()
            row = [""] * builder.width
            row[objective_column] = f"{line}\n{body[i + 1]}"
            rows.append(row)
            i += 1
        elif (
            current is None
            or objective_of_row([line], in_table=True) is not None
            or (len(line) < _MAX_TOTAL_LINE and stated_total(line) is not None)
        ):
            flush()
            rows.append([line])
        else:
            current.append(line)
        i += 1
    flush()
    return rows


def _objective_cell(body: list[str], i: int) -> bool:
    """ "2", a title, then measure "2.1": the two paragraphs of a merged objective cell."""
    match = _NUMBER_ALONE.match(body[i])
    if not match or "." in match.group(1) or i + 2 >= len(body):
        return False
    following = _measure_start(body[i + 2])
    return (
        _measure_start(body[i + 1]) is None
        and following is not None
        and following.split(".")[0] == match.group(1)
    )
