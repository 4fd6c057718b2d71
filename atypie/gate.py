"""The image-generation gate: the one place that decides whether generative image work may run.

It reads the grant from the store itself (never from the caller), counts the daily quota
atomically, logs every decision to the audit log, and returns a `Verdict` that travels with the
result it concerns.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from . import metrics
from .errors import ImageGenerationRefused, ProfileNotFound
from .store import Store, audit
from .store.schema import image_usage
from .store.sql import insert_ignore

# Reason codes, stable; their wording lives in REASON_TEXT.
GRANTED = "granted"
NOT_ALLOWED = "not-allowed"
QUOTA_EXHAUSTED = "quota-exhausted"
CODE_REFUSED = "code-refused"

REASON_TEXT = {
    GRANTED: {"fr": "autorisé par le service handicap", "en": "allowed by the disability service"},
    NOT_ALLOWED: {"fr": "ce profil n'a pas l'autorisation", "en": "this profile is not allowed"},
    QUOTA_EXHAUSTED: {"fr": "le nombre d'images du jour est atteint, réessayez demain",
                      "en": "today's number of images is used up, try again tomorrow"},
    CODE_REFUSED: {"fr": "le code d'accès n'est pas valable", "en": "the access code is not valid"},
}


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reasons: tuple[str, ...]
    profile_id: str | None
    operation: str
    quota_left: int
    decided_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def explain(self, lang: str = "fr") -> str:
        return " ; ".join(REASON_TEXT[reason][lang] for reason in self.reasons)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["reasons"] = list(self.reasons)
        data["decided_at"] = self.decided_at.isoformat()
        return data


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
            used = self._used(conn, profile_id, day)
            if grant is None or not grant.allowed:
                verdict = Verdict(False, (NOT_ALLOWED,), profile_id, operation, 0)
            elif not consume:
                left = max(grant.daily_quota - used, 0)
                verdict = Verdict(left > 0, (GRANTED,) if left else (QUOTA_EXHAUSTED,), profile_id, operation, left)
            elif self._take_one(conn, profile_id, day, grant.daily_quota):
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
            conn.execute(update(image_usage)
                         .where(image_usage.c.profile_id == profile_id, image_usage.c.day == day,
                                image_usage.c.count > 0)
                         .values(count=image_usage.c.count - 1))
            audit.record(conn, f"gate.{operation}.refund", allowed=True, profile_id=profile_id, code_id=code_id,
                         actor=actor, detail="failed")

    def _grant(self, conn, profile_id: str):
        try:
            return self._store.profiles.read(conn, profile_id).profile.image_generation
        except ProfileNotFound:
            return None

    @staticmethod
    def _used(conn, profile_id: str, day: str) -> int:
        count = conn.execute(select(image_usage.c.count).where(
            image_usage.c.profile_id == profile_id, image_usage.c.day == day)).scalar()
        return count or 0

    @staticmethod
    def _take_one(conn, profile_id: str, day: str, quota: int) -> bool:
        insert_ignore(conn, image_usage, profile_id=profile_id, day=day, count=0)
        result = conn.execute(update(image_usage)
                              .where(image_usage.c.profile_id == profile_id, image_usage.c.day == day,
                                     image_usage.c.count < quota)
                              .values(count=image_usage.c.count + 1))
        return result.rowcount == 1
