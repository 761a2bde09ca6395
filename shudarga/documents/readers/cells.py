"""Cell text as readers find it: HTML markup inside cells, numbers written by hand.

Cells pulled out of web pages keep their markup (``<p>…</p>``). The text is kept, tags and
scripts are dropped, and paragraphs and line breaks become newlines.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from html import unescape
from html.parser import HTMLParser

from shudarga.documents.textnorm import clean_spaces, from_legacy_font

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"}
_HIDDEN = {"script", "style", "head", "title", "template"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden_depth += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, one line per paragraph."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return clean_spaces("".join(parser.parts))


def cell_text(raw: str) -> str:
    """The text of one cell: markup dropped if there is any, spaces tidied."""
    if _TAG.search(raw):
        return html_to_text(raw)
    return clean_spaces(unescape(raw) if "&" in raw else raw)


_DASHES = "-–—‒"
_NUMBER = re.compile(r"^[+]?\d+(?:[.,]\d+)?$")
_MILLION = re.compile(r"\s*(сая|сая төгрөг|сая төг\.?)$", re.IGNORECASE)
_THOUSAND = re.compile(r"\s*(мян\.?\s*төг\.?|мянган төгрөг|мян\.?)$", re.IGNORECASE)


def has_unit(text: str) -> bool:
    """The amount names its own unit ("5 сая", "840 мян.төг")."""
    value = text.strip().replace("\u00a0", " ")
    return bool(_MILLION.search(value) or _THOUSAND.search(value))


_HEADER_MILLION = re.compile(r"сая")
_HEADER_THOUSAND = re.compile(r"мян")
_HEADER_TUGRIK = re.compile(r"төг")


def header_unit(header: str) -> Decimal:
    """What one unit of a money column is in thousand MNT, by its header: "/сая төг/" is 1000,
    "/мян.төг/" or no unit is 1, "/төгрөг/" is 0.001.
    """
    folded = header.casefold()
    if _HEADER_MILLION.search(folded):
        return Decimal(1000)
    if _HEADER_THOUSAND.search(folded) or not _HEADER_TUGRIK.search(folded):
        return Decimal(1)
    return Decimal("0.001")


def is_blank_amount(text: str) -> bool:
    """A cell that says "no money": empty, or only dashes."""
    stripped = text.strip()
    return not stripped or all(ch in _DASHES for ch in stripped)


def parse_amount(text: str) -> Decimal | None:
    """A money amount in thousand MNT as written ("840,0", "5000.0", "1 200,5", "5 сая").

    Returns None for "no money" ("-", empty). Raises ValueError when the text is not an
    amount, so the caller can say so instead of guessing.
    """
    if is_blank_amount(text):
        return None
    value = text.strip().replace("\u00a0", " ")
    factor = Decimal(1)
    if _MILLION.search(value):
        value, factor = _MILLION.sub("", value), Decimal(1000)
    else:
        value = _THOUSAND.sub("", value)
    value = value.replace(" ", "")
    if "," in value and "." in value:
        # Both separators: the last one is the decimal mark, the other groups thousands.
        decimal_mark = "," if value.rfind(",") > value.rfind(".") else "."
        value = value.replace("." if decimal_mark == "," else ",", "")
    value = value.replace(",", ".")
    if not _NUMBER.match(value):
        raise ValueError(text)
    try:
        amount = Decimal(value)
    except InvalidOperation as exc:  # pragma: no cover - the pattern above already guards
        raise ValueError(text) from exc
    return amount * factor if factor != 1 else amount


def is_separator(cells: list[str]) -> bool:
    """A row drawn with dashes or equals signs between table parts."""
    filled = [c.strip() for c in cells if c.strip()]
    return (
        bool(filled)
        and all(set(c) <= set(_DASHES + "=_+|: ") for c in filled)
        and any(len(c) >= 2 for c in filled)
    )


# Invisible characters Word and web pages leave inside text: zero-width spaces and joiners,
# byte-order marks, soft hyphens.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def clean_cell(text: str) -> str:
    """A cell as the interpreter wants it: no invisible characters, tidy spaces, lines kept.

    A cell holding only a space or a non-breaking space becomes empty.
    """
    text = from_legacy_font(text.translate(_INVISIBLE))
    return clean_spaces(text.replace("\r\n", "\n").replace("\r", "\n"))


# Latin letters typed inside Mongolian words ("HЭГДСЭН", "Зoрилт"); textnorm.fold maps the same.
_LOOKALIKE_LOWER = str.maketrans("abcehkmoptxy", "авсенкмортху")


def matchable(text: str) -> str:
    """``text`` lower-cased with Latin look-alikes made Cyrillic, keeping its length, so that a
    pattern found in it cuts the original text at the same places.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer ("İ")
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lowered.translate(_LOOKALIKE_LOWER)
