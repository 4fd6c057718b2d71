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

from ..errors import LoginRequired

IDLE_S = 30 * 60  # a session ends after 30 minutes without any action…
LIFETIME_S = 8 * 3600  # …and at the latest 8 hours after signing in


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
