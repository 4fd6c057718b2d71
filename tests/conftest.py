"""Shared fixtures: a private ATYPIE_HOME, stores on SQLite and on a real PostgreSQL server, tiny diffusion
pipelines built once per session."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from atypie.store import Store
from tests.postgres_cluster import cluster, server_binaries

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(autouse=True)
def atypie_home(tmp_path, monkeypatch) -> Path:
    """Every test gets its own data folder and the offline defaults, whatever the caller's environment."""
    home = tmp_path / "atypie-home"
    monkeypatch.setenv("ATYPIE_HOME", str(home))
    for name in ("ATYPIE_DATABASE_URL", "ATYPIE_BACKEND", "ATYPIE_LANG", "MISTRAL_API_KEY", "MISTRAL_SERVER_URL",
                 "ATYPIE_MISTRAL_DEADLINE_S", "ATYPIE_LOG_LEVEL", "ATYPIE_BROKER_URL",
                 "ATYPIE_JOB_LEASE_S", "ATYPIE_JOB_VISIBILITY_S"):
        monkeypatch.delenv(name, raising=False)
    for name in [name for name in os.environ if name.startswith("ATYPIE_MODEL")]:  # installed models, registry
        monkeypatch.delenv(name)
    return home


@pytest.fixture
def atypie_logger():
    """The `atypie` logger, its handlers and level put back after the test (configuring logging is global)."""
    import logging

    logger = logging.getLogger("atypie")
    handlers, level = list(logger.handlers), logger.level
    yield logger
    logger.handlers[:] = handlers
    logger.setLevel(level)


@pytest.fixture(scope="session")
def postgres_server():
    """A throw-away PostgreSQL cluster listening only on a Unix socket in a temporary folder."""
    bindir = server_binaries()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries are not installed (scripts/bootstrap.sh installs them)")
    with cluster(bindir, options="-c fsync=off") as (sock, _as_postgres):
        yield sock


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path) -> str:
    """A fresh, empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'atypie.db'}"
    sock = request.getfixturevalue("postgres_server")
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(host=str(sock), user="postgres", dbname="postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return f"postgresql+psycopg://postgres@/{name}?host={sock}"


@pytest.fixture
def store(database_url):
    with Store(database_url) as opened:
        yield opened


@pytest.fixture
def staff_name(store) -> str:
    store.staff.add("marie", "un-mot-de-passe-solide")
    return "marie"


@pytest.fixture
def fake_mistral(monkeypatch):
    """A fake Mistral server; the environment points the real SDK at it, with fast retries."""
    from tests.fakes.mistral_server import FakeMistral

    with FakeMistral() as server:
        monkeypatch.setenv("MISTRAL_API_KEY", "test-key-not-secret-0000")
        monkeypatch.setenv("MISTRAL_SERVER_URL", server.url)
        monkeypatch.setenv("ATYPIE_MISTRAL_BACKOFF_S", "0.01")
        monkeypatch.setenv("ATYPIE_MISTRAL_TIMEOUT_S", "2")
        yield server


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory) -> dict[str, Path]:
    pytest.importorskip("diffusers")
    from atypie.imaging.tiny import build_tiny

    sd, controlnet = build_tiny(tmp_path_factory.mktemp("tiny-models"))
    return {"tiny-sd": sd, "tiny-controlnet": controlnet}


@pytest.fixture
def tiny_env(tiny_models, monkeypatch) -> dict[str, Path]:
    """The registry's tiny entries resolve to the session's tiny pipelines."""
    monkeypatch.setenv("ATYPIE_MODEL_TINY_SD", str(tiny_models["tiny-sd"]))
    monkeypatch.setenv("ATYPIE_MODEL_TINY_CONTROLNET", str(tiny_models["tiny-controlnet"]))
    return tiny_models
