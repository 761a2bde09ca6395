"""Reader for report tables pulled out of Word or web pages as text.

One line is one table row; cells are separated by tabs (or by "|" in pipe tables). Cells may
hold HTML markup. Text without tabs whose header is written one column per line (a web page or
a PDF copied as text) is one cell per line instead (lines.py). Bytes must be UTF-8 text, or
UTF-16 with its byte-order mark.
"""

from __future__ import annotations

import codecs

from shudarga.documents.errors import ReadError
from shudarga.documents.model import GOVERNMENT_SCALE, ReportDocument
from shudarga.documents.readers.cells import cell_text
from shudarga.documents.readers.lines import is_line_table, line_rows
from shudarga.documents.readers.table import document_from_rows

_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def decode_text(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped), or UTF-16 that starts with its byte-order mark
    (Word's "Unicode text"); binary data and other encodings are refused, never guessed.
    """
    if not data.strip():
        raise ReadError("file_empty")
    for bom, encoding in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError("file_encoding", offset=exc.start + len(bom)) from exc
            if "\x00" in text or not text.strip():
                raise ReadError("file_binary" if text.strip() else "file_empty")
            return text
    if b"\x00" in data[:8192]:
        raise ReadError("file_binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError("file_encoding", offset=exc.start) from exc
    if not text.strip():
        raise ReadError("file_empty")
    return text


def split_row(line: str) -> list[str]:
    stripped = line.strip()
    if "\t" not in line and stripped.startswith("|") and stripped.endswith("|"):
        return [cell_text(c) for c in stripped[1:-1].split("|")]
    return [cell_text(c) for c in line.split("\t")]


def read_text(data: bytes, *, source: str = "") -> ReportDocument:
    text = decode_text(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any("|" in line for line in lines) and is_line_table(lines):
        rows = line_rows([cell_text(line) for line in lines], GOVERNMENT_SCALE)
        return document_from_rows(rows, source=source)
    return document_from_rows((split_row(line) for line in lines), source=source)
