"""Disability-services staff accounts (name + scrypt hash; no other personal data)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from ..errors import BadCredentials, StaffExists, WeakPassword
from ..ids import check_identifier
from . import audit
from .passwords import MIN_LENGTH, hash_password, verify_password
from .schema import staff


@cache
def _dummy_hash() -> str:
    """Verifying against this keeps a login for an unknown name as slow as one for a known name."""
    return hash_password("atypie-dummy-password")


@dataclass(frozen=True)
class StaffAccount:
    name: str
    created_at: datetime


class StaffRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def add(self, name: str, password: str) -> StaffAccount:
        check_identifier(name)
        if len(password) < MIN_LENGTH:
            raise WeakPassword(minimum=MIN_LENGTH)
        now = datetime.now(UTC)
        try:
            with self._engine.begin() as conn:
                conn.execute(staff.insert().values(name=name, password_hash=hash_password(password), created_at=now))
                audit.record(conn, "staff.add", allowed=True, actor=name)
        except IntegrityError:
            raise StaffExists(name=name) from None
        return StaffAccount(name, now)

    def authenticate(self, name: str, password: str) -> StaffAccount:
        """The account when the password matches; `BadCredentials` otherwise (same error for both causes)."""
        with self._engine.begin() as conn:
            row = conn.execute(select(staff).where(staff.c.name == name)).mappings().first()
            stored = row["password_hash"] if row else _dummy_hash()
            ok = verify_password(password, stored) and row is not None
            audit.record(conn, "staff.login", allowed=ok, actor=name if row else None)
        if not ok:
            raise BadCredentials()
        return StaffAccount(row["name"], row["created_at"])

    def names(self) -> list[str]:
        with self._engine.begin() as conn:
            return list(conn.execute(select(staff.c.name).order_by(staff.c.name)).scalars())
