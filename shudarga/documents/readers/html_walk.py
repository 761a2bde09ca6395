"""Web pages as blocks: lines of text and tables, in reading order (for blocks.py).

Government pages and Word's "save as web page" wrap the report in clutter: nested spans,
<o:p>, empty paragraphs, &nbsp;, conditional comments, layout tables around the content.
Text is taken as a browser shows it: whitespace runs are one space, block elements and <br>
end a line, scripts, styles, forms' widgets, comments and hidden elements are dropped.

Tables: cells spanning rows or columns (rowspan, colspan) give their text once, at their
first position, and "" for the positions they cover. A table inside a table is read as its
own table when it holds measures (the report inside a page-layout table); otherwise it is
read as lines of the cell around it (a small table inside a report's cell).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import html as lxml_html

from shudarga.documents.model import Scale
from shudarga.documents.readers.blocks import Block
from shudarga.documents.readers.cells import clean_cell
from shudarga.documents.readers.table import survey_rows

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "iframe",
    "svg",
    "object",
    "embed",
    "button",
    "select",
    "option",
    "textarea",
    "input",
    "nav",
    "math",
    "canvas",
}
_BLOCKS = {
    "p",
    "div",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "hr",
    "caption",
    "figure",
    "figcaption",
    "address",
    "center",
    "fieldset",
    "tbody",
    "thead",
    "tfoot",
    "form",
    "legend",
    "details",
    "summary",
}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden", re.I)
_SPACES = re.compile(r"\s+")
_MAX_SPAN = 64
MAX_COLUMNS = 100
MAX_ROWS = 20_000


def _tag(node: Any) -> str | None:
    """The element's lower-case tag; None for comments and processing instructions."""
    return node.tag.lower() if isinstance(node.tag, str) else None


def _hidden(node: lxml_html.HtmlElement) -> bool:
    return bool(_HIDDEN_STYLE.search(node.get("style", ""))) or node.get("hidden") is not None


def _walk(
    root: lxml_html.HtmlElement, *, whole: set[Any] | None = None, nested: bool = True
) -> list[str | Block]:
    """Text pieces in order ("\n" ends a line). A table in ``whole`` is put in as its block;
    tables below ``root`` are left out when ``nested`` is false.
    """
    parts: list[str | Block] = []
    stack: list[tuple[str, Any]] = [("node", root)]
    while stack:
        kind, item = stack.pop()
        if kind == "text":
            parts.append(item)
            continue
        tag = _tag(item)
        if tag is None or tag in _SKIP or _hidden(item):
            continue
        if tag == "br":
            parts.append("\n")
            continue
        if tag == "table" and item is not root:
            if whole is not None and item in whole:
                caption = item.find("caption")
                if caption is not None:  # a table's caption is a line above it: often the title
                    parts.extend(("\n", element_text(caption), "\n"))
                parts.append(Block(rows=table_rows(item)))
                continue
            if not nested:
                continue
        block = tag in _BLOCKS
        if block:
            parts.append("\n")
            stack.append(("text", "\n"))
        for child in reversed(item):
            if child.tail:
                stack.append(("text", _SPACES.sub(" ", child.tail)))
            stack.append(("node", child))
        if item.text and tag != "pre":
            stack.append(("text", _SPACES.sub(" ", item.text)))
        elif item.text:
            stack.append(("text", item.text))
    return parts


def element_text(node: lxml_html.HtmlElement, *, nested: bool = True) -> str:
    """The visible text of an element, one line per paragraph; tables inside it as lines of
    their rows, or left out when ``nested`` is false.
    """
    return clean_cell("".join(p for p in _walk(node, nested=nested) if isinstance(p, str)))


def _span(cell: lxml_html.HtmlElement, name: str, limit: int) -> int:
    try:
        return max(1, min(limit, int(cell.get(name, "1").strip() or 1)))
    except ValueError:
        return 1


def _own_rows(table: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The table's rows (directly or in thead/tbody/tfoot), not those of tables inside it."""
    rows = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(tr for tr in child if _tag(tr) == "tr")
    return rows[:MAX_ROWS]


def table_rows(table: lxml_html.HtmlElement, *, nested: bool = True) -> list[list[str]]:
    """Rows of cell texts on the table's grid, spans giving their text once. Tables inside a
    cell are lines of its text, or left out when ``nested`` is false.
    """
    trs = _own_rows(table)
    covered: dict[int, set[int]] = {}
    rows: list[list[str]] = []
    for r, tr in enumerate(trs):
        texts: dict[int, str] = {}
        taken = covered.get(r, set())
        column = 0
        for cell in tr:
            if _tag(cell) not in ("td", "th") or _hidden(cell):
                continue
            while column in taken:
                column += 1
            if column >= MAX_COLUMNS:
                break
            width = _span(cell, "colspan", _MAX_SPAN)
            height = _span(cell, "rowspan", len(trs) - r)
            texts[column] = element_text(cell, nested=nested)
            for rr in range(r + 1, r + height):
                covered.setdefault(rr, set()).update(range(column, column + width))
            column += width
        end = max([column, *(c + 1 for c in taken)]) if (texts or taken) else 0
        rows.append([texts.get(c, "") for c in range(min(end, MAX_COLUMNS))])
        covered.pop(r, None)
    return rows


def page_blocks(root: lxml_html.HtmlElement, scale: Scale) -> list[Block]:
    """The page as blocks; each table is whole, or read as text around a report table.

    Whether a table holds measures is asked of its own cells only, so that every part of the
    page is read once per question however deep the tables nest.
    """
    tables = [t for t in root.iter("table") if not _hidden(t)]
    holds = {t: survey_rows(table_rows(t, nested=False), scale=scale).measures > 0 for t in tables}
    whole = {
        t
        for t in tables
        if not any(holds.get(inner, False) for inner in t.iter("table") if inner is not t)
    }
    blocks: list[Block] = []
    text: list[str] = []

    def flush() -> None:
        lines = [line for line in clean_cell("".join(text)).split("\n") if line]
        if lines:
            blocks.append(Block(lines=lines))
        text.clear()

    body = root.find("body")
    for part in _walk(body if body is not None else root, whole=whole):
        if isinstance(part, Block):
            flush()
            blocks.append(part)
        else:
            text.append(part)
    flush()
    return blocks
