"""Readers: any supported file in, a ReportDocument out. The format is told by content."""

from __future__ import annotations

import os
from pathlib import Path

from shudarga.documents import jsonform
from shudarga.documents.errors import ReadError
from shudarga.documents.model import ReportDocument
from shudarga.documents.readers.text import decode_text, read_text

# Larger files are refused before they are read; reports are tens of kilobytes.
MAX_FILE_BYTES = int(os.environ.get("SHUDARGA_MAX_FILE_BYTES", 20 * 1024 * 1024))

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # legacy .doc / .xls
_PDF = b"%PDF"


def detect_format(data: bytes) -> str:
    """"json", "text", or the name of a binary kind this version cannot read."""
    head = data[:8].lstrip()
    if data.startswith(_ZIP):
        return "zip"
    if data.startswith(_OLE):
        return "ole"
    if data.startswith(_PDF):
        return "pdf"
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    if head.startswith(b"{"):
        return "json"
    return "text"


def read_bytes(data: bytes, *, source: str = "") -> ReportDocument:
    kind = detect_format(data)
    if kind == "json":
        document = jsonform.loads(decode_text(data))
        document.source = document.source or source
        return document
    if kind == "text":
        return read_text(data, source=source)
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
