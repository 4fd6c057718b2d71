"""The jobs table: one job per request, one worker at a time, outcome and files written together, on SQLite and
PostgreSQL."""
from __future__ import annotations

import time

import pytest

from atypie.errors import JobNotFound

OPTIONS = {"to": ["html"], "backend": None}


def _create(store, job_id="j1", data=b"# Titre\n\nTexte."):
    return store.jobs.create(job_id, kind="adapt", queue="cpu", profile_id="falc", options=OPTIONS,
                             input_name="cours.md", input_data=data)


def test_the_same_request_is_sent_once(store):
    job, send = _create(store)
    assert send and job.state == "queued" and job.options == OPTIONS and job.input_name == "cours.md"
    again, send_again = _create(store)
    assert not send_again and again.id == job.id
    assert store.jobs.input("j1") == b"# Titre\n\nTexte."
    assert store.jobs.depth() == {"cpu": 1}


def test_one_worker_holds_a_job_until_its_lease_runs_out(store):
    _create(store)
    assert store.jobs.claim("j1", lease_s=30) == "claimed"
    assert store.jobs.claim("j1", lease_s=30) == "busy"
    assert 25 < store.jobs.lease_left("j1") <= 30
    assert store.jobs.renew("j1", 30)
    # its worker died: once the lease has run out, another worker takes the job over
    assert store.jobs.claim("j1", lease_s=30, now=time.time() + 31) == "claimed"
    assert store.jobs.get("j1").attempts == 2


def test_outcome_and_files_are_written_once(store):
    _create(store)
    store.jobs.claim("j1", lease_s=30)
    assert store.jobs.progress("j1", "text", 1, 3)
    assert store.jobs.get("j1").to_dict()["progress"] == {"stage": "text", "done": 1, "total": 3}
    assert store.jobs.finish("j1", "done", report={"blocks": 2}, files={"cours.html": b"<p>x</p>"})
    assert not store.jobs.finish("j1", "done", files={"cours.html": b"other"})  # a late second run writes nothing
    job = store.jobs.get("j1")
    assert job.state == "done" and job.finished and job.report == {"blocks": 2} and job.files == ("cours.html",)
    assert store.jobs.file("j1", "cours.html") == b"<p>x</p>"
    assert store.jobs.claim("j1", lease_s=30) == "done"
    assert not _create(store)[1]  # done: the same request is not run again


def test_a_failed_job_runs_again_when_submitted_again(store):
    _create(store)
    store.jobs.claim("j1", lease_s=30)
    store.jobs.finish("j1", "failed", error_code="ATY-E052")
    job, send = _create(store)
    assert send and job.state == "queued" and job.error_code == ""


def test_a_cancelled_job_stops_at_its_next_report(store):
    _create(store)
    store.jobs.claim("j1", lease_s=30)
    assert store.jobs.cancel("j1").state == "cancelled"
    assert not store.jobs.progress("j1", "text", 2, 3)
    assert not store.jobs.renew("j1", 30)
    assert not store.jobs.finish("j1", "done", files={"cours.html": b"x"})
    assert store.jobs.get("j1").files == ()


def test_a_job_that_could_not_be_sent_is_failed(store):
    _create(store)
    store.jobs.unsent("j1", "ATY-E059")
    job = store.jobs.get("j1")
    assert job.state == "failed" and job.error_code == "ATY-E059"


def test_unknown_jobs_are_a_coded_error(store):
    for call in (lambda: store.jobs.get("nope"), lambda: store.jobs.claim("nope", 5), lambda: store.jobs.input("x"),
                 lambda: store.jobs.file("nope", "a.html")):
        with pytest.raises(JobNotFound):
            call()


def test_listing_is_newest_first_and_filtered(store):
    _create(store, "j1")
    _create(store, "j2", b"other")
    store.jobs.claim("j2", lease_s=30)
    assert [j.id for j in store.jobs.list()] == ["j2", "j1"]
    assert [j.id for j in store.jobs.list(state="queued")] == ["j1"]


def test_old_finished_jobs_are_purged_with_their_files_and_running_ones_kept(store):
    from datetime import UTC, datetime, timedelta

    _create(store, "old")
    store.jobs.claim("old", lease_s=30)
    store.jobs.finish("old", "done", files={"a.html": b"x"})
    _create(store, "busy", b"other")
    store.jobs.claim("busy", lease_s=30)
    assert store.jobs.purge(datetime.now(UTC) - timedelta(days=1)) == 0  # nothing is a day old
    assert store.jobs.purge(datetime.now(UTC) + timedelta(seconds=1)) == 1
    assert [j.id for j in store.jobs.list()] == ["busy"]
    with pytest.raises(JobNotFound):
        store.jobs.file("old", "a.html")
