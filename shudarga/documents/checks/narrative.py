"""Numbers in the narrative (хүрсэн түвшин, what was achieved) with their units.

"нийт 1804 иргэн үзсэн" -> 1804 иргэн, a total (нийт); "166 ашиг сонирхлын мэдүүлэг" ->
166 мэдүүлэг (a unit may follow a few modifiers); "466, ... 475 буюу нийт 941 иргэн" -> the
unit-less 466 and 475 take the unit of the number they are listed with. Left out: years and
dates ("2024 онд", "сарын 10-ны", "6 дугаар сар"), ranges ("1-6"), numbers inside quotation
marks (names: "Шударга ёс ... 110"), restated targets ("500-аас доошгүй"), planned counts
("төлөвлөсөн 20 сургалтаас") and sentences about the future ("... зохион байгуулна").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from shudarga.documents.checks.targets import DATE_SUFFIX, NOT_A_COUNT, number_word
from shudarga.documents.checks.tokens import Sentence, Token, sentences
from shudarga.documents.checks.units import PERCENT, TIMES, match_unit

_TOTAL_WORDS = {"нийт", "нийтдээ", "бүгд", "бүгдээрээ", "нийлбэр", "дүнгээр"}
_RESTATED = re.compile(r"доошгүй|багагүй|ихгүй|хэтрэхгүй")
_PLANNED_BEFORE = {"төлөвлөсөн", "төлөвлөгдсөн", "зорилтот", "зорьсон"}
_ABLATIVE = re.compile(r"(?:аас|ээс|оос|өөс|иас|иос|наас|нээс)$")
_FUTURE_VERB = re.compile(r"(?:на|нэ|но|нө)$")
_PRESENT = {"байна", "ажиллаж", "хийгдэнэ"}
_WINDOW = 4  # words after a number searched for its unit
_LIST_JOINS = {",", "буюу", "ба", "болон", "нийт", "бусад", "мөн"}


@dataclass(frozen=True)
class Quantity:
    value: Decimal
    unit: str | None
    total: bool  # written as a total ("нийт 941")
    sentence: int  # index into the narrative's sentences
    position: int  # index of the number among the sentence's tokens
    of_which: bool = False  # "150 нь эмэгтэй": a part of a total given before
    times: bool = False  # "3 удаагийн уулзалт": counted in times as well as in its noun


@dataclass(frozen=True)
class Narrative:
    sentences: list[Sentence]
    quantities: list[Quantity]

    def text_of(self, q: Quantity) -> str:
        return self.sentences[q.sentence].text


def read_narrative(text: str) -> Narrative:
    found = sentences(text)
    quantities: list[Quantity] = []
    for index, sentence in enumerate(found):
        if _future(sentence):
            continue
        quantities += _quantities(sentence, index)
    return Narrative(found, quantities)


def _future(sentence: Sentence) -> bool:
    """A sentence about what will be done: its last verb is in the future ("зохион
    байгуулна") or it says what is planned ("хүргэхээр төлөвлөж байна")."""
    words = [t.folded for t in sentence.tokens if t.kind == "word"]
    if not words:
        return False
    if any(w.startswith("төлөвлө") and w not in _PLANNED_BEFORE for w in words) and any(
        re.search(r"(?:хаар|хээр|хоор|хөөр)$", w) for w in words
    ):
        return True
    last = words[-1]
    return bool(_FUTURE_VERB.search(last)) and last not in _PRESENT and len(last) > 4


def _quantities(sentence: Sentence, index: int) -> list[Quantity]:
    toks = sentence.tokens
    raw: list[tuple[int, Decimal, str | None, bool]] = []
    for i, tok in enumerate(toks):
        if tok.kind == "word":
            # "хоёр удаа": a number written as a word counts when a unit follows it
            worded = number_word(tok.folded)
            unit = _unit_ahead(toks, i) if worded is not None else None
            if unit is not None and (i == 0 or toks[i - 1].folded != "ямар"):
                raw.append((i, worded, unit, _is_total(toks, i)))  # type: ignore[arg-type]
            continue
        if tok.kind != "num" or not _counts(toks, i) or _whole(toks, i):
            continue
        unit = _unit_ahead(toks, i)
        if unit is None:
            unit = _partitive_unit(toks, i)
        raw.append((i, tok.value, unit, _is_total(toks, i)))  # type: ignore[arg-type]
    # A unit-less number listed before a counted one takes its unit ("466, ... 475 буюу нийт
    # 941 иргэн"); the last unit-less ones may take the unit of a word just before them.
    out: list[Quantity] = []
    for k, (i, value, unit, total) in enumerate(raw):
        if unit is None and _listed(toks, i):
            unit = next((u for _, _, u, _ in raw[k + 1 :] if u is not None), None)
        if unit is None:
            unit = _unit_behind(toks, i)
        of_which = i + 1 < len(toks) and toks[i + 1].folded == "нь"
        times = i + 1 < len(toks) and toks[i + 1].folded.startswith("удаагийн")
        out.append(Quantity(value, unit, total, index, i, of_which, times))
    return out


def _counts(toks: tuple[Token, ...], i: int) -> bool:
    """Whether the number at ``i`` can be a count of what was done."""
    tok = toks[i]
    if tok.ranged or tok.quoted or DATE_SUFFIX.match(tok.suffix):
        return False
    if len(tok.text) > 7 or (tok.value is not None and 1990 <= tok.value <= 2100):
        return False  # a telephone number, a year
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    prev = toks[i - 1] if i > 0 else None
    if (
        nxt is not None
        and nxt.kind == "word"
        and (NOT_A_COUNT.match(nxt.folded) or _RESTATED.search(nxt.folded))
    ):
        return False
    if _ABLATIVE.search(tok.suffix) and nxt is not None and _RESTATED.search(nxt.folded):
        return False
    if prev is not None and prev.folded in ("сарын", "№", "дугаар", "дүгээр", "оны"):
        return False
    # "төлөвлөсөн 20 сургалтаас 18-ыг": the 20 is the plan
    return prev is None or prev.folded not in _PLANNED_BEFORE


def _unit_ahead(toks: tuple[Token, ...], i: int) -> str | None:
    if toks[i].text.endswith("%") or (i + 1 < len(toks) and toks[i + 1].folded == "%"):
        return PERCENT
    if i + 1 < len(toks) and toks[i + 1].folded == "нь":
        return None  # "24 нь сургалтад": "нь" closes the number's phrase; no unit follows
    words: list[str] = []
    for tok in toks[i + 1 :]:
        if tok.kind != "word" or len(words) == _WINDOW:
            break
        words.append(tok.folded)
    for j in range(len(words)):
        unit = match_unit(words[j:])
        if unit is not None and unit.name == TIMES and j + 1 < len(words):
            # "3 удаагийн уулзалт": three meetings, counted by the noun the times qualify
            counted = match_unit(words[j + 1 :])
            if counted is not None and words[j].endswith("гийн"):
                return counted.name
        if unit is not None:
            return unit.name
    return None


def _partitive_unit(toks: tuple[Token, ...], i: int) -> str | None:
    """ "50 албан хаагчаас 45 нь" (45 of 50 civil servants): the unit of the whole before."""
    if not (i >= 2 and toks[i - 1].kind == "word" and _ABLATIVE.search(toks[i - 1].folded)):
        return None
    for j in range(i - 1, max(0, i - 4), -1):
        words = [t.folded for t in toks[j:i] if t.kind == "word"]
        unit = match_unit(words)
        if unit is not None and unit.words == len(words) and toks[j - 1].kind == "num":
            return unit.name
    return None


def _whole(toks: tuple[Token, ...], i: int) -> bool:
    """The 50 of "50 албан хаагчаас 45 нь": the whole a part is taken from, not a count done."""
    for j in range(i + 1, min(len(toks) - 1, i + 4)):
        if toks[j].kind != "word":
            return False
        words = [t.folded for t in toks[i + 1 : j + 1]]
        unit = match_unit(words)
        if (
            unit is not None
            and unit.words == len(words)
            and _ABLATIVE.search(toks[j].folded)
            and toks[j + 1].kind == "num"
        ):
            return True
    return False


def _listed(toks: tuple[Token, ...], i: int) -> bool:
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is not None and nxt.folded in _LIST_JOINS


def _unit_behind(toks: tuple[Token, ...], i: int) -> str | None:
    """ "Хамрагдсан иргэдийн тоо нийт 350." : a unit word shortly before, none between."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.kind == "word":
        return None  # a word follows that is no unit: the number counts that word
    for j in range(i - 1, max(-1, i - 5), -1):
        tok = toks[j]
        if tok.kind == "num":
            return None
        if tok.kind == "word":
            unit = match_unit([t.folded for t in toks[j:i] if t.kind == "word"])
            if unit is not None:
                return unit.name
    return None


def _is_total(toks: tuple[Token, ...], i: int) -> bool:
    before = [t.folded for t in toks[max(0, i - 2) : i] if t.kind == "word"]
    return any(w in _TOTAL_WORDS for w in before)
