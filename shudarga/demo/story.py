"""What happens to one generated plan and its reports, drawn from a seeded generator.

Pure: no database. ``plan_story`` decides, for one (organization, year), whether its reports
exist, which state each ends in, what the officer writes on every measure, what the
reviewer scores, why a report is returned, and on which day each step happens. The demo
then takes those steps through the services (``demo.enact``) and dates them
(``demo.backdate``). The same generator and the same draws give the same story, so the
output for a seed never depends on the database.
"""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from shudarga.documents import model as doc
from shudarga.plans.models import Report

S = Report.Status
MISSING = "missing"  # no report at all: not started
# Weights of a report's state: (published, accepted, submitted, returned, draft, missing).
STATES = (S.PUBLISHED, S.ACCEPTED, S.SUBMITTED, S.RETURNED, S.DRAFT, MISSING)
WEIGHTS_DONE = (45, 25, 8, 7, 5, 10)  # a period long past
WEIGHTS_LATEST = (12, 18, 20, 12, 18, 20)  # the latest annual period
# The latest annual report of the first organizations goes through every state, so each
# state exists whatever the seed.
FORCED = (S.DRAFT, S.SUBMITTED, S.RETURNED, S.ACCEPTED, S.PUBLISHED, MISSING)
RETURNED_ONCE = 0.15  # share of sent-up reports that were returned once and fixed first
IMPORTED = 0.8  # share of sent-up reports imported from the organization's file, filled in
CORRECTED = 0.08  # share of published reports re-published with a correction note

# A reason of each kind, and what the organization does about it when it fixes the report.
EVIDENCE, SCORE, SPENT = "evidence", "score", "spent"
RETURN_REASONS = (
    (
        EVIDENCE,
        "Нотлох баримт хавсаргаагүй: {a}, {b} арга хэмжээний хэрэгжилтийг баримтаар тодруулна уу.",
    ),
    (
        SCORE,
        "Өөрийн үнэлгээ хэт өндөр: {a} арга хэмжээг хүрэх түвшинтэй нь харьцуулж дахин үнэлнэ үү.",
    ),
    (
        SPENT,
        "Зарцуулсан хөрөнгийн дүн тодорхойгүй ({a}), хүрсэн түвшинг тоон үзүүлэлтээр бичнэ үү.",
    ),
)
SPENT_NOTE = " Зарцуулсан хөрөнгийг санхүүгийн тайлангаар тулгаж тодруулав."
COMMENTS_LOWERED = (
    "Нотлох баримт хангалтгүй тул үнэлгээг бууруулав.",
    "Хүрэх түвшинд бүрэн хүрээгүй.",
    "Хэрэгжилтийг тоон үзүүлэлтээр баталгаажуулаагүй.",
)
COMMENTS_KEPT = ("Зөвшөөрөв.", "Нотлох баримттай, үнэлгээг хэвээр үлдээв.")
CONFIRMED = 0.08  # share of the scores a reviewer keeps with a comment
CORRECTION_NOTES = (
    "Хүснэгтийн бичвэрийн алдааг засаж дахин нийтлэв.",
    "Байгууллагын нэрийн бичлэгийг засаж дахин нийтлэв.",
)
ACHIEVED_PREFIX = {
    doc.Period.HALF_YEAR: "Хагас жилийн байдлаар: ",
    doc.Period.ANNUAL: "",
}


def calendar_dates(year: int, period: str) -> tuple[date, date]:
    """(period end, deadline): half-year June 30 / July 15, annual Dec 31 / Jan 15 next year."""
    if period == Report.Period.HALF_YEAR:
        return date(year, 6, 30), date(year, 7, 15)
    return date(year, 12, 31), date(year + 1, 1, 15)


def _jitter(rng: random.Random) -> int:
    """Minutes either side of a step's hour, so steps a few days apart are not to the minute."""
    return rng.randrange(-90, 91)


def _at(day: date, rng: random.Random) -> datetime:
    # 09:00–17:59 Ulaanbaatar (UTC+8) is 01:00–09:59 UTC.
    return datetime.combine(day, time(rng.randrange(1, 10), rng.randrange(60)), tzinfo=UTC)


@dataclasses.dataclass(frozen=True)
class MeasureStory:
    """What the officer writes on one measure."""

    spent: Decimal | None
    achieved: str
    score: Decimal | None
    not_due: bool


NOT_FILLED = MeasureStory(spent=None, achieved="", score=None, not_due=False)


@dataclasses.dataclass(frozen=True)
class Fix:
    """What the organization changes after a return, before it submits again."""

    kind: str  # EVIDENCE: a link on each measure; SCORE, SPENT: a new value of one measure
    measures: tuple[int, ...]  # positions in the plan
    values: tuple[MeasureStory, ...] = ()  # the measures' new values (SCORE, SPENT)
    at: datetime | None = None


@dataclasses.dataclass(frozen=True)
class Step:
    """One workflow step: the state it leads to and when it happened."""

    to: str
    at: datetime
    reason: str = ""


