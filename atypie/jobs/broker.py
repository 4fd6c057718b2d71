"""The Celery adapter: sending a job to its queue, and the worker's one task. Celery is imported here only, when a
broker is configured; the embedded default never loads it.

Delivery is at least once: a task is acknowledged after it ran (`acks_late`), and given back to the queue when its
worker process dies (`reject_on_worker_lost`); a whole worker killed leaves its task unacknowledged, and the broker
hands it out again after `ATYPIE_JOB_VISIBILITY_S` (Redis's visibility timeout). `work.run_job` makes running twice
harmless. The message carries the job id only: the input stays in the store.
"""
from __future__ import annotations

import functools
import logging

from ..config import Settings
from ..errors import BrokerUnavailable
from ..language.nlp import pipeline
from ..optional import require
from ..store import open_store
from .work import Busy, run_job

TASK = "atypie.run_job"
RESTORE_EVERY_S = 5
SEND_RETRIES = 2  # then the job is marked failed and the caller told the queue is unreachable
PROBE_TIMEOUT_S = 1.5  # per network step of `reachable`: a readiness probe answers within about 2 s

log = logging.getLogger(__name__)


@functools.cache
def celery_app(broker_url: str):
    """The Celery application for `broker_url` (one per process)."""
    celery = require("celery", extra="scale")
    worker_process_init = require("celery.signals", extra="scale").worker_process_init
    app = celery.Celery("atypie", broker=broker_url, set_as_current=False)
    app.conf.update(
        task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
        task_ignore_result=True, task_default_queue="cpu", task_serializer="json", accept_content=["json"],
        broker_connection_retry_on_startup=True,
        # Redis: a dead worker's task comes back once the visibility timeout has passed; kombu looks for such tasks
        # every interval × throttle seconds (100 by default), here every 5 s (one small sorted-set query).
        broker_transport_options={"visibility_timeout": Settings.from_env().job_visibility_s,
                                  "unacked_restore_interval": RESTORE_EVERY_S, "unacked_restore_throttle": 1},
        worker_hijack_root_logger=False, worker_send_task_events=False, task_send_sent_event=False)

    worker_process_init.connect(_warm, weak=False)

    @app.task(name=TASK, bind=True, max_retries=None)
    def run(task, job_id: str) -> str:
        try:
            return run_job(_worker_store(), job_id).state
        except Busy as busy:  # a live worker holds it: look again when its lease may have run out
            raise task.retry(countdown=busy.retry_in) from None

    return app


def send(broker_url: str, job_id: str, queue: str) -> None:
    """Hand the job to its queue; `BrokerUnavailable` when the broker does not answer."""
    app = celery_app(broker_url)
    try:
        app.send_task(TASK, args=[job_id], queue=queue, task_id=job_id, retry=True,
                      retry_policy={"max_retries": SEND_RETRIES, "interval_start": 0.2, "interval_step": 0.5})
    except Exception as exc:  # kombu's errors vary with the transport; the URL may hold a password: not shown
        raise BrokerUnavailable(detail=type(exc).__name__) from None


def reachable(broker_url: str) -> bool:
    """Whether the broker answers now: one try, short timeouts (a readiness probe). Never logs the URL, which may
    hold a password."""
    try:
        from kombu import Connection

        with Connection(broker_url, connect_timeout=PROBE_TIMEOUT_S) as conn:
            if conn.transport.driver_type == "redis":  # its replies are awaited without a limit by default
                conn.transport_options.update(socket_timeout=PROBE_TIMEOUT_S, socket_connect_timeout=PROBE_TIMEOUT_S)
            conn.ensure_connection(max_retries=0, timeout=PROBE_TIMEOUT_S)  # one try, no sleep between tries
    except Exception as exc:  # kombu missing, refused, timed out, bad credentials: all "not reachable"
        log.warning("broker unreachable (%s)", type(exc).__name__)
        return False
    return True


def start_worker(broker_url: str, queues: list[str], concurrency: int) -> None:
    """Run a worker on `queues` until stopped. A GPU worker runs its jobs in one process, one at a time, so that it
    loads each pipeline once and keeps it."""
    app = celery_app(broker_url)
    pool = ["--pool", "solo"] if "gpu" in queues else ["--pool", "prefork", "--concurrency", str(concurrency)]
    app.worker_main(["worker", "--queues", ",".join(queues), "--loglevel", "WARNING", "--without-gossip",
                     "--without-mingle", *pool])


def _warm(**_signal) -> None:
    """A CPU worker's process loads the French parser when it starts, not during its first job (measured in
    bench/scale_out.py: the first job of a cold worker waited for it)."""
    pipeline("fr")


@functools.cache
def _worker_store():
    """The store this worker process uses, opened on its first job."""
    return open_store()
