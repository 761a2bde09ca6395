"""How long reading and writing the official table takes, against a baseline in the same run.

    .venv/bin/python bench/documents.py [--repeat N]

Prints, for each step, the median time per call and its ratio to the baseline (writing the
JSON form of the same document), so figures from different machines can be compared.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from shudarga.documents import jsonform
from shudarga.documents.readers import read_bytes
from shudarga.documents.scoring import score_document
from shudarga.documents.writers import FORMATS, write

SEED = Path(__file__).resolve().parents[1] / "shudarga/demo/khujirt-2024-anticorruption-report.txt"


def median_seconds(step: Callable[[], object], repeat: int) -> float:
    step()  # warm up: imports, caches, fonts
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    data = SEED.read_bytes()
    document = read_bytes(data, source=SEED.name)
    steps: dict[str, Callable[[], object]] = {
        "write json (baseline)": lambda: jsonform.dumps(document),
        "read seed text": lambda: read_bytes(data, source=SEED.name),
        "score": lambda: score_document(document),
    }
    written = {}
    for fmt in FORMATS:
        if fmt == "json":
            continue
        written[fmt] = write(document, fmt)
        steps[f"write {fmt}"] = lambda fmt=fmt: write(document, fmt)
    for fmt in ("docx", "xlsx", "html"):
        steps[f"read {fmt}"] = lambda fmt=fmt: read_bytes(written[fmt], source=f"seed.{fmt}")
    baseline = None
    print(f"{'step':<24}{'median ms':>12}{'× baseline':>12}")
    for name, step in steps.items():
        repeat = max(3, args.repeat // 5) if name == "write pdf" else args.repeat
        seconds = median_seconds(step, repeat)
        baseline = baseline or seconds
        print(f"{name:<24}{seconds * 1000:>12.2f}{seconds / baseline:>12.1f}")


if __name__ == "__main__":
    main()
