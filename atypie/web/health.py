"""Probes for operators and their load balancers: liveness, readiness (store and broker), Prometheus metrics.

Each probe returns the status code and body its route sends; none says more than "ok" or "unreachable" about a
dependency (never its URL, which may hold a password). `add_routes` puts them on the FastAPI app.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy import text

from .. import metrics
from ..config import Settings
from ..jobs.broker import reachable

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger("atypie.web")

OK, UNREACHABLE = "ok", "unreachable"


def liveness() -> tuple[int, dict]:
    """The process answers: no I/O."""
    return 200, {"status": "ok"}


def readiness(store: Store, broker_url: str | None = None) -> tuple[int, dict]:
    """200 when the store answers and, if one is configured, the broker too; 503 otherwise. `broker_url` defaults
    to ATYPIE_BROKER_URL; empty means no broker."""
    broker_url = broker_url if broker_url is not None else Settings.from_env().broker_url
    checks = {"store": _store_state(store)}
    if broker_url:
        checks["broker"] = OK if reachable(broker_url) else UNREACHABLE
    ready = all(state == OK for state in checks.values())
    return (200, {"status": "ok", **checks}) if ready else (503, {"status": "unavailable", **checks})


def metrics_page() -> tuple[int, bytes, str]:
    """The Prometheus text exposition; 503 when prometheus-client is not installed."""
    page = metrics.exposition()
    if page is None:
        return 503, b"prometheus-client is not installed (pip install 'atypie[scale]')\n", "text/plain; charset=utf-8"
    body, content_type = page
    return 200, body, content_type


def add_routes(app, store: Store) -> None:
    """/healthz, /readyz and /metrics on `app`, outside the API schema. Plain `def` handlers: FastAPI runs them in
    its thread pool, so a slow store or broker never blocks the event loop."""
    from fastapi.responses import JSONResponse, Response

    def healthz():
        status, body = liveness()
        return JSONResponse(body, status_code=status)

    def readyz():
        status, body = readiness(store)
        return JSONResponse(body, status_code=status)

    def prometheus():
        status, body, content_type = metrics_page()
        return Response(body, status_code=status, media_type=content_type)

    metrics.set_jobs_source(store.jobs)  # the deployment's jobs, read from the store at scrape time
    app.add_api_route("/healthz", healthz, include_in_schema=False)
    app.add_api_route("/readyz", readyz, include_in_schema=False)
    app.add_api_route("/metrics", prometheus, include_in_schema=False)


def _store_state(store: Store) -> str:
    try:
        with store.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any failure means "not ready"; its text may quote the URL
        log.warning("readiness: store unreachable (%s)", type(exc).__name__)
        return UNREACHABLE
    return OK
