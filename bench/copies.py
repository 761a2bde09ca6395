"""Copy detection at the scale of a country: index and query N narratives (default 50,000,
about one year of a 5,000-organization country), a tenth of them copies of another.

    python bench/copies.py [N]

Prints the seconds to index, to query every narrative, and how many copies were found of those
planted (the rest of the texts are random draws of sentences, mostly unlike each other).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from shudarga.documents.checks.copies import CopyIndex, TextRef
from tests.documents.checks.labelled import load


def narratives(n: int, seed: int = 13) -> tuple[list[tuple[TextRef, str]], set[tuple[int, int]]]:
    rng = random.Random(seed)
    sentences = sorted({i.measure.achieved for i in load()})
    words = sorted({w for s in sentences for w in s.split()})
    texts: list[tuple[TextRef, str]] = []
    planted: set[tuple[int, int]] = set()
    for k in range(n):
        if k and k % 10 == 0:
            source = rng.randrange(k)
            text = texts[source][1].replace("нийт", "бүгд", 1)
            planted.add((source, k))
        else:
            picked = [*rng.sample(words, 30), rng.choice(sentences)]
            text = " ".join(picked)
        texts.append((TextRef(str(k // 10), f"org{k % 5000}", 2024, str(k)), text))
    return texts, planted


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 50_000
    texts, planted = narratives(n)
    started = time.perf_counter()
    index = CopyIndex()
    index.add_all(texts)
    indexed = time.perf_counter() - started
    found = 0
    started = time.perf_counter()
    for ref, text in texts:
        for other, _ in index.similar(text):
            if (int(other.measure), int(ref.measure)) in planted:
                found += 1
    queried = time.perf_counter() - started
    print(f"{n} narratives: indexed in {indexed:.1f} s, every one queried in {queried:.1f} s")
    print(f"planted copies found: {found} of {len(planted)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
