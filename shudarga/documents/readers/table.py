"""From rows of cell texts to a ReportDocument: the part every table reader shares.

Text, Word, Excel and web-page readers only find the rows; this module decides what each row
is: title line, header (repeated or new when a second table starts), row of column numbers,
objective ("Зорилт 1.", a merged objective column, …: see objectives.py), measure (a number in
the first column, or glued to the text), continuation of the previous measure after a page
break (empty number cell), a rating on a row of its own, a separator of dashes, page furniture
("Хуудас 3", "Нийт үзсэн: 1234"), or the stated total ("НЭГДСЭН ДҮН: 91%").

Nothing is dropped silently: a row that fits nowhere, a page number, a cell of a column no
field takes, a score the scale does not know, each becomes a warning that carries its full text
and its row (counted from 1 over the rows the reader was given).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from shudarga.documents.errors import ReadError
from shudarga.documents.messages import message
from shudarga.documents.model import (
    GOVERNMENT_SCALE,
    ObjectiveEntry,
    ReportDocument,
    ReportWarning,
    Scale,
    Section,
)
from shudarga.documents.readers.cells import (
    clean_cell,
    is_blank_amount,
    is_separator,
)
from shudarga.documents.readers.debris import is_bare_number, is_page_debris
from shudarga.documents.readers.headers import Headers
from shudarga.documents.readers.layout import Role
from shudarga.documents.readers.measures import RawMeasure, finish_measure, is_amount
from shudarga.documents.readers.objectives import (
    Heading,
    objective_of_column,
    objective_of_row,
)
from shudarga.documents.readers.ratings import Rating, parse_rating_cell
from shudarga.documents.readers.title import clean_title, stated_total, title_facts, title_lines
from shudarga.documents.textnorm import fold, has_legacy_font_letters

# A first component of more than three digits is a year ("2024.12.25"), and "25.12.2024" is a
# date; later components have any length: one objective may hold 1.999, 1.1000, 1.3000.
_NOT_DATE = r"(?!\d{1,2}\.\d{1,2}\.(?:19|20)\d\d\b)"
_FIRST, _PART = rf"{_NOT_DATE}\d{{1,3}}", r"\.\d{1,6}"
_MEASURE_NUMBER = re.compile(rf"^\s*({_FIRST}(?:{_PART})*)\.?\s*$")
_GLUED_NUMBER = re.compile(rf"^\s*({_FIRST}(?:{_PART})+)\.?\s*(?=\S)")
# Without a number column a measure's text may start with a one-level number: "3. Журам …".
_GLUED_SINGLE = re.compile(r"^\s*(\d{1,3})\s*[.)]\s*(?=[^\W\d_])")
_MAX_TOTAL_ROW = 60
# The first cell of a closing row of sums.
_SUM_WORDS = {
    "нийт", "бүгд", "дүн", "нийт дүн", "нийлбэр", "нийт зардал", "нийт зарцуулсан",
    "зорилтын дүн",  # a plan's objective subtotal (writers/plan_table.py)
}  # fmt: skip
_PERCENT_CELL = re.compile(r"^\s*\d{1,3}(?:[.,]\d+)?\s*%?\s*$")
# Columns whose lone number in a row is a value, not a page number.
_VALUE_ROLES = (Role.SCORE, Role.SPENT, Role.BUDGET, Role.TARGET, Role.ACHIEVED, Role.INDICATOR)


def _rating_row(cells: list[str], scale: Scale) -> Rating | None:
    filled = [(i, c) for i, c in enumerate(cells) if c.strip()]
    if len(filled) != 1 or filled[0][0] > 1:
        return None
    return parse_rating_cell(filled[0][1], scale)


def _only_text(raw: RawMeasure) -> bool:
    """A "measure" that is only a heading: text, no result, no rating."""
    if raw.rating_rows or not any(f.strip() for f in raw.fragments.get(Role.TEXT, [])):
        return False
    return all(
        is_blank_amount(fragment)
        for role, fragments in raw.fragments.items()
        if role not in (Role.TEXT, Role.OBJECTIVE)
        for fragment in fragments
    )


class _Builder:
    """Walks the rows once, keeping the current objective and measure."""

    def __init__(self, scale: Scale) -> None:
        self.scale = scale
        self.headers = Headers()
        self.title_lines: list[str] = []
        self.objectives: list[ObjectiveEntry] = []
        self.numbered_here: set[int] = set()  # objectives whose heading gave no number
        self.objective_key = ""  # the heading in force, folded: a merged column changes it
        self.headings = 0  # objectives started by a heading: counted, not recounted per heading
        self.raw: dict[int, list[RawMeasure]] = {}
        self.current: RawMeasure | None = None
        self.warnings: list[ReportWarning] = []
        self.total_text = ""
        self.row_no = 0  # the row being fed, from 1: warnings say where they come from
        self.legacy_font_row: int | None = None  # the first row typed with an old font
        self.section: Section | None = None
        self.ordinal_at: int | None = None  # index of an objective opened by "Нэг." etc.

    @property
    def started(self) -> bool:
        """Objectives or measures have been seen: the table body has begun."""
        return bool(self.objectives)

    # -- row kinds -------------------------------------------------------------------------

    def feed(self, cells: list[str]) -> None:
        self.row_no += 1
        if self.legacy_font_row is None and any(map(has_legacy_font_letters, cells)):
            self.legacy_font_row = self.row_no  # clean_cell converts them; the reader is told
        cells = [clean_cell(c) for c in cells]
        if not any(cells) or is_separator(cells):
            return
        if self.headers.take(cells, started=self.started):
            return
        joined = " ".join(c for c in cells if c)
        if self._debris(cells, joined):
            return
        if stated_total(joined) is not None and len(joined) < _MAX_TOTAL_ROW:
            self.total_text = joined
            self.current = None
            return
        if self.started and self._sum_row(cells):
            return
        in_table = self.started or bool(self.headers.rows)
        if heading := objective_of_row(cells, in_table=in_table):
            self._start_objective(heading, key=joined)
            return
        if (rating := _rating_row(cells, self.scale)) and self.current is not None:
            self.current.rating_rows.append(rating)
            self.current.rating_texts.append(joined)
            return
        by_role = self._by_role(cells)
        if column := by_role.pop(Role.OBJECTIVE, ""):
            if fold(column) != self.objective_key:
                self._start_objective(objective_of_column(column), key=column, in_column=True)
            if not by_role:
                self._warn_unread(cells)
                return
        self._measure_row(by_role, joined)
        self._warn_unread(cells)

    def _warn_unread(self, cells: list[str]) -> None:
        """Cells of columns no field takes (an unnamed column, a points column beside the
        percent, cells past the header's width): kept as warnings, never merged elsewhere."""
        if not self.started and not self.headers.rows:
            return  # above the table: the title lines keep the whole row
        at = self.current.number if self.current is not None else None
        for index, cell in enumerate(cells):
            if cell.strip() and self.headers.role_at(index) is None:
                column = self.headers.name_at(index) or str(index + 1)
                self._warn("cell_unread", at, measure=at or "—", column=column, text=cell)

    def _measure_row(self, by_role: dict[Role, str], joined: str) -> None:
        number = self._measure_number(by_role)
        if number is None and self._numbers_measures(by_role):
            number = self._next_number()
            self._warn("measure_numbered", number, measure=number)
        if number is not None:
            self._start_measure(number, by_role)
        elif self.current is not None and set(by_role) != {Role.NUMBER}:
            self.current.add_row(by_role)
        elif not self.started and not self.headers.rows:
            self.title_lines.append(joined)
        else:
            self._warn_orphan(joined)

    def _debris(self, cells: list[str], joined: str) -> bool:
        """Page numbers and view counters: a lone short cell outside the value columns."""
        filled = [i for i, c in enumerate(cells) if c]
        if len(filled) != 1 or not is_page_debris(joined):
            return False
        role = self.headers.role_at(filled[0])
        if len(cells) > 1 and is_bare_number(joined) and role in _VALUE_ROLES:
            return False
        if self.started or self.headers.rows:
            self._warn("row_skipped", None, text=joined, full_text=joined)
        return True

    def _sum_row(self, cells: list[str]) -> bool:
        """The closing "Нийт | 5 840,0 | … | 86%" row: sums, not a measure's continuation.

        Its percentage, if it has one, is the stated total.
        """
        filled = [(i, c) for i, c in enumerate(cells) if c]
        if len(filled) < 2 or fold(filled[0][1]).rstrip(":") not in _SUM_WORDS:
            return False
        values = [c for _, c in filled[1:]]
        if not all(is_blank_amount(v) or is_amount(v) or _PERCENT_CELL.match(v) for v in values):
            return False
        percents = [
            v
            for i, v in filled[1:]
            if _PERCENT_CELL.match(v) and ("%" in v or self.headers.role_at(i) is Role.SCORE)
        ]
        if percents:
            self.total_text = f"НЭГДСЭН ДҮН: {percents[-1]}"
        if all(self.headers.role_at(i) is Role.BUDGET for i, _ in filled[1:]):
            # A plan's budget sums: the measures' budgets, which are read, add up to them.
            self.current = None
            return True
        if len(filled) > 2 or not percents:
            # The sums themselves are no field of the document: kept, not dropped.
            self._warn("row_sums", None, text=" · ".join(c for _, c in filled))
        self.current = None
        return True

    def _by_role(self, cells: list[str]) -> dict[Role, str]:
        by_role: dict[Role, str] = {}
        for i, cell in enumerate(cells):
            role = self.headers.role_at(i)
            if role is not None and cell.strip():
                # Two columns of one role (Биелэлт · Хүрсэн үр дүн): achieved texts stay paragraphs.
                glue = "\n" if role is Role.ACHIEVED else " "
                by_role[role] = f"{by_role[role]}{glue}{cell}" if role in by_role else cell
        return by_role

    def _measure_number(self, by_role: dict[Role, str]) -> str | None:
        number_cell = by_role.get(Role.NUMBER, "")
        if match := _MEASURE_NUMBER.match(number_cell):
            return match.group(1)
        if number_cell.strip():
            return None
        text = by_role.get(Role.TEXT, "")
        if match := _GLUED_NUMBER.match(text):
            return match.group(1)
        if not self.headers.has(Role.NUMBER) and (match := _GLUED_SINGLE.match(text)):
            return match.group(1)
        return None

    def _numbers_measures(self, by_role: dict[Role, str]) -> bool:
        """A table without a number column: each row with a measure text is a measure."""
        return (
            self.headers.layout is not None
            and not self.headers.has(Role.NUMBER)
            and Role.TEXT in self.headers.layout
            and bool(by_role.get(Role.TEXT, "").strip())
        )

    def _next_number(self) -> str:
        if not self.objectives:
            return "1"
        objective = self.objectives[-1]
        count = len(self.raw.get(len(self.objectives) - 1, [])) + 1
        return f"{objective.number}.{count}" if objective.number else str(count)

    def _start_objective(self, heading: Heading, *, key: str, in_column: bool = False) -> None:
        self.current = None
        if self.objectives and fold(key) == self.objective_key:
            return  # the same heading again (a merged cell's text repeated on each row)
        if self._opens_section(heading, in_column=in_column):
            return
        number = heading.number
        if not number:
            number = str(self.headings + 1)
            self.numbered_here.add(len(self.objectives))
        self.objectives.append(
            ObjectiveEntry(number=number, title=heading.title, section=self.section)
        )
        self.headings += 1
        self.objective_key = fold(key)
        self.ordinal_at = len(self.objectives) - 1 if heading.ordinal and not in_column else None

    def _opens_section(self, heading: Heading, *, in_column: bool) -> bool:
        """ "Нэг. …" with no measures, then an objective of another kind: "Нэг." was a section.

        Once the document has sections, every later ordinal-word row heading is one too.
        """
        if heading.ordinal and not in_column and self.section is not None:
            self.section = Section(heading.number, heading.title)
            return True
        last = len(self.objectives) - 1
        if self.ordinal_at != last or last < 0 or self.raw.get(last) or heading.ordinal:
            return False
        opened = self.objectives.pop()
        self.headings -= 1  # it was a section, not an objective: not counted among them
        self.section = Section(opened.number, opened.title)
        self.ordinal_at = None
        return False

    def _start_measure(self, number: str, by_role: dict[Role, str]) -> None:
        self._promote_heading_row(number)
        if not self.objectives:
            self.objectives.append(ObjectiveEntry(number="", title=""))
        by_role.pop(Role.NUMBER, None)
        self.current = RawMeasure(number=number, units=dict(self.headers.units))
        self.current.add_row(by_role)
        self.raw.setdefault(len(self.objectives) - 1, []).append(self.current)

    def _promote_heading_row(self, number: str) -> None:
        """Row "1 · Авлигаас урьдчилан …" with nothing else, then "1.1": "1" was an objective."""
        parent = number.rpartition(".")[0]
        current = self.current
        if not parent or current is None or current.number != parent or not _only_text(current):
            return
        measures = self.raw.get(len(self.objectives) - 1, [])
        if not measures or measures[-1] is not current:
            return
        measures.pop()
        title = " ".join(f.strip() for f in current.fragments.get(Role.TEXT, []) if f.strip())
        title = re.sub(rf"^\s*{re.escape(parent)}\.?\s*", "", title)
        self._start_objective(Heading(parent, title), key=title)

    def _warn(self, code: str, at: str | None, **params: str) -> None:
        params.setdefault("row", str(self.row_no))
        self.warnings.append(
            ReportWarning(
                code=code, measure=at, message=message(code, "mn", **params), params=params
            )
        )

    def _warn_orphan(self, text: str) -> None:
        self._warn("row_orphan", None, text=text, full_text=text)

    # -- result ----------------------------------------------------------------------------

    def measure_count(self) -> int:
        return sum(len(v) for v in self.raw.values())

    def structured(self) -> bool:
        """The rows look like a plan table: a header, a numbered objective or a "1.1" number."""
        return (
            bool(self.headers.rows)
            or any("." in m.number for ms in self.raw.values() for m in ms)
            or any(o.number for o in self.objectives)
        )

    def document(self, source: str) -> ReportDocument:
        if not any(self.raw.values()):
            raise ReadError("no_table", name=source)
        seen: set[str] = set()
        for index, objective in enumerate(self.objectives):
            for raw in self.raw.get(index, []):
                measure = finish_measure(raw, self.scale, self.warnings)
                if measure.number in seen:
                    self._warn("duplicate_measure", measure.number, measure=measure.number)
                seen.add(measure.number)
                objective.measures.append(measure)
            if index in self.numbered_here:
                objective.number = _common_prefix(objective) or objective.number
        if self.legacy_font_row is not None:
            self._warn("legacy_font", None, row=str(self.legacy_font_row))
        title = clean_title(title_lines(self.title_lines))
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


def _common_prefix(objective: ObjectiveEntry) -> str | None:
    """The objective number its measures carry ("3" for 3.1, 3.2), if they all agree."""
    prefixes = {m.number.partition(".")[0] for m in objective.measures if "." in m.number}
    plain = [m for m in objective.measures if "." not in m.number]
    return prefixes.pop() if len(prefixes) == 1 and not plain else None


@dataclass(frozen=True)
class Survey:
    """What a block of rows holds, for readers that must pick the report's tables."""

    measures: int
    structured: bool


def survey_rows(rows: Iterable[list[str]], *, scale: Scale = GOVERNMENT_SCALE) -> Survey:
    builder = _Builder(scale)
    for cells in rows:
        builder.feed(cells)
    return Survey(measures=builder.measure_count(), structured=builder.structured())


def document_from_rows(
    rows: Iterable[list[str]], *, source: str = "", scale: Scale = GOVERNMENT_SCALE
) -> ReportDocument:
    """Read a report table given as rows of cleaned cell texts."""
    builder = _Builder(scale)
    for cells in rows:
        builder.feed(cells)
    return builder.document(source)
