"""Names in Latin letters: the key that lets "Khujirt" (or "Hujirt", "Xujirt") find
"Хужирт" and a Cyrillic query find a name written in Latin letters.

People type Mongolian names in Latin as MNS 5217:2012 writes them (х → kh, ө → ö, ү → ü,
ц → ts) and in the spellings that came before it (h or x for х, o and u for ө and ү, c
for ц, doubled vowels written once). A name and a query are compared by a lossy key both
are brought to: the Cyrillic in them transliterated by the standard, then the differences
between those spellings folded away. A key is for matching only, never shown.

No Django here: ``orgs.services`` keeps ``Organization.name_latin`` in step with the name.
"""

from __future__ import annotations

import re
import unicodedata

# MNS 5217:2012, Mongolian Cyrillic to Latin (Russian letters of loanwords included).
_MNS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "ye", "ё": "yo", "ж": "j",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "ü", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "i",
    "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
_TABLE = str.maketrans(_MNS)
# The spellings' differences, folded in this order (a digraph before its letters).
_FOLDS = (("kh", "h"), ("x", "h"), ("ts", "c"), ("ye", "e"), ("o", "u"), ("w", "v"))
_NOT_LETTERS = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"([a-z])\1+")


def latin_key(text: str) -> str:
    """The matching key of a name or a query: "Хужирт сум" and "Khujirt sum" both give
    "hujirt sum"; "Өвөрхангай" and "Uvurkhangai" both give "uvurhangai"."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_TABLE)
    # ö → o, ü → u and any other accent dropped.
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    for written, key in _FOLDS:
        text = text.replace(written, key)
    text = _DOUBLED.sub(r"\1", text)
    return _NOT_LETTERS.sub(" ", text).strip()


def has_latin_letters(text: str) -> bool:
    return any("a" <= c <= "z" for c in text.casefold())
