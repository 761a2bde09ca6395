"""A whole country in bulk: aimags and the capital's districts, composed soum names, any
number of organizations, their plans, reports, results, reviews, summaries and publications.

Not the demo's story: the demo goes through the services a user triggers (events, history),
which is what a visitor should see but takes about a second per organization. This writes
the same rows as rows (``demo.bulk``: keys reserved first, one COPY a table on PostgreSQL),
computes every summary and its objectives' rows by the summary rules (``summary_figures``,
``objective_counts``) from the results it wrote, and every publication by the one document
rule (``report_publications_json``, read back from the database a batch at a time); then
ANALYZE. The foreign keys of the tables it fills are checked once for all their rows at the
end, as pg_restore does.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction

from shudarga.demo.bulk import foreign_keys_checked_at_end, ids_reserve, rows_insert
from shudarga.demo.names import composed_soum_names
from shudarga.documents.textnorm import fold
from shudarga.orgs.latin import latin_key
from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.plans.analytics.summaries import objective_counts, summary_figures
from shudarga.plans.models import (
    Measure,
    MeasureResult,
    Objective,
    ObjectiveSummary,
    Plan,
    Report,
    ReportPublication,
    ReportSummary,
    Scale,
)
from shudarga.plans.review.publication import report_publications_json

AIMAGS = (
    "Архангай", "Баян-Өлгий", "Баянхонгор", "Булган", "Говь-Алтай", "Говьсүмбэр", "Дархан-Уул",
    "Дорноговь", "Дорнод", "Дундговь", "Завхан", "Орхон", "Өвөрхангай", "Өмнөговь", "Сүхбаатар",
    "Сэлэнгэ", "Төв", "Увс", "Ховд", "Хөвсгөл", "Хэнтий",
)  # fmt: skip
DISTRICTS = (
    "Багануур", "Багахангай", "Баянгол", "Баянзүрх", "Налайх", "Сонгинохайрхан", "Сүхбаатар",
    "Хан-Уул", "Чингэлтэй",
)  # fmt: skip
OFFICES = ("Засаг даргын Тамгын газар", "Ерөнхий боловсролын сургууль", "Эрүүл мэндийн төв",
           "Соёлын төв", "Цэцэрлэг", "Татварын хэлтэс", "Нийгмийн даатгалын хэлтэс",
           "Газрын албан")  # fmt: skip
STATES = (("published", 40), ("accepted", 15), ("submitted", 15), ("returned", 5), ("draft", 25))
LEVELS = (Decimal(100), Decimal(70), Decimal(30), Decimal(0))
SPENT = tuple(Decimal(n) for n in range(900))
OBJECTIVES = range(1, 4)
MEASURES = range(1, 5)
PERIODS = ("half_year", "annual")
BATCH = 5000
# Reports whose publications are built at once: documents in memory, then one COPY.
PUBLISHED_BATCH = 2000
# Organizations written at once, so that memory stays bounded whatever the country's size.
CHUNK = 1000
FILLED = (Plan, Objective, Measure, Report, MeasureResult, ReportSummary, ObjectiveSummary,
          ReportPublication)  # fmt: skip


@dataclass(frozen=True)
class Country:
    organizations: int
    reports: int
    national: Any  # the national reviewer (staff)
    aimag: Any  # the reviewer of the first aimag
    officer: Any  # an officer of the first organization


@dataclass(frozen=True)
class Written:
    """A report as written, with what its summaries need from its results."""

    pk: int
    plan: int
    organization: int
    year: int
    period: str
    status: str
    results: list[tuple]  # (objective id, *OFFICIAL_FIELDS) of each result


def country(*, organizations: int, years: Sequence[int], seed: int = 7) -> Country:
    """Generate it all into an empty, migrated database; then ANALYZE."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    with transaction.atomic():
        offices = tree(organizations=organizations)
        national, aimag, officer = people(offices)
    made = 0
    with transaction.atomic(), foreign_keys_checked_at_end(FILLED):
        for start in range(0, len(offices), CHUNK):
            reports = plans_and_reports(offices[start : start + CHUNK], list(years), rng, now)
            totals = summaries(reports, now)
            if start == 0:
                # Statistics of the first rows, else the planner takes the tables for empty
                # and scans every result for each batch of documents.
                analyze(Organization, Plan, Objective, Measure, Report, MeasureResult)
            publications([r.pk for r in reports if r.status == "published"], totals, national)
            made += len(reports)
    analyze()
    return Country(len(offices), made, national, aimag, officer)


