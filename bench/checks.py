"""Precision and recall of the integrity checks on the labelled set, and their speed.

    python bench/checks.py [--errors] [--file labelled_f_heldout.txt]

Prints one row per verdict and flag, then how long checking the whole set takes and the rate
in measures per second (a 5,000-organization country holds about 50,000 measures a year).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.documents.checks.labelled import load, run, scores


def _pct(value) -> str:
    return "   —  " if value is None else f"{value * 100:6.1f}"


def main(argv: list[str]) -> int:
    items = load()
    if "--file" in argv:
        name = argv[argv.index("--file") + 1]
        items = [item for item in items if item.source.startswith(f"{name}:")]
    started = time.perf_counter()
    results = run(items)
    elapsed = time.perf_counter() - started
    print(f"{len(items)} labelled measures")
    print(f"{'':24} {'labelled':>8} {'given':>6} {'agreed':>6} {'precision':>9} {'recall':>7}")
    for s in scores(results):
        print(
            f"{s.name:24} {s.labelled:8} {s.predicted:6} {s.agreed:6} "
            f"{_pct(s.precision):>9} {_pct(s.recall):>7}"
        )
    rate = len(items) / elapsed if elapsed else float("inf")
    print(f"checked in {elapsed * 1000:.1f} ms: {rate:,.0f} measures/s")
    if "--errors" in argv:
        for item, check in results:
            wrong_flags = set(check.flag_codes) ^ item.flags
            if check.verdict is not item.verdict or wrong_flags:
                print(
                    f"{item.source}: labelled {item.verdict.value} {sorted(item.flags)}, "
                    f"given {check.verdict.value} {sorted(check.flag_codes)}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
