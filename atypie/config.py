"""Settings read from the environment, with the embedded defaults (SQLite, offline backend)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigurationError

LANGUAGES = ("fr", "en")
BACKENDS = ("offline", "mistral")
DEFAULT_MODELS_REGISTRY = Path(__file__).resolve().parent.parent / "models" / "registry.toml"


@dataclass(frozen=True)
class Settings:
    home: Path
    database_url: str
    backend: str
    lang: str
    timezone: str
    mistral_server_url: str | None
    mistral_key_set: bool
    models_registry: Path = DEFAULT_MODELS_REGISTRY  # ATYPIE_MODELS_REGISTRY: the illustration model registry

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        env = dict(os.environ if env is None else env)
        home = Path(env.get("ATYPIE_HOME") or _default_home()).expanduser()
        lang = env.get("ATYPIE_LANG", "fr")
        if lang not in LANGUAGES:
            raise ConfigurationError(detail=f"ATYPIE_LANG={lang!r} ; valeurs possibles : fr, en")
        backend = env.get("ATYPIE_BACKEND", "offline")
        if backend not in BACKENDS:
            raise ConfigurationError(detail=f"ATYPIE_BACKEND={backend!r} ; valeurs possibles : offline, mistral")
        return cls(
            home=home,
            database_url=env.get("ATYPIE_DATABASE_URL") or f"sqlite:///{home / 'atypie.db'}",
            backend=backend,
            lang=lang,
            timezone=env.get("ATYPIE_TIMEZONE", "Europe/Paris"),
            mistral_server_url=env.get("MISTRAL_SERVER_URL") or None,
            mistral_key_set=bool(env.get("MISTRAL_API_KEY")),
            models_registry=Path(env.get("ATYPIE_MODELS_REGISTRY") or DEFAULT_MODELS_REGISTRY).expanduser(),
        )


def _default_home() -> str:
    from platformdirs import user_data_dir

    return user_data_dir("atypie", appauthor=False)