@dataclasses.dataclass(frozen=True)
class ReportStory:
    period: doc.Period
    state: str
    measures: tuple[MeasureStory, ...]  # as the officer first fills them in
    steps: tuple[Step, ...]  # in order, from the start (→ draft) to ``state``
    filled: datetime  # when the officer filled the report in
    # Imported from the organization's file, filled in (else started and filled on the page).
    imported: bool = False
    fix: Fix | None = None  # returned once, fixed before the second submission
    # Per measure, the reviewer's (score, comment), or None: left as the organization scored.
    reviews: tuple[tuple[Decimal | None, str] | None, ...] = ()
    reviewed: datetime | None = None

    def last(self, to: str) -> datetime | None:
        """When the report last moved to ``to``."""
        found = [s.at for s in self.steps if s.to == to]
        return found[-1] if found else None


@dataclasses.dataclass(frozen=True)
class PlanStory:
    created: datetime
    approved: datetime | None  # None: no report was started, the plan stays a draft
    reports: tuple[ReportStory, ...]


def plan_story(
    *,
    rng: random.Random,
    year: int,
    latest: bool,
    forced: str | None,
    levels: list[Decimal],
    seed_measures: list[doc.MeasureEntry],
    numbers: list[str],
    place: str,
) -> PlanStory:
    """The story of one (organization, year). ``forced``: the state of the latest annual
    report when the organization is one of the first (FORCED), else drawn. ``numbers``: the
    plan's measure numbers, which a reviewer's reason names."""
    quality = rng.choice((0.8, 0.6, 0.45, 0.3))  # how well the organization does
    reports = []
    for period in (doc.Period.HALF_YEAR, doc.Period.ANNUAL):
        current = latest and period == doc.Period.ANNUAL
        if current and forced is not None:
            state = forced
            rng.random()  # keep the draws the same as the weighted case
        else:
            state = rng.choices(STATES, WEIGHTS_LATEST if current else WEIGHTS_DONE)[0]
        if state == MISSING:
            continue
        reports.append(
            _report_story(
                rng=rng,
                year=year,
                period=period,
                state=state,
                quality=quality,
                levels=levels,
                seed_measures=seed_measures,
                numbers=numbers,
                place=place,
                forced=current and forced is not None,
            )
        )
    approved = _at(date(year, 2, 1) + timedelta(days=rng.randrange(45)), rng)
    created = approved - timedelta(days=rng.randrange(5, 25), hours=rng.randrange(1, 6))
    return PlanStory(
        created=created, approved=approved if reports else None, reports=tuple(reports)
    )


def vary(text: str, *, place: str, year: int) -> str:
    """A text of the seed report as this organization and year would write it."""
    return text.replace("Хужирт", place).replace("2024", str(year))


def _report_story(
    *,
    rng: random.Random,
    year: int,
    period: doc.Period,
    state: str,
    quality: float,
    levels: list[Decimal],
    seed_measures: list[doc.MeasureEntry],
    numbers: list[str],
    place: str,
    forced: bool,
) -> ReportStory:
    _, deadline = calendar_dates(year, period.value)
    # Most send before the deadline; some are late.
    submitted = _at(deadline + timedelta(days=rng.choice((-12, -8, -5, -3, -1, 0, 2, 9, 20))), rng)
    started = submitted - timedelta(days=rng.randrange(12, 40), minutes=_jitter(rng))
    filled = submitted - timedelta(days=rng.randrange(1, 10), hours=rng.randrange(1, 8))
    # Returned or accepted.
    decided = submitted + timedelta(days=rng.randrange(3, 21), minutes=_jitter(rng))
    measures = _measures(
        rng=rng,
        period=period,
        state=state,
        quality=quality,
        levels=levels,
        seed_measures=seed_measures,
        place=place,
        year=year,
    )
    imported = state != S.DRAFT and rng.random() < IMPORTED and not forced
    steps = [Step(S.DRAFT, started)]
    fix = None
    if state != S.DRAFT:
        steps.append(Step(S.SUBMITTED, submitted))
    if state == S.RETURNED:
        steps.append(Step(S.RETURNED, decided, _reason(rng, measures, numbers)[0]))
    elif state in Report.SENT_UP and (
        rng.random() < RETURNED_ONCE or (forced and state in Report.CONCLUDED)
    ):
        # Returned once, fixed in a few days, submitted again; the review starts over.
        reason, fix = _reason(rng, measures, numbers, levels=levels)
        returned = submitted + timedelta(days=rng.randrange(2, 8), minutes=_jitter(rng))
        fixed = returned + timedelta(days=rng.randrange(1, 4), hours=rng.randrange(1, 5))
        fix = dataclasses.replace(fix, at=fixed)
        steps += [Step(S.RETURNED, returned, reason), Step(S.SUBMITTED, fixed + timedelta(hours=2))]
        decided = fixed + timedelta(days=rng.randrange(3, 15), minutes=_jitter(rng))
    reviewed, reviews = None, ()
    if state in Report.CONCLUDED:
        reviewed = decided - timedelta(hours=rng.randrange(1, 48))
        final = measures if fix is None else fixed_measures(measures, fix)
        reviews = _reviews(rng=rng, measures=final, levels=levels, forced=forced)
        steps.append(Step(S.ACCEPTED, decided))
    if state == S.PUBLISHED:
        published = decided + timedelta(days=rng.randrange(1, 11), minutes=_jitter(rng))
        steps.append(Step(S.PUBLISHED, published))
        if rng.random() < CORRECTED or forced:
            note = rng.choice(CORRECTION_NOTES)
            steps.append(Step(S.PUBLISHED, published + timedelta(days=rng.randrange(3, 30)), note))
    return ReportStory(
        period=period,
        state=state,
        measures=measures,
        steps=tuple(steps),
        filled=filled,
        imported=imported,
        fix=fix,
        reviews=reviews,
        reviewed=reviewed,
    )


