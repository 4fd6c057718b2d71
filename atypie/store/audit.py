"""Audit log: who did what to which profile, and what was decided. Never the content."""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, select

from .schema import audit_log
from .times import aware

logger = logging.getLogger("atypie.audit")


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    operation: str
    profile_id: str | None
    code_id: str | None
    actor: str | None
    allowed: bool
    detail: str

    def to_dict(self) -> dict:
        data = asdict(self)
        data["at"] = self.at.isoformat()
        return data


def record(conn: Connection, operation: str, *, allowed: bool, profile_id: str | None = None,
           code_id: str | None = None, actor: str | None = None, detail: str = "") -> None:
    """Add one entry inside the caller's transaction, and mirror it to the `atypie.audit` logger."""
    conn.execute(audit_log.insert().values(
        at=datetime.now(UTC), operation=operation, profile_id=profile_id, code_id=code_id,
        actor=actor, allowed=allowed, detail=detail[:300]))
    logger.info("operation=%s profile=%s code=%s actor=%s allowed=%s detail=%s",
                operation, profile_id, code_id, actor, allowed, detail)


class AuditLog:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def entries(self, *, profile_id: str | None = None, code_id: str | None = None,
                operation: str | None = None, limit: int = 1000) -> list[AuditEntry]:
        query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
        if profile_id is not None:
            query = query.where(audit_log.c.profile_id == profile_id)
        if code_id is not None:
            query = query.where(audit_log.c.code_id == code_id)
        if operation is not None:
            query = query.where(audit_log.c.operation == operation)
        with self._engine.begin() as conn:
            rows = conn.execute(query).mappings().all()
        return [AuditEntry(**{k: row[k] for k in AuditEntry.__dataclass_fields__} | {"at": aware(row["at"])})
                for row in rows]
