"""The small JSON every written file carries besides the visible table.

A written DOCX, XLSX or HTML file keeps, out of sight (document properties, a hidden sheet, a
<meta> tag), what the table does not show: the scale and its display rule, the organization's
registered name, the year, the period and, for a plan's file, ``"kind": "plan"``. Readers use
it when it is there; what the table shows wins over it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import simplejson

from shudarga.documents.errors import ReadError
from shudarga.documents.jsonform import scale_from_dict, scale_to_dict
from shudarga.documents.model import FORMAT_ID, DocumentKind, Period, ReportDocument
from shudarga.documents.textnorm import fold

KEY = "shudarga"


def metadata_text(doc: ReportDocument) -> str:
    data = {
        "format": FORMAT_ID,
        "organization": doc.organization,
        "year": doc.year,
        "period": doc.period.value,
        "scale": scale_to_dict(doc.scale),
    }
    if doc.kind is not DocumentKind.REPORT:  # a report's metadata stays as it always was
        data["kind"] = doc.kind.value
    return simplejson.dumps(
        data,
        use_decimal=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )


def apply_metadata(doc: ReportDocument, text: str | None) -> ReportDocument:
    """``doc`` completed with the embedded metadata; malformed or foreign metadata is ignored."""
    if not text:
        return doc
    try:
        data: Any = simplejson.loads(text, use_decimal=True)
        if not isinstance(data, dict) or data.get("format") != FORMAT_ID:
            return doc
        scale = scale_from_dict(data["scale"]) if isinstance(data.get("scale"), dict) else doc.scale
        period = Period(data.get("period", doc.period.value))
        year = data.get("year")
        year = int(year) if year is not None else None
        kind = DocumentKind(data.get("kind", doc.kind.value))
    except (ReadError, ValueError, KeyError, TypeError, ArithmeticError, RecursionError):
        # Damaged or forged metadata never stops a read: the table is read without it.
        return doc
    organization = data.get("organization") or ""
    same_organization = not doc.organization or fold(doc.organization) == fold(organization)
    return dataclasses.replace(
        doc,
        scale=scale,
        organization=organization if organization and same_organization else doc.organization,
        year=doc.year if doc.year is not None else year,
        period=period if doc.period is Period.ANNUAL else doc.period,
        kind=kind,
    )
