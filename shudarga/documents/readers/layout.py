"""Which column holds what: header rows recognised by the wordings seen in practice.

A table's header may span two rows (a merged "Үр дүнгийн үзүүлэлт" over four columns); the
lower row's words win for a column, the upper row fills the rest. Without a header the
columns of the official table are assumed (the seed's order).
"""

from __future__ import annotations

import re
from enum import StrEnum

from shudarga.documents.textnorm import fold


class Role(StrEnum):
    NUMBER = "number"
    TEXT = "text"
    SPENT = "spent"
    INDICATOR = "indicator"
    TARGET = "target"
    ACHIEVED = "achieved"
    SCORE = "score"
    BUDGET = "planned_budget"
    RESPONSIBLE = "responsible_unit"
    DEADLINE = "deadline"
    OBJECTIVE = "objective"


# The official table: Д/д · арга хэмжээ · зарцуулсан хөрөнгө · шалгуур · хүрэх · хүрсэн.
DEFAULT_LAYOUT: tuple[Role, ...] = (
    Role.NUMBER,
    Role.TEXT,
    Role.SPENT,
    Role.INDICATOR,
    Role.TARGET,
    Role.ACHIEVED,
)

# (pattern on the folded header cell, role); the first match wins, so specific ones come first.
_HEADER_PATTERNS: tuple[tuple[re.Pattern[str], Role], ...] = tuple(
    (re.compile(pattern), role)
    for pattern, role in (
        (r"^(д/д|№|дд|д\.д|д/д\.|№ ?д/д|д/ д)$", Role.NUMBER),
        (r"хүрсэн", Role.ACHIEVED),
        (r"хүрэх", Role.TARGET),
        (r"зарцуулсан", Role.SPENT),
        (r"төсөв|санхүүжилт", Role.BUDGET),
        (r"шалгуур|гүйцэтгэлийн үзүүлэлт", Role.INDICATOR),
        (
            r"^(хувь|оноо|үнэлгээ)\b|^%$|(хэрэгжилт|биелэлт)\S*\s*[/(]?\s*(хувь|%)"
            r"|^хэрэгжилт \(хувь\)|^(үнэлгээний |нийт )?дүн$",
            Role.SCORE,
        ),
        (r"биелэлт|хэрэгжилт", Role.ACHIEVED),
        (r"арга хэмжээ|ажлууд|ажлын нэр", Role.TEXT),
        (r"хариуцах", Role.RESPONSIBLE),
        (r"хугацаа", Role.DEADLINE),
        (r"зорилт|чиглэл|үндсэн үйл ажиллагаа", Role.OBJECTIVE),
    )
)
# Words that make a row a header without naming a column of their own.
_GROUP_HEADERS = ("үр дүнгийн үзүүлэлт",)
# A header row is short: a cell this long is text, not a column name.
_MAX_HEADER_CELL = 80


def header_role(cell: str) -> Role | None:
    folded = fold(cell)
    if not folded:
        return None
    for pattern, role in _HEADER_PATTERNS:
        if pattern.search(folded):
            return role
    return None


def is_header_row(cells: list[str]) -> bool:
    """At least two cells name columns (or one names a column and one is a group header).

    A row that starts with a measure number ("1.1") is a measure, whatever its words.
    """
    filled = [c for c in cells if c.strip()]
    if filled and _NUMBER_CELL.match(filled[0]):
        return False
    named = sum(1 for c in cells if header_role(c) is not None and len(c) < _MAX_HEADER_CELL)
    grouped = sum(1 for c in cells if fold(c) in _GROUP_HEADERS)
    return named >= 2 or (named >= 1 and grouped >= 1)


def is_strong_header_row(cells: list[str]) -> bool:
    """A header row that can stand in the middle of a table (a second table's header).

    Measure rows can hold a word like "хугацаа", so here every filled cell must be short and
    at least three must name columns.
    """
    filled = [c for c in cells if c.strip()]
    named = sum(1 for c in filled if header_role(c) is not None)
    return is_header_row(cells) and named >= 3 and all(len(c) < _MAX_HEADER_CELL for c in filled)


_NUMBER_CELL = re.compile(r"^\s*\d{1,3}(?:\.\d{1,6})+\.?\s*$")  # 1.1, 1.1000


