"""The Python API's entry points; the CLI and the web app are thin layers over these."""
from __future__ import annotations

from .config import Settings
from .errors import ProfileNotFound
from .ids import check_identifier
from .profiles.model import Profile
from .profiles.presets import load_preset, preset_names
from .store import Store


def open_store(url: str | None = None) -> Store:
    """The store at `url`, or the one configured by ATYPIE_DATABASE_URL / ATYPIE_HOME."""
    settings = Settings.from_env()
    return Store(url or settings.database_url, timezone=settings.timezone)


def load_profile(name: str, store: Store | None = None) -> Profile:
    """A stored profile named `name`; when none is stored, the shipped preset of that name."""
    check_identifier(name)
    if store is not None:
        try:
            return store.profiles.get(name).profile
        except ProfileNotFound:
            if name not in preset_names():
                raise
    if name in preset_names():
        return load_preset(name)
    raise ProfileNotFound(profile_id=name)
