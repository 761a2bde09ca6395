"""Scoring rules; each worked example of docs/scoring.md has a test here. No database."""

from __future__ import annotations

import itertools
import time
from collections import Counter
from decimal import Decimal
from fractions import Fraction

import pytest
import simplejson

from shudarga.documents.model import (
    GOVERNMENT_SCALE,
    MeasureEntry,
    ObjectiveEntry,
    ReportDocument,
    Rounding,
    Scale,
    ScaleLevel,
)
from shudarga.documents.scoring import (
    ItemScore,
    ObjectiveInput,
    exact_value,
    format_value,
    round_value,
    score_document,
    score_objectives,
    stated_precision,
    total_agrees,
)

D = Decimal
CUTTING_SCALE = Scale(
    code="cut-1",
    name="100/70/30/0, cut to one decimal",
    levels=GOVERNMENT_SCALE.levels,
    rounding=Rounding.TRUNCATE,
    decimals=1,
)

# Khujirt 2024: measure number -> score ("" = written without a score).
KHUJIRT = {
    "1": {"1.1": "100", "1.2": "100"},
    "2": {"2.1": "100"},
    "3": {"3.1": ""},
    "4": {"4.1": "", "4.2": "0"},
    "5": {"5.1": "", "5.2": "100"},
    "6": {"6.1": "", "6.2": "100", "6.3": "100"},
}


def item(number: str, score: str = "") -> ItemScore:
    """ "ХБ" marks a not-due measure, "" an unscored one."""
    if score == "ХБ":
        return ItemScore(number, None, True)
    return ItemScore(number, D(score) if score else None, False)


def objectives(spec: dict[str, dict[str, str]]) -> list[ObjectiveInput]:
    return [
        ObjectiveInput(num, f"Objective {num}", [item(n, s) for n, s in measures.items()])
        for num, measures in spec.items()
    ]


def flat(*scores: str) -> list[ObjectiveInput]:
    """One objective whose measures are numbered 1, 2, ... in order."""
    return objectives({"1": {str(i): s for i, s in enumerate(scores, 1)}})


# --- Khujirt 2024 ---------------------------------------------------------------------


def test_it_computes_khujirt_total_as_is_from_the_seven_scored_measures() -> None:
    total = score_objectives(objectives(KHUJIRT), GOVERNMENT_SCALE).total
    assert (total.exact, total.display, total.sum, total.count) == (D("85.714286"), "86", 600, 7)
    assert total.fraction == Fraction(600, 7)
    assert total.unscored == ["3.1", "4.1", "5.1", "6.1"]
    assert total.not_due == []
    assert total.counts == {"100": 6, "70": 0, "30": 0, "0": 1, "other": 0}
    assert total.shares == {
        "100": D("85.7"),
        "70": D("0.0"),
        "30": D("0.0"),
        "0": D("14.3"),
        "other": D("0.0"),
    }


def test_it_reconciles_khujirt_stated_total_uniquely() -> None:
    check = score_objectives(objectives(KHUJIRT), GOVERNMENT_SCALE, D("91")).reconciliation
    assert check is not None
    assert (check.status, check.decimals, check.agrees_as_is, check.agrees_by) == (
        "reconcilable",
        0,
        False,
        [],
    )
    assert check.solutions == [
        {
            "not_due": 0,
            "values": {"100": 4},
            "exact": D("90.909091"),
            "display": "91",
            "agrees_by": ["rounding"],
        }
    ]
    assert check.unique and not check.truncated and check.solution_count == 1
    assert check.assignment == {"3.1": D("100"), "4.1": D("100"), "5.1": D("100"), "6.1": D("100")}


def test_it_scores_khujirt_objectives_within_each_objective() -> None:
    report = score_objectives(objectives(KHUJIRT), GOVERNMENT_SCALE)
    shown = {
        o.number: (o.result.exact, o.result.display, o.result.unscored) for o in report.objectives
    }
    assert shown == {
        "1": (D("100.000000"), "100", []),
        "2": (D("100.000000"), "100", []),
        "3": (None, None, ["3.1"]),
        "4": (D("0.000000"), "0", ["4.1"]),
        "5": (D("100.000000"), "100", ["5.1"]),
        "6": (D("100.000000"), "100", ["6.1"]),
    }


