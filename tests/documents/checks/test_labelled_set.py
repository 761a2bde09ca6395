"""The checks held against the labelled set: a regression below the measured floors fails.

Measured on 164 measures (bench/checks.py): met precision 0.97, score_without_evidence
precision 1.00; the floors below leave room for one or two more disagreements, not more.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.documents.checks.labelled import load, run, scores

# (name, lowest precision, lowest recall)
FLOORS = [
    ("met", Decimal("0.95"), Decimal("0.95")),
    ("not_met", Decimal("0.95"), Decimal("0.85")),
    ("cannot_tell", Decimal("0.85"), Decimal("0.90")),
    ("no_quantity", Decimal("0.95"), Decimal("0.95")),
    ("score_without_evidence", Decimal("0.95"), Decimal("0.95")),
    ("target_vague", Decimal("0.95"), Decimal("0.95")),
    ("stated_total_disagrees", Decimal("0.80"), Decimal("0.80")),
]


@pytest.fixture(scope="module")
def measured():
    return {s.name: s for s in scores(run(load()))}


def test_the_set_holds_at_least_150_measures_of_every_verdict():
    items = load()
    assert len(items) >= 150
    verdicts = {item.verdict.value for item in items}
    assert verdicts == {"met", "not_met", "cannot_tell", "no_quantity"}


def test_the_set_has_no_measure_twice():
    items = load()
    keys = [(i.measure.target, i.measure.indicator, i.measure.achieved) for i in items]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(("name", "precision", "recall"), FLOORS)
def test_it_stays_above_the_measured_floor(measured, name, precision, recall):
    score = measured[name]
    assert score.labelled > 0 and score.predicted > 0
    assert score.precision >= precision, f"{name} precision {score.precision:.3f}"
    assert score.recall >= recall, f"{name} recall {score.recall:.3f}"
