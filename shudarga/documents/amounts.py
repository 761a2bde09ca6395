"""A sum of money as a person types it into a form: one rule for every money field.

Thousand MNT, written the Mongolian way ("1 200,5") or the English way ("1,200.5"):
- spaces (also no-break and thin spaces) and apostrophes group thousands: "1 200" is 1200;
- with both a comma and a point, the last one is the decimal mark: "1.200,5" is 1200.5;
- a mark written more than once groups thousands: "1,200,000" is 1200000;
- a single comma or point before one, two or four and more digits is the decimal mark:
  "840,5" and "0,25" are decimals;
- a single mark before exactly three digits after one to three others ("1,200", "1.250")
  can be either, a thousands separator or a decimal mark, a 1000-fold difference: it is
  refused (AmountAmbiguousError) with a message saying how to write it, never guessed;
- "5 сая" is 5 million MNT (5000 thousand); "-" or nothing is no amount (None).

The readers of old documents have their own, more lenient rule (readers/cells.py): a file
cannot be asked what it meant. No Django here: the web's AmountField and the API use it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_GROUPING = re.compile(r"[\s\u00a0\u202f\u2009']+")
_MILLION = re.compile(r"(сая|сая төгрөг|сая төг\.?)$", re.IGNORECASE)
_DASHES = set("-–—‒")
_PLAIN = re.compile(r"\d+(\.\d+)?")


class AmountError(ValueError):
    """The text is not an amount."""


class AmountAmbiguousError(AmountError):
    """ "1,200" may be 1200 or 1.2: the person is asked to write it unambiguously."""


def parse_typed_amount(text: str) -> Decimal | None:
    """The amount in ``text`` (thousand MNT), None when there is none; AmountError (or its
    AmountAmbiguousError) when it cannot be read for certain. A sign is the caller's to
    refuse: "-5" is an AmountError here."""
    value = (text or "").strip()
    if not value or set(value) <= _DASHES:
        return None
    factor = 1
    million = _MILLION.search(value)
    if million:
        value, factor = value[: million.start()], 1000
    value = _GROUPING.sub("", value)
    number = _plain_number(value)
    if number is None or not _PLAIN.fullmatch(number):
        raise AmountError(text)
    try:
        return Decimal(number) * factor if factor != 1 else Decimal(number)
    except InvalidOperation as exc:  # pragma: no cover - the pattern guards it
        raise AmountError(text) from exc


def _plain_number(value: str) -> str | None:
    """``value`` with its thousands marks removed and its decimal mark a point."""
    commas, points = value.count(","), value.count(".")
    if commas and points:
        decimal = "," if value.rfind(",") > value.rfind(".") else "."
        grouping = "." if decimal == "," else ","
        whole, _, fraction = value.rpartition(decimal)
        if not _grouped(whole, grouping):
            return None
        return whole.replace(grouping, "") + "." + fraction
    mark = "," if commas else "." if points else ""
    if not mark:
        return value
    if value.count(mark) > 1:
        return value.replace(mark, "") if _grouped(value, mark) else None
    whole, _, fraction = value.partition(mark)
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and whole.isdigit() and whole[0] != "0":
        raise AmountAmbiguousError(value)
    return whole + "." + fraction


def _grouped(whole: str, mark: str) -> bool:
    """Whether ``whole`` is digits grouped by threes with ``mark`` (or has no mark)."""
    if mark not in whole:
        return whole.isdigit()
    return re.fullmatch(rf"\d{{1,3}}(\{mark}\d{{3}})+", whole) is not None
