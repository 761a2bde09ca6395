"""A verdict per measure (арга хэмжээ): its narrative held against its target, and its flags.

Order of the rules (docs/checks.md has an example of each):
1. no target with a quantity: ``not_met`` if the narrative negates the target's action, else
   ``no_quantity`` (and the flag ``target_vague``);
2. a quantity of the target's unit (or its family) reaches the target: ``met`` (a total is
   preferred over its parts; parts of one sentence are added when no total is given);
3. the narrative negates the target's action: ``not_met``;
4. quantities of the target's unit all fall short: ``not_met``;
5. a quantity of the indicator's unit reaches the target (the target counts contracts, the
   indicator declarations): ``met``; a frequency target restated as done ("сар бүр
   шинэчилсэн"): ``met``;
6. otherwise ``cannot_tell``.
"""

from __future__ import annotations

from decimal import Decimal

from shudarga.documents.checks.narrative import Narrative, Quantity, read_narrative
from shudarga.documents.checks.negation import negations
from shudarga.documents.checks.results import (
    Comparison,
    Evidence,
    Flag,
    MeasureCheck,
    Target,
    Verdict,
)
from shudarga.documents.checks.targets import frequency_in, parse_target
from shudarga.documents.checks.tokens import Sentence
from shudarga.documents.checks.totals import disagreeing_totals
from shudarga.documents.checks.units import PERCENT, TIMES, compatible, match_unit, unit_named
from shudarga.documents.model import MeasureEntry, Period, Scale
from shudarga.documents.scoring import level_key

CLAIMED = (Verdict.NOT_MET, Verdict.CANNOT_TELL)  # verdicts that leave a high score unproven


def check_measure(measure: MeasureEntry, scale: Scale, period: Period) -> MeasureCheck:
    written = measure.target.strip() or measure.indicator.strip()
    target = parse_target(measure.target, measure.indicator, period) if written else None
    narrative = read_narrative(measure.achieved)
    verdict, evidence = _verdict(target, measure, narrative)
    flags: list[Flag] = []
    if target is None or target.vague:
        variant = "missing" if target is None else ""
        flags.append(Flag("target_vague", measure.number, {"target": written}, variant=variant))
    claimed = claimed_score(measure, scale)
    if claimed is not None and verdict in CLAIMED:
        flags.append(
            Flag(
                "score_without_evidence",
                measure.number,
                {
                    "score": level_key(claimed),
                    "target": target.text if target else "",
                    "found": _found(evidence),
                },
                variant=verdict.value,
            )
        )
    for total, parts in disagreeing_totals(narrative):
        flags.append(
            Flag(
                "stated_total_disagrees",
                measure.number,
                {"total": level_key(total.value), "sum": level_key(parts)},
            )
        )
    return MeasureCheck(measure.number, target, evidence, verdict, flags)


def claimed_score(measure: MeasureEntry, scale: Scale) -> Decimal | None:
    """The organization's own score when it claims the measure done or under way: at or
    above the scale's second level (100 and 70 on the government scale); else None."""
    if measure.review is not None:
        score, not_due = measure.review.self_score, measure.review.self_not_due
    else:
        score, not_due = measure.score, measure.not_due
    levels = sorted({lvl.score for lvl in scale.levels}, reverse=True)
    if score is None or not_due or not levels:
        return None
    floor = levels[1] if len(levels) > 1 else levels[0]
    return score if score >= floor else None


def _verdict(
    target: Target | None, measure: MeasureEntry, narrative: Narrative
) -> tuple[Verdict, list[Evidence]]:
    negated = negations(target.text if target else measure.text, narrative.sentences)
    if target is None or target.quantity is None:
        if negated:
            return Verdict.NOT_MET, _said(negated)
        return Verdict.NO_QUANTITY, []
    own = [q for q in narrative.quantities if _answers(q, target, narrative)]
    best = _best(own, narrative)
    if best is not None and _reaches(best[0], target):
        return Verdict.MET, best[1]
    if negated:
        return Verdict.NOT_MET, _said(negated)
    if best is not None:
        return Verdict.NOT_MET, best[1]
    # A percentage or a frequency is not answered by a count of something else.
    counted = target.unit not in (PERCENT, TIMES) and target.frequency is None
    other = [
        q
        for q in narrative.quantities
        if counted
        and any(compatible(q.unit, u) for u in target.indicator_units if u != target.unit)
    ]
    alternative = _best(other, narrative)
    if alternative is not None and _reaches(alternative[0], target):
        return Verdict.MET, alternative[1]
    restated = _restated_frequency(target, narrative.sentences)
    if restated is not None:
        return Verdict.MET, [Evidence(None, None, restated.text)]
    return Verdict.CANNOT_TELL, []


def _answers(q: Quantity, target: Target, narrative: Narrative) -> bool:
    """Whether ``q`` counts what the target counts: the same unit or family, or times
    ("Сургалтыг 2 удаа зохион байгуулсан") in a sentence that names the target's unit."""
    if compatible(q.unit, target.unit) or (q.times and target.unit == TIMES):
        return True
    unit = unit_named(target.unit)
    if q.unit != TIMES or unit is None or unit.name in (PERCENT, TIMES):
        return False
    words = [t.folded for t in narrative.sentences[q.sentence].tokens if t.kind == "word"]
    return any(match_unit(words[i:]) is unit for i in range(len(words)))


def _best(found: list[Quantity], narrative: Narrative) -> tuple[Decimal, list[Evidence]] | None:
    """The largest total; else the largest single count or sum of one sentence's counts."""
    if not found:
        return None
    totals = [q for q in found if q.total]
    if totals:
        q = max(totals, key=lambda q: q.value)
        return q.value, [_evidence(q, narrative)]
    options: list[tuple[Decimal, list[Quantity]]] = [(q.value, [q]) for q in found]
    by_sentence: dict[int, list[Quantity]] = {}
    for q in found:
        by_sentence.setdefault(q.sentence, []).append(q)
    options += [(sum((q.value for q in qs), Decimal(0)), qs) for qs in by_sentence.values()]
    value, chosen = max(options, key=lambda o: o[0])
    return value, [_evidence(q, narrative) for q in chosen]


def _reaches(value: Decimal, target: Target) -> bool:
    assert target.quantity is not None
    if target.comparison is Comparison.AT_MOST:
        return value <= target.quantity
    return value >= target.quantity


def _restated_frequency(target: Target, found: list[Sentence]) -> Sentence | None:
    if target.frequency is None:
        return None
    return next((s for s in found if frequency_in(s.text) is target.frequency), None)


def _evidence(q: Quantity, narrative: Narrative) -> Evidence:
    return Evidence(q.value, q.unit, narrative.text_of(q))


def _said(found: list[Sentence]) -> list[Evidence]:
    return [Evidence(None, None, s.text) for s in found[:1]]


def _found(evidence: list[Evidence]) -> str:
    values = [f"{level_key(e.value)} {e.unit or ''}".strip() for e in evidence if e.value]
    return ", ".join(values) or "—"
