"""Scoring: measure scores -> objective results, the consolidated total, and a check of the
total a document states. The rules and worked examples are in docs/scoring.md.

Pure Python (no Django) so the document, the database and the dashboards share one rule.
Means are computed as exact Fractions; Decimals appear only where results leave the module.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import ceil, floor, lcm
from typing import Any

from shudarga.documents.model import ReportDocument, Rounding, Scale

EXACT_PLACES = 6  # places of Result.exact; sum and count keep the full fraction
SHARE_PLACES = 1
SOLUTION_CAP = 50  # reconciliation lists at most this many multisets
NOT_DUE = "not_due"
OTHER = "other"  # counts key for a score that is not one of the scale's levels


@dataclass(frozen=True)
class ItemScore:
    """One measure as scoring sees it. ``not_due`` wins over a score: the measure is left out."""

    number: str
    score: Decimal | None
    not_due: bool = False


@dataclass(frozen=True)
class ObjectiveInput:
    number: str
    title: str
    items: Sequence[ItemScore]


@dataclass(frozen=True)
class Result:
    """The mean of the scored measures of a group; ``sum / count`` is the exact fraction."""

    exact: Decimal | None
    display: str | None
    sum: Decimal
    count: int
    not_due: list[str]
    unscored: list[str]
    counts: dict[str, int]
    shares: dict[str, Decimal]

    @property
    def fraction(self) -> Fraction | None:
        return Fraction(self.sum) / self.count if self.count else None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class ObjectiveResult:
    number: str
    title: str
    result: Result


@dataclass(frozen=True)
class Reconciliation:
    """The stated total checked against the computed one, and what the unscored would need to be.

    ``solution_count`` is the number of agreeing multisets, even when ``solutions`` is capped.
    """

    stated: Decimal
    decimals: int
    status: str  # "agrees" | "disagrees" | "reconcilable" | "irreconcilable"
    agrees_as_is: bool
    agrees_by: list[str]  # how the scored-only mean agrees: "rounding" and/or "truncation"
    unscored: list[str]
    solutions: list[dict[str, Any]]
    unique: bool
    assignment: dict[str, Decimal | str] | None
    truncated: bool
    solution_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class ReportScore:
    total: Result
    objectives: list[ObjectiveResult]
    reconciliation: Reconciliation | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; Decimals stay Decimal (dump with simplejson, ``use_decimal=True``)."""
        return {
            "total": self.total.to_dict(),
            "objectives": [
                {"number": o.number, "title": o.title, **o.result.to_dict()}
                for o in self.objectives
            ],
            "reconciliation": self.reconciliation.to_dict() if self.reconciliation else None,
        }


# --- numbers ----------------------------------------------------------------------------


def _decimal(digits: int, places: int) -> Decimal:
    """digits * 10**-places, built exactly (no context precision involved)."""
    sign = 1 if digits < 0 else 0
    return Decimal((sign, tuple(int(c) for c in str(abs(digits))), -places))


def round_value(value: Fraction | Decimal, rounding: Rounding, decimals: int) -> Decimal:
    """Round ``value`` to ``decimals`` places; the result has exactly that many places.

    HALF_UP rounds a tie away from zero (90.5 -> 91); TRUNCATE cuts toward zero (90.99 -> 90).
    """
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    scaled = Fraction(value) * 10**decimals
    if Rounding(rounding) is Rounding.TRUNCATE:
        digits = int(scaled)  # int() truncates a Fraction toward zero
    else:
        digits = floor(abs(scaled) + Fraction(1, 2))
        digits = -digits if scaled < 0 else digits
    return _decimal(digits, decimals)


def exact_value(value: Fraction) -> Decimal:
    """The stored "exact" figure: 6 places, ties to even (only the last place is ever off)."""
    return _decimal(round(value * 10**EXACT_PLACES), EXACT_PLACES)


def mean_exact(total: Decimal | Fraction, count: int) -> Decimal | None:
    """The stored exact mean of ``count`` scores summing to ``total`` (None when none)."""
    return exact_value(Fraction(total) / count) if count else None


