"""Reader for PDF reports with a text layer: most reports on government websites are PDF.

pdfplumber finds each page's tables by their ruling lines (the official table is drawn with
them) and the text outside them by the positions of its characters; lines and tables become
the same blocks as a Word file's (blocks.py), so a table that goes on over the next pages,
its header repeated or not, is read as one. A line wrapped by the page inside a cell is joined
with a space. A PDF whose pages hold no text (a scan) is refused with a message saying so;
OCR is not attempted.
"""

from __future__ import annotations

import io

from shudarga.documents.errors import ReadError
from shudarga.documents.limits import PDF_READ_MAX_PAGES
from shudarga.documents.model import GOVERNMENT_SCALE, ReportDocument
from shudarga.documents.readers.blocks import Block, rows_from_blocks
from shudarga.documents.readers.table import document_from_rows


def _inside(obj: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    middle_x = (obj["x0"] + obj["x1"]) / 2
    middle_y = (obj["top"] + obj["bottom"]) / 2
    return x0 <= middle_x <= x1 and top <= middle_y <= bottom


def _cell(text: str | None) -> str:
    """A cell's text with the page's line wraps undone: a space between lines, none after a
    line that ends with a hyphen ("Үлээцгээ-" / "Авлигын" is "Үлээцгээ-Авлигын")."""
    joined = ""
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if not line:
            continue
        joined += line if not joined or joined.endswith("-") else " " + line
    return joined


def _page_blocks(page) -> list[tuple[float, Block]]:
    """A page's tables and its lines outside them, each with its top position."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    placed: list[tuple[float, Block]] = [
        (t.bbox[1], Block(rows=[[_cell(c) for c in row] for row in t.extract()])) for t in tables
    ]
    outside = page.filter(lambda obj: not any(_inside(obj, b) for b in boxes)) if boxes else page
    for line in outside.extract_text_lines(return_chars=False):
        text = _cell(line["text"])
        if text:
            placed.append((line["top"], Block(lines=[text])))
    return sorted(placed, key=lambda item: item[0])


def read_pdf(data: bytes, *, source: str = "") -> ReportDocument:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = pdf.pages
            if len(pages) > PDF_READ_MAX_PAGES:
                raise ReadError("pdf_too_many_pages", pages=len(pages), limit=PDF_READ_MAX_PAGES)
            blocks: list[Block] = []
            has_text = False
            for page in pages:
                has_text = has_text or bool(page.chars)
                blocks.extend(block for _, block in _page_blocks(page))
                page.close()  # pdfplumber keeps every page's objects otherwise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ReadError("file_encrypted") from exc
    except (PdfminerException, PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise ReadError("file_corrupt", kind="PDF") from exc
    if not has_text:
        raise ReadError("pdf_no_text")
    rows = rows_from_blocks(blocks, GOVERNMENT_SCALE)
    return document_from_rows(rows, source=source)
