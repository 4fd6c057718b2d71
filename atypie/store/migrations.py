"""Schema versions, recorded in `atypie_schema`.

A new database is created from `schema.py` and stamped with the latest version (schema.py is
always the current schema). An existing database gets each missing upgrade step, in order, in one
transaction. When you change `schema.py`, add the step that upgrades older databases here.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, inspect, select, text

from ..errors import SchemaTooNew
from . import schema


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    upgrade: Callable[[Connection], None] | None  # None: the baseline, only ever created from schema.py


def _add_indexes(conn: Connection) -> None:
    for statement in ("CREATE INDEX IF NOT EXISTS ix_audit_profile ON audit_log (profile_id)",
                      "CREATE INDEX IF NOT EXISTS ix_audit_code ON audit_log (code_id)",
                      "CREATE INDEX IF NOT EXISTS ix_codes_profile ON access_codes (profile_id)"):
        conn.execute(text(statement))


def _add_usage_log(conn: Connection) -> None:
    schema.usage_log.create(conn, checkfirst=True)
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_usage_at ON usage_log (at)"))


def _add_course_glossary(conn: Connection) -> None:
    schema.course_glossary.create(conn, checkfirst=True)


def _add_jobs(conn: Connection) -> None:
    for table in (schema.jobs, schema.job_files, schema.job_quota):
        table.create(conn, checkfirst=True)
    conn.execute(text("CREATE INDEX IF NOT EXISTS ix_jobs_state ON jobs (state)"))


def _add_shared_web_state(conn: Connection) -> None:
    for table in (schema.staff_sessions, schema.login_counters, schema.app_secrets):
        table.create(conn, checkfirst=True)  # with its indexes


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "profiles, staff, access codes, image usage, audit log", None),
    Migration(2, "indexes on the audit log and access codes", _add_indexes),
    Migration(3, "usage log: time and energy per request", _add_usage_log),
    Migration(4, "course glossaries attached to profiles", _add_course_glossary),
    Migration(5, "staff sessions, login counters and the cookie key, shared by every web process",
              _add_shared_web_state),
    Migration(6, "jobs run by workers, their files and the gate's ledger of jobs", _add_jobs),
)
LATEST = MIGRATIONS[-1].version


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table(schema.schema_version.name):
        return 0
    found = conn.execute(select(schema.schema_version.c.version)
                         .order_by(schema.schema_version.c.version.desc()).limit(1)).scalar()
    return found or 0


def migrate(conn: Connection) -> list[int]:
    """Bring the database to `LATEST`; return the versions recorded. Refuses a database from the future."""
    found = current_version(conn)
    if found > LATEST:
        raise SchemaTooNew(found=found, known=LATEST)
    if found == 0:
        schema.metadata.create_all(conn)
        steps = list(MIGRATIONS)
    else:
        steps = [step for step in MIGRATIONS if step.version > found]
        for step in steps:
            step.upgrade(conn)
    for step in steps:
        conn.execute(schema.schema_version.insert().values(
            version=step.version, description=step.description, applied_at=datetime.now(UTC)))
    return [step.version for step in steps]
