"""A whole country in bulk, for benchmarks: aimags and the capital's districts, composed soum
names, their organizations, plans, reports, results, reviews, summaries and publications.

Not the demo: the demo goes through the services a user triggers (events, history), which is
what a visitor should see but takes about a second per organization. This writes the same
rows with bulk inserts in batches, then computes every summary with the one summary rule
(plans.analytics.summaries) and every publication with the one document rule
(plans.review.publication), so pages read what they would read in production; then ANALYZE.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import connection, transaction

from shudarga.demo.names import composed_soum_names
from shudarga.documents.textnorm import fold
from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
from shudarga.plans.analytics.summaries import summary_refresh_many
from shudarga.plans.models import (
    Measure,
    MeasureResult,
    Objective,
    Plan,
    Report,
    ReportPublication,
    ReportSummary,
    Scale,
)
from shudarga.plans.review.publication import report_publication_json

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
BATCH = 5000


@dataclass(frozen=True)
class Country:
    organizations: int
    reports: int
    national: object  # the national reviewer (staff)
    aimag: object  # the reviewer of the first aimag
    officer: object  # an officer of the first organization


def _node(parent: Organization, n: int, name: str, kind: str) -> Organization:
    return Organization(
        path=Organization._get_path(parent.path, parent.depth + 1, n),
        depth=parent.depth + 1,
        numchild=0,
        name=name,
        name_folded=fold(name),
        kind=kind,
    )


def _insert(model, rows: list) -> list:
    created = []
    for start in range(0, len(rows), BATCH):
        created += model.objects.bulk_create(rows[start : start + BATCH])
    return created


def tree(*, organizations: int) -> list[Organization]:
    """Root, aimags and the capital, soums and districts, and ``organizations`` offices."""
    root = Organization.add_root(name="Монгол Улс", name_folded=fold("Монгол Улс"), kind="country")
    places = [(n, "aimag") for n in AIMAGS] + [("Улаанбаатар", "capital_city")]
    tops = _insert(Organization, [_node(root, i, n, k) for i, (n, k) in enumerate(places, 1)])
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
    soums = _insert(Organization, soums)
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
    return _insert(Organization, offices)


def plans_and_reports(offices: list[Organization], years: list[int], rng: random.Random) -> None:
    scale = Scale.objects.get(is_default=True)
    now = datetime.now(UTC)
    plans = _insert(Plan, [
        Plan(organization=o, year=y, title=f"{o.name} {y} оны төлөвлөгөө", scale=scale,
             status="approved", approved_at=now)
        for o in offices for y in years
    ])  # fmt: skip
    objectives = _insert(Objective, [
        Objective(plan=p, number=str(n), title=f"Зорилт {n}", order=n)
        for p in plans for n in range(1, 4)
    ])  # fmt: skip
    measures = _insert(Measure, [
        Measure(objective=o, number=f"{o.number}.{m}", text=f"Арга хэмжээ {o.number}.{m}",
                indicator="Тоо", target="100%", planned_budget=Decimal(500), order=m)
        for o in objectives for m in range(1, 5)
    ])  # fmt: skip
    by_plan: dict[int, list[Measure]] = {}
    plan_of = {o.pk: o.plan_id for o in objectives}
    for m in measures:
        by_plan.setdefault(plan_of[m.objective_id], []).append(m)
    states = [s for s, weight in STATES for _ in range(weight)]
    reports = _insert(Report, [
        Report(plan=p, period=period, title=p.title, status=rng.choice(states),
               submitted_at=now)
        for p in plans for period in ("half_year", "annual")
    ])  # fmt: skip
    results = []
    for report in reports:
        reviewed = report.status in ("accepted", "published")
        for m in by_plan[report.plan_id]:
            score = rng.choice(LEVELS)
            results.append(MeasureResult(
                report=report, measure=m, spent=Decimal(rng.randrange(0, 900)),
                achieved=f"Хийсэн ажил {m.number}", score=score,
                reviewer_score=min(score, rng.choice(LEVELS)) if reviewed else None,
                reviewed_at=now if reviewed else None,
            ))  # fmt: skip
    _insert(MeasureResult, results)


def summaries_and_publications(national) -> int:
    """Every report's summary row, and version 1 of every published report (their rules)."""
    ids = list(Report.objects.values_list("pk", flat=True))
    summary_refresh_many(report_ids=ids)
    published = Report.objects.filter(status="published").select_related("plan")
    rows = []
    for report in published.iterator(chunk_size=500):
        total = ReportSummary.objects.get(report=report).official_total
        rows.append(ReportPublication(
            report=report, version=1, document=report_publication_json(report=report),
            official_total=total, published_by=national, is_current=True,
        ))  # fmt: skip
        if len(rows) == 500:
            _insert(ReportPublication, rows)
            rows = []
    _insert(ReportPublication, rows)
    return len(ids)


def people(offices: list[Organization]) -> tuple[object, object, object]:
    User = get_user_model()
    national = User.objects.create_user("bench.national", password="bench", is_staff=True)
    aimag_reviewer = User.objects.create_user("bench.aimag", password="bench")
    officer = User.objects.create_user("bench.officer", password="bench")
    first_aimag = Organization.objects.filter(kind="aimag").order_by("path").first()
    ReviewerAssignment.objects.create(user=aimag_reviewer, node=first_aimag)
    Membership.objects.create(user=officer, organization=offices[0], role="officer")
    return national, aimag_reviewer, officer


def country(*, organizations: int, years: list[int], seed: int = 7) -> Country:
    """Generate it all into an empty, migrated database; one transaction a stage."""
    rng = random.Random(seed)
    with transaction.atomic():
        offices = tree(organizations=organizations)
        national, aimag, officer = people(offices)
    with transaction.atomic():
        plans_and_reports(offices, years, rng)
    with transaction.atomic():
        reports = summaries_and_publications(national)
    analyze()
    return Country(len(offices), reports, national, aimag, officer)


def analyze() -> None:
    """Fresh planner statistics: without them one GROUP BY took 0.6–1.2 s instead of 3.5 ms."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
