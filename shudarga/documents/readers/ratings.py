"""Ratings as organizations write them: "Үр дүнтэй-100%", "Үр дүнгүй-0", "100%", "ХБ".

A rating is a label and a number joined by a dash, a bare percentage, or the not-yet-due
mark. It stands at the end of the achieved text, in a paragraph or row of its own, or in a
score column. The number is the score; the label is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from shudarga.documents.model import Scale
from shudarga.documents.textnorm import fold


@dataclass(frozen=True)
class Rating:
    score: Decimal | None
    not_due: bool
    label: str | None


# Labels seen in real reports besides the scale's own level labels (matched folded).
KNOWN_LABELS = (
    "Үр дүнтэй",
    "Үр дүнгүй",
    "Үр дүнд хүрсэн",
    "Үр дүнд хүрээгүй",
    "Хэрэгжсэн",
    "Хэсэгчлэн хэрэгжсэн",
    "Биелсэн",
    "Биелээгүй",
    "Хангалттай",
    "Хангалтгүй",
)
NOT_DUE_WORDS = ("ХБ", "Х/Б", "Хугацаа болоогүй", "Хугацаа болоогүй байна")

_SCORE = r"(?P<score>\d{1,3}(?:[.,]\d+)?)"
_LABELLED_END = re.compile(r"\s*[-–—]\s*" + _SCORE + r"\s*%?\s*$")
# "100", "100%", "100 %", "100 хувь"
_BARE_NUMBER = re.compile(r"^\s*" + _SCORE + r"\s*(?:%|хувь)?\s*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;:\n»\"”)]\s*")
_MAX_LABEL_WORDS = 5


def _labels(scale: Scale) -> list[str]:
    labels = [lvl.label_mn for lvl in scale.levels] + list(KNOWN_LABELS)
    # Longest first, so "Үр дүнд хүрсэн" wins over a shorter label it ends with.
    return sorted({fold(lbl) for lbl in labels}, key=len, reverse=True)


def _score(raw: str) -> Decimal:
    return Decimal(raw.replace(",", "."))


def _not_due_tail(text: str, scale: Scale) -> int | None:
    """Index where a trailing not-yet-due mark starts, if the text ends with one."""
    folded_text = fold(text)
    for word in sorted({scale.not_due_mark, *NOT_DUE_WORDS}, key=len, reverse=True):
        folded = fold(word)
        if not folded_text.endswith(folded):
            continue
        start = len(text.rstrip(" .")) - len(word)
        before = text[:start].rstrip()
        if (
            start >= 0
            and fold(text[start:].rstrip(" .")) == folded
            and (not before or _SENTENCE_END.search(before[-1]) or before.endswith(("-", "–")))
        ):
            return start
    return None


def _not_due(written: str, scale: Scale) -> Rating:
    """The not-yet-due mark; the scale's own mark ("ХБ") is implied, other wordings are kept."""
    label = written.strip(" .")
    implied = fold(label) == fold(scale.not_due_mark)
    return Rating(score=None, not_due=True, label=None if implied else label)


def _label_start(head: str, scale: Scale) -> int:
    """Where the label of a "label-NN" rating begins inside ``head`` (the text before the dash)."""
    folded_head = fold(head)
    for label in _labels(scale):
        if folded_head.endswith(label):
            # Folding keeps length for our alphabet, so the index carries over.
            start = len(head.rstrip()) - len(label)
            if start == 0 or not head[start - 1].isalnum():
                return start
    # Otherwise the label is the last short sentence before the dash, capitalised, ending in
    # a letter: "…сарын 1-6" is a range, not a rating.
    ends = list(_SENTENCE_END.finditer(head))
    start = ends[-1].end() if ends else 0
    label = head[start:].strip()
    if (
        label
        and label[0].isupper()
        and label[-1].isalpha()
        and len(label.split()) <= _MAX_LABEL_WORDS
    ):
        return start
    return len(head)


def parse_rating_cell(text: str, scale: Scale) -> Rating | None:
    """A cell, row or paragraph that holds only a rating, or None."""
    stripped = text.strip()
    if not stripped:
        return None
    if fold(stripped.rstrip(".")) in {fold(w) for w in (scale.not_due_mark, *NOT_DUE_WORDS)}:
        return _not_due(stripped, scale)
    if match := _BARE_NUMBER.match(stripped):
        return Rating(score=_score(match["score"]), not_due=False, label=None)
    if (match := _LABELLED_END.search(stripped)) and _label_start(
        stripped[: match.start()], scale
    ) == 0:
        label = stripped[: match.start()].strip()
        if label and len(label.split()) <= _MAX_LABEL_WORDS:
            return Rating(score=_score(match["score"]), not_due=False, label=label)
    return None


def split_rating(text: str, scale: Scale) -> tuple[str, Rating | None]:
    """Take a rating off the end of an achieved text: (text without it, rating or None)."""
    stripped = text.rstrip()
    if not stripped:
        return text, None
    lines = stripped.split("\n")
    # A paragraph of its own: "…байна.\nҮр дүнтэй-100%" or "…\n100%".
    if len(lines) > 1 and (rating := parse_rating_cell(lines[-1], scale)):
        return "\n".join(lines[:-1]).rstrip(), rating
    if (start := _not_due_tail(stripped, scale)) is not None:
        return stripped[:start].rstrip(" -–"), _not_due(stripped[start:], scale)
    match = _LABELLED_END.search(stripped)
    if not match:
        return text, None
    head = stripped[: match.start()]
    start = _label_start(head, scale)
    if start == len(head):
        # A dash and a number after a long clause ("1-6 дугаар сарын 10") is not a rating.
        return text, None
    label = head[start:].strip() or None
    return head[:start].rstrip(), Rating(score=_score(match["score"]), not_due=False, label=label)


def level_rating(text: str, scale: Scale) -> Rating | None:
    """A score column that names a level of the scale without its number ("Бүрэн хэрэгжсэн")."""
    folded = fold(text.strip().rstrip("."))
    for level in scale.levels:
        if folded == fold(level.label_mn):
            return Rating(score=level.score, not_due=False, label=text.strip().rstrip("."))
    return None
