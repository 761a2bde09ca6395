"""Stated totals (нийт, in all) of a narrative held against the parts it lists.

"12 бичлэг, бусад 3 нийт 15 бичлэг" agrees (12 + 3); "466, ... 475 буюу нийт 941 иргэн"
agrees; "30 албан хаагч, 25 албан хаагч нийт 60 албан хаагч" does not. Parts are the counts of
the total's own unit in the total's sentence since the previous total. A list may name other
things first ("зөвлөмж 1, ... 12 бичлэг, бусад 3 нийт 15 бичлэг"), so the total agrees when
the last parts add up to it; it disagrees only when no run of last parts does.
"""

from __future__ import annotations

from decimal import Decimal

from shudarga.documents.checks.narrative import Narrative, Quantity
from shudarga.documents.checks.units import KIND, PERCENT


def disagreeing_totals(narrative: Narrative) -> list[tuple[Quantity, Decimal]]:
    """Each total whose listed parts add up to something else, with that sum."""
    found = []
    by_sentence: dict[int, list[Quantity]] = {}
    for q in narrative.quantities:
        by_sentence.setdefault(q.sentence, []).append(q)
    for quantities in by_sentence.values():
        parts: list[Quantity] = []
        for q in quantities:
            if not q.total:
                parts.append(q)
                continue
            if q.unit in (None, PERCENT, KIND):
                parts = []
                continue
            same = [p.value for p in parts if p.unit == q.unit]
            parts = []
            if len(same) < 2:
                continue
            sums = {sum(same[k:], Decimal(0)) for k in range(len(same))}
            if q.value not in sums:
                found.append((q, sum(same, Decimal(0))))
    return found
