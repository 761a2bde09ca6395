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
        (r"^(д/д|№|дд|д\.д|д/д\.)$", Role.NUMBER),
        (r"хүрсэн", Role.ACHIEVED),
        (r"хүрэх", Role.TARGET),
        (r"зарцуулсан", Role.SPENT),
        (r"төсөв|санхүүжилт", Role.BUDGET),
        (r"шалгуур|гүйцэтгэлийн үзүүлэлт", Role.INDICATOR),
        (r"^(хувь|оноо|үнэлгээ)\b|хэрэгжилт\s*/\s*хувь|^хэрэгжилт \(хувь\)", Role.SCORE),
        (r"биелэлт|хэрэгжилт", Role.ACHIEVED),
        (r"арга хэмжээ|ажлууд|ажлын нэр", Role.TEXT),
        (r"хариуцах", Role.RESPONSIBLE),
        (r"хугацаа", Role.DEADLINE),
        (r"зорилт|чиглэл", Role.OBJECTIVE),
    )
)
# Words that make a row a header without naming a column of their own.
_GROUP_HEADERS = ("үр дүнгийн үзүүлэлт",)


def header_role(cell: str) -> Role | None:
    folded = fold(cell)
    if not folded:
        return None
    for pattern, role in _HEADER_PATTERNS:
        if pattern.search(folded):
            return role
    return None


def is_header_row(cells: list[str]) -> bool:
    """At least two cells name columns (or one names a column and one is a group header)."""
    named = sum(1 for c in cells if header_role(c) is not None and len(c) < 80)
    grouped = sum(1 for c in cells if fold(c) in _GROUP_HEADERS)
    return named >= 2 or (named >= 1 and grouped >= 1)


def is_column_number_row(cells: list[str]) -> bool:
    """The row of column numbers under some headers: "1 2 3 4 5"."""
    filled = [c.strip() for c in cells if c.strip()]
    return len(filled) >= 3 and all(c.isdigit() for c in filled) and filled == [
        str(i) for i in range(int(filled[0]), int(filled[0]) + len(filled))
    ]


def layout_from_headers(header_rows: list[list[str]]) -> tuple[Role | None, ...]:
    """Column roles from one or more header rows; unknown columns get None."""
    width = max(len(r) for r in header_rows)
    roles: list[Role | None] = [None] * width
    for row in header_rows:  # lower rows overwrite: they name the merged group's parts
        for i, cell in enumerate(row):
            if (role := header_role(cell)) is not None:
                roles[i] = role
    return tuple(roles)
