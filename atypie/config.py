"""Settings read from the environment, with the embedded defaults (SQLite, offline backend)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigurationError

LANGUAGES = ("fr", "en")
BACKENDS = ("offline", "mistral")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
DEFAULT_MISTRAL_DEADLINE_S = 15.0  # a student waits at most this long for Mistral before the offline result
MAX_MISTRAL_DEADLINE_S = 600.0
DEFAULT_JOB_LEASE_S = 60  # a worker renews a running job's lease every third of this; past it, another may take it
DEFAULT_JOB_VISIBILITY_S = 600  # Redis hands out again a task no worker acknowledged within this
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
    mistral_deadline_s: float = DEFAULT_MISTRAL_DEADLINE_S  # ATYPIE_MISTRAL_DEADLINE_S: whole request, retries included
    log_level: str = "INFO"  # ATYPIE_LOG_LEVEL: what `atypie serve` writes on stderr
    broker_url: str | None = None  # ATYPIE_BROKER_URL: Celery's broker; unset, jobs run in the calling process
    job_lease_s: int = DEFAULT_JOB_LEASE_S  # ATYPIE_JOB_LEASE_S
    job_visibility_s: int = DEFAULT_JOB_VISIBILITY_S  # ATYPIE_JOB_VISIBILITY_S

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
            mistral_deadline_s=_deadline(env.get("ATYPIE_MISTRAL_DEADLINE_S")),
            log_level=_log_level(env.get("ATYPIE_LOG_LEVEL")),
            broker_url=env.get("ATYPIE_BROKER_URL") or None,
            job_lease_s=_whole_seconds(env, "ATYPIE_JOB_LEASE_S", DEFAULT_JOB_LEASE_S, 3, 3600),
            job_visibility_s=_whole_seconds(env, "ATYPIE_JOB_VISIBILITY_S", DEFAULT_JOB_VISIBILITY_S, 5, 86_400),
        )


def _deadline(raw: str | None) -> float:
    if not raw:
        return DEFAULT_MISTRAL_DEADLINE_S
    try:
        seconds = float(raw)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds <= MAX_MISTRAL_DEADLINE_S:  # also refuses nan and inf
        raise ConfigurationError(detail=f"ATYPIE_MISTRAL_DEADLINE_S={raw[:40]!r} ; valeur attendue : un nombre "
                                        f"de secondes plus grand que 0 et au plus {MAX_MISTRAL_DEADLINE_S:g} "
                                        "(par exemple 15)")
    return seconds


def _whole_seconds(env: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name) or str(default)
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ConfigurationError(detail=f"{name}={raw[:20]!r} ; valeur attendue : un nombre de secondes entre {low} "
                                        f"et {high}")
    return int(raw)


def _log_level(raw: str | None) -> str:
    level = (raw or "INFO").strip().upper()
    if level not in LOG_LEVELS:
        raise ConfigurationError(detail=f"ATYPIE_LOG_LEVEL={raw[:40]!r} ; valeurs possibles : {', '.join(LOG_LEVELS)}")
    return level


def _default_home() -> str:
    from platformdirs import user_data_dir

    return user_data_dir("atypie", appauthor=False)
