"""Background jobs against baselines measured in the same run.

    .venv/bin/python bench/jobs.py [--measures 200] [--small 3] [--large 12] [--repeat 3]

1. The PDF of a report of ``--measures`` measures: the request that renders it (what every
   download cost before jobs) beside the request that starts its job and answers at once,
   and beside a trivial view through the same stack.
2. The ZIP of an aimag of ``--small`` and of ``--large`` reports (30 measures each): its
   peak Python memory (tracemalloc) and time per report, beside writing one report's PDF and
   XLSX alone. Memory is bounded when the large ZIP peaks near the small one.
Data: a scratch SQLite file.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from sheet import approved_plan  # noqa: E402
from timing import median_ms  # noqa: E402


def _office(soum: str):
    from shudarga.orgs.models import Organization
    from shudarga.orgs.services import organization_get_or_create_path

    return organization_get_or_create_path(path=[
        ("Монгол Улс", Organization.Kind.COUNTRY), ("Өвөрхангай", Organization.Kind.AIMAG),
        (soum, Organization.Kind.SOUM),
        (f"{soum} сумын Засаг даргын Тамгын газар", Organization.Kind.ORGANIZATION),
    ])  # fmt: skip


def _report(office, officer, measures: int, year: int):
    from shudarga.orgs.models import Membership
    from shudarga.plans.reports.filling import report_start

    Membership.objects.get_or_create(user=officer, organization=office, role="officer")
    plan = approved_plan(office, year, max(1, measures // 5))
    return report_start(user=officer, plan=plan, period="annual")


def _zip(user, aimag, year: int, traced: bool) -> tuple[float, int, int]:
    """(seconds, peak bytes or 0, reports) of one ZIP job run here; tracing memory slows
    Python down, so time and memory come from two runs."""
    from shudarga.jobs.models import Job
    from shudarga.jobs.services import job_start
    from shudarga.jobs.tasks import job_execute

    job = job_start(kind=Job.Kind.ZIP, user=user, organization=aimag, year=year, enqueue=False)
    if traced:
        tracemalloc.start()
    start = time.perf_counter()
    job_execute(job.pk)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if traced else 0
    tracemalloc.stop()
    job.refresh_from_db()
    assert job.state == "done", job.message
    return seconds, peak, job.total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measures", type=int, default=200)
    parser.add_argument("--small", type=int, default=3)
    parser.add_argument("--large", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    os.environ["SHUDARGA_VAR_DIR"] = tempfile.mkdtemp(prefix="shudarga-jobs-bench-")
    os.environ.pop("SHUDARGA_DATABASE_URL", None)
    import django

    django.setup()
    logging.disable(logging.INFO)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from shudarga.documents import writers
    from shudarga.orgs.models import Organization
    from shudarga.plans.reports.documents import report_document

    call_command("migrate", verbosity=0)
    admin = get_user_model().objects.create_superuser("bench.admin", password="x")
    officer = get_user_model().objects.create_user("bench.officer", password="x")
    client = Client()
    client.force_login(admin)
    trivial = median_ms(lambda: client.get("/bench/trivial/"), args.repeat)

    big = _report(_office("Хужирт"), officer, args.measures, 2024)
    settings.SHUDARGA_PDF_JOB_MEASURES = 10**9  # the old way: rendered on the request
    rendered = median_ms(lambda: client.get(f"/reports/{big.pk}/download.pdf"), args.repeat)
    settings.SHUDARGA_PDF_JOB_MEASURES = 60
    started = median_ms(lambda: client.post(f"/reports/{big.pk}/pdf-job/"), args.repeat)
    print(f"PDF of {args.measures} measures, {args.repeat} repeats (SQLite):")
    print("request | ms | × trivial")
    print("--- | --- | ---")
    print(f"trivial view (baseline) | {trivial:.1f} | 1.0")
    print(f"render the PDF on the request | {rendered:.1f} | {rendered / trivial:.1f}")
    print(f"start its job (answer at once) | {started:.1f} | {started / trivial:.1f}")
    print(f"the page waits {rendered / started:.0f}× less")

    aimag = Organization.objects.get(name="Өвөрхангай")
    for i in range(args.large):
        _report(_office(f"Сум {i:02d}"), officer, 30, 2025)
    from shudarga.plans.models import Report

    one = report_document(report=Report.objects.filter(plan__year=2025).last())
    alone = median_ms(lambda: [writers.write(one, f) for f in ("pdf", "xlsx")], args.repeat)
    # The small ZIP: the same aimag, its first reports only, through another year's copy.
    for i in range(args.small):
        _report(_office(f"Сум {i:02d}"), officer, 30, 2026)
    rows = []
    for year in (2026, 2025):
        seconds, _, reports = _zip(admin, aimag, year, traced=False)
        _, peak, _ = _zip(admin, aimag, year, traced=True)
        rows.append((reports, seconds * 1000 / reports, peak))
    print()
    print(f"ZIP of an aimag (30 measures a report); one report's PDF + XLSX alone: {alone:.0f} ms")
    print("reports | ms a report | × alone | peak memory MB")
    print("--- | --- | --- | ---")
    for reports, per, peak in rows:
        print(f"{reports} | {per:.0f} | {per / alone:.2f} | {peak / 2**20:.1f}")
    (_, _, small_peak), (_, _, large_peak) = rows
    print(f"peak memory, {rows[1][0]} reports / {rows[0][0]}: {large_peak / small_peak:.2f}")


if __name__ == "__main__":
    main()
