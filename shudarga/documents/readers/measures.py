"""Turning the cell fragments gathered for one measure into a MeasureEntry.

A measure's cells may arrive over several rows: the row with its number, continuation rows
after a page break, and a rating row of its own. Text pulled out of a paginated table also
shows two kinds of damage that are mended here, each with a warning so a person can check:

- a word of a wide cell spilled into the neighbouring money column on a continuation row
  ("самбар" under Зарцуулсан хөрөнгө): a money cell cannot hold words, so the word goes back
  into the measure text, before the fragment's closing word when that fragment ends a sentence;
- the achieved text ran into the measure cell while the achieved cell stayed empty: the measure
  text of a plan is a clause ending in an "-х" verb ("…сурталчилах"), so the measure text ends
  at the first such verb that is followed by a new capitalised sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from shudarga.documents.messages import message
from shudarga.documents.model import MeasureEntry, ReportWarning, Scale
from shudarga.documents.readers.cells import has_unit, is_blank_amount, parse_amount
from shudarga.documents.readers.layout import Role
from shudarga.documents.readers.ratings import (
    Rating,
    level_rating,
    parse_rating_cell,
    split_rating,
)

_SENTENCE_CLOSE = (".", "!", "?", ";", ".»", '."', ".”")
# An "-х" verb ending the measure clause, then a new sentence (maybe in quotes) with a capital.
_RUN_IN = re.compile(r"(?<=[а-яөүё]х)\s+(?=[\"“«„']?[А-ЯӨҮЁ])")
_MIN_MEASURE_WORDS = 3


@dataclass
class RawMeasure:
    """Cells gathered for one measure; each role keeps one fragment per row, in order."""

    number: str
    fragments: dict[Role, list[str]] = field(default_factory=dict)
    rating_rows: list[Rating] = field(default_factory=list)
    rating_texts: list[str] = field(default_factory=list)  # each rating row as written
    # Money columns whose header names another unit than thousand MNT ("Төсөв /сая төг/").
    units: dict[Role, Decimal] = field(default_factory=dict)

    def add_row(self, cells: dict[Role, str]) -> None:
        rows = max((len(v) for v in self.fragments.values()), default=0)
        for role in set(self.fragments) | set(cells):
            column = self.fragments.setdefault(role, [""] * rows)
            column.append(cells.get(role, ""))


def _warn(warnings: list[ReportWarning], code: str, measure: str, **params: str) -> None:
    warnings.append(
        ReportWarning(
            code=code,
            measure=measure,
            message=message(code, "mn", measure=measure, **params),
            params={"measure": measure, **params},
        )
    )


def _insert_spill(fragment: str, spill: str) -> str:
    """Put a spilled word back into the fragment it came from."""
    if not fragment:
        return spill
    words = fragment.split(" ")
    if fragment.endswith(_SENTENCE_CLOSE) and len(words) > 1:
        return " ".join([*words[:-1], spill, words[-1]])
    return f"{fragment} {spill}"


def _rescue_spills(raw: RawMeasure, warnings: list[ReportWarning]) -> None:
    """Words in a continuation row's money column belong to the measure text."""
    for money in (Role.SPENT, Role.BUDGET):
        column = raw.fragments.get(money, [])
        text = raw.fragments.setdefault(Role.TEXT, [""] * len(column))
        for row, value in enumerate(column):
            if row == 0 or is_blank_amount(value) or is_amount(value):
                continue
            text[row] = _insert_spill(text[row], value)
            column[row] = ""
            _warn(
                warnings,
                "cell_moved",
                raw.number,
                fragment=value,
                source=money.value,
                target=Role.TEXT.value,
            )


def _split_run_in(raw: RawMeasure, warnings: list[ReportWarning]) -> None:
    achieved = raw.fragments.get(Role.ACHIEVED)
    text = raw.fragments.get(Role.TEXT)
    if not achieved or not text or achieved[0].strip():
        return
    match = _RUN_IN.search(text[0])
    if not match:
        return
    head, tail = text[0][: match.start()], text[0][match.end() :]
    if len(head.split()) < _MIN_MEASURE_WORDS or not tail.rstrip().endswith(_SENTENCE_CLOSE):
        return
    text[0], achieved[0] = head, tail
    _warn(warnings, "achieved_split", raw.number)


