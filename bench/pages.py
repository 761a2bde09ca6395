"""Queries and bytes of every list and summary page, at two or more sizes of the same demo.

    SHUDARGA_DATABASE_URL=postgres://postgres@127.0.0.1:5432/small \
        .venv/bin/shudarga demo --organizations 20 --years 2023 2024 --seed 7
    (the same for a larger database: --organizations 200)
    .venv/bin/python bench/pages.py postgres://…/small postgres://…/large

For each database (one process each) it requests every page in-process as a national
reviewer (iaac.reviewer), an aimag reviewer (uvurkhangai.reviewer) and an anonymous visitor,
and counts the queries and the bytes sent (streamed bodies included). The baseline, measured
in the same run, is the bare count: one ``SELECT COUNT(*)`` of the reports, through Django.
A bounded page has the same queries at every size and bytes that do not grow with the
number of organizations; the last columns give large ÷ small. No time is measured.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

# (who, path): "{year}" is the newest demo year, "{aimag}" the Өвөрхангай node.
PAGES = [
    ("iaac.reviewer", "/plans/"),
    ("iaac.reviewer", "/plans/?page=2"),
    ("iaac.reviewer", "/plans/?year={year}&aimag={aimag}"),
    ("iaac.reviewer", "/reports/"),
    ("iaac.reviewer", "/reports/?year={year}&status=accepted"),
    ("iaac.reviewer", "/review/"),
    ("iaac.reviewer", "/dashboard/?year={year}"),
    ("iaac.reviewer", "/dashboard/?year={year}&format=csv&table=ranking"),
    ("uvurkhangai.reviewer", "/plans/"),
    ("uvurkhangai.reviewer", "/reports/"),
    ("uvurkhangai.reviewer", "/review/"),
    ("uvurkhangai.reviewer", "/dashboard/?year={year}"),
    (None, "/api/reports"),
    (None, "/api/summaries"),
    (None, "/open/"),
    (None, "/open/{year}/"),
    (None, "/open/{year}/aimag/{aimag}/"),
    (None, "/open/{year}/measures.csv"),
]


def measure(database: str) -> dict:
    """Run in a child process with SHUDARGA_DATABASE_URL set: {page: [queries, bytes]}."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from shudarga.orgs.models import Organization, ReviewerAssignment
    from shudarga.plans.models import Plan, Report

    year = Plan.objects.order_by("-year").values_list("year", flat=True).first()
    aimag = (
        ReviewerAssignment.objects.filter(user__username="uvurkhangai.reviewer")
        .values_list("node_id", flat=True)
        .first()
    )
    users = {u.username: u for u in get_user_model().objects.all()}
    out: dict = {"organizations": Organization.objects.filter(kind="organization").count()}
    with CaptureQueriesContext(connection) as queries:
        count = Report.objects.count()
    out["bare count (baseline)"] = [len(queries), len(str(count))]
    for who, path in PAGES:
        client = Client()
        client.cookies["django_language"] = "mn"
        if who is not None:
            client.force_login(users[who])
        url = path.format(year=year, aimag=aimag)
        client.get(url)  # warm up: translations, templates
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            if getattr(response, "streaming", False):
                size = sum(len(chunk) for chunk in response.streaming_content)
            else:
                size = len(response.content)
        assert response.status_code == 200, (url, response.status_code)
        out[f"{who or 'anonymous'} {path}"] = [len(queries), size]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("databases", nargs="+", help="database URLs, smallest first")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.databases[0])))
        return
    runs = []
    for url in args.databases:
        env = {**os.environ, "SHUDARGA_DATABASE_URL": url}
        done = subprocess.run(
            [sys.executable, __file__, "--child", url],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    sizes = [r.pop("organizations") for r in runs]
    head = "".join(f"{f'q @{n}':>8}{f'bytes @{n}':>14}" for n in sizes)
    print(f"{'page':<66}{head}{'q ×':>7}{'bytes ×':>9}")
    for name in runs[0]:
        cells = "".join(f"{r[name][0]:>8}{r[name][1]:>14,}" for r in runs)
        first, last = runs[0][name], runs[-1][name]
        print(f"{name:<66}{cells}{last[0] / first[0]:>7.1f}{last[1] / max(first[1], 1):>9.1f}")


if __name__ == "__main__":
    main()
