"""Database engines: SQLite (WAL, immediate transactions) by default, PostgreSQL by URL."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from ..errors import ConfigurationError, DatabaseUnavailable, MissingDependency
from ..private import own_folder, private_file

SQLITE_BUSY_TIMEOUT_MS = 15000


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL, foreign keys and write-locking transactions."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigurationError(detail="ATYPIE_DATABASE_URL n'est pas une adresse de base de données valide") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except (NoSuchModuleError, ModuleNotFoundError):
            raise MissingDependency(what="psycopg", fix="pip install 'atypie[postgres]'") from None
    raise ConfigurationError(detail="seules SQLite et PostgreSQL sont prises en charge")


def _sqlite_engine(url) -> Engine:
    if url.database and url.database != ":memory:":
        database = Path(url.database).expanduser()
        try:  # password and code hashes, the audit log: readable by the user running atypie only
            own_folder(database.parent)
            private_file(database)
        except OSError as exc:
            raise DatabaseUnavailable(detail=f"fichier impossible à créer : {exc.strerror}") from None
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Take the write lock at the start: read-then-write transactions never deadlock each other.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def lock_for_migration(conn) -> None:
    """Serialise concurrent migrations (SQLite is already serialised by BEGIN IMMEDIATE)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(7431)"))