def test_it_scores_a_report_document_through_the_adapter() -> None:
    doc = ReportDocument(
        stated_total=D("91"),
        objectives=[
            ObjectiveEntry(
                num,
                f"Objective {num}",
                [MeasureEntry(n, "", score=D(s) if s else None) for n, s in ms.items()],
            )
            for num, ms in KHUJIRT.items()
        ],
    )
    assert score_document(doc) == score_objectives(objectives(KHUJIRT), GOVERNMENT_SCALE, D("91"))


def test_it_dumps_khujirt_to_json_with_decimals_kept() -> None:
    data = score_objectives(objectives(KHUJIRT), GOVERNMENT_SCALE, D("91")).to_dict()
    assert set(data["total"]) == {
        "exact",
        "display",
        "sum",
        "count",
        "not_due",
        "unscored",
        "counts",
        "shares",
    }
    assert {
        "number",
        "title",
        "exact",
        "display",
        "unscored",
        "not_due",
        "counts",
        "shares",
        "sum",
        "count",
    } <= set(data["objectives"][3])
    text = simplejson.dumps(data, use_decimal=True)
    back = simplejson.loads(text, use_decimal=True)
    assert back["total"]["exact"] == D("85.714286")
    assert back["objectives"][2]["exact"] is None
    assert back["reconciliation"]["assignment"]["6.1"] == D("100")
    assert back["reconciliation"]["solutions"][0]["values"] == {"100": 4}


# --- pooling, not due, unscored -------------------------------------------------------


def test_it_pools_measures_rather_than_averaging_objective_means() -> None:
    report = score_objectives(
        objectives({"1": {"1.1": "100"}, "2": {"2.1": "0", "2.2": "0", "2.3": "0"}}),
        GOVERNMENT_SCALE,
    )
    assert report.total.exact == D("25.000000")  # the mean of the objective means would be 50


def test_it_leaves_not_due_out_on_a_truncating_one_decimal_scale() -> None:
    spec = {"1": {"1.1": "100", "1.2": "100", "1.3": "ХБ"}, "2": {"2.1": "30", "2.2": "ХБ"}}
    report = score_objectives(objectives(spec), CUTTING_SCALE)
    assert (report.total.exact, report.total.display) == (D("76.666667"), "76.6")
    assert report.total.not_due == ["1.3", "2.2"]
    assert report.total.count == 3
    assert [o.result.display for o in report.objectives] == ["100.0", "30.0"]


def test_it_gives_no_total_when_every_measure_is_not_due() -> None:
    report = score_objectives(flat("ХБ", "ХБ"), GOVERNMENT_SCALE, D("100"))
    assert (report.total.exact, report.total.display, report.total.count) == (None, None, 0)
    assert report.total.not_due == ["1", "2"]
    assert report.total.shares == {}
    assert report.reconciliation is not None
    assert report.reconciliation.status == "disagrees"


def test_it_lets_not_due_win_over_a_score_written_beside_it() -> None:
    report = score_objectives(
        [
            ObjectiveInput(
                "1", "", [ItemScore("1.1", D("0"), True), ItemScore("1.2", D("100"), False)]
            )
        ],
        GOVERNMENT_SCALE,
    )
    assert (report.total.display, report.total.not_due) == ("100", ["1.1"])


def test_it_reports_unscored_measures_without_counting_them() -> None:
    total = score_objectives(flat("100", "", ""), GOVERNMENT_SCALE).total
    assert (total.display, total.count, total.unscored) == ("100", 1, ["2", "3"])
    assert sum(total.counts.values()) == 1


