"""The metadata our writers embed, applied by readers: only when it is ours and plausible.

``embedded.apply_metadata`` leaves damaged metadata aside; here a year outside any plausible
range is left aside too, so a forged property cannot move a report to the year 9999.
"""

from __future__ import annotations

from shudarga.documents.embedded import apply_metadata
from shudarga.documents.model import FORMAT_ID, ReportDocument, Scale

METADATA_START = '{"format":"' + FORMAT_ID + '"'
_YEARS = range(1990, 2200)


def is_metadata(text: object) -> bool:
    return isinstance(text, str) and text.startswith(METADATA_START)


def apply_embedded(doc: ReportDocument, text: str | None) -> ReportDocument:
    """``doc`` completed with the metadata ``text``, or ``doc`` itself if it is unusable."""
    if not is_metadata(text):
        return doc
    applied = apply_metadata(doc, text)
    if applied.year is not None and applied.year not in _YEARS:
        return doc
    return applied


def embedded_scale(text: str | None, default: Scale) -> Scale:
    """The scale the metadata names, to read ratings by it; ``default`` without one."""
    if not is_metadata(text):
        return default
    return apply_embedded(ReportDocument(scale=default), text).scale