def _node(parent: Organization, n: int, name: str, kind: str) -> Organization:
    return Organization(
        path=Organization._get_path(parent.path, parent.depth + 1, n),
        depth=parent.depth + 1,
        numchild=0,
        name=name,
        name_folded=fold(name),
        name_latin=latin_key(name),
        kind=kind,
    )


def _insert(rows: list[Organization]) -> list[Organization]:
    return Organization.objects.bulk_create(rows, batch_size=BATCH)


def tree(*, organizations: int) -> list[Organization]:
    """Root, aimags and the capital, soums and districts, and ``organizations`` offices."""
    root = Organization(
        name="Монгол Улс", name_folded=fold("Монгол Улс"), name_latin=latin_key("Монгол Улс"),
        kind="country",
    )  # fmt: skip
    root = Organization.objects.add_root(instance=root)
    places = [(n, "aimag") for n in AIMAGS] + [("Улаанбаатар", "capital_city")]
    tops = _insert([_node(root, i, n, k) for i, (n, k) in enumerate(places, 1)])
    # Enough soums in the aimags, beside the capital's districts, for every office asked for.
    soums_needed = -(-organizations // len(OFFICES)) - len(DISTRICTS)
    per_top = max(1, -(-soums_needed // (len(tops) - 1)))
    names = composed_soum_names()
    soums = []
    for top in tops:
        local = DISTRICTS if top.kind == "capital_city" else [next(names) for _ in range(per_top)]
        kind = "district" if top.kind == "capital_city" else "soum"
        soums += [_node(top, i, n, kind) for i, n in enumerate(local, 1)]
        top.numchild = len(local)
    soums = _insert(soums)
    offices, count = [], {}
    for soum, office in itertools.product(soums, OFFICES):
        if len(offices) == organizations:
            break
        count[soum.pk] = count.get(soum.pk, 0) + 1
        name = f"{soum.name} {'сумын' if soum.kind == 'soum' else 'дүүргийн'} {office}"
        offices.append(_node(soum, count[soum.pk], name, "organization"))
    for soum in soums:
        soum.numchild = count.get(soum.pk, 0)
    Organization.objects.bulk_update([*tops, *soums], ["numchild"], batch_size=BATCH)
    root.numchild = len(tops)
    root.save(update_fields=["numchild"])
    return _insert(offices)


def people(offices: list[Organization]) -> tuple[Any, Any, Any]:
    """The national reviewer (an assignment on the root, as national review is), the first
    aimag's reviewer, the first office's officer; password "bench". One hash for the three:
    hashing is slow on purpose."""
    User = get_user_model()
    password = make_password("bench")
    national, aimag_reviewer, officer = User.objects.bulk_create([
        User(username="bench.national", password=password, is_staff=True),
        User(username="bench.aimag", password=password),
        User(username="bench.officer", password=password),
    ])  # fmt: skip
    first_aimag = Organization.objects.filter(kind="aimag").order_by("path").first()
    ReviewerAssignment.objects.bulk_create([
        ReviewerAssignment(user=national, node=Organization.objects.get(depth=1)),
        ReviewerAssignment(user=aimag_reviewer, node=first_aimag),
    ])  # fmt: skip
    Membership.objects.create(user=officer, organization=offices[0], role="officer")
    return national, aimag_reviewer, officer


def plans_and_reports(
    offices: list[Organization], years: list[int], rng: random.Random, now: datetime
) -> list[Written]:
    """Approved plans of 3 objectives × 4 measures, a half-year and an annual report each,
    in a state drawn from STATES, with a result for every measure (reviewed once accepted)."""
    scale = Scale.objects.get(is_default=True).pk
    plans = [(o.pk, y, f"{o.name} {y} оны төлөвлөгөө") for o in offices for y in years]
    plan_ids = ids_reserve(Plan, len(plans))
    keyed = zip(plan_ids, plans, strict=True)
    rows_insert(
        Plan,
        ("id", "organization_id", "year", "title", "scale_id", "status", "approved_at"),
        [(pk, o, y, t, scale, "approved", now) for pk, (o, y, t) in keyed],
    )
    measures = _objectives_and_measures(plan_ids)
    states = [s for s, weight in STATES for _ in range(weight)]
    keys = iter(ids_reserve(Report, len(plans) * len(PERIODS)))
    reports = [
        Written(next(keys), pk, o, y, period, rng.choice(states), [])
        for pk, (o, y, _) in zip(plan_ids, plans, strict=True)
        for period in PERIODS
    ]
    titles = {pk: t for pk, (_, _, t) in zip(plan_ids, plans, strict=True)}
    rows_insert(
        Report,
        ("id", "plan_id", "period", "title", "status", "submitted_at"),
        [(r.pk, r.plan, r.period, titles[r.plan], r.status, now) for r in reports],
    )
    _results(reports, measures, rng, now)
    return reports


def _objectives_and_measures(plan_ids: list[int]) -> dict[int, list[tuple[int, str, int]]]:
    """Every plan's objectives and measures; {plan: [(measure, number, objective)]}."""
    keys = iter(ids_reserve(Objective, len(plan_ids) * len(OBJECTIVES)))
    objectives = [(next(keys), p, n) for p in plan_ids for n in OBJECTIVES]
    rows_insert(
        Objective,
        ("id", "plan_id", "number", "title", "order"),
        [(pk, p, str(n), f"Зорилт {n}", n) for pk, p, n in objectives],
    )
    keys = iter(ids_reserve(Measure, len(objectives) * len(MEASURES)))
    measures: dict[int, list[tuple[int, str, int]]] = {p: [] for p in plan_ids}
    rows = []
    for objective, plan, n in objectives:
        for m in MEASURES:
            pk, number = next(keys), f"{n}.{m}"
            measures[plan].append((pk, number, objective))
            rows.append((pk, objective, number, f"Арга хэмжээ {number}", Decimal(500), m))
    columns = ("id", "objective_id", "number", "text", "planned_budget", "order")
    rows_insert(Measure, (*columns, "indicator", "target"), [(*r, "Тоо", "100%") for r in rows])
    return measures


def _results(
    reports: list[Written],
    measures: dict[int, list[tuple[int, str, int]]],
    rng: random.Random,
    now: datetime,
) -> None:
    """A result for every measure of every report, kept in ``Written.results`` too."""
    keys = iter(ids_reserve(MeasureResult, sum(len(measures[r.plan]) for r in reports)))
    rows = []
    for report in reports:
        plan = measures[report.plan]
        # A report's draws at once: rng.choices is several times faster than one at a time.
        scores, spent = rng.choices(LEVELS, k=len(plan)), rng.choices(SPENT, k=len(plan))
        if report.status in ("accepted", "published"):
            finals = list(map(min, scores, rng.choices(LEVELS, k=len(plan))))
            at = now
        else:
            finals, at = [None] * len(plan), None
        for (measure, number, objective), score, final, cost in zip(
            plan, scores, finals, spent, strict=True
        ):
            row = (next(keys), report.pk, measure, cost, f"Хийсэн ажил {number}", score, final, at)
            rows.append(row)
            report.results.append((objective, score, False, final, False, at))
    columns = ("id", "report_id", "measure_id", "spent", "achieved")
    rows_insert(MeasureResult, (*columns, "score", "reviewer_score", "reviewed_at"), rows)


def summaries(reports: list[Written], now: datetime) -> dict[int, Decimal | None]:
    """Every report's summary row and its objectives' rows, by the summary rules
    (``summary_figures``, ``objective_counts``); {report: official total}."""
    totals = {}
    rows, by_objective = [], []
    for report, key in zip(reports, ids_reserve(ReportSummary, len(reports)), strict=True):
        figures = summary_figures(r[1:] for r in report.results)
        totals[report.pk] = figures["official_total"]
        identity = (key, report.pk, report.organization, report.plan, report.year)
        rows.append((*identity, report.period, report.status, now, *figures.values()))
        by_objective += [(key, o, *c) for o, c in objective_counts(report.results).items()]
    columns = ("id", "report_id", "organization_id", "plan_id", "year", "period", "status")
    figures = tuple(summary_figures([]))
    rows_insert(ReportSummary, (*columns, "submitted_at", *figures), rows)
    keys = ids_reserve(ObjectiveSummary, len(by_objective))
    rows_insert(
        ObjectiveSummary,
        ("id", "summary_id", "objective_id", "scored", "zero", "thirty"),
        [(k, *row) for k, row in zip(keys, by_objective, strict=True)],
    )
    return totals


def publications(published: list[int], totals: dict[int, Decimal | None], national) -> None:
    """Version 1 of every published report: its document frozen by the publication rule."""
    for start in range(0, len(published), PUBLISHED_BATCH):
        batch = published[start : start + PUBLISHED_BATCH]
        documents = report_publications_json(report_ids=batch)
        keys = ids_reserve(ReportPublication, len(batch))
        rows_insert(
            ReportPublication,
            ("id", "report_id", "version", "document", "official_total", "published_by_id"),
            [
                (k, pk, 1, documents[pk], totals[pk], national.pk)
                for k, pk in zip(keys, batch, strict=True)
            ],
        )


def analyze(*tables: type[models.Model]) -> None:
    """Fresh planner statistics (of these tables, else of all): without them one GROUP BY
    took 0.6–1.2 s instead of 3.5 ms."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(f'"{m._meta.db_table}"' for m in tables))
