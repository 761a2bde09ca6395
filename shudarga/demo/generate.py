"""Generated demo data: a hierarchy of aimags, soums and organizations with plans and reports.

Every plan copies the shape of the real Khujirt 2024 report (6 objectives, 11 measures, the
same texts lightly varied); scores come from the seed's scale, drawn by a seeded random
generator. Each (organization, year) has its own generator, seeded from the seed, the
organization's place in ``names.organization_specs()`` and the year, so the output for a
given seed never depends on what already exists or on how many organizations are asked for.

Reports are written in bulk (the services do one report at a time), then each gets its
summary row from ``summary_refresh``. The data is kept consistent with what the services
would have written:

- submitted, returned, accepted and published reports have every measure scored or ХБ, and a
  draft → submitted event by the organization's head;
- a returned report has a submitted → returned event with the reviewer's reason, no review;
- an accepted or published report has a reviewer score, comment and reviewer on every
  measure and a submitted → accepted event; a published one also an accepted → published
  event and one current ReportPublication whose document carries the official scores.

Idempotent: an (organization, year) that already has a plan is left alone.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from shudarga.demo import DEMO_REVIEWERS
from shudarga.demo.names import aimag_node, organization_specs, soum_node
from shudarga.documents import model as doc
from shudarga.documents.readers import read_path
from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.orgs.services import organization_get_or_create_path
from shudarga.plans.models import (
    Measure,
    MeasureResult,
    Objective,
    Plan,
    Report,
    ReportEvent,
    ReportingCalendar,
    ReportPublication,
    ReportSummary,
)
from shudarga.plans.publication import report_publication_json
from shudarga.plans.services import scale_get_or_create
from shudarga.plans.summaries import summary_refresh

COUNTRY = "Монгол Улс"
SEED_PLACE = "Хужирт"
SEED_YEAR = "2024"

S = Report.Status
MISSING = "missing"  # no report at all: not started
# Weights of a report's state: (published, accepted, submitted, returned, draft, missing).
STATES = (S.PUBLISHED, S.ACCEPTED, S.SUBMITTED, S.RETURNED, S.DRAFT, MISSING)
WEIGHTS_DONE = (45, 25, 8, 7, 5, 10)  # a period long past
WEIGHTS_LATEST = (12, 18, 20, 12, 18, 20)  # the latest annual period
# The latest annual report of the first organizations goes through every state, so each
# state exists whatever the seed.
FORCED = (S.DRAFT, S.SUBMITTED, S.RETURNED, S.ACCEPTED, S.PUBLISHED, MISSING)

RETURN_REASONS = (
    "Нотлох баримт хавсаргаагүй: {a}, {b} арга хэмжээний хэрэгжилтийг баримтаар тодруулна уу.",
    "Өөрийн үнэлгээ хэт өндөр: {a} арга хэмжээг хүрэх түвшинтэй нь харьцуулж дахин үнэлнэ үү.",
    "Зарцуулсан хөрөнгийн дүн тодорхойгүй ({a}), хүрсэн түвшинг тоон үзүүлэлтээр бичнэ үү.",
)
COMMENTS_LOWERED = (
    "Нотлох баримт хангалтгүй тул үнэлгээг бууруулав.",
    "Хүрэх түвшинд бүрэн хүрээгүй.",
    "Хэрэгжилтийг тоон үзүүлэлтээр баталгаажуулаагүй.",
)
COMMENTS_KEPT = ("", "", "", "Зөвшөөрөв.", "Нотлох баримттай, үнэлгээг хэвээр үлдээв.")
ACHIEVED_PREFIX = {
    doc.Period.HALF_YEAR: "Хагас жилийн байдлаар: ",
    doc.Period.ANNUAL: "",
}


def calendar_dates(year: int, period: str) -> tuple[date, date]:
    """(period end, deadline): half-year June 30 / July 15, annual Dec 31 / Jan 15 next year."""
    if period == Report.Period.HALF_YEAR:
        return date(year, 6, 30), date(year, 7, 15)
    return date(year, 12, 31), date(year + 1, 1, 15)


def calendar_ensure(years: Sequence[int]) -> int:
    added = 0
    for year in years:
        for period in Report.Period.values:
            end, deadline = calendar_dates(year, period)
            _, created = ReportingCalendar.objects.get_or_create(
                year=year, period=period, defaults={"period_end": end, "deadline": deadline}
            )
            added += created
    return added


def reviewers_ensure() -> dict[str, object]:
    """The demo reviewers, each assigned to their node; {username: user}."""
    users = get_user_model().objects
    found = {}
    for username, password, node_path, is_staff, full_name in DEMO_REVIEWERS:
        user = users.filter(username=username).first()
        if user is None:
            user = users.create_user(
                username=username, password=password, first_name=full_name, is_staff=is_staff
            )
        node = organization_get_or_create_path(path=node_path)
        ReviewerAssignment.objects.get_or_create(user=user, node=node)
        found[username] = user
    return found


def _at(day: date, rng: random.Random) -> datetime:
    # 09:00–17:59 Ulaanbaatar (UTC+8) is 01:00–09:59 UTC.
    return datetime.combine(day, time(rng.randrange(1, 10), rng.randrange(60)), tzinfo=UTC)


@dataclasses.dataclass
class _Planned:
    """One generated report before it is written."""

    report: Report
    state: str
    head: object
    reviewer: object
    events: list[tuple[str, str, object, datetime, str]]
    results: list[MeasureResult]
    publish_at: datetime | None = None


def demo_generate(*, organizations: int, years: tuple[int, ...], seed: int) -> list[str]:
    """Generate ``organizations`` organizations with plans and reports for ``years``."""
    specs = organization_specs()
    lines: list[str] = []
    if organizations > len(specs):
        lines.append(f"demo: only {len(specs)} organizations have names; generating those")
    specs = specs[: max(0, organizations)]
    years = tuple(sorted(set(years)))
    with transaction.atomic():
        added = calendar_ensure(years)
        reviewers = reviewers_ensure()
        offices = _organizations_ensure(specs)
        heads = _heads_ensure(offices)
        seed_doc = read_path(_seed_path())
        scale = scale_get_or_create(scale=seed_doc.scale)
        existing = set(
            Plan.objects.filter(organization__in=offices, year__in=years).values_list(
                "organization_id", "year"
            )
        )
        todo = [
            (index, aimag, soum, office, year)
            for index, ((aimag, soum, _), office) in enumerate(zip(specs, offices, strict=True))
            for year in years
            if (office.pk, year) not in existing
        ]
        count = _plans_write(
            todo=todo,
            seed=seed,
            seed_doc=seed_doc,
            scale=scale,
            heads=heads,
            reviewers=reviewers,
            latest=max(years) if years else None,
        )
    lines.append(
        f"demo: {len(offices)} generated organizations, {added} calendar periods added, "
        f"{len(todo)} plans and {count} reports added (seed {seed})"
    )
    for username, password, node_path, _, _ in DEMO_REVIEWERS:
        lines.append(f"demo: reviewer of {node_path[-1][0]}: {username} / {password}")
    return lines


def _seed_path():
    from shudarga.demo.load import SEED

    return SEED


def _organizations_ensure(specs: Sequence[tuple[str, str | None, str]]) -> list[Organization]:
    K = Organization.Kind
    found: list[Organization] = []
    for aimag, soum, name in specs:
        path = [(COUNTRY, str(K.COUNTRY)), (aimag_node(aimag), str(K.AIMAG))]
        if soum is not None:
            path.append((soum_node(soum), str(K.SOUM)))
        path.append((name, str(K.ORGANIZATION)))
        found.append(organization_get_or_create_path(path=path))
    return found


def _heads_ensure(offices: Sequence[Organization]) -> dict[int, object]:
    """A head for each generated organization (no password: they do not log in)."""
    User = get_user_model()
    names = {f"demo.head.{o.pk}": o for o in offices}
    have = {u.username: u for u in User.objects.filter(username__in=names)}
    unusable = make_password(None)
    User.objects.bulk_create(
        [User(username=n, password=unusable, first_name="Дарга") for n in names if n not in have],
        batch_size=500,
    )
    users = {u.username: u for u in User.objects.filter(username__in=names)}
    Membership.objects.bulk_create(
        [
            Membership(user=users[n], organization=o, role=Membership.Role.HEAD)
            for n, o in names.items()
        ],
        ignore_conflicts=True,
        batch_size=500,
    )
    return {o.pk: users[n] for n, o in names.items()}


def _vary(text: str, *, place: str, year: int) -> str:
    return text.replace(SEED_PLACE, place).replace(SEED_YEAR, str(year))


def _plans_write(
    *,
    todo: list[tuple[int, str, str | None, Organization, int]],
    seed: int,
    seed_doc: doc.ReportDocument,
    scale,
    heads: dict[int, object],
    reviewers: dict[str, object],
    latest: int | None,
) -> int:
    if not todo:
        return 0
    levels = [lvl.score for lvl in seed_doc.scale.levels]  # 100, 70, 30, 0
    uvurkhangai = reviewers["uvurkhangai.reviewer"]
    iaac = reviewers["iaac.reviewer"]
    rngs = [random.Random(f"{seed}:{index}:{year}") for index, *_ , year in todo]

    plans = []
    for _, _, _, office, year in todo:
        plans.append(
            Plan(
                organization=office,
                year=year,
                title=f"{office.name}: авлигын эсрэг үйл ажиллагааны {year} оны төлөвлөгөө",
                scale=scale,
                status=Plan.Status.DRAFT,
            )
        )
    plans = bulk_create_with_history(plans, Plan, batch_size=500)
    plans = list(
        Plan.objects.filter(
            organization__in=[t[3] for t in todo], year__in={t[4] for t in todo}
        ).select_related("organization")
    )
    by_key = {(p.organization_id, p.year): p for p in plans}
    plans = [by_key[(t[3].pk, t[4])] for t in todo]

    objectives = [
        Objective(
            plan=plan,
            number=o.number,
            title=_vary(o.title, place=_place(t), year=plan.year),
            order=i,
        )
        for t, plan in zip(todo, plans, strict=True)
        for i, o in enumerate(seed_doc.objectives)
    ]
    bulk_create_with_history(objectives, Objective, batch_size=500)
    objectives = list(Objective.objects.filter(plan__in=plans).order_by("plan_id", "order"))
    by_plan: dict[int, list[Objective]] = {}
    for o in objectives:
        by_plan.setdefault(o.plan_id, []).append(o)

    measures = []
    for t, plan in zip(todo, plans, strict=True):
        for objective, entry in zip(by_plan[plan.pk], seed_doc.objectives, strict=True):
            for i, m in enumerate(entry.measures):
                budget = m.planned_budget
                measures.append(
                    Measure(
                        objective=objective,
                        number=m.number,
                        text=_vary(m.text, place=_place(t), year=plan.year),
                        indicator=m.indicator,
                        target=m.target,
                        planned_budget=budget,
                        responsible_unit=m.responsible_unit,
                        deadline=m.deadline,
                        order=i,
                    )
                )
    bulk_create_with_history(measures, Measure, batch_size=500)
    plan_measures: dict[int, list[Measure]] = {}
    for m in (
        Measure.objects.filter(objective__plan__in=plans)
        .select_related("objective")
        .order_by("objective__plan_id", "objective__order", "order")
    ):
        plan_measures.setdefault(m.objective.plan_id, []).append(m)
    seed_measures = [m for _, m in seed_doc.measures()]

    planned: list[_Planned] = []
    approvals: list[Plan] = []
    for t, plan, rng in zip(todo, plans, rngs, strict=True):
        index, aimag, _, office, year = t
        head = heads[office.pk]
        reviewer = uvurkhangai if aimag == "Өвөрхангай" else iaac
        quality = rng.choice((0.8, 0.6, 0.45, 0.3))  # how well the organization does
        started = False
        for period in (doc.Period.HALF_YEAR, doc.Period.ANNUAL):
            if year == latest and period == doc.Period.ANNUAL:
                if index < len(FORCED):
                    state = FORCED[index]
                    rng.random()  # keep the draws the same as the weighted case
                else:
                    state = rng.choices(STATES, WEIGHTS_LATEST)[0]
            else:
                state = rng.choices(STATES, WEIGHTS_DONE)[0]
            if state == MISSING:
                continue
            started = True
            planned.append(
                _report_plan(
                    rng=rng, plan=plan, period=period, state=state, head=head,
                    reviewer=reviewer, quality=quality, levels=levels,
                    measures=plan_measures[plan.pk], seed_measures=seed_measures,
                    place=_place(t),
                )
            )
        if started:
            plan.status = Plan.Status.APPROVED
            plan.approved_by = head
            plan.approved_at = _at(date(year, 2, 1) + timedelta(days=rng.randrange(45)), rng)
            approvals.append(plan)
    Plan.objects.bulk_update(approvals, ["status", "approved_by", "approved_at"], batch_size=500)

    reports = Report.objects.bulk_create([p.report for p in planned], batch_size=500)
    results = []
    for p, report in zip(planned, reports, strict=True):
        for r in p.results:
            r.report = report
            results.append(r)
    bulk_create_with_history(results, MeasureResult, batch_size=500)

    events = [
        ReportEvent(report=p.report, from_status=f, to_status=to, by=by, reason=reason)
        for p in planned
        for f, to, by, _, reason in p.events
    ]
    ReportEvent.objects.bulk_create(events, batch_size=500)
    # `at` is set on creation; the demo's steps happened in the past.
    times = [at for p in planned for *_, at, _ in p.events]
    for event, at in zip(events, times, strict=True):
        event.at = at
    ReportEvent.objects.bulk_update(events, ["at"], batch_size=500)

    for p in planned:
        summary_refresh(report_id=p.report.pk)
    _publish([p for p in planned if p.state == S.PUBLISHED])
    return len(planned)


def _place(t: tuple[int, str, str | None, Organization, int]) -> str:
    _, aimag, soum, _, _ = t
    return soum or aimag


def _report_plan(
    *,
    rng: random.Random,
    plan: Plan,
    period: doc.Period,
    state: str,
    head: object,
    reviewer: object,
    quality: float,
    levels: list[Decimal],
    measures: list[Measure],
    seed_measures: list[doc.MeasureEntry],
    place: str,
) -> _Planned:
    year = plan.year
    _, deadline = calendar_dates(year, period.value)
    # Most send before the deadline; some are late.
    submitted = _at(deadline + timedelta(days=rng.choice((-12, -8, -5, -3, -1, 0, 2, 9, 20))), rng)
    accepted = submitted + timedelta(days=rng.randrange(3, 21))
    published = accepted + timedelta(days=rng.randrange(1, 11))
    report = Report(
        plan=plan,
        period=period.value,
        title=f"{plan.organization.name}: авлигын эсрэг үйл ажиллагааны {year} оны "
        f"төлөвлөгөөний {'хагас жилийн' if period == doc.Period.HALF_YEAR else 'жилийн эцсийн'}"
        " биелэлт",
        status=state,
        submitted_at=submitted if state in (S.SUBMITTED, S.ACCEPTED, S.PUBLISHED) else None,
        accepted_at=accepted if state in (S.ACCEPTED, S.PUBLISHED) else None,
        published_at=published if state == S.PUBLISHED else None,
        source_file="demo",
    )
    reviewed = state in (S.ACCEPTED, S.PUBLISHED)
    results = []
    # Self-assessment weights of 100/70/30/0 for this organization.
    weights = (quality, (1 - quality) * 0.5, (1 - quality) * 0.3, (1 - quality) * 0.2)
    for measure, entry in zip(measures, seed_measures, strict=True):
        not_due = rng.random() < (0.2 if period == doc.Period.HALF_YEAR else 0.05)
        score = None if not_due else rng.choices(levels, weights)[0]
        if state == S.DRAFT and rng.random() < 0.25:
            score, not_due = None, False  # not scored yet
        result = MeasureResult(
            measure=measure,
            spent=(
                None if entry.spent is None
                else (entry.spent * Decimal(rng.randrange(50, 151)) / 100).quantize(Decimal("0.1"))
            ),
            achieved=ACHIEVED_PREFIX[period] + _vary(entry.achieved, place=place, year=year),
            score=score,
            not_due=not_due,
        )
        if reviewed:
            r_score, comment = score, rng.choice(COMMENTS_KEPT)
            if score is not None and rng.random() < 0.25:
                lower = [lvl for lvl in levels if lvl < score]
                if lower:
                    r_score, comment = max(lower), rng.choice(COMMENTS_LOWERED)
            result.reviewer_score = r_score
            result.reviewer_not_due = not_due
            result.reviewer_comment = comment
            result.reviewed_by = reviewer
            result.reviewed_at = accepted - timedelta(hours=rng.randrange(1, 48))
        results.append(result)
    events: list[tuple[str, str, object, datetime, str]] = []
    if state != S.DRAFT:
        events.append((S.DRAFT, S.SUBMITTED, head, submitted, ""))
    if state == S.RETURNED:
        a, b = rng.sample([m.number for m in measures], 2)
        reason = rng.choice(RETURN_REASONS).format(a=a, b=b)
        events.append((S.SUBMITTED, S.RETURNED, reviewer, accepted, reason))
    if reviewed:
        events.append((S.SUBMITTED, S.ACCEPTED, reviewer, accepted, ""))
    if state == S.PUBLISHED:
        events.append((S.ACCEPTED, S.PUBLISHED, head, published, ""))
    return _Planned(
        report=report, state=state, head=head, reviewer=reviewer, events=events,
        results=results, publish_at=published if state == S.PUBLISHED else None,
    )


def _publish(planned: list[_Planned]) -> None:
    totals = dict(
        ReportSummary.objects.filter(report__in=[p.report for p in planned]).values_list(
            "report_id", "official_total"
        )
    )
    publications = [
        ReportPublication(
            report=p.report,
            version=1,
            document=report_publication_json(report=p.report),
            official_total=totals[p.report.pk],
            published_by=p.head,
            is_current=True,
        )
        for p in planned
    ]
    ReportPublication.objects.bulk_create(publications, batch_size=200)
    for publication, p in zip(publications, planned, strict=True):
        publication.published_at = p.publish_at
    ReportPublication.objects.bulk_update(publications, ["published_at"], batch_size=200)

