"""Ordered schema migrations, recorded in `atypie_schema`. Each step runs once, in a transaction."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Index, inspect, select

from ..errors import SchemaTooNew
from . import schema


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _initial(conn: Connection) -> None:
    for table in (schema.profiles, schema.staff, schema.access_codes, schema.image_usage, schema.audit_log):
        table.create(conn)


def _audit_indexes(conn: Connection) -> None:
    Index("ix_audit_profile", schema.audit_log.c.profile_id).create(conn)
    Index("ix_audit_code", schema.audit_log.c.code_id).create(conn)
    Index("ix_codes_profile", schema.access_codes.c.profile_id).create(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "profiles, staff, access codes, image usage, audit log", _initial),
    Migration(2, "indexes on audit log and access codes", _audit_indexes),
)
LATEST = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table(schema.schema_version.name):
        return 0
    found = conn.execute(select(schema.schema_version.c.version).order_by(
        schema.schema_version.c.version.desc()).limit(1)).scalar()
    return found or 0


def migrate(conn: Connection) -> list[int]:
    """Apply the missing migrations; return the versions applied. Refuses a database from the future."""
    if not inspect(conn).has_table(schema.schema_version.name):
        schema.schema_version.create(conn)
    found = current_version(conn)
    if found > LATEST:
        raise SchemaTooNew(found=found, known=LATEST)
    applied = []
    for step in MIGRATIONS:
        if step.version > found:
            step.apply(conn)
            conn.execute(schema.schema_version.insert().values(
                version=step.version, description=step.description, applied_at=datetime.now(UTC)))
            applied.append(step.version)
    return applied
