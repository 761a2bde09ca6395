"""The report sheet (/reports/ID/edit/) of 10 and of 100 measures, against a trivial view
measured in the same run.

    .venv/bin/python bench/sheet.py [--repeat 9] [--database postgres://…/name]

An officer fills in a draft report (the forms of every measure: spent, score, what was
achieved, evidence upload and link); a reviewer reads the same plan's submitted report (the
review panel). Every measure has a result and a link as evidence, one in two a reviewer's
score. For each it prints the queries, the bytes (and bytes per measure), the median time
in-process and its ratio to a trivial Django view through the same stack.
Targets (issue 9): 100 measures under 150 ms and 200 KB, the same queries at 10 and at 100.
Data: a scratch SQLite file, or the (emptied) PostgreSQL database given.

Measured 2026-12-03 (issue 9; SQLite, a shared 2-core machine at load 8, trivial view
0.42 ms): 100 measures, officer 452 KB / 434 ms (4,632 bytes a measure) → 248 KB / 208 ms
(2,539 bytes a measure: evidence forms open for one measure at a time, fields written in the
template, help texts once); reviewer 145 → 136 KB, 135 ms; 15 and 16 queries at 10 and 100.
Not yet under 150 ms and 200 KB: what is left is the template engine (~100 variable lookups
a measure) and the score's <select> (~470 bytes a measure).

Measured 2026-12-03 (issue 9, --repeat 9; SQLite, the shared machine at load ~2; the second
factor is off here, else the reviewer is sent to its page): before, trivial view 0.36 ms,
officer 251 KB / 105 ms (2,566 bytes a measure, ×291), reviewer 136 KB / 67 ms (×185);
after, trivial 0.43 ms, officer 212 KB / 100 ms (2,166 bytes a measure, ×232), reviewer
127 KB / 70 ms (×161); 15 and 16 queries at 10 and 100. The score's options show the
level's number (its words are the scale's legend, once on the sheet), the result form and
the evidence link are boosted (no second copy of their address), htmx's target is inherited
from the sheet, default attributes and classes no CSS needed are gone. Under 150 ms, not yet
under 200 KB: what is left a measure is its content and labels, the CSRF token of its form
(121 bytes, needed without JavaScript) and the ids that tie labels and htmx to the fields.

Measured 2026-12-04 (issue 9, --repeat 9; SQLite, a machine about twice as slow: trivial view
0.89 ms): officer, 100 measures, 212 → 193 KB (2,166 → 1,977 bytes a measure; 211 ms, ×236
the trivial view, as before), reviewer 127 KB. Each field now sits inside its label (no
for/id pair), the sheet boosts its forms and links once (downloads opt out), and the unscored
option is a dash that the legend explains. Under 200 KB.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from timing import median_ms  # noqa: E402


def approved_plan(office, year: int, per_objective: int):
    """An approved plan of ``office``: 5 objectives × ``per_objective`` measures (also the
    plan of bench/jobs.py)."""
    from shudarga.plans.models import Measure, Objective, Plan
    from shudarga.plans.reports.documents import scale_default

    plan = Plan.objects.create(organization=office, year=year, title=f"Төлөвлөгөө {year}",
                               scale=scale_default(), status="approved")  # fmt: skip
    for o in range(1, 6):
        objective = Objective.objects.create(plan=plan, number=str(o), title=f"Зорилт {o}",
                                             order=o)  # fmt: skip
        Measure.objects.bulk_create(
            Measure(objective=objective, number=f"{o}.{m}", order=m,
                    text=f"Авлигаас урьдчилан сэргийлэх арга хэмжээ {o}.{m}",
                    indicator="Хэрэгжилтийн хувь", target="100%", deadline="Жилдээ")
            for m in range(1, per_objective + 1)
        )  # fmt: skip
    return plan


def _reports(per_objective: int, year: int, people: dict) -> tuple[object, object]:
    """A draft report and a submitted one of a plan of 5 objectives × ``per_objective``."""
    from shudarga.orgs.models import Organization
    from shudarga.plans.reports.filling import evidence_add_link, report_start, result_update
    from shudarga.plans.reports.workflow import report_submit
    from shudarga.plans.review.scoring import review_score

    office = Organization.objects.get(kind="organization")
    plan = approved_plan(office, year, per_objective)
    made = []
    for period in ("half_year", "annual"):
        report = report_start(user=people["officer"], plan=plan, period=period)
        for i, result in enumerate(report.results.order_by("pk")):
            result_update(user=people["officer"], result=result, expected_version=1,
                          spent=Decimal(i), achieved=f"Сургалт зохион байгуулсан {i}",
                          score=Decimal(100 if i % 3 else 70), not_due=False)  # fmt: skip
            evidence_add_link(user=people["officer"], result=result,
                              url=f"https://example.mn/evidence/{i}", title="Тайлан")  # fmt: skip
        made.append(report)
    draft, submitted = made
    report_submit(user=people["head"], report=submitted)
    for i, result in enumerate(submitted.results.order_by("pk")):
        if i % 2:
            review_score(user=people["reviewer"], result=result, score=Decimal(70),
                         not_due=False, comment="Нотлох баримт дутуу")  # fmt: skip
    return draft, submitted


def _people() -> dict:
    from django.contrib.auth import get_user_model

    from shudarga.orgs.models import Membership, Organization, ReviewerAssignment
    from shudarga.orgs.services import organization_get_or_create_path

    office = organization_get_or_create_path(path=[
        ("Монгол Улс", Organization.Kind.COUNTRY), ("Өвөрхангай", Organization.Kind.AIMAG),
        ("Хужирт", Organization.Kind.SOUM),
        ("Хужирт сумын Засаг даргын Тамгын газар", Organization.Kind.ORGANIZATION),
    ])  # fmt: skip
    User = get_user_model()
    people = {n: User.objects.create_user(f"sheet.{n}", password="x", first_name=n)
              for n in ("officer", "head", "reviewer")}  # fmt: skip
    Membership.objects.create(user=people["officer"], organization=office, role="officer")
    Membership.objects.create(user=people["head"], organization=office, role="head")
    aimag = Organization.objects.get(kind="aimag")
    ReviewerAssignment.objects.create(user=people["reviewer"], node=aimag)
    return people


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--database", help="a PostgreSQL URL (its tables are replaced)")
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    os.environ["SHUDARGA_VAR_DIR"] = tempfile.mkdtemp(prefix="shudarga-sheet-")
    if args.database:
        os.environ["SHUDARGA_DATABASE_URL"] = args.database
    else:
        os.environ.pop("SHUDARGA_DATABASE_URL", None)
    import django

    django.setup()
    logging.disable(logging.INFO)  # the workflow's log lines of the set-up
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    if args.database:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    people = _people()
    rows = []
    trivial_client = Client()
    trivial = median_ms(lambda: trivial_client.get("/bench/trivial/"), args.repeat)
    for year, per_objective in ((2023, 2), (2024, 20)):
        draft, submitted = _reports(per_objective, year, people)
        for who, report in (("officer", draft), ("reviewer", submitted)):
            client = Client()
            client.cookies["django_language"] = "mn"
            client.force_login(people[who])
            url = f"/reports/{report.pk}/edit/"

            def get(client=client, url=url) -> bytes:
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)
                return response.content

            get()
            with CaptureQueriesContext(connection) as queries:
                body = get()
            count = len(queries)  # now: the next requests empty the connection's log
            ms = median_ms(get, args.repeat)
            rows.append((who, 5 * per_objective, count, len(body), ms))
    print(f"trivial view (baseline): {trivial:.2f} ms, {connection.vendor}")
    print("who | measures | queries | KB | bytes/measure | ms | × trivial")
    print("--- | --- | --- | --- | --- | --- | ---")
    for who, measures, queries, size, ms in rows:
        print(f"{who} | {measures} | {queries} | {size / 1024:.0f} | {size // measures} | "
              f"{ms:.0f} | {ms / trivial:.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
