"""One corpus document, many formats: the web page written by hand in tests/documents/corpus/
is the source; the same report as Word (cells merged down with w:vMerge, across with
w:gridSpan), as text with tabs, and as text with one cell per line (a web page or a PDF copied
as text) is built from it here, so every format is held to one expected reading.

The page's <th> cells are the header; every <td> and every paragraph outside the table is a
piece of the source that the reading must keep (the invariant of test_corpus.py).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
from lxml import html as lxml_html

from shudarga.documents.model import ReportDocument
from shudarga.documents.readers import read_bytes

CORPUS = Path(__file__).parent / "corpus"


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[str, ...]
    rows: int = 1
    cols: int = 1
    header: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class Page:
    before: tuple[str, ...]  # paragraphs above the table
    table: tuple[tuple[Cell, ...], ...]  # as written: a merged cell once, in its first row
    after: tuple[str, ...]

    def grid(self) -> list[list[Cell | None]]:
        """Rows on the table's grid: a merged cell at its top-left place, None where it covers."""
        grid: dict[tuple[int, int], Cell | None] = {}
        for r, row in enumerate(self.table):
            c = 0
            for cell in row:
                while (r, c) in grid:
                    c += 1
                for dr in range(cell.rows):
                    for dc in range(cell.cols):
                        grid[(r + dr, c + dc)] = None
                grid[(r, c)] = cell
                c += cell.cols
        width = max(c for _, c in grid) + 1
        return [[grid.get((r, c)) for c in range(width)] for r in range(len(self.table))]

    def body_cells(self) -> list[Cell]:
        return [cell for row in self.table for cell in row if not cell.header]


def _paragraphs(node: lxml_html.HtmlElement) -> tuple[str, ...]:
    found = [p.text_content().strip() for p in node.iter("p")]
    if not found:
        found = [node.text_content().strip()]
    return tuple(p for p in found if p)


def load_page(name: str) -> Page:
    root = lxml_html.fromstring((CORPUS / name).read_bytes())
    table = root.find(".//table")
    assert table is not None, name
    body = root.find(".//body")
    assert body is not None, name
    before = tuple(p.text_content().strip() for p in body.findall("p") if _above(p, table))
    after = tuple(p.text_content().strip() for p in body.findall("p") if not _above(p, table))
    rows = tuple(
        tuple(
            Cell(
                _paragraphs(cell),
                rows=int(cell.get("rowspan", "1")),
                cols=int(cell.get("colspan", "1")),
                header=cell.tag == "th",
            )
            for cell in tr
            if cell.tag in ("td", "th")
        )
        for tr in table.iter("tr")
    )
    return Page(before=before, table=rows, after=after)


def _above(p: lxml_html.HtmlElement, table: lxml_html.HtmlElement) -> bool:
    siblings = list(p.getparent())
    return siblings.index(p) < siblings.index(table)


def as_html(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def as_docx(page: Page) -> bytes:
    document = docx.Document()
    for line in page.before:
        document.add_paragraph(line)
    grid = page.grid()
    table = document.add_table(rows=len(grid), cols=len(grid[0]))
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            target = table.cell(r, c)
            if cell.rows > 1 or cell.cols > 1:
                target = target.merge(table.cell(r + cell.rows - 1, c + cell.cols - 1))
            target.paragraphs[0].text = cell.paragraphs[0] if cell.paragraphs else ""
            for paragraph in cell.paragraphs[1:]:
                target.add_paragraph(paragraph)
    for line in page.after:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_tab_text(page: Page) -> bytes:
    """Word's "save as text" of the table: a row per line, tabs between cells, a merged cell's
    text once (its paragraphs joined by spaces) and empty cells where it covers."""
    lines = list(page.before)
    for row in page.grid():
        lines.append("\t".join(" ".join(cell.paragraphs) if cell else "" for cell in row))
    lines.extend(page.after)
    return ("\n".join(lines) + "\n").encode("utf-8")


def as_line_text(page: Page) -> bytes:
    """A web page or a PDF copied as text: every paragraph of every cell on a line of its own,
    empty cells gone, no tabs."""
    lines = list(page.before)
    for row in page.table:
        for cell in row:
            lines.extend(cell.paragraphs)
    lines.extend(page.after)
    return ("\n".join(lines) + "\n").encode("utf-8")


FORMS: dict[str, Callable[[str, Page], bytes]] = {
    "html": lambda name, page: as_html(name),
    "docx": lambda name, page: as_docx(page),
    "tab": lambda name, page: as_tab_text(page),
    "line": lambda name, page: as_line_text(page),
}


def _measure(m: Any) -> dict[str, Any]:
    """A measure's fields that are not empty, numbers as text with their digits."""
    fields = {
        "number": m.number,
        "text": m.text,
        "spent": m.spent,
        "indicator": m.indicator,
        "target": m.target,
        "achieved": m.achieved,
        "score": m.score,
        "not_due": m.not_due,
        "rating": m.rating,
        "planned_budget": m.planned_budget,
        "responsible_unit": m.responsible_unit,
        "deadline": m.deadline,
    }
    return {
        k: str(v) if isinstance(v, Decimal) else v
        for k, v in fields.items()
        if v not in ("", None, False)
    }


def reading(doc: ReportDocument, form: str) -> dict[str, Any]:
    return {
        "title": doc.title,
        "organization": doc.organization,
        "year": doc.year,
        "period": doc.period.value,
        "stated_total": None if doc.stated_total is None else str(doc.stated_total),
        "objectives": [
            {
                "section": None if o.section is None else [o.section.number, o.section.title],
                "number": o.number,
                "title": o.title,
                "measures": [_measure(m) for m in o.measures],
            }
            for o in doc.objectives
        ],
        "warnings": [[w.code, w.params.get("text") or w.params.get("value")] for w in doc.warnings],
    }


def read_form(name: str, form: str) -> ReportDocument:
    page = load_page(name)
    return read_bytes(FORMS[form](name, page), source=f"{name}.{form}")
