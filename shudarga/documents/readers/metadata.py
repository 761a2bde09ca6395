"""The metadata our writers embed, applied safely: a damaged or forged JSON never stops a read.

``embedded.apply_metadata`` ignores most malformed metadata, but not all of it (a year that is
not a number, a scale the JSON form refuses, nesting too deep for the parser); a file is read
from its table either way, so any such metadata is left aside here.
"""

from __future__ import annotations

from shudarga.documents.embedded import apply_metadata
from shudarga.documents.errors import ReadError
from shudarga.documents.model import FORMAT_ID, ReportDocument, Scale

METADATA_START = '{"format":"' + FORMAT_ID + '"'
_YEARS = range(1990, 2200)


def is_metadata(text: object) -> bool:
    return isinstance(text, str) and text.startswith(METADATA_START)


def apply_embedded(doc: ReportDocument, text: str | None) -> ReportDocument:
    """``doc`` completed with the metadata ``text``, or ``doc`` itself if it is unusable."""
    if not is_metadata(text):
        return doc
    try:
        applied = apply_metadata(doc, text)
    except (ReadError, ValueError, TypeError, KeyError, ArithmeticError, RecursionError):
        return doc
    if applied.year is not None and applied.year not in _YEARS:
        return doc
    return applied


def embedded_scale(text: str | None, default: Scale) -> Scale:
    """The scale the metadata names, to read ratings by it; ``default`` without one."""
    if not is_metadata(text):
        return default
    return apply_embedded(ReportDocument(scale=default), text).scale
