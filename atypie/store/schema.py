"""Tables of the store (SQLAlchemy Core). Migrations in `migrations.py` create and evolve them."""
from __future__ import annotations

from sqlalchemy import (
                        Boolean,
                        Column,
                        DateTime,
                        Float,
                        ForeignKey,
                        Index,
                        Integer,
                        LargeBinary,
                        MetaData,
                        String,
                        Table,
                        Text,
                        UniqueConstraint,
)

metadata = MetaData()

schema_version = Table(
    "atypie_schema", metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
    Column("description", String(200), nullable=False),
)

profiles = Table(
    "profiles", metadata,
    Column("id", String(64), primary_key=True),
    Column("data", Text, nullable=False),  # the Profile as JSON, without the version
    Column("version", Integer, nullable=False),  # optimistic lock: every write checks and bumps it
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

staff = Table(
    "staff", metadata,
    Column("name", String(64), primary_key=True),
    Column("password_hash", String(300), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

access_codes = Table(
    "access_codes", metadata,
    Column("id", String(32), primary_key=True),  # public handle, shown in lists and logs
    Column("code_hash", String(64), nullable=False, unique=True),  # sha256 of the secret code
    Column("profile_id", String(64), ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("pseudonym", String(64)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True)),
    Column("revoked_at", DateTime(timezone=True)),
)

image_usage = Table(
    "image_usage", metadata,
    Column("profile_id", String(64), ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("day", String(10), nullable=False),  # ISO date in the configured time zone
    Column("count", Integer, nullable=False),
    UniqueConstraint("profile_id", "day", name="uq_image_usage_profile_day"),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("operation", String(64), nullable=False),
    Column("profile_id", String(64)),
    Column("code_id", String(32)),
    Column("actor", String(64)),
    Column("allowed", Boolean, nullable=False),
    Column("detail", String(300), nullable=False, default=""),  # reason codes only, never content
)

usage_log = Table(
    "usage_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("operation", String(64), nullable=False),
    Column("profile_id", String(64)),
    Column("outcome", String(16), nullable=False),  # done, refused (by the gate or a permission) or failed
    Column("wall_s", Float, nullable=False),
    Column("cpu_s", Float, nullable=False),
    Column("gpu_s", Float, nullable=False),
    Column("energy_wh", Float, nullable=False),
)

course_glossary = Table(
    "course_glossary", metadata,
    Column("profile_id", String(64), ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
    Column("course", String(120), nullable=False),  # "" for the whole profile
    Column("term_key", String(120), nullable=False),  # the term in lowercase, single spaces
    Column("term", String(120), nullable=False),
    Column("definition", String(400), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("actor", String(64)),
    UniqueConstraint("profile_id", "course", "term_key", name="uq_course_glossary_term"),
)

jobs = Table(
    "jobs", metadata,
    Column("id", String(64), primary_key=True),  # derived from the input, profile and options: one job per request
    Column("kind", String(32), nullable=False),  # "adapt", "illustrate"
    Column("queue", String(16), nullable=False),  # "cpu" or "gpu"
    Column("profile_id", String(64), nullable=False),
    Column("options", Text, nullable=False),  # JSON
    Column("input_name", String(200), nullable=False),
    Column("input_data", LargeBinary, nullable=False),  # what the worker reads: workers share the store, not a disk
    Column("state", String(16), nullable=False),  # queued, running, done, failed, refused, cancelled
    Column("stage", String(16), nullable=False, default=""),
    Column("done", Integer, nullable=False, default=0),
    Column("total", Integer, nullable=False, default=0),
    Column("attempts", Integer, nullable=False, default=0),
    Column("lease_until", Float, nullable=False, default=0.0),  # epoch seconds: a running job's worker is alive
    Column("report", Text, nullable=False, default=""),  # JSON, never course content
    Column("error_code", String(16), nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

job_files = Table(
    "job_files", metadata,
    Column("job_id", String(64), ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True),
    Column("name", String(120), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

job_quota = Table(  # the gate's ledger: a job that ran again never takes a second unit of the quota
    "job_quota", metadata,
    Column("job_id", String(64), primary_key=True),
    Column("profile_id", String(64), nullable=False),
    Column("day", String(10), nullable=False),
)

# Staff sessions and login lockouts live here, not in a web process, so that every process sees them and a
# restart loses nothing. Times are wall-clock epoch seconds (time.time), shared by every process.
staff_sessions = Table(
    "staff_sessions", metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 of the session token, never the token itself
    Column("name", String(64), nullable=False),
    Column("binding_hash", String(64), nullable=False),  # sha256 of the browser's signed cookie
    Column("started_at", Float, nullable=False),
    Column("seen_at", Float, nullable=False),
)

login_counters = Table(
    "login_counters", metadata,
    Column("key", String(64), primary_key=True),  # sha256 of what is counted (an account name, and a client)
    Column("failures", Integer, nullable=False),
    Column("pending", Integer, nullable=False),  # attempts being checked right now
    Column("last_at", Float, nullable=False),  # the last attempt or failure
)

app_secrets = Table(
    "app_secrets", metadata,
    Column("name", String(64), primary_key=True),
    Column("value", String(200), nullable=False),  # hex; created once, read by every process
    Column("created_at", DateTime(timezone=True), nullable=False),
)

Index("ix_audit_profile", audit_log.c.profile_id)
Index("ix_audit_code", audit_log.c.code_id)
Index("ix_codes_profile", access_codes.c.profile_id)
Index("ix_usage_at", usage_log.c.at)
Index("ix_staff_sessions_binding", staff_sessions.c.binding_hash)
Index("ix_login_counters_last_at", login_counters.c.last_at)
Index("ix_jobs_state", jobs.c.state)