def test_it_scores_an_empty_report_as_no_total() -> None:
    report = score_objectives([], GOVERNMENT_SCALE, D("91"))
    assert (report.total.exact, report.total.display, report.total.sum) == (None, None, D(0))
    assert report.total.counts == {"100": 0, "70": 0, "30": 0, "0": 0, "other": 0}
    assert report.total.shares == {}
    assert report.objectives == []
    assert report.reconciliation is not None
    assert (report.reconciliation.status, report.reconciliation.agrees_as_is) == (
        "disagrees",
        False,
    )


def test_it_counts_a_score_not_on_the_scale_as_other() -> None:
    total = score_objectives(flat("85", "100", "100.0"), GOVERNMENT_SCALE).total
    assert total.counts == {"100": 2, "70": 0, "30": 0, "0": 0, "other": 1}
    assert total.shares["other"] == D("33.3") and total.shares["100"] == D("66.7")
    assert total.exact == D("95.000000")


# --- rounding -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "rounding", "decimals", "expected"),
    [
        (Fraction(1000, 11), Rounding.HALF_UP, 0, "91"),
        (D("90.5"), Rounding.HALF_UP, 0, "91"),
        (D("90.45"), Rounding.HALF_UP, 1, "90.5"),
        (D("90.55"), Rounding.TRUNCATE, 1, "90.5"),
        (D("90.99"), Rounding.TRUNCATE, 0, "90"),
        (D("90"), Rounding.HALF_UP, 1, "90.0"),
        (Fraction(2, 3) * 100, Rounding.HALF_UP, 1, "66.7"),
    ],
)
def test_it_rounds_to_the_display_precision(value, rounding, decimals, expected) -> None:
    assert format(round_value(value, rounding, decimals), "f") == expected


def test_it_rounds_an_exact_half_up_and_truncates_it_down() -> None:
    # 100, 70, 100, 0 -> 67.5 exactly: a tie at 0 places
    assert score_objectives(flat("100", "70", "100", "0"), GOVERNMENT_SCALE).total.display == "68"
    whole_cut = Scale("cut-0", "", GOVERNMENT_SCALE.levels, rounding=Rounding.TRUNCATE)
    assert score_objectives(flat("100", "70", "100", "0"), whole_cut).total.display == "67"


def test_it_shows_two_thirds_as_67_rounded_and_66_6_truncated() -> None:
    exact = score_objectives(flat("100", "100", "0"), GOVERNMENT_SCALE).total
    cut = score_objectives(flat("100", "100", "0"), CUTTING_SCALE).total
    assert (exact.exact, exact.display, cut.display) == (D("66.666667"), "67", "66.6")


def test_it_keeps_exact_at_six_places_with_ties_to_even() -> None:
    assert exact_value(Fraction(1, 2 * 10**6)) == D("0.000000")
    assert exact_value(Fraction(3, 2 * 10**6)) == D("0.000002")
    assert format_value(None, GOVERNMENT_SCALE) is None


# --- the stated total -----------------------------------------------------------------


@pytest.mark.parametrize(("stated", "places"), [("91", 0), ("90.5", 1), ("91.0", 1), ("1E+2", 0)])
def test_it_reads_the_precision_a_total_was_written_with(stated, places) -> None:
    assert stated_precision(D(stated)) == places


def test_it_says_a_total_agrees_only_by_truncation() -> None:
    assert total_agrees(Fraction(200, 3), D("66.6")) == ["truncation"]
    assert total_agrees(Fraction(200, 3), D("67")) == ["rounding"]
    check = score_objectives(flat("100", "100", "0"), GOVERNMENT_SCALE, D("66.6")).reconciliation
    assert check is not None
    assert (check.status, check.agrees_as_is, check.agrees_by) == ("agrees", True, ["truncation"])


def test_it_checks_a_one_decimal_stated_total_at_one_decimal() -> None:
    full = {num: {n: s or "100" for n, s in ms.items()} for num, ms in KHUJIRT.items()}
    assert total_agrees(Fraction(1000, 11), D("90.9")) == ["rounding", "truncation"]
    check = score_objectives(objectives(full), GOVERNMENT_SCALE, D("91.0")).reconciliation
    assert check is not None
    assert (check.status, check.decimals) == ("disagrees", 1)  # 91.0 is stricter than 91


