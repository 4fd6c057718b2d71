"""The image-generation gate: the one place that decides whether generative image work may run.

It reads the grant from the store itself (never from the caller), counts the daily quota
atomically, logs every decision to the audit log, and returns a `Verdict` that travels with the
result it concerns.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from zoneinfo import ZoneInfo

from . import metrics
from .errors import ImageGenerationRefused, ProfileNotFound
from .store import Store, audit, quota
from .verdict import CODE_REFUSED, GRANTED, NOT_ALLOWED, QUOTA_EXHAUSTED, REASON_TEXT, Verdict

__all__ = ["CODE_REFUSED", "GRANTED", "NOT_ALLOWED", "QUOTA_EXHAUSTED", "REASON_TEXT", "Gate", "Verdict"]

class Gate:
    def __init__(self, store: Store, *, today: Callable[[], date] | None = None) -> None:
        self._store = store
        self._today = today or (lambda: datetime.now(ZoneInfo(store.timezone)).date())

    def check(self, profile_id: str, operation: str = "illustrate", *, code_id: str | None = None,
              actor: str | None = None, consume: bool = True) -> Verdict:
        """Decide for `profile_id`; when allowed and `consume`, one unit of today's quota is taken.

        A profile that is not stored (a shipped preset used as is, or an unknown name) is never allowed."""
        day = self._today().isoformat()
        with self._store.engine.begin() as conn:
            grant = self._grant(conn, profile_id)
            used = quota.used(conn, profile_id, day)
            if grant is None or not grant.allowed:
                verdict = Verdict(False, (NOT_ALLOWED,), profile_id, operation, 0)
            elif not consume:
                left = max(grant.daily_quota - used, 0)
                verdict = Verdict(left > 0, (GRANTED,) if left else (QUOTA_EXHAUSTED,), profile_id, operation, left)
            elif quota.take_one(conn, profile_id, day, grant.daily_quota):
                verdict = Verdict(True, (GRANTED,), profile_id, operation, grant.daily_quota - used - 1)
            else:
                verdict = Verdict(False, (QUOTA_EXHAUSTED,), profile_id, operation, 0)
            audit.record(conn, f"gate.{operation}", allowed=verdict.allowed, profile_id=profile_id,
                         code_id=code_id, actor=actor, detail=",".join(verdict.reasons))
        metrics.gate_decision(operation, verdict.allowed)
        return verdict

    def check_code(self, code: str, operation: str = "illustrate", *, consume: bool = True) -> Verdict:
        """Resolve a student's access code server-side, then decide for its profile."""
        access = self._store.codes.resolve(code)
        return self.check(access.profile_id, operation, code_id=access.id, consume=consume)

    def require(self, profile_id: str, operation: str = "illustrate", **kwargs) -> Verdict:
        """Like `check`, but raise `ImageGenerationRefused` (with the verdict) when refused."""
        verdict = self.check(profile_id, operation, **kwargs)
        if not verdict.allowed:
            raise ImageGenerationRefused(verdict=verdict, profile_id=profile_id, why=verdict.explain("fr"))
        return verdict

    @contextmanager
    def spend(self, profile_id: str, operation: str = "illustrate", *, job_id: str | None = None,
              **kwargs) -> Iterator[Verdict]:
        """Take one unit of today's quota (like `require`) for the work done inside the `with` block; when that
        work fails, the unit is given back, so that the quota counts only images actually made.

        With `job_id` (a job run by a worker), the unit is taken once per job: a job that runs again after its
        worker died still needs an allowed profile, but does not take a second unit."""
        day = self._today().isoformat()
        if job_id is not None and self._charged(job_id):
            verdict = self.require(profile_id, operation, consume=False, **kwargs)
        else:
            verdict = self.require(profile_id, operation, **kwargs)
            if job_id is not None:
                with self._store.engine.begin() as conn:
                    self._store.jobs.charge(conn, job_id, profile_id, day)
        try:
            yield verdict
        except BaseException:
            self._refund(profile_id, day, operation, job_id=job_id, **kwargs)
            raise

    def _charged(self, job_id: str) -> bool:
        with self._store.engine.connect() as conn:
            return self._store.jobs.charged(conn, job_id)

    def _refund(self, profile_id: str, day: str, operation: str, *, job_id: str | None = None,
                code_id: str | None = None, actor: str | None = None) -> None:
        with self._store.engine.begin() as conn:
            if job_id is not None:
                self._store.jobs.uncharge(conn, job_id)
            quota.give_back(conn, profile_id, day)
            audit.record(conn, f"gate.{operation}.refund", allowed=True, profile_id=profile_id, code_id=code_id,
                         actor=actor, detail="failed")

    def _grant(self, conn, profile_id: str):
        try:
            return self._store.profiles.read(conn, profile_id).profile.image_generation
        except ProfileNotFound:
            return None
