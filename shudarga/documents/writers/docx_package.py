"""What the DOCX and XLSX writers share about the file itself, not the table in it.

- the same document must give the same bytes (so a re-export does not look like a change and
  tests can compare files): dates come from the document, never the clock, and zip entries
  get a fixed timestamp;
- text from uploads may hold characters XML 1.0 forbids (NUL, form feeds from Word, stray
  surrogates); python-docx and openpyxl refuse them, so they are dropped before writing.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

from shudarga.documents.model import Period, ReportDocument

# Tab and newline are allowed; every other C0 control, the surrogates and U+FFFE/U+FFFF are not.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML file cannot hold; CR LF and CR become LF."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def document_moment(doc: ReportDocument) -> datetime:
    """A created/modified date taken from the document: the end of the period it reports on."""
    if doc.year is None:
        return datetime(2000, 1, 1)
    if doc.period is Period.HALF_YEAR:
        return datetime(doc.year, 6, 30)
    return datetime(doc.year, 12, 31)


def stable_zip(data: bytes) -> bytes:
    """The same archive, entries in the same order, with fixed timestamps and permissions."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
