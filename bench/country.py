"""The country generator (shudarga.demo.country) timed against pg_dump + pg_restore of the
rows it made, measured in the same run; bench/national.py imports ``country`` from here.

    .venv/bin/python bench/country.py [--organizations 5000] [--years 2022 2023 2024]
        [--server postgres://postgres@127.0.0.1:5432] [--database shudarga_bench_country]

It creates the database (dropping one of that name), migrates it, generates the country,
dumps it and restores the dump into DATABASE_restore, and prints both times and their ratio.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]


def __getattr__(name: str):
    """``country``, ``Country`` … of shudarga.demo.country, imported once Django is set up
    (bench/national.py imports them after django.setup(), main() below too). Dunder names
    (``from country import …`` asks for ``__path__``) are not the generator's."""
    if name.startswith("__"):
        raise AttributeError(name)
    import shudarga.demo.country as generator

    return getattr(generator, name)


def scratch(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def dump_restore(server: str, url: str, name: str) -> float:
    """pg_dump of the database at ``url`` and pg_restore into NAME_restore: seconds for both."""
    dump = Path(f"/tmp/{name}.dump")
    target = scratch(server, f"{name}_restore")
    start = time.perf_counter()
    subprocess.run(["pg_dump", "--format=custom", "-f", str(dump), url], check=True)
    subprocess.run(["pg_restore", "--no-owner", "-d", target, str(dump)], check=True)
    seconds = time.perf_counter() - start
    dump.unlink()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=5000)
    parser.add_argument("--years", type=int, nargs="+", default=[2022, 2023, 2024])
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--database", default="shudarga_bench_country")
    args = parser.parse_args()
    url = scratch(args.server, args.database)
    os.environ.update(SHUDARGA_DATABASE_URL=url)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench_settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from shudarga.demo.country import country

    start = time.perf_counter()
    made = country(organizations=args.organizations, years=args.years)
    generated = time.perf_counter() - start
    restore = dump_restore(args.server, url, args.database)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{made.organizations} organizations, {made.reports} reports: generated in "
        f"{generated:.1f} s = {generated / restore:.1f}× pg_dump + pg_restore of the same "
        f"rows ({restore:.1f} s); the generator's peak memory {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
