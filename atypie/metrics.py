"""Prometheus metrics: this process's API operations, their estimated energy and gate decisions; and the jobs of the
whole deployment (finished by kind and outcome, waiting per queue), read from the store at scrape time, since the
workers that run them serve no page of their own.

prometheus-client (the `scale` extra) is imported on first use, never by `import atypie`; without it, every
recording function here does nothing. The metrics live in one private registry, which the web app serves at
/metrics; each `atypie serve` process or worker is scraped on its own.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from functools import cache
from types import SimpleNamespace
from typing import Protocol

logger = logging.getLogger("atypie.metrics")

# Seconds, from a quick text check to an image generated on a CPU.
REQUEST_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0)

_jobs_source: "JobsSource | None" = None
_build_lock = threading.Lock()


class JobsSource(Protocol):
    """What the jobs metrics are read from (the store's `jobs`)."""

    def depth(self) -> dict[str, int]: ...

    def outcomes(self) -> dict[tuple[str, str], int]: ...


class _Jobs:
    """A custom collector: `atypie_queue_depth{queue}` and `atypie_jobs_total{kind, outcome}`, read from the
    registered source at scrape time."""

    def collect(self) -> Iterator:
        from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

        depth = GaugeMetricFamily("atypie_queue_depth", "Jobs waiting in each queue.", labels=["queue"])
        finished = CounterMetricFamily("atypie_jobs", "Jobs finished, by kind and outcome.", labels=["kind", "outcome"])
        source = _jobs_source
        if source is not None:
            try:
                depths, outcomes = source.depth(), source.outcomes()
            except Exception as exc:  # a store hiccup must not break the whole scrape
                logger.warning("jobs metrics unavailable: %s", type(exc).__name__)
                depths, outcomes = {}, {}
            for queue, count in depths.items():
                depth.add_metric([queue], count)
            for (kind, outcome), count in outcomes.items():
                finished.add_metric([kind, outcome], count)
        yield depth
        yield finished


def _metrics() -> SimpleNamespace | None:
    """The registry and its metrics, built once (threads recording at start-up share them); None when
    prometheus-client is not installed."""
    with _build_lock:
        return _build()


@cache
def _build() -> SimpleNamespace | None:
    try:
        from prometheus_client import CollectorRegistry, Counter, Histogram
    except ImportError:
        return None
    registry = CollectorRegistry()
    registry.register(_Jobs())
    return SimpleNamespace(
        registry=registry,
        requests=Counter("atypie_requests", "API operations, by outcome (done, refused, failed).",
                         ["operation", "outcome"], registry=registry),
        seconds=Histogram("atypie_request_seconds", "Wall time of API operations.", ["operation"],
                          buckets=REQUEST_BUCKETS, registry=registry),
        energy=Counter("atypie_energy_wh", "Estimated energy of API operations, in watt-hours.", ["operation"],
                       registry=registry),
        gate=Counter("atypie_gate_decisions", "Image-generation gate decisions.", ["operation", "allowed"],
                     registry=registry),
    )


def registry():
    """The private `CollectorRegistry`, or None without prometheus-client."""
    metrics = _metrics()
    return metrics.registry if metrics else None


def request_finished(operation: str, outcome: str, seconds: float, energy_wh: float) -> None:
    metrics = _metrics()
    if metrics:
        metrics.requests.labels(operation, outcome).inc()
        metrics.seconds.labels(operation).observe(seconds)
        metrics.energy.labels(operation).inc(energy_wh)


def gate_decision(operation: str, allowed: bool) -> None:
    metrics = _metrics()
    if metrics:
        metrics.gate.labels(operation, "true" if allowed else "false").inc()


def set_jobs_source(source: JobsSource | None) -> None:
    """Where the jobs metrics are read at scrape time (the store's `jobs`); None to stop."""
    global _jobs_source
    _jobs_source = source


def exposition() -> tuple[bytes, str] | None:
    """The metrics in Prometheus text format and its content type; None without prometheus-client."""
    metrics = _metrics()
    if not metrics:
        return None
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    return generate_latest(metrics.registry), CONTENT_TYPE_LATEST
