"""Reader for report tables pulled out of Word or web pages as text.

One line is one table row; cells are separated by tabs (or by "|" in pipe tables). Cells may
hold HTML markup. Bytes must be UTF-8 text.
"""

from __future__ import annotations

from shudarga.documents.errors import ReadError
from shudarga.documents.model import ReportDocument
from shudarga.documents.readers.cells import cell_text
from shudarga.documents.readers.table import document_from_rows


def decode_text(data: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped); binary data and other encodings are refused."""
    if not data.strip():
        raise ReadError("file_empty")
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
    return document_from_rows((split_row(line) for line in lines), source=source)
