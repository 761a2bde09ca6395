"""Rows that open an objective (зорилт), in the ways real tables write them.

- "Зорилт 1. …", "ЗОРИЛТ 1. …" or an ordinal word ("Нэг.", "НЭГ.") alone in the first or second
  cell (the Khujirt seed puts objective 6 in the second cell);
- inside a table: "1. Авлигаас урьдчилан …" alone in the first cell (a row merged across the
  table), or a sentence ending in ":" alone in the first or second cell;
- the text of an objective column ("Үйл ажиллагааны зорилт") whose merged cell spans the
  measures of the objective, its number maybe a paragraph of its own ("1" then the title).

An ordinal-word heading ("Нэг. Хуулиар хүлээсэн үүргийн биелэлт") followed by objectives of
another kind before any measure is a section (бүлэг) above them: the interpreter decides that,
since only the rows after it tell.

An objective whose heading gives no number is numbered by the interpreter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shudarga.documents.readers.cells import matchable
from shudarga.documents.textnorm import fold

_ORDINALS = {
    "нэг": "1",
    "хоёр": "2",
    "гурав": "3",
    "дөрөв": "4",
    "тав": "5",
    "зургаа": "6",
    "долоо": "7",
    "найм": "8",
    "ес": "9",
    "арав": "10",
}
_ORDINAL_WORDS = "|".join(_ORDINALS)
_NAMED = re.compile(
    rf"^\s*(?:зорилт\s*(?P<num>\d+)|(?P<word>{_ORDINAL_WORDS})|бүлэг\s*(?P<sect>\d+))"
    r"\s*[.):]\s*(?P<title>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# "1. Авлигаас …" / "2) Ил тод …": one level only; "1.1" is a measure.
_NUMBERED = re.compile(r"^\s*(?P<num>\d{1,2})\s*[.)]\s*(?P<title>[^\W\d_].*)$", re.DOTALL)
# Headings of law citations inside a plan's row, not objectives.
_NOT_OBJECTIVES = ("эрх зүйн үндэслэл", "үндэслэл", "тайлбар", "жич")
_MAX_TITLE = 400


@dataclass(frozen=True)
class Heading:
    """An objective's number as written ("" when the heading has none) and its title."""

    number: str
    title: str
    ordinal: bool = False  # written with an ordinal word ("Нэг."): maybe a section


def _named(text: str) -> Heading | None:
    # Matched with look-alike Latin letters made Cyrillic ("Зoрилт"); the title is cut from
    # the text as written.
    match = _NAMED.match(matchable(text))
    if not match:
        return None
    number = match["num"] or match["sect"] or _ORDINALS[match["word"]]
    title = text[match.start("title") :].strip()
    # "Бүлэг 11." (section 11) is written past the ten ordinal words: read like them.
    return Heading(number, title, ordinal=match["num"] is None)


def _numbered(text: str, min_words: int = 2) -> Heading | None:
    match = _NUMBERED.match(text)
    if not match or len(match["title"].split()) < min_words:
        return None
    return Heading(match["num"], match["title"].strip())


def _colon_sentence(text: str) -> Heading | None:
    stripped = text.strip()
    if not stripped.endswith((":", "：")) or len(stripped) > _MAX_TITLE:
        return None
    body = stripped.rstrip(":： ")
    if len(body.split()) < 2 or not body[0].isupper() or fold(body) in _NOT_OBJECTIVES:
        return None
    if fold(body).startswith(_NOT_OBJECTIVES):
        return None
    return _named(body) or _numbered(body) or Heading("", body)


def _single(cells: list[str]) -> tuple[int, str] | None:
    filled = [(i, c) for i, c in enumerate(cells) if c.strip()]
    return filled[0] if len(filled) == 1 else None


def objective_of_row(cells: list[str], *, in_table: bool) -> Heading | None:
    """The heading a row holds, when that is all the row holds.

    Numbered and colon headings count only inside a table (after its header or first
    objective): above it such lines are the title, the approval note or the date.
    """
    single = _single(cells)
    if single is None or single[0] > 1:
        return None
    index, text = single
    if heading := _named(text):
        return heading
    if not in_table:
        return None
    if index == 0 and (heading := _numbered(text)) and not text.rstrip().endswith(":"):
        return heading
    return _colon_sentence(text)


# A merged objective cell whose number is a paragraph of its own ("1" / "1." then the title),
# or, saved as text, the same joined by a space: in an objective column a lone number is its.
_NUMBER_PARAGRAPH = re.compile(
    r"^\s*(?P<num>\d{1,2})(?:\s*[.)])?\s+(?P<title>[^\W\d_].*)$", re.DOTALL
)


def objective_of_column(text: str) -> Heading:
    """The heading written in an objective column: numbered if it says so, else unnumbered.

    The title's paragraphs are joined with spaces: a merged cell wraps its title in lines.
    """
    stripped = text.strip().rstrip(":： ")
    if match := _NUMBER_PARAGRAPH.match(stripped):
        return Heading(match["num"], " ".join(match["title"].split()))
    heading = _named(stripped) or _numbered(stripped, min_words=1) or Heading("", stripped)
    return Heading(heading.number, " ".join(heading.title.split()))
