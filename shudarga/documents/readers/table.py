"""From rows of cell texts to a ReportDocument: the part every table reader shares.

Text, Word, Excel and web-page readers only find the rows; this module decides what each row
is: title line, header, objective ("Зорилт 1."), measure (a number in the first column),
continuation of the previous measure after a page break (empty number cell), a rating on a
row of its own, a separator of dashes, or the stated total ("НЭГДСЭН ДҮН: 91%").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from shudarga.documents.errors import ReadError
from shudarga.documents.messages import message
from shudarga.documents.model import (
    GOVERNMENT_SCALE,
    ObjectiveEntry,
    ReportDocument,
    ReportWarning,
    Scale,
)
from shudarga.documents.readers.cells import is_separator
from shudarga.documents.readers.layout import (
    DEFAULT_LAYOUT,
    Role,
    is_column_number_row,
    is_header_row,
    layout_from_headers,
)
from shudarga.documents.readers.measures import RawMeasure, finish_measure
from shudarga.documents.readers.ratings import parse_rating_cell
from shudarga.documents.readers.title import clean_title, stated_total, title_facts

_ORDINALS = {
    "нэг": "1", "хоёр": "2", "гурав": "3", "дөрөв": "4", "тав": "5",
    "зургаа": "6", "долоо": "7", "найм": "8", "ес": "9", "арав": "10",
}
_ORDINAL_WORDS = "|".join(_ORDINALS)
_OBJECTIVE = re.compile(
    rf"^\s*(?:зорилт\s*(?P<num>\d+)|(?P<word>{_ORDINAL_WORDS}))\s*[.):]\s*(?P<title>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_MEASURE_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s*$")
_GLUED_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)+)\.?\s*(?=\S)")


def _objective_of(cells: list[str]) -> tuple[str, str] | None:
    """(number, title) when the row holds only an objective heading in its first two cells."""
    filled = [(i, c) for i, c in enumerate(cells) if c.strip()]
    if len(filled) != 1 or filled[0][0] > 1:
        return None
    match = _OBJECTIVE.match(filled[0][1])
    if not match:
        return None
    number = match["num"] or _ORDINALS[match["word"].lower()]
    return number, match["title"].strip()


def _rating_row(cells: list[str], scale: Scale):
    filled = [(i, c) for i, c in enumerate(cells) if c.strip()]
    if len(filled) != 1 or filled[0][0] > 1:
        return None
    return parse_rating_cell(filled[0][1], scale)


class _Builder:
    """Walks the rows once, keeping the current objective and measure."""

    def __init__(self, scale: Scale) -> None:
        self.scale = scale
        self.layout: tuple[Role | None, ...] | None = None
        self.header_rows: list[list[str]] = []
        self.title_lines: list[str] = []
        self.objectives: list[ObjectiveEntry] = []
        self.raw: dict[int, list[RawMeasure]] = {}
        self.current: RawMeasure | None = None
        self.warnings: list[ReportWarning] = []
        self.total_text = ""

    # -- row kinds -------------------------------------------------------------------------

    def feed(self, cells: list[str]) -> None:
        if not any(c.strip() for c in cells) or is_separator(cells):
            return
        if is_header_row(cells) and not self.objectives:
            self.header_rows.append(cells)
            self.layout = layout_from_headers(self.header_rows)
            return
        if self.header_rows and not self.objectives and is_column_number_row(cells):
            return
        joined = " ".join(c for c in cells if c.strip())
        if stated_total(joined) is not None and len(joined) < 60:
            self.total_text = joined
            self.current = None
            return
        if objective := _objective_of(cells):
            self._start_objective(*objective)
            return
        if (rating := _rating_row(cells, self.scale)) and self.current is not None:
            self.current.rating_rows.append(rating)
            return
        by_role = self._by_role(cells)
        number = self._measure_number(by_role)
        if number is not None:
            self._start_measure(number, by_role)
        elif self.current is not None:
            self.current.add_row(by_role)
        elif not self.objectives and not self.header_rows:
            self.title_lines.append(joined)
        else:
            self._warn_orphan(joined)

    def _by_role(self, cells: list[str]) -> dict[Role, str]:
        layout = self.layout or DEFAULT_LAYOUT
        by_role: dict[Role, str] = {}
        for i, cell in enumerate(cells):
            role = layout[i] if i < len(layout) else None
            if role is not None and cell.strip():
                by_role[role] = f"{by_role[role]} {cell}" if role in by_role else cell
        return by_role

    def _measure_number(self, by_role: dict[Role, str]) -> str | None:
        if match := _MEASURE_NUMBER.match(by_role.get(Role.NUMBER, "")):
            return match.group(1)
        if not by_role.get(Role.NUMBER, "").strip() and (
            match := _GLUED_NUMBER.match(by_role.get(Role.TEXT, ""))
        ):
            return match.group(1)
        return None

    def _start_objective(self, number: str, title: str) -> None:
        self.objectives.append(ObjectiveEntry(number=number, title=title))
        self.current = None

    def _start_measure(self, number: str, by_role: dict[Role, str]) -> None:
        if not self.objectives:
            self.objectives.append(ObjectiveEntry(number="", title=""))
        by_role.pop(Role.NUMBER, None)
        self.current = RawMeasure(number=number)
        self.current.add_row(by_role)
        self.raw.setdefault(len(self.objectives) - 1, []).append(self.current)

    def _warn_orphan(self, text: str) -> None:
        short = text if len(text) <= 80 else text[:77] + "…"
        self.warnings.append(
            ReportWarning(
                code="row_orphan", measure=None, message=message("row_orphan", "mn", text=short),
                params={"text": short},
            )
        )

    # -- result ----------------------------------------------------------------------------

    def document(self, source: str) -> ReportDocument:
        if not any(self.raw.values()):
            raise ReadError("no_table", name=source)
        seen: set[str] = set()
        for index, objective in enumerate(self.objectives):
            for raw in self.raw.get(index, []):
                measure = finish_measure(raw, self.scale, self.warnings)
                if measure.number in seen:
                    self.warnings.append(
                        ReportWarning(
                            code="duplicate_measure", measure=measure.number,
                            message=message("duplicate_measure", "mn", measure=measure.number),
                            params={"measure": measure.number},
                        )
                    )
                seen.add(measure.number)
                objective.measures.append(measure)
        title = clean_title(self.title_lines)
        facts = title_facts(title)
        return ReportDocument(
            title=title,
            organization=facts.organization,
            year=facts.year,
            period=facts.period,
            scale=self.scale,
            stated_total=stated_total(self.total_text) if self.total_text else None,
            objectives=[o for o in self.objectives if o.measures or o.title],
            warnings=self.warnings,
            source=source,
        )


def document_from_rows(
    rows: Iterable[list[str]], *, source: str = "", scale: Scale = GOVERNMENT_SCALE
) -> ReportDocument:
    """Read a report table given as rows of cleaned cell texts."""
    builder = _Builder(scale)
    for cells in rows:
        builder.feed(cells)
    return builder.document(source)