def test_it_lists_two_agreeing_multisets_without_choosing() -> None:
    # 100 and one unscored measure stated 100: it was either 100 or not due
    check = score_objectives(flat("100", ""), GOVERNMENT_SCALE, D("100")).reconciliation
    assert check is not None
    assert (check.status, check.agrees_as_is, check.unique, check.assignment) == (
        "reconcilable",
        True,
        False,
        None,
    )
    assert [(s["not_due"], s["values"]) for s in check.solutions] == [(0, {"100": 1}), (1, {})]


def test_it_does_not_assign_when_the_only_multiset_mixes_values() -> None:
    # 100, two unscored, stated 85: one of them 70 and the other not due, but which is which?
    check = score_objectives(flat("100", "", ""), GOVERNMENT_SCALE, D("85")).reconciliation
    assert check is not None
    assert check.solutions == [
        {
            "not_due": 1,
            "values": {"70": 1},
            "exact": D("85.000000"),
            "display": "85",
            "agrees_by": ["rounding", "truncation"],
        }
    ]
    assert (check.solution_count, check.unique, check.assignment) == (1, False, None)


def test_it_assigns_the_single_unscored_measure_on_a_fractional_scale() -> None:
    points = Scale(
        "pts", "5/2.5/0", tuple(ScaleLevel(D(v), v, v) for v in ("5", "2.5", "0")), decimals=1
    )
    check = score_objectives(flat("5", ""), points, D("3.8")).reconciliation
    assert check is not None
    assert check.unique and check.assignment == {"2": D("2.5")}
    assert check.solutions[0]["agrees_by"] == ["rounding"]  # 3.75


def test_it_says_when_no_values_reconcile_the_stated_total() -> None:
    check = score_objectives(flat("0", ""), GOVERNMENT_SCALE, D("100")).reconciliation
    assert check is not None
    assert (check.status, check.solutions, check.unique) == ("irreconcilable", [], False)


def test_it_reconciles_forty_unscored_measures_fast() -> None:
    started = time.perf_counter()
    check = score_objectives(flat("0", *[""] * 40), GOVERNMENT_SCALE, D("97.6")).reconciliation
    assert check is not None
    assert check.unique and check.solutions[0]["values"] == {"100": 40}
    assert check.solutions[0]["exact"] == D("97.560976")
    assert len(check.assignment or {}) == 40
    many = score_objectives(flat("100", *[""] * 40), GOVERNMENT_SCALE, D("50")).reconciliation
    assert many is not None
    assert (len(many.solutions), many.truncated, many.unique) == (50, True, False)
    assert many.solution_count > 50
    assert time.perf_counter() - started < 2  # 5**40 assignments would never finish


def brute_force(scored: list[str], k: int, stated: str) -> Counter[tuple[int, tuple[int, ...]]]:
    """Every per-measure assignment, folded into (not due, counts per level) multisets."""
    options = [*GOVERNMENT_SCALE.levels, None]
    found: Counter[tuple[int, tuple[int, ...]]] = Counter()
    for pick in itertools.product(options, repeat=k):
        values = [D(s) for s in scored] + [lvl.score for lvl in pick if lvl is not None]
        if values and total_agrees(Fraction(sum(values)) / len(values), D(stated)):
            shape = (pick.count(None), tuple(pick.count(lvl) for lvl in options[:-1]))
            found[shape] = 1
    return found


@pytest.mark.parametrize("stated", ["71", "66.6", "50", "57", "85", "62.5", "100"])
def test_it_finds_the_same_multisets_as_trying_every_assignment(stated) -> None:
    scored = ["100", "30", "70"]
    check = score_objectives(flat(*scored, *[""] * 5), GOVERNMENT_SCALE, D(stated)).reconciliation
    assert check is not None
    keys = ["100", "70", "30", "0"]
    got = Counter(
        (s["not_due"], tuple(s["values"].get(k, 0) for k in keys)) for s in check.solutions
    )
    assert got == brute_force(scored, 5, stated)
    assert check.solution_count == len(got)