def format_value(value: Fraction | Decimal | None, scale: Scale) -> str | None:
    """The figure as the scale publishes it: "." separator, exactly ``scale.decimals`` places."""
    if value is None:
        return None
    return format(round_value(value, scale.rounding, scale.decimals), "f")


def level_key(score: Decimal) -> str:
    """Plain string key of a score: "100" for 100, 100.0 or 1E+2; "72.5" stays "72.5"."""
    text = format(score, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def stated_precision(stated: Decimal) -> int:
    """Places a total was written with: "91" -> 0, "90.5" -> 1, "91.0" -> 1."""
    exponent = stated.as_tuple().exponent
    if not isinstance(exponent, int):
        raise ValueError(f"a stated total must be a finite number, got {stated}")
    return max(0, -exponent)


def total_agrees(exact: Fraction | Decimal, stated: Decimal) -> list[str]:
    """Which rules bring ``exact`` to ``stated`` at the stated precision ([] when none)."""
    places = stated_precision(stated)
    return [
        name
        for name, rule in (("rounding", Rounding.HALF_UP), ("truncation", Rounding.TRUNCATE))
        if round_value(exact, rule, places) == stated
    ]


# --- results ----------------------------------------------------------------------------


def _levels(scale: Scale) -> list[Decimal]:
    """The scale's level scores in scale order, one per distinct value."""
    seen: dict[Decimal, Decimal] = {}
    for level in scale.levels:
        seen.setdefault(level.score, level.score)  # Decimal("100") == Decimal("100.0")
    return list(seen.values())


def _result(items: Iterable[ItemScore], scale: Scale) -> Result:
    keys = [level_key(score) for score in _levels(scale)]
    counts = dict.fromkeys([*keys, OTHER], 0)
    scores: list[Decimal] = []
    not_due: list[str] = []
    unscored: list[str] = []
    for item in items:
        if item.not_due:
            not_due.append(item.number)
        elif item.score is None:
            unscored.append(item.number)  # not evaluated: reported, never counted
        else:
            scores.append(item.score)
            level = scale.level_for(item.score)
            counts[level_key(level.score) if level else OTHER] += 1
    total = sum(scores, Decimal(0))
    mean = Fraction(total) / len(scores) if scores else None
    shares = (
        {
            k: round_value(Fraction(100 * c, len(scores)), Rounding.HALF_UP, SHARE_PLACES)
            for k, c in counts.items()
        }
        if scores
        else {}
    )
    return Result(
        exact=exact_value(mean) if mean is not None else None,
        display=format_value(mean, scale),
        sum=total,
        count=len(scores),
        not_due=not_due,
        unscored=unscored,
        counts=counts,
        shares=shares,
    )


def score_items(items: Iterable[ItemScore], scale: Scale) -> Result:
    """The pooled result of measures taken together: a report's total without its objectives
    (what a list of reports shows), by the same rule as ``score_objectives``' total."""
    return _result(items, scale)


def score_objectives(
    objectives: Sequence[ObjectiveInput], scale: Scale, stated_total: Decimal | None = None
) -> ReportScore:
    """Per-objective results, the pooled total (not a mean of means) and the stated-total check."""
    per_objective = [
        ObjectiveResult(o.number, o.title, _result(o.items, scale)) for o in objectives
    ]
    total = _result((item for o in objectives for item in o.items), scale)
    check = None if stated_total is None else reconcile(total, scale, stated_total)
    return ReportScore(total=total, objectives=per_objective, reconciliation=check)


def score_document(doc: ReportDocument) -> ReportScore:
    objectives = [
        ObjectiveInput(
            number=o.number,
            title=o.title,
            items=tuple(ItemScore(m.number, m.score, m.not_due) for m in o.measures),
        )
        for o in doc.objectives
    ]
    return score_objectives(objectives, doc.scale, doc.stated_total)


# --- reconciliation ---------------------------------------------------------------------


def _multiset_tables(values: list[int], k: int) -> list[list[dict[int, int]]]:
    """tables[i][n][s]: how many multisets of n values drawn from values[i:] sum to s.

    Built level by level with T_i(n, s) = T_i+1(n, s) + T_i(n-1, s - v_i), so the cost is
    levels * k * distinct sums, never levels ** k. tables[0][n] holds every reachable sum.
    """
    tables: list[list[dict[int, int]]] = [[] for _ in values]
    tables.append([{0: 1}] + [{} for _ in range(k)])
    for i in reversed(range(len(values))):
        rows: list[dict[int, int]] = []
        for n in range(k + 1):
            row = dict(tables[i + 1][n])
            if n:
                for s, c in rows[n - 1].items():
                    row[s + values[i]] = row.get(s + values[i], 0) + c
            rows.append(row)
        tables[i] = rows
    return tables


def _multisets(
    tables: list[list[dict[int, int]]], values: list[int], n: int, s: int, cap: int
) -> list[list[int]]:
    """Up to ``cap`` multisets (counts per value) of n values summing to s, most of values[0]
    first; the tables prune every branch that cannot be completed."""
    found: list[list[int]] = []

    def walk(i: int, n: int, s: int, picked: list[int]) -> None:
        if len(found) >= cap:
            return
        if i == len(values):
            found.append(picked)
            return
        for c in range(n, -1, -1):
            if tables[i + 1][n - c].get(s - c * values[i]):
                walk(i + 1, n - c, s - c * values[i], [*picked, c])

    walk(0, n, s, [])
    return found


def reconcile(
    total: Result, scale: Scale, stated: Decimal, cap: int = SOLUTION_CAP
) -> Reconciliation:
    """Check ``stated`` against ``total`` and find the value multisets of the unscored measures
    (each a level score or not due) under which the two agree."""
    places = stated_precision(stated)
    mean = total.fraction
    agrees_by = total_agrees(mean, stated) if mean is not None else []
    k = len(total.unscored)
    if k == 0:
        status = "agrees" if agrees_by else "disagrees"
        return Reconciliation(
            stated, places, status, bool(agrees_by), agrees_by, [], [], False, None, False, 0
        )

    levels = _levels(scale)
    unit = lcm(1, *(Fraction(v).denominator for v in levels))  # integer sums for the DP
    values = [int(Fraction(v) * unit) for v in levels]
    tables = _multiset_tables(values, k)
    known = Fraction(total.sum) * unit
    step = Fraction(1, 10**places)  # agreeing means lie within one step of the stated total

    solutions: list[dict[str, Any]] = []
    shapes: list[tuple[int, list[int]]] = []
    found = 0
    for d in range(k + 1):  # d unscored measures taken as not due, n = k - d scored
        n = k - d
        count = total.count + n
        if count == 0:
            continue  # nothing scored at all: no total to agree
        low = ceil((Fraction(stated) - step) * count * unit - known)
        high = floor((Fraction(stated) + step) * count * unit - known)
        for s in sorted((s for s in tables[0][n] if low <= s <= high), reverse=True):
            value = (known + s) / unit / count
            how = total_agrees(value, stated)
            if not how:
                continue
            found += tables[0][n][s]
            for counts in _multisets(tables, values, n, s, cap - len(solutions)):
                shapes.append((d, counts))
                solutions.append(
                    {
                        "not_due": d,
                        "values": {level_key(levels[i]): c for i, c in enumerate(counts) if c},
                        "exact": exact_value(value),
                        "display": format_value(value, scale),
                        "agrees_by": how,
                    }
                )

    unique = False
    assignment: dict[str, Decimal | str] | None = None
    if found == 1:
        d, counts = shapes[0]
        if k == 1 or (d > 0) + sum(1 for c in counts if c) == 1:
            unique = True
            picked: list[Decimal | str] = [NOT_DUE] * d
            for level, c in zip(levels, counts, strict=True):
                picked += [level] * c
            assignment = dict(zip(total.unscored, picked, strict=True))
    return Reconciliation(
        stated=stated,
        decimals=places,
        status="reconcilable" if found else "irreconcilable",
        agrees_as_is=bool(agrees_by),
        agrees_by=agrees_by,
        unscored=list(total.unscored),
        solutions=solutions,
        unique=unique,
        assignment=assignment,
        truncated=found > len(solutions),
        solution_count=found,
    )
