"""/healthz, /readyz and /metrics on the served app: plain JSON and Prometheus text, not shadowed by the Gradio
page at "/", and never a broker URL or password in an answer."""
import sys

import pytest
from starlette.testclient import TestClient

import atypie
from atypie import metrics
from atypie.store import open_store
from atypie.web import health
from atypie.web.server import create_app

BROKER = "redis://:pass-not-to-leak@127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def store():
    with open_store() as opened:  # SQLite, in this test's private ATYPIE_HOME
        yield opened


@pytest.fixture
def client(store, monkeypatch):
    monkeypatch.delenv("ATYPIE_BROKER_URL", raising=False)
    return TestClient(create_app(store))


@pytest.mark.slow
def test_healthz_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


@pytest.mark.slow
def test_readyz_is_ok_with_the_store_and_no_broker(client):
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "store": "ok"}


@pytest.mark.slow
def test_readyz_says_the_broker_is_unreachable_without_its_url(client, monkeypatch):
    monkeypatch.setenv("ATYPIE_BROKER_URL", BROKER)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "store": "ok", "broker": "unreachable"}
    assert "127.0.0.1" not in response.text and "pass-not-to-leak" not in response.text


@pytest.mark.slow
def test_metrics_count_api_operations(client, store):
    pytest.importorskip("prometheus_client")
    atypie.simplify("La digestion commence dans la bouche.", store=store)
    response = client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    assert 'atypie_requests_total{operation="simplify",outcome="done"}' in response.text


def test_readiness_names_an_unreachable_store(store, monkeypatch):
    def refuse():
        raise ConnectionRefusedError("postgresql://atypie:secret@db/atypie")

    monkeypatch.setattr(store.engine, "connect", refuse)
    assert health.readiness(store, broker_url="") == (503, {"status": "unavailable", "store": "unreachable"})


def test_metrics_page_without_prometheus_client(monkeypatch):
    monkeypatch.setitem(sys.modules, "prometheus_client", None)
    metrics._build.cache_clear()
    try:
        status, body, content_type = health.metrics_page()
    finally:
        metrics._build.cache_clear()
    assert status == 503 and b"atypie[scale]" in body and content_type.startswith("text/plain")
