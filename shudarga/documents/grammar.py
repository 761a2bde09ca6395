"""The little Mongolian grammar organization names need: genitive ↔ nominative of the last word.

Titles name the organization in the genitive ("…ТАМГЫН ГАЗРЫН АВЛИГЫН ЭСРЭГ…"); registers name
it in the nominative ("…Тамгын газар"). Only the last word changes.
"""

from __future__ import annotations

from shudarga.documents.textnorm import fold

# nominative → genitive, for the last words of common organization names (folded spelling)
GENITIVE = {
    "газар": "газрын",
    "яам": "яамны",
    "хороо": "хорооны",
    "алба": "албаны",
    "төв": "төвийн",
    "сургууль": "сургуулийн",
    "эмнэлэг": "эмнэлгийн",
    "хэлтэс": "хэлтсийн",
    "зөвлөл": "зөвлөлийн",
    "хурал": "хурлын",
    "сан": "сангийн",
    "цэцэрлэг": "цэцэрлэгийн",
    "комисс": "комиссын",
    "компани": "компанийн",
    "банк": "банкны",
    "агентлаг": "агентлагийн",
    "байгууллага": "байгууллагын",
}
NOMINATIVE = {gen: nom for nom, gen in GENITIVE.items()}


def _swap_last_word(name: str, table: dict[str, str]) -> str:
    words = name.split()
    if not words or (replacement := table.get(fold(words[-1]))) is None:
        return name
    last = words[-1]
    if last.isupper() and len(last) > 1:
        replacement = replacement.upper()
    elif last[:1].isupper():
        replacement = replacement.capitalize()
    return " ".join([*words[:-1], replacement])


def nominative(name: str) -> str:
    """ "ХУЖИРТ СУМЫН … ТАМГЫН ГАЗРЫН" → "ХУЖИРТ СУМЫН … ТАМГЫН ГАЗАР"; unknown endings stay."""
    return _swap_last_word(name, NOMINATIVE)


def genitive(name: str) -> str:
    """ "Хужирт сумын … Тамгын газар" → "Хужирт сумын … Тамгын газрын"; unknown endings stay."""
    return _swap_last_word(name, GENITIVE)
