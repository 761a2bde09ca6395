"""Sentences and tokens of a target or a narrative, with positions in the text as written.

Matching is on the folded form (Latin look-alikes as Cyrillic, lower case); what is shown as
evidence is the sentence as the organization wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from shudarga.documents.textnorm import fold

# A number: "1804", "840,0", "52.3", "1,804" (a comma before exactly three digits groups
# thousands), a range "1-6", and a glued suffix "400-гаас", "27-ны", "6-р".
_TOKEN = re.compile(
    r"(?P<num>\d{1,3}(?: \d{3})+(?!\d)|\d+(?:[.,]\d+)?)"
    r"(?:-(?P<range>\d+))?(?:\s?-\s?(?P<suffix>[^\W\d_]+))?"
    r"|(?P<word>[^\W\d_]+(?:[.-][^\W\d_]+)*)"
    r"|(?P<punct>[%,;:()\"«»“”„'/№])"
)
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
_QUOTES = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|«[^»\n]*»|„[^“”\n]*[“”]")


@dataclass(frozen=True)
class Token:
    kind: str  # "num" | "word" | "punct"
    text: str
    folded: str
    start: int
    end: int
    value: Decimal | None = None
    suffix: str = ""  # a glued case ending of a number, folded: "гаас", "ны"
    ranged: bool = False  # "1-6": a span of months or days, never a count
    quoted: bool = False  # inside quotation marks: part of a name ("... 110" hotline)


@dataclass(frozen=True)
class Sentence:
    text: str
    tokens: tuple[Token, ...]


def number_value(text: str) -> Decimal:
    """ "1,804" -> 1804; "840,0" -> 840.0; "52.3" -> 52.3 (never a float)."""
    if re.fullmatch(r"\d{1,3}(?:[, ]\d{3})+", text):
        return Decimal(text.replace(",", "").replace(" ", ""))
    return Decimal(text.replace(",", "."))


def tokens(text: str) -> tuple[Token, ...]:
    quoted = [(m.start(), m.end()) for m in _QUOTES.finditer(text)]
    found: list[Token] = []
    for m in _TOKEN.finditer(text):
        inside = any(a < m.start() < b for a, b in quoted)
        if m.group("num") is not None:
            found.append(
                Token(
                    "num",
                    m.group(),
                    fold(m.group()),
                    m.start(),
                    m.end(),
                    value=number_value(m.group("num")),
                    suffix=fold(m.group("suffix") or ""),
                    ranged=m.group("range") is not None,
                    quoted=inside,
                )
            )
        else:
            kind = "word" if m.group("word") is not None else "punct"
            found.append(Token(kind, m.group(), fold(m.group()), m.start(), m.end(), quoted=inside))
    return tuple(found)


def sentences(text: str) -> list[Sentence]:
    """The text cut at sentence ends and line breaks; empty pieces are dropped."""
    out = []
    for piece in _SENTENCE_END.split(text or ""):
        piece = piece.strip()
        if piece:
            out.append(Sentence(piece, tokens(piece)))
    return out
