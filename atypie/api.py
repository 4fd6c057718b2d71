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


def _resolve(profile: "Profile | str", store: Store | None) -> Profile:
    return profile if isinstance(profile, Profile) else load_profile(profile, store)


def simplify(text: str | bytes, profile: "Profile | str" = "standard", *, lang: str | None = None,
             backend: str | None = None, store: Store | None = None):
    """A plain-language version of `text` for `profile` (typed `SimplifyResult`)."""
    from .falc.simplify import simplify as run

    return run(text, _resolve(profile, store), lang, backend)


def check(text: str | bytes, profile: "Profile | str" = "standard", *, lang: str | None = None,
          store: Store | None = None):
    """The plain-language rules' report on `text` (typed `CheckResult`)."""
    from .falc.simplify import check as run

    return run(text, _resolve(profile, store), lang)


def diagram(text: str | bytes, profile: "Profile | str" = "standard", *, lang: str | None = None,
            kind: str | None = None, backend: str | None = None, store: Store | None = None):
    """A diagram of `text` for `profile` (typed `DiagramResult`: graph, views, description, DOT)."""
    from .diagram.pipeline import diagram as run

    return run(text, _resolve(profile, store), lang=lang, kind=kind, backend=backend)


def describe(image: bytes, profile: "Profile | str" = "standard", *, backend: str | None = None,
             store: Store | None = None):
    """A plain-language description of an image (typed `ImageDescription`: alt, description, text, method…)."""
    from .vision.describe import describe as run

    return run(image, _resolve(profile, store), backend=backend)
