"""Timing helper shared by the bench scripts."""
from __future__ import annotations

import time


def best_of(runs: int, work) -> float:
    """The fastest of `runs` runs of `work()`, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best
