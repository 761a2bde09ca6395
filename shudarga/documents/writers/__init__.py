"""Writers: a ReportDocument in, the official table out, in every format we publish.

Each writer module has one function ``write_<format>(doc) -> bytes``; this registry maps the
format names used by the command line, the pages and the API to them, importing a writer only
when it is used (WeasyPrint is heavy).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from shudarga.documents import jsonform
from shudarga.documents.model import ReportDocument

FORMATS: dict[str, tuple[str, str, str]] = {
    # format: (module, content type, file extension)
    "docx": (
        "shudarga.documents.writers.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    "xlsx": (
        "shudarga.documents.writers.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
    "pdf": ("shudarga.documents.writers.pdf", "application/pdf", "pdf"),
    "html": ("shudarga.documents.writers.html", "text/html; charset=utf-8", "html"),
    "csv": ("shudarga.documents.writers.csv", "text/csv; charset=utf-8", "csv"),
    "json": ("", "application/json; charset=utf-8", "json"),
}


def _writer(fmt: str) -> Callable[[ReportDocument], bytes]:
    module, _, _ = FORMATS[fmt]
    if not module:
        return lambda doc: jsonform.dumps(doc).encode("utf-8")
    return getattr(import_module(module), f"write_{fmt}")


def write(doc: ReportDocument, fmt: str) -> bytes:
    """The document in ``fmt`` (one of FORMATS); KeyError for an unknown format."""
    return _writer(fmt)(doc)


def content_type(fmt: str) -> str:
    return FORMATS[fmt][1]


def file_name(doc: ReportDocument, fmt: str) -> str:
    """A file name that says what it is: "khujirt-2024-annual.docx" style, ASCII-safe."""
    return file_stem(doc.organization, doc.year, doc.period.value) + "." + FORMATS[fmt][2]


def file_stem(organization: str, year: int | None, period: str) -> str:
    """The file name without its extension, from the document's three words (the portal
    names a stored publication's download without reading its document)."""
    from shudarga.documents.writers.names import slug

    parts = [slug(organization) or "report", str(year or ""), period]
    return "-".join(p for p in parts if p)
