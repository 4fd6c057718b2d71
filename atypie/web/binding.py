"""Ties a staff session to the browser that signed in: an HttpOnly cookie the server mints and signs.

Gradio's session id is chosen by the browser, travels in URLs and is never renewed, so it cannot stand for a
staff session. Every response under `/staff` carries a cookie the server made (`SameSite=Strict`, HttpOnly,
`Secure` over HTTPS); the page's scripts cannot read it and another client cannot choose it, because a value
without the server's signature is replaced. A session opened at login remembers that value, and every staff
action checks that the caller's cookie matches.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

COOKIE = "atypie_staff"
KEY_NAME = "browser-binding"  # the signing key's name in the store, shared by every web process
_NONCE_BYTES = 24


class BrowserBinding:
    def __init__(self, key: bytes | None = None) -> None:
        self._key = key or secrets.token_bytes(32)

    def mint(self) -> str:
        nonce = secrets.token_urlsafe(_NONCE_BYTES)
        return f"{nonce}.{self._sign(nonce)}"

    def verified(self, value: object) -> str | None:
        """`value` when the server signed it, else None."""
        if not isinstance(value, str) or value.count(".") != 1:
            return None
        nonce, signature = value.split(".")
        return value if nonce and hmac.compare_digest(signature, self._sign(nonce)) else None

    def of_request(self, request: object) -> str | None:
        """The verified cookie of a request (Starlette's or Gradio's), or None."""
        cookies = getattr(request, "cookies", None) or {}
        return self.verified(cookies.get(COOKIE))

    def middleware(self, path: str):
        """An HTTP middleware that gives every response under `path` a signed cookie when the request had none."""

        async def bind(request, call_next):
            response = await call_next(request)
            if request.url.path.startswith(path) and self.of_request(request) is None:
                response.set_cookie(COOKIE, self.mint(), path=path, httponly=True, samesite="strict",
                                    secure=request.url.scheme == "https")
            return response

        return bind

    def _sign(self, nonce: str) -> str:
        return hmac.new(self._key, nonce.encode("ascii", "replace"), hashlib.sha256).hexdigest()[:32]


def binding_for(store) -> BrowserBinding:
    """The binding every web process on `store` shares: a cookie one process signed verifies in the others."""
    return BrowserBinding(store.sessions.secret(KEY_NAME))
