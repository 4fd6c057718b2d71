"""Stored profiles with optimistic locking: a stale write is rejected, never silently lost."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, delete, select, update
from sqlalchemy.exc import IntegrityError

from ..errors import ImageSettingsProtected, InvalidInput, ProfileExists, ProfileNotFound, StaleProfile, UnknownStaff
from ..ids import check_identifier
from ..profiles.model import ImageGeneration, Profile
from . import audit
from .schema import profiles, staff
from .times import aware

MAX_REASON_CHARS = 500


@dataclass(frozen=True)
class StoredProfile:
    profile: Profile
    version: int
    created_at: datetime
    updated_at: datetime

    @property
    def id(self) -> str:
        return self.profile.id

    def to_dict(self) -> dict:
        return {"profile": self.profile.model_dump(mode="json"), "version": self.version,
                "created_at": self.created_at.isoformat(), "updated_at": self.updated_at.isoformat()}


class ProfileRepository:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def create(self, profile: Profile, *, actor: str | None = None) -> StoredProfile:
        if profile.image_generation.allowed:
            raise ImageSettingsProtected()
        now = datetime.now(UTC)
        try:
            with self._engine.begin() as conn:
                conn.execute(profiles.insert().values(
                    id=profile.id, data=profile.model_dump_json(), version=1, created_at=now, updated_at=now))
                audit.record(conn, "profile.create", allowed=True, profile_id=profile.id, actor=actor,
                             detail=f"preset={profile.preset or '-'}")
        except IntegrityError:
            raise ProfileExists(profile_id=profile.id) from None
        return StoredProfile(profile, 1, now, now)

    def get(self, profile_id: str) -> StoredProfile:
        check_identifier(profile_id)
        with self._engine.begin() as conn:
            return self.read(conn, profile_id)

    def exists(self, profile_id: str) -> bool:
        check_identifier(profile_id)
        with self._engine.begin() as conn:
            return conn.execute(select(profiles.c.id).where(profiles.c.id == profile_id)).first() is not None

    def list(self) -> list[StoredProfile]:
        with self._engine.begin() as conn:
            rows = conn.execute(select(profiles).order_by(profiles.c.id)).mappings().all()
        return [_from_row(row) for row in rows]

    def update(self, profile: Profile, *, expected_version: int, actor: str | None = None) -> StoredProfile:
        """Save `profile` if the stored version is still `expected_version`; else raise `StaleProfile`."""
        with self._engine.begin() as conn:
            current = self.read(conn, profile.id)
            if current.version != expected_version:
                raise StaleProfile(profile_id=profile.id, expected=expected_version, actual=current.version)
            if profile.image_generation != current.profile.image_generation:
                raise ImageSettingsProtected()
            stored = self._write(conn, profile, expected_version)
            audit.record(conn, "profile.update", allowed=True, profile_id=profile.id, actor=actor)
        return stored

    def delete(self, profile_id: str, *, actor: str | None = None) -> None:
        check_identifier(profile_id)
        with self._engine.begin() as conn:
            if conn.execute(delete(profiles).where(profiles.c.id == profile_id)).rowcount == 0:
                raise ProfileNotFound(profile_id=profile_id)
            audit.record(conn, "profile.delete", allowed=True, profile_id=profile_id, actor=actor)

    def allow_images(self, profile_id: str, *, reason: str, approved_by: str, daily_quota: int = 10,
                     expected_version: int | None = None) -> StoredProfile:
        """Grant image generation on a named profile; only an existing staff account can approve it."""
        reason = " ".join((reason or "").split())
        if not reason or len(reason) > MAX_REASON_CHARS or not reason.isprintable():
            raise InvalidInput(detail=f"donnez une raison lisible de 1 à {MAX_REASON_CHARS} caractères")
        if not 1 <= daily_quota <= 200:
            raise InvalidInput(detail="le quota quotidien doit être entre 1 et 200 images")
        check_identifier(approved_by)
        grant = ImageGeneration(allowed=True, reason=reason, approved_by=approved_by,
                                approved_at=datetime.now(UTC), daily_quota=daily_quota)
        with self._engine.begin() as conn:
            if conn.execute(select(staff.c.name).where(staff.c.name == approved_by)).first() is None:
                raise UnknownStaff(name=approved_by)
            stored = self._set_grant(conn, profile_id, grant, expected_version)
            audit.record(conn, "images.allow", allowed=True, profile_id=profile_id, actor=approved_by,
                         detail=f"quota={daily_quota}")
        return stored

    def revoke_images(self, profile_id: str, *, actor: str | None = None,
                      expected_version: int | None = None) -> StoredProfile:
        with self._engine.begin() as conn:
            stored = self._set_grant(conn, profile_id, ImageGeneration(), expected_version)
            audit.record(conn, "images.revoke", allowed=True, profile_id=profile_id, actor=actor)
        return stored

    def _set_grant(self, conn: Connection, profile_id: str, grant: ImageGeneration,
                   expected_version: int | None) -> StoredProfile:
        current = self.read(conn, profile_id)
        version = current.version if expected_version is None else expected_version
        return self._write(conn, current.profile.model_copy(update={"image_generation": grant}), version)

    def read(self, conn: Connection, profile_id: str) -> StoredProfile:
        check_identifier(profile_id)
        row = conn.execute(select(profiles).where(profiles.c.id == profile_id)).mappings().first()
        if row is None:
            raise ProfileNotFound(profile_id=profile_id)
        return _from_row(row)

    def _write(self, conn: Connection, profile: Profile, expected_version: int) -> StoredProfile:
        now = datetime.now(UTC)
        result = conn.execute(
            update(profiles)
            .where(profiles.c.id == profile.id, profiles.c.version == expected_version)
            .values(data=profile.model_dump_json(), version=profiles.c.version + 1, updated_at=now))
        if result.rowcount != 1:
            actual = self.read(conn, profile.id).version
            raise StaleProfile(profile_id=profile.id, expected=expected_version, actual=actual)
        return self.read(conn, profile.id)


def _from_row(row) -> StoredProfile:
    return StoredProfile(Profile.model_validate_json(row["data"]), row["version"],
                         aware(row["created_at"]), aware(row["updated_at"]))
