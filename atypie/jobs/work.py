"""Running one job, on whichever process picked it up (a Celery worker, or the caller itself when no broker is
configured). Safe to run twice for the same job: a finished job is not done again, a job held by a live worker is
left to it (`Busy`), and its files are written in the same transaction that marks it done."""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import asdict
from pathlib import PurePath

from .. import api
from ..config import Settings
from ..documents.pipeline import EXTENSIONS
from ..errors import AtypieError, Refused
from ..logs import request_scope
from ..results import Notice
from ..store import Store
from ..store.jobs import JobRecord

PROGRESS_EVERY_S = 1.0  # at most one progress write per second (the last one of a stage always goes through)

log = logging.getLogger(__name__)


class Busy(Exception):
    """Another worker holds the job; try again after `retry_in` seconds (its lease may run out)."""

    def __init__(self, retry_in: float) -> None:
        super().__init__(f"job held by another worker, retry in {retry_in:.0f} s")
        self.retry_in = retry_in


class Cancelled(Exception):
    """The job was cancelled while it ran."""


def run_job(store: Store, job_id: str, *, lease_s: float | None = None) -> JobRecord:
    """Run the job `job_id` if it still needs running; its record afterwards. Every log line it writes carries the
    start of the job's id."""
    with request_scope(job_id[:16]):
        return _run(store, job_id, Settings.from_env().job_lease_s if lease_s is None else lease_s)


def _run(store: Store, job_id: str, lease_s: float) -> JobRecord:
    claimed = store.jobs.claim(job_id, lease_s)
    if claimed == "busy":
        raise Busy(store.jobs.lease_left(job_id) + 1)
    if claimed != "claimed":
        return store.jobs.get(job_id)  # done, failed, refused or cancelled already: nothing to do again
    job = store.jobs.get(job_id)
    log.info("job started")
    heartbeat = _Heartbeat(store, job_id, lease_s)
    try:
        report, files = _KINDS[job.kind](store, job, _Progress(store, job_id, heartbeat))
    except Cancelled:
        outcome = "cancelled"
    except Refused as exc:  # ImageGenerationRefused too: the grant was revoked after the job was queued
        store.jobs.finish(job_id, "refused", error_code=exc.code, report=_message(exc))
        outcome = "refused"
    except AtypieError as exc:
        store.jobs.finish(job_id, "failed", error_code=exc.code, report=_message(exc))
        outcome = "failed"
    except Exception:
        log.error("job failed", exc_info=True)
        store.jobs.finish(job_id, "failed", error_code="ATY-E001")
        outcome = "failed"
    else:
        outcome = "done" if store.jobs.finish(job_id, "done", report=report, files=files) else "cancelled"
    finally:
        heartbeat.stop()
    log.info("job %s", outcome)
    return store.jobs.get(job_id)


def _message(error: AtypieError) -> dict:
    """What the person who submitted the job is told, in both languages (file names at most, never content)."""
    return {"message": {"fr": error.message("fr"), "en": error.message("en")}}


class _Heartbeat:
    """Renews the job's lease from a thread while the work runs, so that a long stage with no progress report is
    not taken for a dead worker; notes when the job stops running (cancelled)."""

    def __init__(self, store: Store, job_id: str, lease_s: float) -> None:
        self._store, self._job_id, self._lease_s = store, job_id, lease_s
        self._stopped = threading.Event()
        self.cancelled = False
        self._thread = threading.Thread(target=self._beat, name="atypie-job-lease", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        while not self._stopped.wait(self._lease_s / 3):
            try:
                if not self._store.jobs.renew(self._job_id, self._lease_s):
                    self.cancelled = True
                    return
            except Exception:  # the store is briefly unreachable: the next beat tries again
                log.warning("job lease not renewed", exc_info=True)

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=5)


class _Progress:
    """The `progress(stage, done, total)` callback given to the work: records it (at most once a second within a
    stage), and stops the work when the job was cancelled."""

    def __init__(self, store: Store, job_id: str, heartbeat: _Heartbeat) -> None:
        self._store, self._job_id, self._heartbeat = store, job_id, heartbeat
        self._last, self._stage = 0.0, ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self._heartbeat.cancelled:
            raise Cancelled()
        now = time.monotonic()
        if stage == self._stage and done < total and now - self._last < PROGRESS_EVERY_S:
            return
        self._last, self._stage = now, stage
        if not self._store.jobs.progress(self._job_id, stage, done, total):
            raise Cancelled()


def adapted_name(input_name: str, fmt: str) -> str:
    """The name of a document job's file in `fmt`: the input's name (« document » when it has none) with the
    format's extension."""
    return f"{PurePath(input_name).stem or 'document'}.{EXTENSIONS[fmt]}"


def notices_of(report: dict) -> list[Notice]:
    """The notices a job's report keeps in both languages."""
    return [Notice(**notice) for notice in report.get("notice_texts", [])]


def _with_notices(report: dict, notices: list[Notice]) -> dict:
    return {**report, "notice_texts": [asdict(notice) for notice in notices]}  # shown later in either language


def _adapt(store: Store, job: JobRecord, progress: _Progress) -> tuple[dict, dict[str, bytes]]:
    options = job.options
    result = api.adapt(store.jobs.input(job.id), job.profile_id, to=tuple(options["to"]), name=job.input_name,
                       backend=options.get("backend"), store=store, course=options.get("course"),
                       diagrams=bool(options.get("diagrams")), progress=progress)
    return (_with_notices(result.report(), result.adapted.notices),
            {adapted_name(job.input_name, fmt): data for fmt, data in result.files.items()})


def _describe(store: Store, job: JobRecord, progress: _Progress) -> tuple[dict, dict[str, bytes]]:
    progress("read", 0, 1)
    result = api.describe(store.jobs.input(job.id), job.profile_id, backend=job.options.get("backend"), store=store)
    return _with_notices({**result.to_dict(), "lang": result.lang}, result.notices), {}


def _illustrate(store: Store, job: JobRecord, progress: _Progress) -> tuple[dict, dict[str, bytes]]:
    options = job.options
    progress("images", 0, 1)
    result = api.illustrate(store.jobs.input(job.id).decode("utf-8"), job.profile_id, store=store,
                        code_id=options.get("code_id"), actor=options.get("actor"), model=options.get("model"),
                        mode=options.get("mode", "nodes"), seed=int(options.get("seed", 0)), size=options.get("size"),
                        lang=options.get("lang"), backend=options.get("backend"), job_id=job.id)
    report = {"verdict": result.verdict.to_dict(), "model": result.model_id, "mode": result.mode,
              "width": result.width, "height": result.height, "device": result.device, "alt_fr": result.alt_fr,
              "alt_en": result.alt_en, "cached": result.cached}
    return report, {"illustration.png": result.png}


_KINDS = {"adapt": _adapt, "describe": _describe, "illustrate": _illustrate}
