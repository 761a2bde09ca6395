"""Reader for Word files (.docx): the report tables and the paragraphs around them.

python-docx opens and checks the package; the body is then walked in document order so that
paragraphs, tables and content controls (w:sdt) keep their places:

- a table's rows come out on its grid: a cell merged across columns (w:gridSpan) gives its
  text once and "" for the columns it covers; a cell merged down (w:vMerge) gives its text in
  its first row and "" below; a row that starts late (w:gridBefore) starts with "";
- a cell's paragraphs are joined with "\n"; a table inside a cell adds one line per row;
- Word's automatic list numbers ("1.1.") are written into the text, since they are often the
  only measure numbers a table has (docx_numbering.py);
- deleted text of tracked changes, hidden text and the fallback copies of text boxes are left out.

Which tables are the report is decided in blocks.py. Metadata our own DOCX writer embeds in the
core properties' comments is applied to the result.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from lxml import etree

from shudarga.documents.errors import ReadError
from shudarga.documents.model import GOVERNMENT_SCALE, ReportDocument
from shudarga.documents.readers.blocks import Block, rows_from_blocks
from shudarga.documents.readers.cells import clean_cell
from shudarga.documents.readers.docx_numbering import Numbering
from shudarga.documents.readers.metadata import apply_embedded, embedded_scale, is_metadata
from shudarga.documents.readers.packages import open_package
from shudarga.documents.readers.table import document_from_rows

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _TBL, _TR, _TC = _w("p"), _w("tbl"), _w("tr"), _w("tc")
# Containers whose children stand where the container stands.
_WRAPPERS = {_w("sdt"), _w("sdtContent"), _w("customXml"), _w("smartTag"), _w("ins")}
# Subtrees whose text is not shown: deletions, moved-away text, duplicate fallbacks.
_UNSHOWN = {_w("del"), _w("moveFrom"), f"{{{_MC}}}Fallback", _w("rPr"), _w("pPr")}
_T, _TAB, _BR, _CR = _w("t"), _w("tab"), _w("br"), _w("cr")
_NO_BREAK_HYPHEN, _RUN, _VANISH = _w("noBreakHyphen"), _w("r"), _w("vanish")
_VAL = _w("val")
_MAX_SPAN = 64


def _children(element: etree._Element, *tags: str) -> Iterator[etree._Element]:
    """Children with one of ``tags``, looking through content controls and custom XML."""
    for child in element:
        if child.tag in _WRAPPERS:
            yield from _children(child, *tags)
        elif child.tag in tags:
            yield child


def _hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{_w('rPr')}/{_VANISH}")
    return vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off")


class _Walker:
    """Turns a document body into blocks; knows the list numbering of the document."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering

    def paragraph_text(self, p: etree._Element) -> str:
        parts: list[str] = []
        stack = list(reversed(p))
        while stack:
            node = stack.pop()
            tag = node.tag
            if not isinstance(tag, str) or tag in _UNSHOWN or (tag == _RUN and _hidden(node)):
                continue
            if tag == _T:
                parts.append(node.text or "")
            elif tag == _TAB:
                parts.append(" ")
            elif tag in (_BR, _CR):
                parts.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                parts.append("-")
            stack.extend(reversed(node))
        text = "".join(parts)
        label = self.numbering.label(p)
        return f"{label} {text}" if label else text

    def cell_text(self, tc: etree._Element) -> str:
        lines: list[str] = []
        for child in _children(tc, _P, _TBL):
            if child.tag == _P:
                lines.append(self.paragraph_text(child))
            else:  # a table inside the cell: one line per row
                lines.extend(" ".join(c for c in row if c) for row in self.table_rows(child))
        return clean_cell("\n".join(lines))

    def table_rows(self, tbl: etree._Element) -> list[list[str]]:
        rows: list[list[str]] = []
        for tr in _children(tbl, _TR):
            row = [""] * _grid_value(tr, "gridBefore")
            for tc in _children(tr, _TC):
                span = _cell_property(tc, "gridSpan")
                row.append("" if _continues_merge(tc) else self.cell_text(tc))
                row.extend([""] * (span - 1))
            rows.append(row)
        return rows

    def blocks(self, body: etree._Element) -> list[Block]:
        blocks: list[Block] = []
        for child in _children(body, _P, _TBL):
            if child.tag == _TBL:
                blocks.append(Block(rows=self.table_rows(child)))
                continue
            text = clean_cell(self.paragraph_text(child))
            if not text:
                continue
            if not blocks or blocks[-1].rows is not None:
                blocks.append(Block())
            blocks[-1].lines.extend(text.split("\n"))
        return blocks


def _int(value: str | None, default: int) -> int:
    try:
        return max(1, min(_MAX_SPAN, int(value))) if value is not None else default
    except ValueError:
        return default


def _cell_property(tc: etree._Element, name: str) -> int:
    element = tc.find(f"{_w('tcPr')}/{_w(name)}")
    return _int(element.get(_VAL) if element is not None else None, 1)


def _grid_value(tr: etree._Element, name: str) -> int:
    element = tr.find(f"{_w('trPr')}/{_w(name)}")
    return _int(element.get(_VAL), 0) if element is not None else 0


def _continues_merge(tc: etree._Element) -> bool:
    """A cell covered by the merged cell above it (vMerge) or before it (old hMerge)."""
    for name in ("vMerge", "hMerge"):
        element = tc.find(f"{_w('tcPr')}/{_w(name)}")
        if element is not None and element.get(_VAL, "continue") == "continue":
            return True
    return False


def _metadata(document: docx.document.Document) -> str | None:
    comments = document.core_properties.comments or ""
    return comments if is_metadata(comments) else None


def read_docx(data: bytes, *, source: str = "") -> ReportDocument:
    open_package(data, "docx").close()  # refuses bombs and damaged ZIPs before parsing
    try:
        document = docx.Document(io.BytesIO(data))
        walker = _Walker(Numbering.of(document))
        blocks = walker.blocks(document.element.body)
        metadata = _metadata(document)
    except ReadError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged package
        raise ReadError("file_corrupt", kind="docx") from exc
    scale = embedded_scale(metadata, GOVERNMENT_SCALE)
    doc = document_from_rows(rows_from_blocks(blocks, scale), source=source, scale=scale)
    return apply_embedded(doc, metadata)
