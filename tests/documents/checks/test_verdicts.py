"""A verdict and flags per measure, on the seed report and on single measures."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from shudarga.documents.checks import Verdict, check_document, check_measure
from shudarga.documents.model import (
    GOVERNMENT_SCALE,
    MeasureEntry,
    MeasureReview,
    Period,
    ReportDocument,
    Scale,
    ScaleLevel,
)
from shudarga.documents.readers import read_path

SEED = Path(__file__).resolve().parents[3] / "shudarga/demo/khujirt-2024-anticorruption-report.txt"

# What a careful reviewer reads in the seed: the verdict and the flags of each measure.
SEED_VERDICTS = {
    "1.1": ("met", []),
    "1.2": ("cannot_tell", ["score_without_evidence"]),  # monthly updates never counted
    "2.1": ("no_quantity", ["target_vague"]),
    "3.1": ("met", []),  # 166 declarations for "20 contracts" (the indicator counts them)
    "4.1": ("met", []),
    "4.2": ("not_met", ["target_vague"]),  # "судалгаа аваагүй", honestly scored 0
    "5.1": ("no_quantity", ["target_vague"]),
    "5.2": ("no_quantity", ["target_vague"]),
    "6.1": ("cannot_tell", []),  # not scored, so nothing claimed
    "6.2": ("no_quantity", ["target_vague"]),
    "6.3": ("cannot_tell", ["score_without_evidence"]),  # 350 young people never counted
}


@pytest.fixture(scope="module")
def seed() -> ReportDocument:
    return read_path(SEED)


def test_every_measure_of_the_seed_gets_the_reviewers_verdict(seed):
    checks = check_document(seed)
    got = {m.number: (m.verdict.value, m.flag_codes) for m in checks.measures}
    assert got == SEED_VERDICTS


def test_the_evidence_is_the_sentence_that_decided(seed):
    by_number = {m.number: m for m in check_document(seed).measures}
    (evidence,) = by_number["1.1"].evidence
    assert (evidence.value, evidence.unit) == (Decimal(1804), "иргэн")
    assert "нийт 1804 иргэн үзсэн" in evidence.text
    assert by_number["4.2"].evidence[0].text == "Сэтгэл ханамжийн судалгаа аваагүй"


def test_the_json_has_the_documented_shape(seed):
    data = check_document(seed).to_dict("en")
    first = data["measures"][0]
    assert set(first) == {"number", "target", "evidence", "verdict", "flags"}
    assert first["target"] == {
        "text": "500 иргэнээс доошгүй",
        "quantity": Decimal(500),
        "unit": "иргэн",
        "comparison": "at_least",
        "frequency": None,
    }
    flagged = data["measures"][1]["flags"][0]
    assert flagged["code"] == "score_without_evidence"
    assert flagged["message"].startswith("1.2: self-scored 100")


def test_messages_are_mongolian_first(seed, monkeypatch):
    for var in ("SHUDARGA_LANG", "LANGUAGE", "LANG"):  # no language asked for
        monkeypatch.delenv(var, raising=False)
    flag = check_document(seed).measures[1].flags[0]
    assert flag.message() == flag.message("mn")
    assert "өөрийн үнэлгээ 100" in flag.message("mn")


def measure(**fields) -> MeasureEntry:
    return MeasureEntry(number="1.1", text="", **fields)


def test_a_reviewers_score_does_not_hide_the_organizations_claim():
    m = measure(
        target="300 иргэнээс доошгүй",
        achieved="Иргэдэд мэдээлэл хүргэсэн.",
        score=Decimal(30),
        review=MeasureReview(self_score=Decimal(100)),
    )
    check = check_measure(m, GOVERNMENT_SCALE, Period.ANNUAL)
    assert check.verdict is Verdict.CANNOT_TELL
    assert check.flag_codes == ["score_without_evidence"]


@pytest.mark.parametrize(("score", "flagged"), [(100, True), (70, True), (30, False), (0, False)])
def test_only_a_claim_of_done_or_under_way_lacks_evidence(score, flagged):
    m = measure(target="300 иргэн", achieved="120 иргэн хамрагдсан.", score=Decimal(score))
    check = check_measure(m, GOVERNMENT_SCALE, Period.ANNUAL)
    assert check.verdict is Verdict.NOT_MET
    assert ("score_without_evidence" in check.flag_codes) is flagged


def test_a_not_due_measure_claims_nothing():
    m = measure(target="300 иргэн", achieved="", score=None, not_due=True)
    assert check_measure(m, GOVERNMENT_SCALE, Period.ANNUAL).flags == []


def test_the_claimed_levels_come_from_the_scale_not_from_the_code():
    points = Scale(
        code="points",
        name="5 оноо",
        levels=tuple(ScaleLevel(Decimal(n), str(n), str(n)) for n in (5, 4, 3, 0)),
    )
    m = measure(target="300 иргэн", achieved="Мэдээлэл хүргэсэн.", score=Decimal(4))
    assert check_measure(m, points, Period.ANNUAL).flag_codes == ["score_without_evidence"]
    m = replace(m, score=Decimal(3))
    assert check_measure(m, points, Period.ANNUAL).flag_codes == []


def test_a_stated_total_the_scores_cannot_make_is_a_report_flag(seed):
    assert check_document(seed).flags == []  # 91 can be reached by the unscored measures
    scored = read_path(SEED)  # a copy of its own: its measures are changed below
    scored.stated_total = Decimal(50)
    for _, m in scored.measures():
        m.score = m.score if m.score is not None else Decimal(100)
    (flag,) = check_document(scored).flags
    assert flag.code == "stated_total_disagrees"
    assert "50%" in flag.message("en")
