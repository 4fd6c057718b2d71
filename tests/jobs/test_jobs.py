"""Jobs with no broker (the embedded default): submitted, run in the calling process, followed in the store; the
same request done once; the gate asked before queueing and again when the job runs, its quota spent once per job."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import delete, func, select, update

from atypie.errors import ImageGenerationRefused, InvalidInput
from atypie.jobs import job_id, submit_adapt, submit_illustrate, wait
from atypie.jobs.work import Busy, run_job
from atypie.profiles.presets import load_preset
from atypie.store.schema import image_usage, job_files, jobs

MARKDOWN = "# Cours\n\nLa photosynthèse permet aux plantes de fabriquer leur matière organique.\n".encode()
COURSE = ("La digestion commence dans la bouche. Ensuite, l'estomac broie les aliments. "
          "Enfin, l'intestin absorbe les nutriments.\n")


def test_the_id_depends_on_every_part_of_the_request():
    base = job_id("adapt", b"abc", "falc", {"to": ["html"]})
    assert len(base) == 32 and base == job_id("adapt", b"abc", "falc", {"to": ["html"]})
    assert len({base, job_id("adapt", b"abd", "falc", {"to": ["html"]}), job_id("adapt", b"abc", "tsa", {"to": ["html"]}),
                job_id("adapt", b"abc", "falc", {"to": ["md"]}), job_id("illustrate", b"abc", "falc", {"to": ["html"]})}
               ) == 5


def test_a_document_job_runs_in_process_without_a_broker(store):
    job = submit_adapt(MARKDOWN, "cours.md", "falc", store=store, to=("html", "md"))
    assert job.state == "done" and job.attempts == 1
    assert set(job.files) == {"cours.html", "cours.md"}
    assert "photosynthèse" in store.jobs.file(job.id, "cours.html").decode()
    assert job.report["formats"] == ["html", "md"]
    again = submit_adapt(MARKDOWN, "cours.md", "falc", store=store, to=("html", "md"))
    assert again.id == job.id and again.attempts == 1  # the same request is not done twice
    assert wait(store, job.id, timeout_s=1).state == "done"


def test_a_bad_document_fails_with_its_code_and_keeps_nothing(store):
    job = submit_adapt(b"\x00\x01binary", "cours.docx", "falc", store=store)
    assert job.state == "failed" and job.error_code.startswith("ATY-E05") and job.files == ()
    with pytest.raises(InvalidInput):
        submit_adapt(MARKDOWN, "cours.md", "falc", store=store, to=("exe",))


def test_a_job_held_by_a_live_worker_is_left_to_it(store):
    identifier = job_id("adapt", MARKDOWN, "falc", {"to": ["html"], "backend": None, "course": None,
                                                   "diagrams": False})
    store.jobs.create(identifier, kind="adapt", queue="cpu", profile_id="falc",
                      options={"to": ["html"], "backend": None, "course": None, "diagrams": False},
                      input_name="cours.md", input_data=MARKDOWN)
    store.jobs.claim(identifier, lease_s=60)  # another worker took it
    with pytest.raises(Busy) as busy:
        run_job(store, identifier)
    assert 50 < busy.value.retry_in <= 61
    # that worker died: once its lease has run out, the job is run here
    _expire_lease(store, identifier)
    done = run_job(store, identifier)
    assert done.state == "done" and done.files == ("cours.html",)


@pytest.fixture
def allowed(store, staff_name):
    store.profiles.create(load_preset("tsa", "lea"))
    store.profiles.allow_images("lea", reason="besoin d'images", approved_by=staff_name, daily_quota=2)
    return "lea"


def _expire_lease(store, identifier: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(jobs).where(jobs.c.id == identifier).values(lease_until=time.time() - 1))


def _used(store, profile_id: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.coalesce(func.sum(image_usage.c.count), 0))
                            .where(image_usage.c.profile_id == profile_id)).scalar()


def test_the_gate_decides_before_queueing(store, tiny_env):
    store.profiles.create(load_preset("tsa", "sans-droit"))
    with pytest.raises(ImageGenerationRefused):
        submit_illustrate(COURSE, "sans-droit", store=store, model="tiny-sd")
    assert store.jobs.list() == []  # nothing was queued


@pytest.mark.slow
def test_an_illustration_job_spends_the_quota_once_even_when_run_again(store, allowed, tiny_env):
    job = submit_illustrate(COURSE, allowed, store=store, model="tiny-sd", seed=3)
    assert job.state == "done" and job.files == ("illustration.png",)
    assert job.report["verdict"]["allowed"] is True
    assert store.jobs.file(job.id, "illustration.png").startswith(b"\x89PNG")
    assert _used(store, allowed) == 1
    # the worker died after the image was made but before the job was marked done: the job runs again
    with store.engine.begin() as conn:
        conn.execute(delete(job_files).where(job_files.c.job_id == job.id))
        conn.execute(update(jobs).where(jobs.c.id == job.id).values(state="running"))
    _expire_lease(store, job.id)
    again = run_job(store, job.id)
    assert again.state == "done" and again.files == ("illustration.png",)
    assert _used(store, allowed) == 1  # the same job took no second unit


@pytest.mark.slow
def test_a_grant_revoked_after_queueing_stops_the_job(store, allowed, staff_name, tiny_env):
    identifier = "j-revoked"
    store.jobs.create(identifier, kind="illustrate", queue="gpu", profile_id=allowed,
                      options={"model": "tiny-sd", "mode": "nodes", "seed": 0}, input_name="",
                      input_data=COURSE.encode())  # queued while the grant held
    store.profiles.revoke_images(allowed, actor=staff_name)
    job = run_job(store, identifier)
    assert job.state == "refused" and job.error_code == ImageGenerationRefused.code and job.files == ()
    assert _used(store, allowed) == 0
    decisions = store.audit.entries(profile_id=allowed, operation="gate.illustrate")
    assert decisions[0].allowed is False
