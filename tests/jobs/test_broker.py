"""Jobs through a real broker: a Redis server and an `atypie worker` started here, on loopback; and a broker that
does not answer gives a coded error and leaves the job ready to be submitted again."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from atypie.config import Settings
from atypie.errors import BrokerUnavailable
from atypie.jobs import submit_adapt, wait
from tests.services import redis_server

pytestmark = [pytest.mark.exe, pytest.mark.slow]
MARKDOWN = "# Cours\n\nLes enzymes accélèrent les réactions chimiques de la cellule.\n".encode()


@pytest.fixture
def redis_url():
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (scripts/bootstrap.sh installs it)")
    with redis_server() as url:
        yield url


@pytest.fixture
def worker(store, redis_url, monkeypatch):
    """`atypie worker` on the cpu queue, on this store; the test process sends its jobs to the same broker."""
    env = {**os.environ, "ATYPIE_DATABASE_URL": store.url, "ATYPIE_BROKER_URL": redis_url}
    process = subprocess.Popen([sys.executable, "-m", "atypie", "worker", "--queues", "cpu", "--concurrency", "1"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    monkeypatch.setenv("ATYPIE_BROKER_URL", redis_url)
    yield process
    process.terminate()
    process.wait(timeout=30)


def test_a_worker_runs_a_queued_document(store, worker):
    job = submit_adapt(MARKDOWN, "cours.md", "falc", store=store)
    assert job.state == "queued"  # sent to the worker, not run here
    done = wait(store, job.id, timeout_s=120)
    assert done.state == "done" and done.files == ("cours.html",) and done.attempts == 1
    assert "enzymes" in store.jobs.file(job.id, "cours.html").decode()


def test_the_students_page_follows_a_document_job_to_its_result(store, worker, tmp_path):
    from atypie.profiles.presets import load_preset
    from atypie.web import handlers

    store.profiles.create(load_preset("dyslexie", "etu"))
    code = store.codes.issue("etu").code
    upload = tmp_path / "chapitre.md"
    upload.write_bytes(MARKDOWN)
    view = handlers.adapt_upload(store, code, str(upload), ["md"], "fr", report=lambda share, what: None)
    assert [Path(p).name for p in view.files] == ["chapitre-adapte.md"]
    assert "enzymes" in Path(view.files[0]).read_text(encoding="utf-8")
    [job] = store.jobs.list()
    assert job.state == "done" and job.profile_id == "etu"


def test_an_unreachable_broker_is_a_coded_error_and_the_job_can_be_sent_again(store):
    settings = Settings.from_env({"ATYPIE_BROKER_URL": "redis://:secret@127.0.0.1:1/0"})
    with pytest.raises(BrokerUnavailable) as refused:
        submit_adapt(MARKDOWN, "cours.md", "falc", store=store, settings=settings)
    assert "secret" not in refused.value.message("fr")
    [job] = store.jobs.list()
    assert job.state == "failed" and job.error_code == BrokerUnavailable.code
    again = submit_adapt(MARKDOWN, "cours.md", "falc", store=store)  # no broker now: run here
    assert again.id == job.id and again.state == "done"


def test_a_scanned_pdf_is_read_by_a_worker_for_the_students_page(store, worker):
    import io

    from PIL import Image, ImageDraw

    from atypie.profiles.presets import load_preset
    from atypie.web import handlers

    page = Image.new("RGB", (900, 300), "white")
    ImageDraw.Draw(page).text((40, 120), "La photosynthese produit du dioxygene.", fill="black",
                              font_size=36)
    scanned = io.BytesIO()
    page.save(scanned, format="PDF")
    store.profiles.create(load_preset("dyslexie", "etu"))
    view = handlers.describe_image(store, store.codes.issue("etu").code, scanned.getvalue(), "fr")
    assert "photosynth" in (view.text + view.alt).lower()
    [job] = store.jobs.list()
    assert job.kind == "describe" and job.state == "done"


def test_a_gpu_worker_makes_the_students_illustration_once_the_gate_allows_it(store, redis_url, staff_name,
                                                                                tiny_env, monkeypatch):
    from atypie.errors import ImageGenerationRefused
    from atypie.profiles.presets import load_preset
    from atypie.web import handlers

    monkeypatch.setenv("ATYPIE_MODEL_DEFAULT_NODES", "tiny-sd")
    env = {**os.environ, "ATYPIE_DATABASE_URL": store.url, "ATYPIE_BROKER_URL": redis_url}
    gpu = subprocess.Popen([sys.executable, "-m", "atypie", "worker", "--queues", "gpu"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    monkeypatch.setenv("ATYPIE_BROKER_URL", redis_url)
    try:
        store.profiles.create(load_preset("tsa", "lea"))
        code = store.codes.issue("lea").code
        course = "La digestion commence dans la bouche. Ensuite, l'estomac broie les aliments."
        with pytest.raises(ImageGenerationRefused):  # not allowed: refused before anything is queued
            handlers.illustrate_text(store, code, course, "fr")
        assert store.jobs.list() == []
        store.profiles.allow_images("lea", reason="besoin d'images", approved_by=staff_name, daily_quota=3)
        view = handlers.illustrate_text(store, code, course, "fr")
        [job] = store.jobs.list()
        assert job.kind == "illustrate" and job.queue == "gpu" and job.state == "done"
        assert Path(view.files[0]).read_bytes().startswith(b"\x89PNG") and view.alt_fr
    finally:
        gpu.terminate()
        gpu.wait(timeout=30)
