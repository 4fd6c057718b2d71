"""Prometheus metrics of this process: API operations, their estimated energy, gate decisions, jobs, queue depth.

prometheus-client (the `scale` extra) is imported on first use, never by `import atypie`; without it, every
recording function here does nothing. The metrics live in one private registry, which the web app serves at
/metrics; each `atypie serve` process or worker is scraped on its own.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from functools import cache
from types import SimpleNamespace

logger = logging.getLogger("atypie.metrics")

# Seconds, from a quick text check to an image generated on a CPU.
REQUEST_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0)

QueueDepthSource = Callable[[], dict[str, int]]
_queue_depth_source: QueueDepthSource | None = None
_build_lock = threading.Lock()


class _QueueDepth:
    """A custom collector: `atypie_queue_depth{queue}`, read from the registered source at scrape time."""

    def collect(self) -> Iterator:
        from prometheus_client.core import GaugeMetricFamily

        gauge = GaugeMetricFamily("atypie_queue_depth", "Jobs waiting in each queue.", labels=["queue"])
        source = _queue_depth_source
        if source is not None:
            try:
                depths = source()
            except Exception as exc:  # a broker hiccup must not break the whole scrape
                logger.warning("queue depth unavailable: %s", type(exc).__name__)
                depths = {}
            for queue, depth in depths.items():
                gauge.add_metric([queue], depth)
        yield gauge


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
    registry.register(_QueueDepth())
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
        jobs=Counter("atypie_jobs", "Background jobs finished, by outcome.", ["kind", "outcome"], registry=registry),
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


def job_finished(kind: str, outcome: str) -> None:
    metrics = _metrics()
    if metrics:
        metrics.jobs.labels(kind, outcome).inc()


def set_queue_depth_source(source: QueueDepthSource | None) -> None:
    """Where `atypie_queue_depth` is read at scrape time: a callable returning {queue: depth}; None to stop."""
    global _queue_depth_source
    _queue_depth_source = source


def exposition() -> tuple[bytes, str] | None:
    """The metrics in Prometheus text format and its content type; None without prometheus-client."""
    metrics = _metrics()
    if not metrics:
        return None
    from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

    return generate_latest(metrics.registry), CONTENT_TYPE_LATEST
