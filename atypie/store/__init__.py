"""The store: profiles, staff accounts, access codes, image quota, usage, course glossaries and the audit log,
in one database."""
from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from ..config import Settings
from ..errors import DatabaseUnavailable
from .audit import AuditLog
from .codes import AccessCodes
from .engine import lock_for_migration, make_engine
from .glossaries import CourseGlossaries
from .jobs import JobStore
from .migrations import migrate
from .profiles import ProfileRepository
from .sessions import SessionStore
from .staff import StaffRepository
from .usage import UsageLog


class Store:
    """Open (and migrate) the database at `url`; the repositories hang off this object."""

    def __init__(self, url: str, *, timezone: str = "Europe/Paris") -> None:
        self.url = url
        self.timezone = timezone
        self.engine: Engine = make_engine(url)
        try:
            with self.engine.begin() as conn:
                lock_for_migration(conn)
                migrate(conn)
        except OperationalError as exc:
            self.engine.dispose()
            raise DatabaseUnavailable(detail=type(exc.orig).__name__) from None
        self.audit = AuditLog(self.engine)
        self.profiles = ProfileRepository(self.engine)
        self.staff = StaffRepository(self.engine)
        self.codes = AccessCodes(self.engine, self.profiles, self.audit)
        self.usage = UsageLog(self.engine, timezone)
        self.glossaries = CourseGlossaries(self.engine, self.profiles)
        self.jobs = JobStore(self.engine)
        self.sessions = SessionStore(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(url: str | None = None, settings: Settings | None = None) -> Store:
    """The store at `url`, or the one the settings name (ATYPIE_DATABASE_URL, else a file in ATYPIE_HOME)."""
    settings = settings or Settings.from_env()
    return Store(url or settings.database_url, timezone=settings.timezone)
