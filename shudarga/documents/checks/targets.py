"""The target (хүрэх түвшин) and indicator (шалгуур үзүүлэлт) cells, as written, understood.

"500 иргэнээс доошгүй" -> at least 500 иргэн; "400-гаас доошгүй иргэнд" -> at least 400;
"90-ээс доошгүй хувь" -> at least 90 хувь; "350" -> 350 of the indicator's unit;
"Сар бүр" / "Улирал бүр" -> 12 / 4 times a year (half that in a half-year report);
"Тухай бүр" (whenever it arises) and a target with no number -> no quantity (vague).
"""

from __future__ import annotations

import re
from decimal import Decimal

from shudarga.documents.checks.results import Comparison, Frequency, Target
from shudarga.documents.checks.tokens import Token, tokens
from shudarga.documents.checks.units import PERCENT, TIMES, match_unit
from shudarga.documents.model import Period
from shudarga.documents.textnorm import fold

_FREQUENCIES: tuple[tuple[re.Pattern[str], Frequency, int], ...] = tuple(
    (re.compile(p), f, n)
    for p, f, n in (
        (r"\b(?:долоо|7) хоног (?:бүр|тутам)", Frequency.WEEKLY, 52),
        (r"\bхагас жил (?:бүр|тутам)", Frequency.HALF_YEARLY, 2),
        (r"\bсар (?:бүр|тутам)|\bсар болгон", Frequency.MONTHLY, 12),
        (r"\bулирал (?:бүр|тутам)|\bулирал болгон", Frequency.QUARTERLY, 4),
        (r"\bжил (?:бүр|тутам)", Frequency.YEARLY, 1),
        (r"\bтухай (?:бүр|бур)|\bшаардлагатай (?:үед|тохиолдолд)", Frequency.EACH_TIME, 0),
    )
)
# Words after a number that make it a date, an ordinal or a span of time, never a count.
NOT_A_COUNT = re.compile(
    r"(?:дугаар|дүгээр|дахь|дэх|он|оны|онд|оноос|онтой|сарын|сард|сараас|цаг|цагт|цагийн"
    r"|минут\w*|хоног\w*|настай|насны|жил|жилд|жилийн|жилээр|өдөр\w*)$"
)
# Case endings glued to a number ("27-ны", "6-р") that make it a date or an ordinal.
DATE_SUFFIX = re.compile(r"^(?:ны|ний|нд|нээс|ноос|р|дугаар|дүгээр|дахь|дэх)$")
_AT_LEAST = re.compile(r"доошгүй|багагүй|дээш|илүү")
_AT_MOST = re.compile(r"ихгүй|хэтрэхгүй|илүүгүй")
_NUMBER_WORDS = {
    "нэг": 1,
    "хоёр": 2,
    "гурав": 3,
    "гурван": 3,
    "дөрөв": 4,
    "дөрвөн": 4,
    "тав": 5,
    "таван": 5,
    "зургаа": 6,
    "зургаан": 6,
    "долоо": 7,
    "долоон": 7,
    "найм": 8,
    "найман": 8,
    "арав": 10,
    "арван": 10,
}
_NUMBER_WORD = re.compile(
    rf"^({'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})(?:оос|ээс|аас|өөс|ыг|ийг|д|т)?$"
)
_WINDOW = 6  # words after a target's number searched for its unit


def number_word(folded: str) -> Decimal | None:
    """ "хоёр" -> 2, "гурван" -> 3, "хоёроос" -> 2; any other word -> None."""
    m = _NUMBER_WORD.match(folded)
    return Decimal(_NUMBER_WORDS[m.group(1)]) if m else None


def frequency_in(text: str) -> Frequency | None:
    """The frequency a text names ("сар бүр" -> monthly), if any."""
    folded = fold(text)
    return next((f for p, f, _ in _FREQUENCIES if p.search(folded)), None)


def parse_target(target: str, indicator: str = "", period: Period = Period.ANNUAL) -> Target:
    """The target as a quantity, a unit and a comparison, or as a frequency; a target with
    neither is vague (``quantity`` None). An empty target cell falls back to the indicator
    when the indicator holds the number (district plans write it there)."""
    text = target.strip()
    indicator_units = _indicator_units(indicator)
    if not text and _first_count(tokens(indicator)) is not None:
        text = indicator.strip()
    folded = fold(text)
    halved = period is Period.HALF_YEAR
    for pattern, frequency, per_year in _FREQUENCIES:
        if pattern.search(folded):
            if frequency is Frequency.EACH_TIME:
                return Target(text, None, None, None, frequency, indicator_units)
            count = Decimal(per_year) / 2 if halved and per_year > 1 else Decimal(per_year)
            return Target(text, count, TIMES, Comparison.AT_LEAST, frequency, indicator_units)
    toks = tokens(text)
    found = _first_count(toks)
    if found is None:
        return Target(text, None, None, None, None, indicator_units)
    index, value = found
    rest = toks[index + 1 :]
    unit = _unit_after(toks[index], rest) or (indicator_units[0] if indicator_units else None)
    comparison = (
        Comparison.AT_LEAST
        if _AT_LEAST.search(folded)
        else Comparison.AT_MOST
        if _AT_MOST.search(folded)
        else Comparison.LEVEL
    )
    if halved and unit != PERCENT and comparison is not Comparison.AT_MOST:
        value = value / 2  # an annual count is half due by mid-year
    return Target(text, value, unit, comparison, None, indicator_units)


def _first_count(toks: tuple[Token, ...]) -> tuple[int, Decimal] | None:
    """The first number of a target that is a count (not a year, a date or an ordinal)."""
    for i, tok in enumerate(toks):
        nxt = toks[i + 1].folded if i + 1 < len(toks) else ""
        if tok.kind == "num" and not tok.ranged and not tok.quoted:
            if DATE_SUFFIX.match(tok.suffix) or NOT_A_COUNT.match(nxt):
                continue
            return i, tok.value  # type: ignore[return-value]
        if tok.kind == "word":
            m = _NUMBER_WORD.match(tok.folded)
            if m and (_AT_LEAST.search(nxt) or match_unit([nxt])):
                return i, Decimal(_NUMBER_WORDS[m.group(1)])
    return None


def _unit_after(number: Token, rest: tuple[Token, ...]) -> str | None:
    if number.text.endswith("%") or (rest and rest[0].folded == "%"):
        return PERCENT
    words = [t.folded for t in rest if t.kind == "word"][:_WINDOW]
    for i in range(len(words)):
        unit = match_unit(words[i:])
        if unit is not None:
            return unit.name
    return None


def _indicator_units(indicator: str) -> tuple[str, ...]:
    """Units the indicator counts: the one right before "тоо" (number) first, then the rest
    in order ("Сургалтад хамрагдсан иргэн, хүүхэд залуучуудын тоо" -> залуучууд, сургалт, иргэн)."""
    words = [t.folded for t in tokens(indicator) if t.kind == "word"]
    found: list[str] = []
    for i, word in enumerate(words):
        if word.startswith("тоо") or word.startswith("хувь"):
            if word.startswith("хувь"):
                found.append(PERCENT)
            for j in range(i - 1, max(-1, i - 4), -1):
                unit = match_unit(words[j:i])
                if unit is not None:
                    found.append(unit.name)
                    break
    for i in range(len(words)):
        unit = match_unit(words[i:])
        if unit is not None:
            found.append(unit.name)
    return tuple(dict.fromkeys(found))