def _measures(
    *,
    rng: random.Random,
    period: doc.Period,
    state: str,
    quality: float,
    levels: list[Decimal],
    seed_measures: list[doc.MeasureEntry],
    place: str,
    year: int,
) -> tuple[MeasureStory, ...]:
    # Self-assessment weights of 100/70/30/0 for this organization.
    weights = (quality, (1 - quality) * 0.5, (1 - quality) * 0.3, (1 - quality) * 0.2)
    found = []
    for entry in seed_measures:
        not_due = rng.random() < (0.2 if period == doc.Period.HALF_YEAR else 0.05)
        score = None if not_due else rng.choices(levels, weights)[0]
        spent = None
        if entry.spent is not None:
            spent = (entry.spent * Decimal(rng.randrange(50, 151)) / 100).quantize(Decimal("0.1"))
        achieved = ACHIEVED_PREFIX[period] + vary(entry.achieved, place=place, year=year)
        if state == S.DRAFT and rng.random() < 0.25:
            found.append(NOT_FILLED)  # not filled in yet
            continue
        found.append(MeasureStory(spent=spent, achieved=achieved, score=score, not_due=not_due))
    return tuple(found)


def _reason(
    rng: random.Random,
    measures: tuple[MeasureStory, ...],
    numbers: list[str],
    *,
    levels: list[Decimal] | None = None,
) -> tuple[str, Fix]:
    """A reviewer's reason for returning the report, and the fix that answers it."""
    kind, text = rng.choice(RETURN_REASONS)
    a, b = sorted(rng.sample(range(len(measures)), 2))
    if kind == SCORE and levels is not None:
        lowerable = [i for i, m in enumerate(measures) if _lower(m.score, levels) is not None]
        if lowerable:
            a = lowerable[rng.randrange(len(lowerable))]
        else:
            kind, text = RETURN_REASONS[0]
    reason = text.format(a=numbers[a], b=numbers[b])
    if kind == EVIDENCE:
        return reason, Fix(kind=kind, measures=(a, b))
    m = measures[a]
    if kind == SCORE:
        new = dataclasses.replace(m, score=_lower(m.score, levels or []))
    else:
        spent = m.spent if m.spent is not None else Decimal(rng.randrange(50, 900))
        new = dataclasses.replace(m, spent=spent, achieved=m.achieved + SPENT_NOTE)
    return reason, Fix(kind=kind, measures=(a,), values=(new,))


def _lower(score: Decimal | None, levels: list[Decimal]) -> Decimal | None:
    lower = [lvl for lvl in levels if score is not None and lvl < score]
    return max(lower) if lower else None


def fixed_measures(measures: tuple[MeasureStory, ...], fix: Fix) -> tuple[MeasureStory, ...]:
    """The measures once the fix is made."""
    changed = dict(zip(fix.measures, fix.values, strict=False))
    return tuple(changed.get(i, m) for i, m in enumerate(measures))


def _reviews(
    *, rng: random.Random, measures: tuple[MeasureStory, ...], levels: list[Decimal], forced: bool
) -> tuple[tuple[Decimal | None, str] | None, ...]:
    """The reviewer lowers about a quarter of the scores, with a comment, and confirms some
    others with a comment; the rest stand as the organization scored them (the official
    result reads the self-assessed score where no reviewer's is given)."""
    found: list[tuple[Decimal | None, str] | None] = []
    for m in measures:
        review = None
        if rng.random() < CONFIRMED:
            review = (m.score, rng.choice(COMMENTS_KEPT))
        lower = _lower(m.score, levels)
        if lower is not None and rng.random() < 0.25:
            review = (lower, rng.choice(COMMENTS_LOWERED))
        found.append(review)
    changed = any(r is not None and r[0] != m.score for r, m in zip(found, measures, strict=True))
    lowerable = [i for i, m in enumerate(measures) if _lower(m.score, levels) is not None]
    if forced and not changed and lowerable:
        # The forced reports show a changed official result whatever the seed.
        i = lowerable[0]
        found[i] = (_lower(measures[i].score, levels), COMMENTS_LOWERED[0])
    if all(r is None for r in found):
        found[0] = (measures[0].score, COMMENTS_KEPT[-1])  # a review leaves at least one note
    return tuple(found)
