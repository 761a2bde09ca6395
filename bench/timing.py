"""The one way the benchmarks time a step: its median over repeats, after one warm-up."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(step: Callable[[], object], repeat: int) -> float:
    """Milliseconds of ``step``: the median of ``repeat`` runs after a first one (caches,
    translations and templates warm)."""
    step()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000
