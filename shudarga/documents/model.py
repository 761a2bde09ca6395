"""ReportDocument: the plain, Django-free form of one plan's report.

Every reader produces a ``ReportDocument`` and every writer consumes one; the database
stores and restores it. Mongolian domain words, glossed once:

- Бүлэг (section): an optional level above objectives ("Нэг. Хуулиар хүлээсэн үүргийн
  биелэлт"); national agencies group their objectives under such headings.
- Зорилт (objective): a numbered group of measures.
- Арга хэмжээ (measure): one action of the plan, with Шалгуур үзүүлэлт (indicator),
  Хүрэх түвшин (target level) and, in a report, Зарцуулсан хөрөнгө (money spent, thousand
  MNT), Хүрсэн түвшин (what was achieved) and the score (Үнэлгээ / хувь / оноо).
- ХБ, Хугацаа болоогүй (not yet due): the measure is left out of every mean.
- Нэгдсэн дүн (consolidated result): the report's total as a percentage.

Money and scores are ``Decimal``; nothing here is ever a float.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

FORMAT_ID = "shudarga.report/2"
# The form before sections (read, never written): every objective outside any section.
OLD_FORMAT_IDS = ("shudarga.report/1",)


class Period(StrEnum):
    """Reporting period: хагас жил (half-year) or жилийн эцэс (annual)."""

    HALF_YEAR = "half_year"
    ANNUAL = "annual"


class DocumentKind(StrEnum):
    """What a written file is: a report (биелэлт, with results) or the plan (төлөвлөгөө, with
    planned budget, responsible unit and deadline and no results). Writers lay each out in its
    own table; nothing else differs."""

    REPORT = "report"
    PLAN = "plan"


@dataclass(frozen=True)
class Edition:
    """Which publication a written report is: "Хувилбар 2, нийтэлсэн 2025-07-15"."""

    version: int
    published_on: date


class Rounding(StrEnum):
    """How a scale shows a result: Khujirt rounds 90.9 to "91"; other bodies cut 90.55 to "90.5"."""

    HALF_UP = "half_up"
    TRUNCATE = "truncate"


@dataclass(frozen=True)
class ScaleLevel:
    """One mark of a scale: its score and its labels."""

    score: Decimal
    label_mn: str
    label_en: str


@dataclass(frozen=True)
class Scale:
    """An evaluation scale (Үнэлгээний шатлал): levels, the not-yet-due mark, the display rule."""

    code: str
    name: str
    levels: tuple[ScaleLevel, ...]
    not_due_mark: str = "ХБ"
    rounding: Rounding = Rounding.HALF_UP
    decimals: int = 0

    def level_for(self, score: Decimal) -> ScaleLevel | None:
        return next((lvl for lvl in self.levels if lvl.score == score), None)


GOVERNMENT_SCALE = Scale(
    code="mn-gov",
    name="Нийтлэг үнэлгээ 100/70/30/0",
    levels=(
        ScaleLevel(Decimal("100"), "Бүрэн хэрэгжсэн", "Fully implemented"),
        ScaleLevel(Decimal("70"), "Хэрэгжих шатандаа", "Being implemented"),
        ScaleLevel(Decimal("30"), "Хэрэгжилт хангалтгүй", "Insufficiently implemented"),
        ScaleLevel(Decimal("0"), "Хэрэгжээгүй", "Not implemented"),
    ),
    not_due_mark="ХБ",
    rounding=Rounding.HALF_UP,
    decimals=0,
)


@dataclass
class ReportWarning:
    """Something a reader or a check noticed; ``code`` is stable, ``message`` is for people."""

    code: str
    measure: str | None
    message: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MeasureReview:
    """Хянагчийн үнэлгээ (a reviewer's score) of a measure: once a reviewer scored it, the
    measure's ``score`` and ``not_due`` are the reviewer's (the official ones) and this keeps
    what the organization assessed itself, with the reviewer's comment."""

    self_score: Decimal | None
    self_not_due: bool = False
    comment: str = ""


@dataclass
class MeasureEntry:
    """One measure (арга хэмжээ) with its plan fields and, in a report, its result.

    ``score`` and ``not_due`` are the official ones: the reviewer's once ``review`` is set.
    """

    number: str
    text: str
    spent: Decimal | None = None
    indicator: str = ""
    target: str = ""
    achieved: str = ""
    score: Decimal | None = None
    not_due: bool = False
    rating: str | None = None
    planned_budget: Decimal | None = None
    responsible_unit: str = ""
    deadline: str = ""
    review: MeasureReview | None = None


@dataclass(frozen=True)
class Section:
    """A section (бүлэг) above objectives: its number as written ("1" for "Нэг.") and title."""

    number: str
    title: str


@dataclass
class ObjectiveEntry:
    """One objective (зорилт) and its measures, in document order; ``section`` is the section
    it stands under, None when the document has no sections."""

    number: str
    title: str
    measures: list[MeasureEntry] = field(default_factory=list)
    section: Section | None = None


@dataclass
class ReportDocument:
    """One organization's report (биелэлт) on its plan for a year and period."""

    title: str = ""
    organization: str = ""
    year: int | None = None
    period: Period = Period.ANNUAL
    scale: Scale = GOVERNMENT_SCALE
    stated_total: Decimal | None = None
    objectives: list[ObjectiveEntry] = field(default_factory=list)
    warnings: list[ReportWarning] = field(default_factory=list)
    source: str = ""
    kind: DocumentKind = DocumentKind.REPORT
    # The publication a report is written as; None: not published (drafts, imported files).
    # Written under a report's title; not part of any read file or of the JSON form.
    edition: Edition | None = None

    def measures(self) -> Iterator[tuple[ObjectiveEntry, MeasureEntry]]:
        for objective in self.objectives:
            for measure in objective.measures:
                yield objective, measure

    def sections(self) -> list[Section]:
        """The sections in document order, each once."""
        seen: list[Section] = []
        for objective in self.objectives:
            if objective.section is not None and objective.section not in seen:
                seen.append(objective.section)
        return seen

    @property
    def measure_count(self) -> int:
        return sum(len(o.measures) for o in self.objectives)

    @property
    def reviewed(self) -> bool:
        """Whether a reviewer scored any measure (the official result may then differ from
        the self-assessed one)."""
        return any(m.review is not None for _, m in self.measures())

    def self_assessed(self) -> ReportDocument:
        """The same document with the organization's own scores where a reviewer scored."""
        objectives = [
            replace(o, measures=[_self_assessed(m) for m in o.measures]) for o in self.objectives
        ]
        return replace(self, objectives=objectives)


def _self_assessed(m: MeasureEntry) -> MeasureEntry:
    if m.review is None:
        return m
    return replace(m, score=m.review.self_score, not_due=m.review.self_not_due, review=None)