def is_column_number_row(cells: list[str]) -> bool:
    """The row of column numbers under some headers: "1 2 3 4 5", in cells or on one line."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) == 1:
        filled = filled[0].split()
    return (
        len(filled) >= 3
        and all(c.isdigit() and len(c) <= 2 for c in filled)
        and filled == [str(i) for i in range(int(filled[0]), int(filled[0]) + len(filled))]
    )


def layout_from_headers(header_rows: list[list[str]]) -> tuple[Role | None, ...]:
    """Column roles from one or more header rows; unknown columns get None."""
    rows = [_without_flat_group(row) for row in header_rows]
    width = max(len(r) for r in rows)
    roles: list[Role | None] = [None] * width
    for row in rows:  # lower rows overwrite: they name the merged group's parts
        for i, cell in enumerate(row):
            if (role := header_role(cell)) is not None:
                roles[i] = role
    _second_columns(roles, rows)
    return _percent_over_points(roles, rows)


def _second_columns(roles: list[Role | None], rows: list[list[str]]) -> None:
    """Columns whose name means another role when a column of their first role stands beside.

    - "Шалгуур · Биелэлт · Гүйцэтгэлийн үзүүлэлт": the performance figure is what was achieved,
      not a second indicator glued to the first;
    - "Биелэлт · Хэрэгжилт" without a score column: the bare "Хэрэгжилт" holds the score.
    """

    def named(i: int) -> str:
        return " ".join(fold(r[i]) for r in rows if i < len(r) and r[i].strip())

    indicators = [i for i, role in enumerate(roles) if role is Role.INDICATOR]
    if len(indicators) > 1:
        for i in indicators:
            if "шалгуур" not in named(i):
                roles[i] = Role.ACHIEVED
    achieved = [i for i, role in enumerate(roles) if role is Role.ACHIEVED]
    if Role.SCORE not in roles and len(achieved) > 1:
        for i in achieved[1:]:
            if named(i) in ("хэрэгжилт", "биелэлт"):
                roles[i] = Role.SCORE
                break


_PERCENT = re.compile(r"хувь|%")


def _percent_over_points(
    roles: list[Role | None], rows: list[list[str]]
) -> tuple[Role | None, ...]:
    """A percent column and a points column ("Хувь" and "Оноо", 65.22 % = 3.26 points): the
    score is the percent; the points column is left unread rather than mixed in.
    """
    scores = [i for i, role in enumerate(roles) if role is Role.SCORE]
    if len(scores) < 2:
        return tuple(roles)
    percent = [i for i in scores if any(_PERCENT.search(fold(r[i])) for r in rows if i < len(r))]
    if percent:
        for i in scores:
            if i != percent[0]:
                roles[i] = None
    return tuple(roles)


def _without_flat_group(row: list[str]) -> list[str]:
    """A group header followed by a named cell was flattened into the row: it has no column.

    Merged, "Үр дүнгийн үзүүлэлт" is followed by the blank cells it covers; flattened
    ("Д/д · … · Үр дүнгийн үзүүлэлт · Зарцуулсан хөрөнгө · …") it would shift every column after it.
    """
    kept: list[str] = []
    for i, cell in enumerate(row):
        following = row[i + 1] if i + 1 < len(row) else ""
        if fold(cell) in _GROUP_HEADERS and header_role(following) is not None:
            continue
        kept.append(cell)
    return kept


# Header words as they appear run together on one line, longest wording first; and the
# wording each role is given back as, so the line can be read like a row of header cells.
_FLAT_WORDS: tuple[tuple[str, Role], ...] = (
    (r"д/д|№", Role.NUMBER),
    (r"хүрсэн (?:түвшин|үр дүн)(?: буюу хэрэгжилт)?(?: /хүрээгүй бол тайлбар/)?", Role.ACHIEVED),
    (r"хүрэх (?:түвшин|үр дүн)", Role.TARGET),
    (r"зарцуулсан хөрөнгө(?: /мян\.? ?төг/)?", Role.SPENT),
    (r"(?:гүйцэтгэлийн )?шалгуур(?: үзүүлэлт)?", Role.INDICATOR),
    (r"хэрэгжилт /хувь/|хувь|оноо", Role.SCORE),
    (r"биелэлт|хэрэгжилт", Role.ACHIEVED),
    (r"(?:хэрэгжүүлэх )?(?:арга хэмжээ|ажлууд)", Role.TEXT),
    (r"хариуцах (?:нэгж|эзэн|байгууллага)", Role.RESPONSIBLE),
    (r"хугацаа", Role.DEADLINE),
    (r"төсөв", Role.BUDGET),
    (r"(?:үйл ажиллагааны )?зорилт", Role.OBJECTIVE),
)
_FLAT = re.compile("|".join(f"(?P<g{i}>{w})" for i, (w, _) in enumerate(_FLAT_WORDS)))
_CANONICAL = {
    Role.NUMBER: "Д/д",
    Role.TEXT: "Хэрэгжүүлэх арга хэмжээ",
    Role.SPENT: "Зарцуулсан хөрөнгө",
    Role.INDICATOR: "Шалгуур үзүүлэлт",
    Role.TARGET: "Хүрэх түвшин",
    Role.ACHIEVED: "Хүрсэн түвшин",
    Role.SCORE: "Хувь",
    Role.BUDGET: "Төсөв",
    Role.RESPONSIBLE: "Хариуцах нэгж",
    Role.DEADLINE: "Хугацаа",
    Role.OBJECTIVE: "Зорилт",
}
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def flat_header_cells(text: str) -> list[str] | None:
    """A header flattened onto one line, as header cells in order; None if it is not one.

    Titles hold header words too ("…ТӨЛӨВЛӨГӨӨНИЙ БИЕЛЭЛТ"), so a flattened header must name at
    least three different columns, start with the number or the measure, and hold no year.
    """
    folded = fold(text)
    if len(folded) > 300 or _YEAR.search(folded):
        return None
    roles: list[Role] = []
    for match in _FLAT.finditer(folded):
        index = int(next(k for k, v in match.groupdict().items() if v is not None)[1:])
        roles.append(_FLAT_WORDS[index][1])
    if len(set(roles)) < 3 or roles[0] not in (Role.NUMBER, Role.TEXT, Role.OBJECTIVE):
        return None
    return [_CANONICAL[role] for role in roles]
