"""Text normalisation shared by readers and by matching of names.

Text is kept as written everywhere it is shown ("Mөн" with a Latin M stays so); matching and
deduplication use the folded form, where case, spacing and Latin look-alike letters vanish.
"""

from __future__ import annotations

import re
import unicodedata

# Latin letters that look like Cyrillic ones, as they appear inside Mongolian words.
_LOOKALIKES = str.maketrans(
    {
        "a": "а",
        "b": "в",
        "c": "с",
        "e": "е",
        "h": "н",
        "k": "к",
        "m": "м",
        "o": "о",
        "p": "р",
        "t": "т",
        "x": "х",
        "y": "у",
    }
)
_SPACES = re.compile(r"\s+")

# Old Mongolian 8-bit fonts ("Arial Mon", "Times New Roman Mon") drew Ө, ө, Ү, ү in the places
# of windows-1251's Ukrainian Є, є, Ї, ї: text typed with them holds those letters, which no
# Mongolian word has. Read, they are what the writer saw.
_LEGACY_FONT = str.maketrans({"Є": "Ө", "є": "ө", "Ї": "Ү", "ї": "ү"})
_LEGACY_LETTERS = frozenset("ЄєЇї")


def has_legacy_font_letters(text: str) -> bool:
    return not _LEGACY_LETTERS.isdisjoint(text)


def from_legacy_font(text: str) -> str:
    """Text typed with an old Mongolian font, in the letters it showed: "Хїрэх тївшин" is
    "Хүрэх түвшин"."""
    return text.translate(_LEGACY_FONT)


def clean_spaces(text: str) -> str:
    """Non-breaking and repeated spaces become one space; ends are trimmed; lines are kept."""
    lines = (_SPACES.sub(" ", line.replace("\u00a0", " ")).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def fold(text: str) -> str:
    """A form for matching only: NFC, lower case, Latin look-alikes as Cyrillic, single spaces."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_LOOKALIKES)
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def typed_text(value: str | None) -> str:
    """Text as a person typed it in a form: browsers send paragraphs with CR LF (old ones
    with CR), kept as LF so an unchanged text compares equal; the ends trimmed."""
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


# Characters no person types and no report holds: C0 controls but tab, line feed and carriage
# return (NUL breaks PostgreSQL), DEL, C1 controls, lone surrogates (not encodable as UTF-8)
# and the non-characters U+FFFE, U+FFFF. Direction marks and other format characters are text.
_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def refused_character(text: str) -> str | None:
    """The first character of ``text`` that is refused everywhere, as "U+0000", else None."""
    found = _REFUSED.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"
