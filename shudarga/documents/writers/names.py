"""ASCII file names for Mongolian titles: Cyrillic transliterated by the national standard."""

from __future__ import annotations

import re

# MNS 5217:2012 (Mongolian Cyrillic → Latin), the letters that differ from a plain mapping.
_LATIN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "ye",
    "ё": "yo",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ү": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sh",
    "ъ": "i",
    "ы": "y",
    "ь": "i",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}


def slug(text: str, limit: int = 60) -> str:
    latin = "".join(_LATIN.get(ch, ch) for ch in text.lower())
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-")[:limit].rstrip("-")
