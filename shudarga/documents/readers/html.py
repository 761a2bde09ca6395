"""Reader for web pages: report tables as published on government sites or saved by Word.

Bytes become text by the page's own word: a byte-order mark, else UTF-8, else the charset its
<meta> declares (Word saves Mongolian pages as windows-1251). Bytes that are neither UTF-8 nor
declared are refused ("file_encoding") rather than guessed. lxml parses the page as browsers
do; html_walk.py turns it into lines and tables, blocks.py picks the report's tables.

Metadata our own HTML writer embeds (<meta name="shudarga" content='…'>) is applied. A single
file web page (.mht) is read from the page inside its MIME envelope.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re

from lxml import etree
from lxml import html as lxml_html

from shudarga.documents.embedded import KEY
from shudarga.documents.errors import ReadError
from shudarga.documents.model import GOVERNMENT_SCALE, ReportDocument
from shudarga.documents.readers.blocks import rows_from_blocks
from shudarga.documents.readers.html_walk import page_blocks
from shudarga.documents.readers.metadata import apply_embedded, embedded_scale
from shudarga.documents.readers.table import document_from_rows

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _known(charset: str | None) -> str | None:
    try:
        return codecs.lookup(charset).name if charset else None
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page's <meta> declares in its first kilobytes, if Python knows it."""
    match = _CHARSET.search(data[:4096])
    return _known(match.group(1).decode("ascii", errors="replace")) if match else None


def decode_html(data: bytes, charset: str | None = None) -> str:
    """The page as text; ``charset`` is what an outer envelope (MIME) declares for it."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError("file_encoding", offset=exc.start + len(bom)) from exc
    try:
        # Valid UTF-8 is UTF-8 whatever the page says: Cyrillic in windows-1251 never is.
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _known(charset) or declared_charset(data)
        if declared and declared != "utf-8":
            try:
                return data.decode(declared)
            except UnicodeDecodeError:
                pass
        raise ReadError("file_encoding", offset=exc.start) from exc


def parse_page(text: str) -> lxml_html.HtmlElement:
    if not text.strip():
        raise ReadError("file_empty")
    # huge_tree lifts libxml2's depth limit of 256 (to 2048): beyond it the rest of a page is
    # silently lost. Size is bounded by MAX_FILE_BYTES before parsing.
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_pis=True, huge_tree=True)
    try:
        # Bytes with a fixed encoding: lxml refuses str with an XML encoding declaration.
        return lxml_html.document_fromstring(
            text.replace("\x00", "").encode("utf-8"), parser=parser
        )
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ReadError("no_table") from exc


def _metadata(root: lxml_html.HtmlElement) -> str | None:
    for meta in root.iter("meta"):
        if meta.get("name") == KEY:
            return meta.get("content")
    return None


def read_html(data: bytes, *, source: str = "", charset: str | None = None) -> ReportDocument:
    root = parse_page(decode_html(data, charset))
    metadata = _metadata(root)
    scale = embedded_scale(metadata, GOVERNMENT_SCALE)
    rows = rows_from_blocks(page_blocks(root, scale), scale)
    return apply_embedded(document_from_rows(rows, source=source, scale=scale), metadata)


def read_mht(data: bytes, *, source: str = "") -> ReportDocument:
    """A single-file web page (.mht, Word's "web archive"): the page is its first HTML part,
    quoted-printable or base64 inside a MIME envelope.
    """
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
        payload = part.get_payload(decode=True) if part is not None else None
        charset = part.get_content_charset() if part is not None else None
    except Exception as exc:  # the email package raises many kinds on a broken envelope
        raise ReadError("file_corrupt", kind="mht") from exc
    if not isinstance(payload, bytes) or not payload.strip():
        raise ReadError("no_table")
    return read_html(payload, source=source, charset=charset)
