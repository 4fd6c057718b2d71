"""Jobs: work queued for a worker (a course document to adapt, an illustration to make), with its input, its
progress, its result files and the gate's ledger. Workers on other machines share the store, not a disk, so the
input and the results live here. Never logged: the input's content."""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, func, select, update

from ..errors import JobNotFound
from .schema import job_files, job_quota, jobs
from .sql import insert_ignore

STATES = ("queued", "running", "done", "failed", "refused", "cancelled")
FINISHED = ("done", "failed", "refused", "cancelled")
RETRIED = ("failed", "cancelled")  # submitting the same request again runs it again


@dataclass(frozen=True)
class JobRecord:
    id: str
    kind: str
    queue: str
    profile_id: str
    options: dict
    input_name: str
    state: str
    stage: str
    done: int
    total: int
    attempts: int
    lease_until: float
    report: dict
    error_code: str
    created_at: datetime
    updated_at: datetime
    files: tuple[str, ...] = field(default=())

    @property
    def finished(self) -> bool:
        return self.state in FINISHED

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "queue": self.queue, "profile_id": self.profile_id,
                "options": self.options, "input_name": self.input_name, "state": self.state,
                "progress": {"stage": self.stage, "done": self.done, "total": self.total},
                "attempts": self.attempts, "report": self.report, "error_code": self.error_code,
                "files": list(self.files), "created_at": self.created_at.isoformat(),
                "updated_at": self.updated_at.isoformat()}


class JobStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def create(self, job_id: str, *, kind: str, queue: str, profile_id: str, options: dict, input_name: str,
               input_data: bytes) -> tuple[JobRecord, bool]:
        """The job `job_id`, created queued when new, or queued again when it had failed or was cancelled;
        (job, True) when it must be sent to a worker, (job, False) when the same request is already queued,
        running or done (sending it again would do the work twice)."""
        now = datetime.now(UTC)
        with self._engine.begin() as conn:
            fresh = insert_ignore(conn, jobs, id=job_id, kind=kind, queue=queue, profile_id=profile_id,
                          options=json.dumps(options, sort_keys=True), input_name=input_name, input_data=input_data,
                          state="queued", stage="", done=0, total=0, attempts=0, lease_until=0.0, report="",
                          error_code="", created_at=now, updated_at=now)
            retried = conn.execute(update(jobs).where(jobs.c.id == job_id, jobs.c.state.in_(RETRIED))
                                   .values(state="queued", error_code="", report="", stage="", done=0, total=0,
                                           updated_at=now)).rowcount == 1
            if retried:
                conn.execute(delete(job_files).where(job_files.c.job_id == job_id))
        return self.get(job_id), fresh or retried

    def get(self, job_id: str) -> JobRecord:
        with self._engine.connect() as conn:
            row = conn.execute(select(*_SHOWN).where(jobs.c.id == job_id)).first()
            if row is None:
                raise JobNotFound(job_id=job_id[:64])
            names = conn.execute(select(job_files.c.name).where(job_files.c.job_id == job_id)
                                 .order_by(job_files.c.name)).scalars().all()
        return _record(row, tuple(names))

    def list(self, *, state: str | None = None, limit: int = 50) -> list[JobRecord]:
        query = select(*_SHOWN).order_by(jobs.c.created_at.desc()).limit(limit)
        if state is not None:
            query = query.where(jobs.c.state == state)
        with self._engine.connect() as conn:
            return [_record(row, ()) for row in conn.execute(query)]

    def input(self, job_id: str) -> bytes:
        with self._engine.connect() as conn:
            data = conn.execute(select(jobs.c.input_data).where(jobs.c.id == job_id)).scalar()
        if data is None:
            raise JobNotFound(job_id=job_id[:64])
        return bytes(data)

    def claim(self, job_id: str, lease_s: float, *, now: float | None = None) -> str:
        """Take the job for this worker: "claimed" when it was queued, or running with a lease that ran out (its
        worker died); "busy" while another worker holds it; its state when it is finished."""
        now = time.time() if now is None else now
        with self._engine.begin() as conn:
            taken = conn.execute(
                update(jobs).where(jobs.c.id == job_id, (jobs.c.state == "queued") | (
                    (jobs.c.state == "running") & (jobs.c.lease_until < now)))
                .values(state="running", attempts=jobs.c.attempts + 1, lease_until=now + lease_s,
                        updated_at=datetime.now(UTC))).rowcount
            if taken:
                return "claimed"
            state = conn.execute(select(jobs.c.state).where(jobs.c.id == job_id)).scalar()
        if state is None:
            raise JobNotFound(job_id=job_id[:64])
        return "busy" if state == "running" else state

    def lease_left(self, job_id: str, *, now: float | None = None) -> float:
        with self._engine.connect() as conn:
            until = conn.execute(select(jobs.c.lease_until).where(jobs.c.id == job_id)).scalar() or 0.0
        return max(0.0, until - (time.time() if now is None else now))

    def progress(self, job_id: str, stage: str, done: int, total: int) -> bool:
        """Record where a running job is; False when it was cancelled meanwhile."""
        with self._engine.begin() as conn:
            return conn.execute(update(jobs).where(jobs.c.id == job_id, jobs.c.state == "running")
                                .values(stage=stage[:16], done=done, total=total,
                                        updated_at=datetime.now(UTC))).rowcount == 1

    def renew(self, job_id: str, lease_s: float) -> bool:
        """Extend a running job's lease (its worker is alive); False when it is not running any more."""
        with self._engine.begin() as conn:
            return conn.execute(update(jobs).where(jobs.c.id == job_id, jobs.c.state == "running")
                                .values(lease_until=time.time() + lease_s)).rowcount == 1

    def unsent(self, job_id: str, error_code: str) -> None:
        """A queued job that could not be handed to the broker: failed, so that submitting it again retries."""
        with self._engine.begin() as conn:
            conn.execute(update(jobs).where(jobs.c.id == job_id, jobs.c.state == "queued")
                         .values(state="failed", error_code=error_code[:16], updated_at=datetime.now(UTC)))

    def finish(self, job_id: str, state: str, *, report: dict | None = None, error_code: str = "",
               files: dict[str, bytes] | None = None) -> bool:
        """Store a running job's outcome and files at once; False (nothing written) when it is not running any
        more: cancelled, or finished by another worker after this one's lease ran out."""
        if state not in FINISHED:
            raise ValueError(f"not a final state: {state!r}")
        with self._engine.begin() as conn:
            changed = conn.execute(update(jobs).where(jobs.c.id == job_id, jobs.c.state == "running")
                                   .values(state=state, report=json.dumps(report or {}, ensure_ascii=False),
                                           error_code=error_code[:16], lease_until=0.0,
                                           updated_at=datetime.now(UTC))).rowcount == 1
            if changed:
                for name, data in (files or {}).items():
                    conn.execute(job_files.insert().values(job_id=job_id, name=name[:120], data=data))
        return changed

    def cancel(self, job_id: str) -> JobRecord:
        """Cancel a job that is not finished (a running one stops at its next progress report)."""
        with self._engine.begin() as conn:
            conn.execute(update(jobs).where(jobs.c.id == job_id, jobs.c.state.in_(("queued", "running")))
                         .values(state="cancelled", lease_until=0.0, updated_at=datetime.now(UTC)))
        return self.get(job_id)

    def file(self, job_id: str, name: str) -> bytes:
        with self._engine.connect() as conn:
            data = conn.execute(select(job_files.c.data).where(job_files.c.job_id == job_id,
                                                               job_files.c.name == name)).scalar()
        if data is None:
            raise JobNotFound(job_id=f"{job_id[:64]}/{name[:40]}")
        return bytes(data)

    def depth(self) -> dict[str, int]:
        """Jobs waiting per queue."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(jobs.c.queue, func.count()).where(jobs.c.state == "queued")
                                .group_by(jobs.c.queue)).all()
        return {queue: count for queue, count in rows}

    def purge(self, before: datetime) -> int:
        """Delete the finished jobs last changed before `before`, their input, files and ledger rows; how many.
        Jobs still queued or running are kept, whatever their age."""
        old = select(jobs.c.id).where(jobs.c.state.in_(FINISHED), jobs.c.updated_at < before)
        with self._engine.begin() as conn:
            conn.execute(delete(job_files).where(job_files.c.job_id.in_(old)))
            conn.execute(delete(job_quota).where(job_quota.c.job_id.in_(old)))
            return conn.execute(delete(jobs).where(jobs.c.id.in_(old))).rowcount

    def outcomes(self) -> dict[tuple[str, str], int]:
        """Finished jobs per (kind, state), for the metrics."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(jobs.c.kind, jobs.c.state, func.count()).where(jobs.c.state.in_(FINISHED))
                                .group_by(jobs.c.kind, jobs.c.state)).all()
        return {(kind, state): count for kind, state, count in rows}

    # --- the gate's ledger ------------------------------------------------------------------------------
    @staticmethod
    def charged(conn, job_id: str) -> bool:
        return conn.execute(select(job_quota.c.job_id).where(job_quota.c.job_id == job_id)).first() is not None

    @staticmethod
    def charge(conn, job_id: str, profile_id: str, day: str) -> None:
        insert_ignore(conn, job_quota, job_id=job_id, profile_id=profile_id, day=day)

    @staticmethod
    def uncharge(conn, job_id: str) -> None:
        conn.execute(delete(job_quota).where(job_quota.c.job_id == job_id))


_SHOWN = (jobs.c.id, jobs.c.kind, jobs.c.queue, jobs.c.profile_id, jobs.c.options, jobs.c.input_name, jobs.c.state,
          jobs.c.stage, jobs.c.done, jobs.c.total, jobs.c.attempts, jobs.c.lease_until, jobs.c.report,
          jobs.c.error_code, jobs.c.created_at, jobs.c.updated_at)


def _record(row, files: tuple[str, ...]) -> JobRecord:
    return JobRecord(row.id, row.kind, row.queue, row.profile_id, json.loads(row.options), row.input_name, row.state,
                     row.stage, row.done, row.total, row.attempts, row.lease_until,
                     json.loads(row.report) if row.report else {}, row.error_code, _aware(row.created_at),
                     _aware(row.updated_at), files)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite gives naive UTC back
