"""Student access codes: random, unguessable, revocable, optionally expiring; only their hash is stored.

A code maps to one profile. Nothing personal is kept beyond an optional pseudonym, and everything
linked to a code can be exported or deleted (GDPR articles 15 and 17).
"""
from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, delete, select, update

from ..errors import AccessCodeExpired, AccessCodeNotFound, AccessCodeRevoked, InvalidInput
from ..ids import check_identifier
from . import audit
from .audit import AuditEntry, AuditLog
from .profiles import ProfileRepository, StoredProfile
from .schema import access_codes, audit_log
from .times import aware

# Crockford's base32: no I, L, O, U, so that a code read aloud or copied by hand stays unambiguous.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS, GROUP_LENGTH = 5, 4  # 20 symbols × 5 bits = 100 bits of randomness
_CODE_ID = re.compile(r"ac-[0-9a-f]{12}")
_TYPO_FIXES = str.maketrans({"O": "0", "I": "1", "L": "1"})
MAX_EXPIRY_DAYS = 3650


@dataclass(frozen=True)
class AccessCode:
    id: str
    profile_id: str
    pseudonym: str | None
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None

    def to_dict(self) -> dict:
        return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in asdict(self).items()}


@dataclass(frozen=True)
class IssuedCode:
    """The secret `code` is shown once, here; the store keeps only its hash."""
    code: str
    access: AccessCode


@dataclass(frozen=True)
class CodeExport:
    access: AccessCode
    profile: StoredProfile
    audit: list[AuditEntry]
    exported_at: datetime

    def to_dict(self) -> dict:
        return {"access_code": self.access.to_dict(), "profile": self.profile.to_dict(),
                "audit": [entry.to_dict() for entry in self.audit], "exported_at": self.exported_at.isoformat()}


@dataclass(frozen=True)
class CodeDeletion:
    code_id: str
    audit_entries_deleted: int


def new_code() -> str:
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    return "-".join(symbols[i:i + GROUP_LENGTH] for i in range(0, len(symbols), GROUP_LENGTH))


def normalise_code(raw: str) -> str | None:
    """The canonical form of a typed code (case, spaces, dashes and O/I/L typos forgiven), or None."""
    compact = re.sub(r"[\s-]", "", raw.upper()).translate(_TYPO_FIXES) if len(raw) < 100 else ""
    if len(compact) != GROUPS * GROUP_LENGTH or any(ch not in ALPHABET for ch in compact):
        return None
    return "-".join(compact[i:i + GROUP_LENGTH] for i in range(0, len(compact), GROUP_LENGTH))


def _hash(code: str) -> str:
    return hashlib.sha256(code.encode("ascii")).hexdigest()


class AccessCodes:
    def __init__(self, engine: Engine, profiles_repo: ProfileRepository, audit_log_: AuditLog) -> None:
        self._engine = engine
        self._profiles = profiles_repo
        self._audit = audit_log_

    def issue(self, profile_id: str, *, expires_days: int | None = None, pseudonym: str | None = None,
              actor: str | None = None) -> IssuedCode:
        check_identifier(profile_id)
        if pseudonym is not None:
            check_identifier(pseudonym)
        if expires_days is not None and not 1 <= expires_days <= MAX_EXPIRY_DAYS:
            raise InvalidInput(detail=f"la durée de validité doit être entre 1 et {MAX_EXPIRY_DAYS} jours")
        now = datetime.now(UTC)
        code = new_code()
        access = AccessCode(id="ac-" + secrets.token_hex(6), profile_id=profile_id, pseudonym=pseudonym,
                            created_at=now, revoked_at=None,
                            expires_at=now + timedelta(days=expires_days) if expires_days else None)
        with self._engine.begin() as conn:
            self._profiles.read(conn, profile_id)  # raises ProfileNotFound
            conn.execute(access_codes.insert().values(code_hash=_hash(code), **asdict(access)))
            audit.record(conn, "code.issue", allowed=True, profile_id=profile_id, code_id=access.id, actor=actor)
        return IssuedCode(code, access)

    def resolve(self, code: str) -> AccessCode:
        """The access behind a code a student typed; refuses unknown, revoked and expired codes."""
        with self._engine.begin() as conn:
            access = self._find(conn, code, by_id=False)
            reason = _refusal(access)
            audit.record(conn, "code.resolve", allowed=reason is None, profile_id=access.profile_id,
                         code_id=access.id, detail=reason.code if reason else "")
        if reason is not None:
            raise reason
        return access

    def get(self, code_or_id: str) -> AccessCode:
        with self._engine.begin() as conn:
            return self._find(conn, code_or_id)

    def for_profile(self, profile_id: str) -> list[AccessCode]:
        check_identifier(profile_id)
        with self._engine.begin() as conn:
            rows = conn.execute(select(access_codes).where(access_codes.c.profile_id == profile_id)
                                .order_by(access_codes.c.created_at)).mappings().all()
        return [_from_row(row) for row in rows]

    def revoke(self, code_or_id: str, *, actor: str | None = None) -> AccessCode:
        with self._engine.begin() as conn:
            access = self._find(conn, code_or_id)
            if access.revoked_at is None:
                conn.execute(update(access_codes).where(access_codes.c.id == access.id)
                             .values(revoked_at=datetime.now(UTC)))
            audit.record(conn, "code.revoke", allowed=True, profile_id=access.profile_id, code_id=access.id,
                         actor=actor)
            return self._find(conn, access.id)

    def export(self, code_or_id: str) -> CodeExport:
        """Everything stored that is linked to this code (right of access)."""
        access = self.get(code_or_id)
        return CodeExport(access=access, profile=self._profiles.get(access.profile_id),
                          audit=self._audit.entries(code_id=access.id), exported_at=datetime.now(UTC))

    def delete(self, code_or_id: str, *, actor: str | None = None) -> CodeDeletion:
        """Erase the code and every audit entry linked to it (right to erasure)."""
        with self._engine.begin() as conn:
            access = self._find(conn, code_or_id)
            erased = conn.execute(delete(audit_log).where(audit_log.c.code_id == access.id)).rowcount
            conn.execute(delete(access_codes).where(access_codes.c.id == access.id))
            audit.record(conn, "code.delete", allowed=True, profile_id=access.profile_id, actor=actor,
                         detail=f"audit_entries={erased}")
        return CodeDeletion(access.id, erased)

    def _find(self, conn: Connection, code_or_id: str, *, by_id: bool = True) -> AccessCode:
        if by_id and _CODE_ID.fullmatch(code_or_id or ""):
            condition = access_codes.c.id == code_or_id
        else:
            normalised = normalise_code(code_or_id or "")
            if normalised is None:
                raise AccessCodeNotFound()
            condition = access_codes.c.code_hash == _hash(normalised)
        row = conn.execute(select(access_codes).where(condition)).mappings().first()
        if row is None:
            raise AccessCodeNotFound()
        return _from_row(row)


def _refusal(access: AccessCode) -> AccessCodeRevoked | AccessCodeExpired | None:
    if access.revoked_at is not None:
        return AccessCodeRevoked()
    if access.expires_at is not None and access.expires_at <= datetime.now(UTC):
        return AccessCodeExpired()
    return None


def _from_row(row) -> AccessCode:
    return AccessCode(id=row["id"], profile_id=row["profile_id"], pseudonym=row["pseudonym"],
                      created_at=aware(row["created_at"]), expires_at=aware(row["expires_at"]),
                      revoked_at=aware(row["revoked_at"]))
