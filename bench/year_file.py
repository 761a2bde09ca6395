"""The year's open data CSV (/open/<year>/measures.csv) before and after it was kept in storage
(issue 9), on a scratch SQLite database of a generated country.

    .venv/bin/python bench/year_file.py [--organizations 300] [--repeat 5]

Times, in-process and in the same run: the trivial view (baseline), the CSV as every request
wrote it before (every current publication's frozen document parsed: the old view's code,
``year_files.measure_lines`` streamed), its first download now (written to storage while it is
sent), a repeated download (streamed from storage after one query) and a conditional one
(304). Prints each time with its ratio to the trivial view and to the old view.

Measured 2026-12-03 (SQLite, a shared machine; ratios of the same run), --organizations 1000:
860 current publications, 2.5 MB; before 313 ms (790× the trivial view), first download
328 ms (1.05× before), repeated download 5.5 ms (14× the trivial view, 0.018× before: 56×
faster), 304 4.0 ms; one query. At 300 organizations (253 publications, 0.74 MB): 93 ms
before, 2.9 ms repeated (0.031×), 2.3 ms 304. What is left is the one aggregate query of the
year's publications (``year_state``), which reads every current publication's row (not its
document).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from timing import median_ms  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organizations", type=int, default=300)
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="shudarga-bench-year-"))
    os.environ.update(
        SHUDARGA_DATABASE_URL=f"sqlite:///{scratch / 'bench.sqlite3'}",
        SHUDARGA_VAR_DIR=str(scratch),
        DJANGO_SETTINGS_MODULE="bench_settings",
    )
    import django

    django.setup()
    from django.core.files.storage import storages
    from django.core.management import call_command
    from django.db import connection
    from django.http import StreamingHttpResponse
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from shudarga.plans.models import ReportPublication
    from shudarga.portal import year_files

    call_command("migrate", verbosity=0)
    from country import country

    start = time.perf_counter()
    country(organizations=args.organizations, years=[args.year])
    print(f"generated in {time.perf_counter() - start:.1f} s (SQLite, {scratch})")
    year = args.year
    publications = ReportPublication.objects.filter(
        is_current=True, report__plan__year=year
    ).count()
    url = f"/open/{year}/measures.csv"
    client = Client()

    def body(response) -> bytes:
        assert response.status_code in (200, 304), response.status_code
        return b"".join(response.streaming_content) if response.streaming else response.content

    def trivial():
        return body(client.get("/bench/trivial/"))

    def before():  # what the view sent on every request before
        lines = year_files.measure_lines(year=year, using="default")
        return b"".join(StreamingHttpResponse(lines).streaming_content)

    def forget():
        state = year_files.year_state(year=year)
        storages["generated"].delete(state.file_name())

    def first():
        forget()
        return body(client.get(url))

    def again():
        return body(client.get(url))

    written = first()
    assert written == before(), "the stored file differs from what the view sent"
    etag = client.get(url)["ETag"]

    def conditional():
        return body(client.get(url, headers={"If-None-Match": etag}))

    with CaptureQueriesContext(connection) as queries:
        again()
    stored_queries = len(queries)
    times = {
        "trivial view (baseline)": median_ms(trivial, args.repeat),
        "before: every request parses every document": median_ms(before, args.repeat),
        "first download (written while sent)": median_ms(first, args.repeat),
        "repeated download (from storage)": median_ms(again, args.repeat),
        "conditional download (304)": median_ms(conditional, args.repeat),
    }
    print(
        f"{publications} current publications of {year}, {len(written):,} bytes; "
        f"a repeated download runs {stored_queries} query"
    )
    base = times["trivial view (baseline)"]
    old = times["before: every request parses every document"]
    print(f"{'':48} {'ms':>9} {'÷ trivial':>10} {'÷ before':>9}")
    for name, ms in times.items():
        print(f"{name:48} {ms:9.2f} {ms / base:10.1f} {ms / old:9.3f}")
    connection.close()
    shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
