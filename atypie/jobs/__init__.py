"""Jobs: heavy work (a course document to adapt, a scanned PDF to read, an illustration to make) queued for a
worker.

With `ATYPIE_BROKER_URL` unset (the embedded default), a job runs in the calling process as soon as it is
submitted, as before. With it set, the job is stored, then sent to Celery on its queue (`cpu` or `gpu`), where
`atypie worker` picks it up. Either way the job, its progress and its result files live in the store, so any web
process or command can follow it.

A job's id is derived from its kind, input, profile and options: submitting the same request twice gives the same
job, done once. Image generation asks the gate before the job is queued, and again when the worker starts it.
"""
from __future__ import annotations

import hashlib
import json
import time

from ..config import Settings
from ..documents.pipeline import FORMATS
from ..errors import BrokerUnavailable, InvalidInput
from ..gate import Gate
from ..ids import check_identifier
from ..store import Store
from ..store.jobs import JobRecord
from . import broker
from .work import adapted_name, notices_of, run_job

__all__ = ["QUEUES", "adapted_name", "job_id", "notices_of", "submit_adapt", "submit_describe", "submit_illustrate",
           "wait"]

QUEUES = {"adapt": "cpu", "describe": "cpu", "illustrate": "gpu"}
WAIT_POLL_S = 0.2


def job_id(kind: str, data: bytes, profile_id: str, options: dict) -> str:
    """The same request always gets the same id (32 hex digits)."""
    digest = hashlib.sha256()
    for part in (kind.encode(), hashlib.sha256(data).digest(), profile_id.encode(),
                 json.dumps(options, sort_keys=True, ensure_ascii=False).encode()):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()[:32]


def submit_adapt(data: bytes, name: str, profile_id: str, *, store: Store, to: tuple[str, ...] = ("html",),
                 backend: str | None = None, course: str | None = None, diagrams: bool = False,
                 settings: Settings | None = None) -> JobRecord:
    """Queue a course document to adapt (see `api.adapt`); its job."""
    check_identifier(profile_id)
    if not to or any(fmt not in FORMATS for fmt in to):
        raise InvalidInput(detail=f"formats possibles : {', '.join(FORMATS)}")
    options = {"to": list(to), "backend": backend, "course": course, "diagrams": diagrams}
    return _submit("adapt", data, name, profile_id, options, store, settings)


def submit_describe(data: bytes, profile_id: str, *, store: Store, backend: str | None = None,
                    settings: Settings | None = None) -> JobRecord:
    """Queue the description of an image or a scanned PDF, whose pages are read one by one (see `api.describe`);
    its job."""
    check_identifier(profile_id)
    return _submit("describe", data, "", profile_id, {"backend": backend}, store, settings)


def submit_illustrate(text: str, profile_id: str, *, store: Store, code_id: str | None = None,
                      actor: str | None = None, model: str | None = None, mode: str = "nodes", seed: int = 0,
                      size: int | None = None, lang: str | None = None, backend: str | None = None,
                      settings: Settings | None = None) -> JobRecord:
    """Queue an illustration of course text (see `api.illustrate`); its job. The gate decides first: a profile
    that may not generate images gets `ImageGenerationRefused` and nothing is queued."""
    check_identifier(profile_id)
    Gate(store).require(profile_id, "illustrate", code_id=code_id, actor=actor, consume=False)
    options = {"code_id": code_id, "actor": actor, "model": model, "mode": mode, "seed": seed, "size": size,
               "lang": lang, "backend": backend}
    return _submit("illustrate", text.encode("utf-8"), "", profile_id, options, store, settings)


def wait(store: Store, job: str, timeout_s: float | None = None) -> JobRecord:
    """The job once finished, or as it is when `timeout_s` has passed."""
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    while True:
        record = store.jobs.get(job)
        if record.finished or (deadline is not None and time.monotonic() >= deadline):
            return record
        time.sleep(WAIT_POLL_S)


def _submit(kind: str, data: bytes, name: str, profile_id: str, options: dict, store: Store,
            settings: Settings | None) -> JobRecord:
    settings = settings or Settings.from_env()
    identifier = job_id(kind, data, profile_id, options)
    job, send = store.jobs.create(identifier, kind=kind, queue=QUEUES[kind], profile_id=profile_id, options=options,
                                  input_name=name[:200], input_data=data)
    if not send:
        return job  # the same request is already queued, running or done
    if settings.broker_url is None:
        return run_job(store, identifier)
    try:
        broker.send(settings.broker_url, identifier, job.queue)
    except BrokerUnavailable as exc:
        store.jobs.unsent(identifier, exc.code)  # submitting again retries
        raise
    return store.jobs.get(identifier)