def is_amount(value: str) -> bool:
    try:
        parse_amount(value)
    except ValueError:
        return False
    return True


def _tidy(amount: Decimal) -> Decimal:
    """1200.000 → 1200 and 0.8400 → 0.84, never exponent notation."""
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.normalize()


def _amount(raw: RawMeasure, role: Role, warnings: list[ReportWarning]) -> Decimal | None:
    for value in raw.fragments.get(role, []):
        if is_blank_amount(value):
            continue
        try:
            amount = parse_amount(value)
        except ValueError:
            _warn(warnings, "number_unreadable", raw.number, value=value)
            return None
        unit = raw.units.get(role, Decimal(1))
        if amount is None or unit == 1 or has_unit(value):
            return amount
        return _tidy(amount * unit)
    return None


def _joined(raw: RawMeasure, role: Role) -> str:
    return " ".join(f.strip() for f in raw.fragments.get(role, []) if f.strip())


def _strip_own_number(text: str, number: str) -> str:
    """The measure cell often repeats its number ("1.1. Авлигатай…"); the number column has it."""
    # Plain string work: a pattern per number would be compiled anew for each of 3,000 measures.
    own = number.rstrip(".")
    stripped = text.lstrip()
    rest = stripped[len(own) :]
    if not own or not stripped.startswith(own) or rest[:1].isdigit():
        return text  # "1.10 …" does not start with the number 1.1
    return rest.removeprefix(".").lstrip()


_CENT = Decimal("0.01")


def _from_points(
    rating: Rating, top: Decimal, written: str, number: str, warnings: list[ReportWarning]
) -> Rating | None:
    """Points on the scale the header declares ("Оноо /5/": 3.5) as a percent (70)."""
    if rating.score is None or rating.label is not None:
        return rating  # ХБ, or a level word: already on the scale
    if rating.score > top:
        _warn(warnings, "score_unreadable", number, value=written)
        return None
    percent = rating.score * 100 / top
    if percent != percent.quantize(_CENT):
        percent = percent.quantize(_CENT)  # 2 of 3 points: 66.67, and the warning says so
    percent = _tidy(percent)
    _warn(warnings, "score_points", number, value=written, top=str(top), score=str(percent))
    return Rating(score=percent, not_due=False, label=None)


def finish_measure(raw: RawMeasure, scale: Scale, warnings: list[ReportWarning]) -> MeasureEntry:
    _rescue_spills(raw, warnings)
    _split_run_in(raw, warnings)
    achieved, rating = split_rating(_joined(raw, Role.ACHIEVED), scale)
    score_cell = _joined(raw, Role.SCORE)
    from_column = score_cell and (
        parse_rating_cell(score_cell, scale) or level_rating(score_cell, scale)
    )
    if from_column:
        # The score column wins; its bare number keeps the label the achieved text gave it
        # ("…Үр дүнтэй-100%" and 100 in an Үнэлгээ column).
        same = rating is not None and rating.score == from_column.score and not rating.not_due
        if from_column.label is None and not from_column.not_due and same:
            from_column = rating
        rating = from_column
    elif score_cell:
        # Never a guess: the cell is kept in a warning and the measure stays unscored.
        _warn(warnings, "score_unreadable", raw.number, value=score_cell)
    if from_column and (top := raw.units.get(Role.SCORE)) is not None:
        rating = _from_points(from_column, top, score_cell, raw.number, warnings)
    extras = raw.rating_texts
    if rating is None and raw.rating_rows:
        rating, extras = raw.rating_rows[-1], extras[:-1]
    for extra in extras:  # every rating row not taken is kept, in full
        _warn(warnings, "rating_extra", raw.number, text=extra)
    return MeasureEntry(
        number=raw.number,
        text=_strip_own_number(_joined(raw, Role.TEXT), raw.number),
        spent=_amount(raw, Role.SPENT, warnings),
        indicator=_joined(raw, Role.INDICATOR),
        target=_joined(raw, Role.TARGET),
        achieved=achieved,
        score=rating.score if rating else None,
        not_due=rating.not_due if rating else False,
        rating=rating.label if rating else None,
        planned_budget=_amount(raw, Role.BUDGET, warnings),
        responsible_unit=_joined(raw, Role.RESPONSIBLE),
        deadline=_joined(raw, Role.DEADLINE),
    )
