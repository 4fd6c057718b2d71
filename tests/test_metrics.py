"""The Prometheus metrics: fed by `metered` and the gate, jobs read from the store at scrape time, and silent when
prometheus-client is not installed."""
import subprocess
import sys
from datetime import date

import pytest

from atypie import metrics
from atypie.energy import metered
from atypie.errors import ImageGenerationRefused, InvalidInput
from atypie.gate import Gate
from atypie.profiles.presets import load_preset

pytest.importorskip("prometheus_client")


@pytest.fixture(autouse=True)
def no_jobs_source():
    yield
    metrics.set_jobs_source(None)


class FakeJobs:
    """A jobs source with given figures (the store's own is tested in tests/store/test_jobs_store.py)."""

    def __init__(self, depth=None, outcomes=None, error=None) -> None:
        self.depths, self.finished, self.error = depth or {}, outcomes or {}, error

    def depth(self):
        if self.error:
            raise self.error
        return self.depths

    def outcomes(self):
        return self.finished


def _value(name: str, **labels) -> float:
    """A sample of the private registry (0 when absent); the registry lives for the process, so tests compare."""
    return metrics.registry().get_sample_value(name, labels) or 0.0


def test_request_finished_counts_times_and_energy():
    before = (_value("atypie_requests_total", operation="t-op", outcome="done"),
              _value("atypie_request_seconds_count", operation="t-op"),
              _value("atypie_request_seconds_sum", operation="t-op"),
              _value("atypie_energy_wh_total", operation="t-op"))
    metrics.request_finished("t-op", "done", seconds=1.5, energy_wh=0.25)
    metrics.request_finished("t-op", "done", seconds=0.5, energy_wh=0.25)
    after = (_value("atypie_requests_total", operation="t-op", outcome="done"),
             _value("atypie_request_seconds_count", operation="t-op"),
             _value("atypie_request_seconds_sum", operation="t-op"),
             _value("atypie_energy_wh_total", operation="t-op"))
    assert [a - b for a, b in zip(after, before, strict=True)] == pytest.approx([2, 2, 2.0, 0.5])


def test_metered_counts_every_outcome_even_without_a_store():
    outcomes = ("done", "refused", "failed")
    before = [_value("atypie_requests_total", operation="m-op", outcome=outcome) for outcome in outcomes]
    with metered(None, "m-op", None):
        pass
    with pytest.raises(ImageGenerationRefused), metered(None, "m-op", None):
        raise ImageGenerationRefused(profile_id="p", why="non")
    with pytest.raises(InvalidInput), metered(None, "m-op", None):
        raise InvalidInput(detail="vide")
    after = [_value("atypie_requests_total", operation="m-op", outcome=outcome) for outcome in outcomes]
    assert [a - b for a, b in zip(after, before, strict=True)] == [1, 1, 1]
    assert _value("atypie_request_seconds_count", operation="m-op") >= 3


@pytest.mark.slow
def test_every_gate_decision_is_counted(store, staff_name):
    store.profiles.create(load_preset("tsa", "g1"))
    store.profiles.allow_images("g1", reason="raison", approved_by=staff_name, daily_quota=1)
    before = {allowed: _value("atypie_gate_decisions_total", operation="illustrate", allowed=allowed)
              for allowed in ("true", "false")}
    gate = Gate(store, today=lambda: date(2026, 11, 28))
    assert [gate.check("g1").allowed, gate.check("g1").allowed, gate.check("standard").allowed] == [True, False, False]
    assert _value("atypie_gate_decisions_total", operation="illustrate", allowed="true") - before["true"] == 1
    assert _value("atypie_gate_decisions_total", operation="illustrate", allowed="false") - before["false"] == 2


def test_jobs_are_read_from_the_store_at_scrape_time(store):
    metrics.set_jobs_source(store.jobs)
    store.jobs.create("m1", kind="adapt", queue="cpu", profile_id="falc", options={}, input_name="a.md",
                      input_data=b"# A")
    assert _value("atypie_queue_depth", queue="cpu") == 1
    store.jobs.claim("m1", lease_s=30)
    store.jobs.finish("m1", "failed", error_code="ATY-E052")
    assert _value("atypie_queue_depth", queue="cpu") == 0
    assert _value("atypie_jobs_total", kind="adapt", outcome="failed") == 1


def test_a_failing_jobs_source_leaves_the_metrics_empty_but_the_scrape_works():
    metrics.set_jobs_source(FakeJobs(error=ConnectionError("postgresql://atypie:secret@db/atypie")))
    body, content_type = metrics.exposition()
    assert content_type.startswith("text/plain") and b"# TYPE atypie_queue_depth gauge" in body
    assert b"atypie_queue_depth{" not in body and b"secret" not in body


def test_exposition_names_every_metric():
    metrics.request_finished("x-op", "done", seconds=0.1, energy_wh=0.0)
    metrics.gate_decision("illustrate", False)
    metrics.set_jobs_source(FakeJobs({"cpu": 2}, {("adapt", "done"): 4}))
    body = metrics.exposition()[0].decode()
    for name in ("atypie_requests_total", "atypie_request_seconds_bucket", "atypie_energy_wh_total",
                 "atypie_gate_decisions_total", "atypie_jobs_total", "atypie_queue_depth"):
        assert name in body


@pytest.fixture
def without_prometheus_client(monkeypatch):
    """prometheus-client made unimportable; the metrics are rebuilt afresh afterwards."""
    monkeypatch.setitem(sys.modules, "prometheus_client", None)
    metrics._build.cache_clear()
    yield
    metrics._build.cache_clear()


def test_without_prometheus_client_everything_is_a_silent_no_op(without_prometheus_client):
    metrics.set_jobs_source(FakeJobs({"cpu": 1}))
    metrics.request_finished("n-op", "done", seconds=0.1, energy_wh=0.1)
    metrics.gate_decision("illustrate", True)
    with metered(None, "n-op", None):
        pass
    assert metrics.registry() is None and metrics.exposition() is None


@pytest.mark.slow
def test_importing_atypie_and_its_metered_modules_does_not_load_prometheus_client():
    probe = "import sys, atypie, atypie.energy, atypie.gate; print('prometheus_client' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
