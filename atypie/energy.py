"""Time and energy accounting for each request: wall, CPU and GPU seconds, and an estimate in Wh.

The estimate is `cpu_s × CPU watts per busy core + gpu_s × GPU watts`, from power figures an operator
sets for their machine (ATYPIE_CPU_WATTS, ATYPIE_GPU_WATTS). CPU time is the process's, so when a server
runs requests side by side each one also counts its neighbours' work: an upper bound, not a meter reading.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from . import metrics
from .errors import ConfigurationError, Refused

# Defaults: a typical server core under load, and a data-centre GPU at a typical inference draw.
DEFAULT_CPU_WATTS = 15.0
DEFAULT_GPU_WATTS = 300.0
SECONDS_PER_HOUR = 3600.0


@dataclass(frozen=True)
class PowerFigures:
    cpu_watts: float = DEFAULT_CPU_WATTS  # per busy core
    gpu_watts: float = DEFAULT_GPU_WATTS

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "PowerFigures":
        env = dict(os.environ if env is None else env)
        return cls(_watts(env, "ATYPIE_CPU_WATTS", DEFAULT_CPU_WATTS),
                   _watts(env, "ATYPIE_GPU_WATTS", DEFAULT_GPU_WATTS))

    def energy_wh(self, cpu_s: float, gpu_s: float) -> float:
        return (cpu_s * self.cpu_watts + gpu_s * self.gpu_watts) / SECONDS_PER_HOUR


def _watts(env: dict[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 10_000:
        raise ConfigurationError(detail=f"{name}={raw!r} ; donnez une puissance en watts, entre 0 et 10000")
    return value


@dataclass
class Measure:
    """Filled in while a request runs; the GPU part is added by whoever ran work on the GPU."""

    wall_s: float = 0.0
    cpu_s: float = 0.0
    gpu_s: float = 0.0
    energy_wh: float = 0.0


@contextmanager
def metered(store, operation: str, profile_id: str | None, power: PowerFigures | None = None) -> Iterator[Measure]:
    """Measure the block, count it in the process's metrics and add one line to the store's usage log (done,
    refused or failed).

    With no store (a plain Python call), the measure is still filled in and counted, but not logged."""
    power = power or PowerFigures.from_env()
    measure = Measure()
    wall, cpu = time.perf_counter(), time.process_time()
    outcome = "failed"
    try:
        yield measure
        outcome = "done"
    except Refused:
        outcome = "refused"
        raise
    finally:
        measure.wall_s = time.perf_counter() - wall
        measure.cpu_s = time.process_time() - cpu
        measure.energy_wh = power.energy_wh(measure.cpu_s, measure.gpu_s)
        metrics.request_finished(operation, outcome, measure.wall_s, measure.energy_wh)
        if store is not None:
            store.usage.record(operation, profile_id, outcome, wall_s=measure.wall_s, cpu_s=measure.cpu_s,
                               gpu_s=measure.gpu_s, energy_wh=measure.energy_wh)
