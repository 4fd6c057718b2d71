"""Staff sessions, login counters and the web tier's secrets, kept in the store so that every web process sees
the same ones and a restart loses none.

Only sha256 digests of session tokens and browser cookies are stored: reading the database opens no session.
Times are wall-clock epoch seconds given by the caller (several processes share them; tests inject a clock).
Rows are always locked in the order the caller gives the keys, so that two transactions never wait on each other
in a cycle (PostgreSQL); housekeeping deletes skip rows that someone else holds.
"""
from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, Table, and_, case, select

from ..errors import TooManyAttempts
from .schema import app_secrets, login_counters, staff_sessions
from .sql import insert_ignore

SECRET_BYTES = 32


def digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


class SessionStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # --- staff sessions -------------------------------------------------------------------------------
    def open(self, token: str, name: str, binding: str, *, now: float) -> None:
        with self._engine.begin() as conn:
            conn.execute(staff_sessions.insert().values(token_hash=digest(token), name=name,
                                                        binding_hash=digest(binding), started_at=now, seen_at=now))

    def touch(self, token: str, binding: str, *, now: float, idle_s: float, lifetime_s: float) -> str | None:
        """The name behind the live session `token` opened in the browser `binding`, its idle timer restarted;
        None when there is none."""
        sessions = staff_sessions.c
        found = and_(sessions.token_hash == digest(token), sessions.binding_hash == digest(binding),
                     _live(now, idle_s, lifetime_s))
        with self._engine.begin() as conn:
            if conn.execute(staff_sessions.update().where(found).values(seen_at=now)).rowcount != 1:
                return None
            return conn.execute(select(sessions.name).where(sessions.token_hash == digest(token))).scalar()

    def resume(self, token: str, binding: str, *, now: float, idle_s: float, lifetime_s: float) -> str | None:
        """Open `token` as a copy of the newest live session of the browser `binding` (same name, same start, so
        the same end at the latest); the name, or None when that browser has no live session."""
        sessions = staff_sessions.c
        newest = (select(sessions.name, sessions.started_at)
                  .where(sessions.binding_hash == digest(binding), _live(now, idle_s, lifetime_s))
                  .order_by(sessions.started_at.desc(), sessions.seen_at.desc()).limit(1))
        with self._engine.begin() as conn:
            row = conn.execute(newest).first()
            if row is None:
                return None
            conn.execute(staff_sessions.insert().values(token_hash=digest(token), name=row.name,
                                                        binding_hash=digest(binding), started_at=row.started_at,
                                                        seen_at=now))
        return row.name

    def close(self, binding: str) -> None:
        """End every session opened in the browser `binding`."""
        with self._engine.begin() as conn:
            conn.execute(staff_sessions.delete().where(staff_sessions.c.binding_hash == digest(binding)))

    def purge_sessions(self, *, now: float, idle_s: float, lifetime_s: float) -> None:
        with self._engine.begin() as conn:
            _delete_unlocked(conn, staff_sessions, staff_sessions.c.token_hash,
                             ~_live(now, idle_s, lifetime_s))

    # --- login counters -------------------------------------------------------------------------------
    def reserve(self, limits: Mapping[str, int], *, now: float, lockout_s: float) -> None:
        """Count one attempt in progress on every counter of `limits` (key: its limit), all or none;
        `TooManyAttempts` when one already counts as many failures and attempts as its limit.

        A counter untouched for `lockout_s` starts again from zero, pending attempts included (those of a process
        that died while checking a password). The conditional UPDATE is what stops two processes from both
        taking the last attempt."""
        counters = login_counters.c
        with self._engine.begin() as conn:
            for key, limit in limits.items():
                hashed = digest(key)
                insert_ignore(conn, login_counters, key=hashed, failures=0, pending=0, last_at=now)
                conn.execute(login_counters.update()
                             .where(counters.key == hashed, counters.last_at <= now - lockout_s)
                             .values(failures=0, pending=0, last_at=now))
                taken = conn.execute(login_counters.update()
                                     .where(counters.key == hashed, counters.failures + counters.pending < limit)
                                     .values(pending=counters.pending + 1, last_at=now)).rowcount
                if taken != 1:  # raising rolls back the counters already taken
                    last = conn.execute(select(counters.last_at).where(counters.key == hashed)).scalar() or now
                    raise TooManyAttempts(minutes=max(1, round((last + lockout_s - now) / 60)))

    def failed(self, keys: Sequence[str], *, now: float) -> None:
        """The attempts reserved on `keys` were wrong passwords."""
        counters = login_counters.c
        with self._engine.begin() as conn:
            for key in keys:
                hashed = digest(key)
                insert_ignore(conn, login_counters, key=hashed, failures=0, pending=1, last_at=now)
                conn.execute(login_counters.update().where(counters.key == hashed)
                             .values(failures=counters.failures + 1, pending=_one_less(), last_at=now))

    def release(self, keys: Sequence[str]) -> None:
        """The attempts reserved on `keys` are over without a failure."""
        with self._engine.begin() as conn:
            for key in keys:
                conn.execute(login_counters.update().where(login_counters.c.key == digest(key))
                             .values(pending=_one_less()))

    def forget(self, keys: Sequence[str]) -> None:
        with self._engine.begin() as conn:
            for key in keys:
                conn.execute(login_counters.delete().where(login_counters.c.key == digest(key)))

    def purge_counters(self, *, now: float, lockout_s: float) -> None:
        with self._engine.begin() as conn:
            _delete_unlocked(conn, login_counters, login_counters.c.key,
                             login_counters.c.last_at <= now - lockout_s)

    # --- secrets --------------------------------------------------------------------------------------
    def secret(self, name: str) -> bytes:
        """The random key called `name`, made by whichever process asks first and then the same for all."""
        with self._engine.begin() as conn:
            insert_ignore(conn, app_secrets, name=name, value=secrets.token_hex(SECRET_BYTES),
                          created_at=datetime.now(UTC))
            value = conn.execute(select(app_secrets.c.value).where(app_secrets.c.name == name)).scalar_one()
        return bytes.fromhex(value)


def _live(now: float, idle_s: float, lifetime_s: float):
    return and_(staff_sessions.c.seen_at >= now - idle_s, staff_sessions.c.started_at >= now - lifetime_s)


def _one_less():
    return case((login_counters.c.pending > 0, login_counters.c.pending - 1), else_=0)


def _delete_unlocked(conn: Connection, table: Table, key, condition) -> None:
    """Delete the rows matching `condition` that no other transaction holds (PostgreSQL: SKIP LOCKED; SQLite
    transactions are serialised already): housekeeping never waits, so it never deadlocks with a login."""
    doomed = select(key).where(condition).with_for_update(skip_locked=True)
    conn.execute(table.delete().where(key.in_(doomed.scalar_subquery())))
