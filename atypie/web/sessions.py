"""Staff sessions, kept on the server: a random token maps to a staff name until it expires.

The token lives in the page's server-side state (`gr.State`), never in a cookie or a URL; every staff action
looks it up here and is refused with `LoginRequired` when it is missing, unknown or expired.
"""
from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import LoginRequired, TooManyAttempts

IDLE_S = 30 * 60  # a session ends after 30 minutes without any action…
LIFETIME_S = 8 * 3600  # …and at the latest 8 hours after signing in
MAX_FAILURES = 5  # wrong passwords in a row for one account name…
LOCKOUT_S = 5 * 60  # …lock that name for this long
MAX_TRACKED = 10_000  # account names with recent failures kept in memory


@dataclass
class _Session:
    name: str
    started: float
    seen: float


class Sessions:
    def __init__(self, *, idle_s: float = IDLE_S, lifetime_s: float = LIFETIME_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._idle_s, self._lifetime_s, self._clock = idle_s, lifetime_s, clock
        self._sessions: dict[str, _Session] = {}
        self._lock = threading.Lock()

    def open(self, name: str) -> str:
        """A new session for `name` (already authenticated); returns its token."""
        token = secrets.token_urlsafe(32)
        now = self._clock()
        with self._lock:
            self._purge(now)
            self._sessions[token] = _Session(name, now, now)
        return token

    def require(self, token: object) -> str:
        """The staff name behind `token`, refreshing its idle timer; `LoginRequired` when there is none."""
        now = self._clock()
        with self._lock:
            self._purge(now)
            session = self._sessions.get(token) if isinstance(token, str) else None
            if session is None:
                raise LoginRequired()
            session.seen = now
            return session.name

    def close(self, token: object) -> None:
        with self._lock:
            if isinstance(token, str):
                self._sessions.pop(token, None)

    def _purge(self, now: float) -> None:
        expired = [token for token, s in self._sessions.items()
                   if now - s.seen > self._idle_s or now - s.started > self._lifetime_s]
        for token in expired:
            del self._sessions[token]


class LoginThrottle:
    """Slows password guessing: after `MAX_FAILURES` wrong passwords in a row for an account name, that name is
    locked for `LOCKOUT_S` (for everyone: the lock does not tell whether the name exists)."""

    def __init__(self, *, max_failures: int = MAX_FAILURES, lockout_s: float = LOCKOUT_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._max, self._lockout_s, self._clock = max_failures, lockout_s, clock
        self._failures: dict[str, tuple[int, float]] = {}  # name → (count, time of the last failure)
        self._lock = threading.Lock()

    def check(self, name: str) -> None:
        """Raise `TooManyAttempts` while `name` is locked."""
        with self._lock:
            count, last = self._failures.get(name, (0, 0.0))
            left = last + self._lockout_s - self._clock()
            if count >= self._max and left > 0:
                raise TooManyAttempts(minutes=max(1, round(left / 60)))
            if count >= self._max:
                del self._failures[name]

    def failed(self, name: str) -> None:
        now = self._clock()
        with self._lock:
            if len(self._failures) >= MAX_TRACKED:  # many names guessed: forget those no longer locked
                self._failures = {n: f for n, f in self._failures.items() if now - f[1] < self._lockout_s}
            count, _ = self._failures.get(name, (0, 0.0))
            self._failures[name] = (count + 1, now)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name, None)
