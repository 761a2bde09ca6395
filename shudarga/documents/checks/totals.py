"""Stated totals (нийт, in all) of a narrative held against the parts it lists.

"12 бичлэг, бусад 3 нийт 15 бичлэг" agrees (12 + 3); "466, ... 475 буюу нийт 941 иргэн"
agrees; "30 албан хаагч, 25 албан хаагч нийт 60 албан хаагч" does not. Parts are the counts of
the total's own unit in the total's sentence since the previous total. A list may name other
things first ("зөвлөмж 1, ... 12 бичлэг, бусад 3 нийт 15 бичлэг"), so the total agrees when
the last parts add up to it; it disagrees only when no run of last parts does. Parts given
after the total ("Нийт 280 иргэн хамрагдсанаас 150 нь эмэгтэй, 150 нь эрэгтэй") may leave some
out, so they disagree only when they add up to more than the total.
"""

from __future__ import annotations

from decimal import Decimal

from shudarga.documents.checks.narrative import Narrative, Quantity
from shudarga.documents.checks.units import KIND, PERCENT, compatible


def disagreeing_totals(narrative: Narrative) -> list[tuple[Quantity, Decimal]]:
    """Each total whose listed parts add up to something else, with that sum."""
    found = []
    by_sentence: dict[int, list[Quantity]] = {}
    for q in narrative.quantities:
        by_sentence.setdefault(q.sentence, []).append(q)
    for quantities in by_sentence.values():
        parts: list[Quantity] = []
        for k, q in enumerate(quantities):
            if q.total and q.unit not in (PERCENT, KIND):
                after = _parts_after(q, quantities[k + 1 :])
                if len(after) >= 2 and sum(after, Decimal(0)) > q.value:
                    found.append((q, sum(after, Decimal(0))))
                    parts = []
                    continue
            if not q.total:
                parts.append(q)
                continue
            if q.unit in (None, PERCENT, KIND):
                parts = []
                continue
            same = [p.value for p in parts if compatible(p.unit, q.unit)]
            parts = []
            if len(same) < 2:
                continue
            sums = {sum(same[k:], Decimal(0)) for k in range(len(same))}
            if q.value not in sums:
                found.append((q, sum(same, Decimal(0))))
    return found


def _parts_after(total: Quantity, rest: list[Quantity]) -> list[Decimal]:
    parts = []
    for q in rest:
        if q.total:
            break
        if q.of_which and (q.unit is None or compatible(q.unit, total.unit)):
            parts.append(q.value)
    return parts
