"""Staff sessions, kept on the server: a random token maps to a staff name and the browser it was opened in.

The token lives in the page's server-side state (`gr.State`); the browser is known by a signed HttpOnly cookie
(`binding.py`). A staff action presents both as a `StaffCredential` and is refused with `LoginRequired` when
the token is missing, unknown or expired, or when it was opened in another browser: reusing someone's Gradio
session id gives their token but not their cookie.
"""
from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import CookieMissing, LoginRequired, TooManyAttempts

IDLE_S = 30 * 60  # a session ends after 30 minutes without any action…
LIFETIME_S = 8 * 3600  # …and at the latest 8 hours after signing in
MAX_FAILURES = 5  # wrong passwords in a row for one account name from one client…
LOCKOUT_S = 5 * 60  # …lock that name for that client for this long
MAX_NAME_FAILURES = 50  # wrong passwords for one account name from all clients together lock it for everyone
MAX_TRACKED = 10_000  # counters with recent failures kept in memory


@dataclass(frozen=True)
class StaffCredential:
    """What a staff action presents: the session token and the browser's verified cookie."""
    token: str | None
    binding: str | None


@dataclass
class _Session:
    name: str
    binding: str
    started: float
    seen: float


class Sessions:
    def __init__(self, *, idle_s: float = IDLE_S, lifetime_s: float = LIFETIME_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._idle_s, self._lifetime_s, self._clock = idle_s, lifetime_s, clock
        self._sessions: dict[str, _Session] = {}
        self._lock = threading.Lock()

    def open(self, name: str, binding: str | None) -> StaffCredential:
        """A new session for `name` (already authenticated) in the browser known by `binding`."""
        if not binding:
            raise CookieMissing()
        token = secrets.token_urlsafe(32)
        now = self._clock()
        with self._lock:
            self._purge(now)
            self._sessions[token] = _Session(name, binding, now, now)
        return StaffCredential(token, binding)

    def require(self, credential: object) -> str:
        """The staff name behind `credential`, refreshing its idle timer; `LoginRequired` when there is none."""
        now = self._clock()
        with self._lock:
            self._purge(now)
            session = self._find(credential)
            if session is None:
                raise LoginRequired()
            session.seen = now
            return session.name

    def close(self, credential: object) -> None:
        with self._lock:
            if self._find(credential) is not None:
                del self._sessions[credential.token]

    def _find(self, credential: object) -> _Session | None:
        if not isinstance(credential, StaffCredential) or not isinstance(credential.token, str):
            return None
        session = self._sessions.get(credential.token)
        if session is None or not isinstance(credential.binding, str):
            return None
        return session if hmac.compare_digest(session.binding, credential.binding) else None

    def _purge(self, now: float) -> None:
        expired = [token for token, s in self._sessions.items()
                   if now - s.seen > self._idle_s or now - s.started > self._lifetime_s]
        for token in expired:
            del self._sessions[token]


@dataclass
class _Counter:
    failures: int = 0
    pending: int = 0  # attempts being checked right now
    last: float = 0.0  # time of the last failure


class LoginThrottle:
    """Slows password guessing without letting a stranger lock someone out.

    After `MAX_FAILURES` wrong passwords for an account name from one client, that client is locked out of that
    name for `LOCKOUT_S`; other clients are not. After `MAX_NAME_FAILURES` from all clients together, the name is
    locked for everyone (a slow, distributed guess). Attempts in progress count too, so concurrent guesses cannot
    slip past the limit. The lock does not tell whether the name exists.
    """

    def __init__(self, *, max_failures: int = MAX_FAILURES, lockout_s: float = LOCKOUT_S,
                 max_name_failures: int = MAX_NAME_FAILURES, clock: Callable[[], float] = time.monotonic) -> None:
        self._limits = {"client": max_failures, "name": max_name_failures}
        self._lockout_s, self._clock = lockout_s, clock
        self._counters: dict[tuple, _Counter] = {}
        self._lock = threading.Lock()

    def begin(self, name: str, client: str) -> tuple[tuple, tuple]:
        """Reserve one attempt for `name` from `client`; `TooManyAttempts` while either is locked."""
        keys = (("client", name, client), ("name", name))
        now = self._clock()
        with self._lock:
            self._forget(now)
            for key in keys:
                counter = self._counters.get(key)
                if counter is not None and counter.failures + counter.pending >= self._limits[key[0]]:
                    left = (counter.last or now) + self._lockout_s - now
                    raise TooManyAttempts(minutes=max(1, round(left / 60)))
            for key in keys:
                self._counters.setdefault(key, _Counter()).pending += 1
        return keys

    def failed(self, attempt: tuple[tuple, tuple]) -> None:
        now = self._clock()
        with self._lock:
            for key in attempt:
                counter = self._counters.setdefault(key, _Counter(pending=1))
                counter.pending -= 1
                counter.failures += 1
                counter.last = now

    def succeeded(self, attempt: tuple[tuple, tuple]) -> None:
        """The client's count starts again; the name's does not (a success must not reset a distributed guess)."""
        client_key, name_key = attempt
        self.abandon((name_key,))
        with self._lock:
            self._counters.pop(client_key, None)

    def abandon(self, attempt: tuple[tuple, tuple]) -> None:
        """The attempt could not be checked (the store failed): it counts neither way."""
        with self._lock:
            for key in attempt:
                counter = self._counters.get(key)
                if counter is not None:
                    counter.pending = max(0, counter.pending - 1)

    def _forget(self, now: float) -> None:
        """Counters whose lockout has passed, with nothing pending, start again from zero; when very many names are
        being guessed, only the locked ones are kept."""
        kept = {key: c for key, c in self._counters.items() if not self._expired(c, now)}
        if len(kept) >= MAX_TRACKED:
            kept = {key: c for key, c in kept.items() if c.pending or c.failures >= self._limits[key[0]]}
        self._counters = kept

    def _expired(self, counter: _Counter, now: float) -> bool:
        return counter.pending == 0 and now - counter.last >= self._lockout_s
