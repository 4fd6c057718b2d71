"""Staff sessions, kept on the server: a random token maps to a staff name and the browser it was opened in.

The token lives in the page's server-side state (`gr.State`); the browser is known by a signed HttpOnly cookie
(`binding.py`). A staff action presents both as a `StaffCredential` and is refused with `LoginRequired` when
the token is missing, unknown or expired, or when it was opened in another browser: reusing someone's Gradio
session id gives their token but not their cookie.

Sessions and login counters live in the store (`store/sessions.py`), not in this process: every web process
behind a proxy sees the same ones, and a restart signs nobody out. Times are wall-clock (shared by processes).
"""
from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import CookieMissing, LoginRequired
from ..store import Store

IDLE_S = 30 * 60  # a session ends after 30 minutes without any action…
LIFETIME_S = 8 * 3600  # …and at the latest 8 hours after signing in
MAX_FAILURES = 5  # wrong passwords in a row for one account name from one client…
LOCKOUT_S = 5 * 60  # …lock that name for that client for this long
MAX_NAME_FAILURES = 50  # wrong passwords for one account name from all clients together lock it for everyone
PURGE_EVERY_S = 60  # expired login counters are deleted at most this often by each process


@dataclass(frozen=True)
class StaffCredential:
    """What a staff action presents: the session token and the browser's verified cookie."""
    token: str | None
    binding: str | None


class Sessions:
    def __init__(self, store: Store, *, idle_s: float = IDLE_S, lifetime_s: float = LIFETIME_S,
                 clock: Callable[[], float] = time.time) -> None:
        self._store = store.sessions
        self._idle_s, self._lifetime_s, self._clock = idle_s, lifetime_s, clock

    def open(self, name: str, binding: str | None) -> StaffCredential:
        """A new session for `name` (already authenticated) in the browser known by `binding`."""
        if not binding:
            raise CookieMissing()
        token = secrets.token_urlsafe(32)
        now = self._clock()
        self._store.purge_sessions(now=now, **self._limits)  # sign-ins are rare: the housekeeping is cheap here
        self._store.open(token, name, binding, now=now)
        return StaffCredential(token, binding)

    def require(self, credential: object) -> str:
        """The staff name behind `credential`, refreshing its idle timer; `LoginRequired` when there is none."""
        name = None
        if _complete(credential):
            name = self._store.touch(credential.token, credential.binding, now=self._clock(), **self._limits)
        if name is None:
            raise LoginRequired()
        return name

    def resume(self, binding: str | None) -> StaffCredential | None:
        """A credential for the newest live session opened in the browser whose verified cookie is `binding`
        (a page reloaded, or served by another process, gets its session back); None when there is none."""
        if not isinstance(binding, str) or not binding:
            return None
        token = secrets.token_urlsafe(32)
        found = self._store.resume(token, binding, now=self._clock(), **self._limits)
        return StaffCredential(token, binding) if found else None

    def close(self, credential: object) -> None:
        """Sign the credential's browser out: all its sessions end, since its cookie alone could resume them."""
        if isinstance(credential, StaffCredential) and isinstance(credential.binding, str) and credential.binding:
            self._store.close(credential.binding)

    @property
    def _limits(self) -> dict[str, float]:
        return {"idle_s": self._idle_s, "lifetime_s": self._lifetime_s}


def _complete(credential: object) -> bool:
    return (isinstance(credential, StaffCredential) and isinstance(credential.token, str) and bool(credential.token)
            and isinstance(credential.binding, str) and bool(credential.binding))


class LoginThrottle:
    """Slows password guessing without letting a stranger lock someone out.

    After `MAX_FAILURES` wrong passwords for an account name from one client, that client is locked out of that
    name for `LOCKOUT_S`; other clients are not. After `MAX_NAME_FAILURES` from all clients together, the name is
    locked for everyone (a slow, distributed guess). Attempts in progress count too, so concurrent guesses cannot
    slip past the limit, in this process or another. The lock does not tell whether the name exists.
    """

    def __init__(self, store: Store, *, max_failures: int = MAX_FAILURES, lockout_s: float = LOCKOUT_S,
                 max_name_failures: int = MAX_NAME_FAILURES, clock: Callable[[], float] = time.time) -> None:
        self._store = store.sessions
        self._max_failures, self._max_name_failures = max_failures, max_name_failures
        self._lockout_s, self._clock = lockout_s, clock
        self._next_purge = float("-inf")

    def begin(self, name: str, client: str) -> tuple[str, str]:
        """Reserve one attempt for `name` from `client`; `TooManyAttempts` while either is locked."""
        client_key, name_key = f"client\x1f{name}\x1f{client}", f"name\x1f{name}"
        now = self._clock()
        if now >= self._next_purge:
            self._next_purge = now + PURGE_EVERY_S
            self._store.purge_counters(now=now, lockout_s=self._lockout_s)
        self._store.reserve({client_key: self._max_failures, name_key: self._max_name_failures}, now=now,
                            lockout_s=self._lockout_s)
        return client_key, name_key

    def failed(self, attempt: tuple[str, str]) -> None:
        self._store.failed(attempt, now=self._clock())

    def succeeded(self, attempt: tuple[str, str]) -> None:
        """The client's count starts again; the name's does not (a success must not reset a distributed guess)."""
        client_key, name_key = attempt
        self._store.forget([client_key])
        self._store.release([name_key])

    def abandon(self, attempt: tuple[str, str]) -> None:
        """The attempt could not be checked (the store failed): it counts neither way."""
        self._store.release(attempt)
