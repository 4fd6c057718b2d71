"""Tiny random-weight pipelines, built once per session, and a clean model environment for every test."""
from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def no_model_variables(monkeypatch) -> None:
    """The caller's installed models and registry never leak into a test."""
    for name in list(os.environ):
        if name.startswith("ATYPIE_MODEL"):
            monkeypatch.delenv(name)


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
