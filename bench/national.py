"""Pages and lists at the size of a country, against baselines measured in the same run.

    .venv/bin/python bench/national.py [--organizations 5000] [--small 200]
        [--years 2022 2023 2024] [--repeat 5] [--server postgres://postgres@127.0.0.1:5432]
        [--database shudarga_bench] [--reuse]

For each size (small, then large) it creates a scratch PostgreSQL database, migrates it,
generates a country (bench/country.py) and ANALYZEs it, times pg_dump + pg_restore of the
same rows (the generator's baseline), then requests every page in-process and prints its
queries, bytes and median time, beside two baselines: a trivial Django view through the same
stack, and the bare SQL that returns the page's numbers (where one is written). The last
columns compare the large country with the small one: a bounded page costs the same.
``--reuse`` measures the databases an earlier run generated (PREFIX_200, PREFIX_5000) instead.
Before the pages are read the tables are vacuumed and analyzed (autovacuum's work in
production). The bare SQL of each page (bench/bare_sql.py) returns all of its numbers with
the same access rule.

Measured 2026-12-03 (issue 9, --reuse, a shared 2-core machine at load 10, so the times are
several times what they are alone; the ratios are of the same run), 5,000 organizations:
dashboard 269 ms = 2.2× its bare SQL + a trivial view (was 41× against one GROUP BY; the
"scored 0 or 30" table now counts ObjectiveSummary rows, 0.67 s → 0.09 s); api summaries
2.1×, api plans 1.3×, api organizations 1.2×, plans 1.2×, portal year 2.9×; the open data
CSV (11.7 MB) 21× its bare SQL. Counts and sorts over every visible row still grow with the
country (large/small 1.6–20×), as their bare SQL does.

Measured 2026-12-04 (issue 9, --reuse, a slower 2-core machine: a trivial view 0.7 ms;
helpers' tests running beside), 5,000 organizations, after: a list of publications without a
second pass over the reports, the plan list ordered by an (name, id) index without DISTINCT,
list totals that read no measure, the inbox walking a (status, submitted_at) index with its
page prefetched, the ranking's scale by subqueries and the dashboard's rows written in Python:
plans (national) 546 → 171 ms (large/small 3.3 → 1.1, 0.9× its bare SQL + a trivial view),
plans (aimag) 488 → 131 ms (6.3 → 1.9), reports 438 → 113 ms (3.7 → 1.7), review inbox
183 → 80 ms (2.4 → 1.4), dashboard 239 → 116 ms (3.5 → 2.2; 2.5 → 1.6× its bare SQL), portal
year 408 → 96 ms (10.2 → 3.0; 3.8 → 3.2× its bare SQL), api reports 225 → 106 ms (still 5.2×
the small country: it sorts every public report by year, organization name and period).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from bare_sql import BARE  # noqa: E402
from country import dump_restore, scratch  # noqa: E402
from timing import median_ms  # noqa: E402


def _exists(server: str, name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return found is not None


def country_found():
    """The country an earlier run generated (its three bench users), or None."""
    from country import Country
    from django.contrib.auth import get_user_model

    from shudarga.orgs.models import Organization
    from shudarga.plans.models import Report, ReportSummary

    users = {u.username: u for u in get_user_model().objects.filter(username__startswith="bench.")}
    names = ("bench.national", "bench.aimag", "bench.officer")
    # The summaries are the last stage written: a run cut short before them is not reused.
    if not all(n in users for n in names) or not ReportSummary.objects.exists():
        return None
    offices = Organization.objects.filter(kind="organization").count()
    return Country(offices, Report.objects.count(), *(users[n] for n in names))


def child(size: int, years: list[int], repeat: int, server: str, prefix: str, reuse: bool) -> dict:
    """One size in its own process (the settings read the database URL once)."""
    name = f"{prefix}_{size}"
    reused = reuse and _exists(server, name)
    url = f"{server}/{name}" if reused else scratch(server, name)
    os.environ.update(SHUDARGA_DATABASE_URL=url, DJANGO_SETTINGS_MODULE="bench_settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from country import country

    generated = restore = None
    made = country_found() if reused else None
    if made is None:  # not there yet (or a generation cut short): make it from nothing
        if reused:
            url = scratch(server, name)
            call_command("migrate", verbosity=0)
        start = time.perf_counter()
        made = country(organizations=size, years=years)
        generated = time.perf_counter() - start
        restore = dump_restore(server, url, name)
    _settle()
    pages = _pages(made, years[-1], repeat)
    return {"size": made.organizations, "reports": made.reports, "generate_s": generated,
            "restore_s": restore, "pages": pages}  # fmt: skip


def _settle() -> None:
    """What production has by the time a page is read: the dashboard's objective rows (a
    generator that writes the summaries itself may leave them out) and the tables vacuumed
    and analyzed (autovacuum's work: index-only scans need the visibility map)."""
    from django.db import connection

    from shudarga.plans.analytics.summaries import objective_summaries_refresh
    from shudarga.plans.models import ObjectiveSummary, ReportSummary

    if not ObjectiveSummary.objects.exists():
        ids = list(ReportSummary.objects.values_list("report_id", flat=True))
        objective_summaries_refresh(report_ids=ids)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def _pages(made, year: int, repeat: int) -> dict[str, dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from shudarga.api.tokens import token_create
    from shudarga.orgs.models import Organization
    from shudarga.plans.models import Report

    def client(user=None):
        c = Client()
        c.cookies["django_language"] = "en"
        if user is not None:
            c.force_login(user)
        return c

    national, aimag, anonymous = client(made.national), client(made.aimag), client()
    _, key = token_create(user=made.national, name="bench")
    api = Client(headers={"Authorization": f"Bearer {key}"})
    sheet = Report.objects.filter(plan__organization__memberships__user=made.officer).first()
    root = Organization.objects.get(depth=1, kind="country").path + "%"
    pages = {
        "trivial view (baseline)": (anonymous, "/bench/trivial/"),
        "plans (national)": (national, "/plans/"),
        "plans (aimag)": (aimag, "/plans/"),
        "reports (national)": (national, "/reports/"),
        "review inbox (national)": (national, "/review/"),
        "dashboard (national)": (national, f"/dashboard/?year={year}&period=annual"),
        "report sheet (12 measures)": (client(made.officer), f"/reports/{sheet.pk}/edit/"),
        "api reports (national)": (api, "/api/reports"),
        "api summaries": (anonymous, f"/api/summaries?year={year}"),
        "api plans": (anonymous, "/api/plans"),
        "api organizations": (anonymous, "/api/organizations"),
        "portal home": (anonymous, "/open/"),
        "portal year": (anonymous, f"/open/{year}/"),
        "open data measures.csv": (anonymous, f"/open/{year}/measures.csv"),
    }
    out = {}
    for name, (c, url) in pages.items():

        def get(c=c, url=url):
            response = c.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert response.status_code == 200, (url, response.status_code)
            return body

        with CaptureQueriesContext(connection) as queries:
            body = get()
        row = {"queries": len(queries), "bytes": len(body), "ms": median_ms(get, repeat)}
        if name in BARE:

            def bare(queries=BARE[name]):
                with connection.cursor() as cursor:
                    for sql in queries:
                        cursor.execute(sql, {"year": year, "root": root})
                        cursor.fetchall()

            row["bare_ms"] = median_ms(bare, repeat)
        out[name] = row
    return out


def report(small: dict, large: dict) -> None:
    trivial = {r["size"]: r["pages"]["trivial view (baseline)"]["ms"] for r in (small, large)}
    for run in (small, large):
        if run["generate_s"] is None:
            print(f"{run['size']} organizations, {run['reports']} reports: reused (--reuse)")
            continue
        print(f"{run['size']} organizations, {run['reports']} reports: generated in "
              f"{run['generate_s']:.1f} s = {run['generate_s'] / run['restore_s']:.1f}× "
              f"pg_dump + pg_restore of the same rows ({run['restore_s']:.1f} s)")  # fmt: skip
    head = ("page", "queries", "KB", "ms", "× (bare SQL + trivial)", "× trivial",
            f"ms at {small['size']}", "large/small")  # fmt: skip
    print("\n" + " | ".join(head) + "\n" + " | ".join("---" for _ in head))
    for name, row in large["pages"].items():
        base = row.get("bare_ms")
        vs_bare = f"{row['ms'] / (base + trivial[large['size']]):.1f}" if base else "—"
        was = small["pages"][name]["ms"]
        print(" | ".join([
            name, str(row["queries"]), f"{row['bytes'] / 1024:.0f}", f"{row['ms']:.1f}", vs_bare,
            f"{row['ms'] / trivial[large['size']]:.1f}", f"{was:.1f}", f"{row['ms'] / was:.1f}",
        ]))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=5000)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--years", type=int, nargs="+", default=[2022, 2023, 2024])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="shudarga_bench",
                        help="prefix of the databases' names (PREFIX_SIZE)")  # fmt: skip
    parser.add_argument("--reuse", action="store_true",
                        help="measure the country an earlier run generated, if there")  # fmt: skip
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        made = child(args.child, args.years, args.repeat, args.server, args.database, args.reuse)
        print(json.dumps(made))
        return
    runs = []
    reuse = ["--reuse"] if args.reuse else []
    for size in (args.small, args.organizations):
        command = [sys.executable, __file__, "--child", str(size), "--repeat", str(args.repeat),
                   "--server", args.server, "--database", args.database,
                   "--years", *map(str, args.years), *reuse]  # fmt: skip
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    report(*runs)


if __name__ == "__main__":
    main()
