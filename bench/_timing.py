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


def interleaved(rounds: int, *works) -> list[float]:
    """The fastest run of each of `works`, run in turns `rounds` times (a slow spell of a shared machine then
    touches every measure, not only the one running at that moment)."""
    best = [float("inf")] * len(works)
    for _ in range(rounds):
        for n, work in enumerate(works):
            start = time.perf_counter()
            work()
            best[n] = min(best[n], time.perf_counter() - start)
    return best
