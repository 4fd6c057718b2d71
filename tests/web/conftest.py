"""Fixtures of the web tests (not the browser tests, which start their own server)."""
from __future__ import annotations

import pytest

from atypie.store import open_store
from tests.web.seeding import Seeded, seed


@pytest.fixture
def seeded() -> Seeded:
    """The seeded store in this test's private ATYPIE_HOME; no model for image generation is configured."""
    with open_store() as store:
        yield seed(store)


@pytest.fixture
def no_illustration_model(monkeypatch):
    """Image generation stops at "no model installed" once the gate allows it: fast and deterministic."""
    monkeypatch.delenv("ATYPIE_MODEL_SD15", raising=False)
    monkeypatch.delenv("ATYPIE_MODEL_SD15_CANNY", raising=False)
