"""What the integrity checks find, as plain data; ``to_dict`` is the JSON of docs/checks.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from shudarga.documents.messages import message


class Verdict(StrEnum):
    """Шийдвэр (verdict) of a measure's narrative against its target."""

    MET = "met"  # a quantity in the narrative reaches the target
    NOT_MET = "not_met"  # the narrative counts less, or says the action was not taken
    CANNOT_TELL = "cannot_tell"  # the target has a quantity the narrative never gives
    NO_QUANTITY = "no_quantity"  # the target asks for nothing countable


class Comparison(StrEnum):
    AT_LEAST = "at_least"  # "500 иргэнээс доошгүй" (not fewer than 500)
    AT_MOST = "at_most"  # "3-аас ихгүй" (not more than 3)
    LEVEL = "level"  # a bare "350": reached when the narrative counts 350 or more


class Frequency(StrEnum):
    MONTHLY = "monthly"  # Сар бүр
    QUARTERLY = "quarterly"  # Улирал бүр
    HALF_YEARLY = "half_yearly"  # Хагас жил тутам
    YEARLY = "yearly"  # Жил бүр
    WEEKLY = "weekly"  # 7 хоног бүр
    EACH_TIME = "each_time"  # Тухай бүр (whenever it arises): no count


FLAG_CODES = (
    "score_without_evidence",
    "target_vague",
    "narrative_copied",
    "stated_total_disagrees",
)


@dataclass(frozen=True)
class Target:
    """Хүрэх түвшин (target level) as understood: the count it asks for, if any."""

    text: str
    quantity: Decimal | None
    unit: str | None
    comparison: Comparison | None
    frequency: Frequency | None
    # Units of the indicator (шалгуур үзүүлэлт) that may answer the target too.
    indicator_units: tuple[str, ...] = ()

    @property
    def vague(self) -> bool:
        return self.quantity is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "quantity": self.quantity,
            "unit": self.unit,
            "comparison": self.comparison.value if self.comparison else None,
            "frequency": self.frequency.value if self.frequency else None,
        }


@dataclass(frozen=True)
class Evidence:
    """A quantity the narrative gives (``value`` None for a negation), and its sentence."""

    value: Decimal | None
    unit: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit, "text": self.text}


@dataclass(frozen=True)
class Flag:
    code: str
    measure: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    variant: str = ""  # which wording of the code's message: "not_met", "missing", ...

    def message(self, lang: str | None = None) -> str:
        key = f"check_{self.code}" + (f"_{self.variant}" if self.variant else "")
        return message(key, lang, measure=self.measure or "", **self.params)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"code": self.code, "message": self.message(lang)}


@dataclass
class MeasureCheck:
    number: str
    target: Target | None
    evidence: list[Evidence]
    verdict: Verdict
    flags: list[Flag] = field(default_factory=list)

    @property
    def flag_codes(self) -> list[str]:
        return [f.code for f in self.flags]

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "number": self.number,
            "target": self.target.to_dict() if self.target else None,
            "evidence": [e.to_dict() for e in self.evidence],
            "verdict": self.verdict.value,
            "flags": [f.to_dict(lang) for f in self.flags],
        }


@dataclass
class DocumentChecks:
    measures: list[MeasureCheck]
    flags: list[Flag] = field(default_factory=list)  # of the report as a whole

    def flag_counts(self) -> dict[str, int]:
        """How many of each flag, the measures' and the report's together."""
        counts = dict.fromkeys(FLAG_CODES, 0)
        for flag in [f for m in self.measures for f in m.flags] + self.flags:
            counts[flag.code] = counts.get(flag.code, 0) + 1
        return counts

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "measures": [m.to_dict(lang) for m in self.measures],
            "flags": [f.to_dict(lang) for f in self.flags],
        }
