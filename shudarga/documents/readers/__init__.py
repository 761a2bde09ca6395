"""Readers: any supported file in, a ReportDocument out. The format is told by content.

    ZIP with word/document.xml  → Word (docx.py)     ZIP with xl/workbook.xml → Excel (xlsx.py)
    "<" … <html>/<table>        → web page (html.py) "{"                      → JSON form
    MIME multipart/related      → web archive .mht (html.py)
    anything else               → text table (text.py)

    %PDF                        → PDF with a text layer (pdf.py; a scan is refused: "pdf_no_text")
    OLE .doc / .xls             → converted by LibreOffice (legacy.py), then read as above

Refused with a ReadError that says what to do: other ZIPs ("format_unknown"), an OLE file
that is neither ("format_legacy"), .doc/.xls without LibreOffice ("converter_missing"),
password-protected files ("file_encrypted"), damaged packages ("file_corrupt"), ZIP bombs
("file_bomb"), files above MAX_FILE_BYTES.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

from shudarga.documents import jsonform
from shudarga.documents.bounds import check_document
from shudarga.documents.errors import ReadError
from shudarga.documents.model import ReportDocument
from shudarga.documents.readers.packages import (
    OLE_MAGIC,
    PDF_MAGIC,
    ZIP_MAGIC,
    ole_kind,
    zip_kind,
)
from shudarga.documents.readers.text import decode_text, read_text

# Larger files are refused before they are read; reports are tens of kilobytes.
MAX_FILE_BYTES = int(os.environ.get("SHUDARGA_MAX_FILE_BYTES", 20 * 1024 * 1024))

_HEAD = 4096
_HTML_MARK = re.compile(r"<(?:!doctype|html|head|body|table|meta|\?xml)\b", re.IGNORECASE)
_MIME = re.compile(r"(?:mime-version|content-type|from|date|subject)\s*:", re.IGNORECASE)
_LEGACY_NAMES = {"doc": ".doc", "xls": ".xls", "ole": ".doc/.xls"}


def _text_head(data: bytes) -> str:
    """The first few kilobytes as text, leniently: enough to see tags and braces."""
    head = data[:_HEAD]
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom) :].decode(encoding, errors="ignore")
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff")


def detect_format(data: bytes) -> str:
    """What ``data`` holds: "docx", "xlsx", "html", "mht", "json", "text", or a kind this version
    refuses: "zip", "pdf", "doc", "xls", "ole", "encrypted". A damaged package is refused here.
    """
    if data.startswith(ZIP_MAGIC):
        return zip_kind(data)
    if data.startswith(OLE_MAGIC):
        return ole_kind(data)
    if PDF_MAGIC in data[:1024]:
        return "pdf"
    head = _text_head(data).lstrip()
    if _MIME.match(head) and "multipart/related" in head.lower():
        return "mht"
    if (head.startswith("<") and _HTML_MARK.search(head)) or "<table" in head.lower():
        return "html"
    if head.startswith("{"):
        return "json"
    return "text"


def _read_json(data: bytes, source: str) -> ReportDocument:
    try:
        document = jsonform.loads(decode_text(data))
    except RecursionError as exc:
        raise ReadError("json_invalid", reason="nested too deeply") from exc
    document.source = document.source or source
    return document


def read_bytes(data: bytes, *, source: str = "") -> ReportDocument:
    """Read a report from its bytes; every refusal is a ReadError with a code. What was read
    is checked against the limits (documents.bounds) before anyone shows or stores it."""
    if len(data) > MAX_FILE_BYTES:
        raise ReadError("file_too_large", size=len(data), limit=MAX_FILE_BYTES)
    return check_document(_read_kind(data, detect_format(data), source))


def _read_kind(data: bytes, kind: str, source: str) -> ReportDocument:
    # The heavy libraries (python-docx, openpyxl, lxml) load only when a file needs them.
    if kind == "docx":
        from shudarga.documents.readers.docx import read_docx

        return read_docx(data, source=source)
    if kind == "xlsx":
        from shudarga.documents.readers.xlsx import read_xlsx

        return read_xlsx(data, source=source)
    if kind == "html":
        from shudarga.documents.readers.html import read_html

        return read_html(data, source=source)
    if kind == "mht":
        from shudarga.documents.readers.html import read_mht

        return read_mht(data, source=source)
    if kind == "json":
        return _read_json(data, source)
    if kind == "text":
        return read_text(data, source=source)
    if kind == "encrypted":
        raise ReadError("file_encrypted")
    if kind == "pdf":
        from shudarga.documents.readers.pdf import read_pdf

        return read_pdf(data, source=source)
    if kind in ("doc", "xls"):
        from shudarga.documents.readers.legacy import convert_legacy

        return _read_kind(convert_legacy(data, kind), "docx" if kind == "doc" else "xlsx", source)
    if kind in _LEGACY_NAMES:
        raise ReadError("format_legacy", kind=_LEGACY_NAMES[kind])
    raise ReadError("format_unknown", kind=kind)


def read_path(path: str | os.PathLike[str]) -> ReportDocument:
    """Read a file; every problem is a ReadError with a code a person can be told."""
    file = Path(path)
    if not file.is_file():
        raise ReadError("file_missing")
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError("file_too_large", size=size, limit=MAX_FILE_BYTES)
        data = file.read_bytes()
    except OSError as exc:
        raise ReadError("file_unreadable", reason=exc.strerror or str(exc)) from exc
    return read_bytes(data, source=file.name)
