"""The labelled set of measures (labelled_*.txt) and how the checks score against it.

Each measure carries the verdict a careful reviewer gives and the flags it deserves;
``score_without_evidence`` is not written by hand: it follows from the labelled verdict and
the self score by its definition (100 or 70 while not met or cannot tell).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from shudarga.documents.checks import MeasureCheck, Verdict, check_measure
from shudarga.documents.model import GOVERNMENT_SCALE, MeasureEntry, Period

HERE = Path(__file__).parent
FIELDS = {"T": "target", "I": "indicator", "S": "score", "P": "period", "A": "achieved"}
CLAIMED = {Decimal(100), Decimal(70)}


@dataclass(frozen=True)
class Labelled:
    source: str  # file:line of the block
    measure: MeasureEntry
    period: Period
    verdict: Verdict
    flags: frozenset[str]


def load(paths: Iterable[Path] | None = None) -> list[Labelled]:
    found: list[Labelled] = []
    for path in sorted(paths or HERE.glob("labelled_*.txt")):
        block: dict[str, str] = {}
        start = 0
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate([*lines, ""], start=1):
            if line.startswith("#"):
                continue
            if not line.strip():
                if block:
                    found.append(_labelled(block, f"{path.name}:{start}"))
                block = {}
                continue
            key, _, value = line.partition(":")
            if not block:
                start = number
            if key not in (*FIELDS, "V", "F"):
                raise ValueError(f"{path.name}:{number}: unknown field {key!r}")
            block[key] = value.strip()
    return found


def _labelled(block: dict[str, str], source: str) -> Labelled:
    score = Decimal(block["S"]) if block.get("S") else None
    verdict = Verdict(block["V"])
    flags = {f.strip() for f in block.get("F", "").split(",") if f.strip()}
    if score in CLAIMED and verdict in (Verdict.NOT_MET, Verdict.CANNOT_TELL):
        flags.add("score_without_evidence")
    measure = MeasureEntry(
        number=source,
        text="",
        target=block.get("T", ""),
        indicator=block.get("I", ""),
        achieved=block["A"],
        score=score,
    )
    period = Period.HALF_YEAR if block.get("P") == "h" else Period.ANNUAL
    return Labelled(source, measure, period, verdict, frozenset(flags))


def run(items: list[Labelled]) -> list[tuple[Labelled, MeasureCheck]]:
    return [(item, check_measure(item.measure, GOVERNMENT_SCALE, item.period)) for item in items]


@dataclass(frozen=True)
class Score:
    name: str
    labelled: int  # how many the labels hold
    predicted: int  # how many the checks give
    agreed: int

    @property
    def precision(self) -> Decimal | None:
        return Decimal(self.agreed) / self.predicted if self.predicted else None

    @property
    def recall(self) -> Decimal | None:
        return Decimal(self.agreed) / self.labelled if self.labelled else None


def scores(results: list[tuple[Labelled, MeasureCheck]]) -> list[Score]:
    """Precision and recall of every verdict and every flag."""
    out = []
    for verdict in Verdict:
        out.append(
            _score(
                verdict.value,
                [(item.verdict is verdict, check.verdict is verdict) for item, check in results],
            )
        )
    for flag in ("score_without_evidence", "target_vague", "stated_total_disagrees"):
        out.append(
            _score(
                flag, [(flag in item.flags, flag in check.flag_codes) for item, check in results]
            )
        )
    return out


def _score(name: str, pairs: list[tuple[bool, bool]]) -> Score:
    return Score(
        name,
        labelled=sum(1 for truth, _ in pairs if truth),
        predicted=sum(1 for _, said in pairs if said),
        agreed=sum(1 for truth, said in pairs if truth and said),
    )
