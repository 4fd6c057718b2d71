"""The gate: refuses every preset, counts quotas atomically, logs every decision, trusts no caller."""
import threading
from datetime import date

import pytest

from atypie.errors import ImageGenerationRefused, InvalidIdentifier
from atypie.gate import GRANTED, NOT_ALLOWED, QUOTA_EXHAUSTED, Gate
from atypie.profiles.presets import load_preset, preset_names
from atypie.store import Store


@pytest.mark.parametrize("preset", preset_names())
def test_gate_refuses_every_preset_and_logs_it(store, preset):
    store.profiles.create(load_preset(preset))
    verdict = Gate(store).check(preset)
    assert not verdict.allowed and verdict.reasons == (NOT_ALLOWED,) and verdict.quota_left == 0
    entry = store.audit.entries(operation="gate.illustrate")[0]
    assert (entry.profile_id, entry.allowed, entry.detail) == (preset, False, NOT_ALLOWED)


def test_require_raises_with_the_verdict_attached(store):
    store.profiles.create(load_preset("tsa", "t1"))
    with pytest.raises(ImageGenerationRefused) as caught:
        Gate(store).require("t1")
    assert caught.value.exit_code == 3 and caught.value.verdict.profile_id == "t1"
    assert "service handicap" in caught.value.message("fr")


@pytest.mark.slow
def test_allowed_profile_gets_its_quota_then_is_refused(store, staff_name):
    store.profiles.create(load_preset("tsa", "t2"))
    store.profiles.allow_images("t2", reason="Besoin d'images", approved_by=staff_name, daily_quota=2)
    gate = Gate(store, today=lambda: date(2026, 11, 28))
    verdicts = [gate.check("t2") for _ in range(3)]
    assert [v.allowed for v in verdicts] == [True, True, False]
    assert [v.quota_left for v in verdicts] == [1, 0, 0]
    assert verdicts[0].reasons == (GRANTED,) and verdicts[2].reasons == (QUOTA_EXHAUSTED,)
    tomorrow = Gate(store, today=lambda: date(2026, 11, 29))
    assert tomorrow.check("t2").allowed


@pytest.mark.slow
def test_peek_does_not_consume(store, staff_name):
    store.profiles.create(load_preset("tsa", "t3"))
    store.profiles.allow_images("t3", reason="raison", approved_by=staff_name, daily_quota=1)
    gate = Gate(store)
    assert gate.check("t3", consume=False).allowed
    assert gate.check("t3").allowed
    assert not gate.check("t3", consume=False).allowed


@pytest.mark.slow
def test_revoking_closes_the_gate_at_once(store, staff_name):
    store.profiles.create(load_preset("tsa", "t4"))
    store.profiles.allow_images("t4", reason="raison", approved_by=staff_name, daily_quota=5)
    gate = Gate(store)
    assert gate.check("t4").allowed
    store.profiles.revoke_images("t4", actor=staff_name)
    assert not gate.check("t4").allowed


def test_gate_reads_the_grant_from_the_store_not_from_the_caller(store):
    store.profiles.create(load_preset("tsa", "t5"))
    with pytest.raises(InvalidIdentifier):
        Gate(store).check(load_preset("tsa", "t5"))  # a Profile object is not accepted, only an id
    forged = load_preset("tsa", "t5")
    forged.image_generation.__dict__["allowed"] = True  # tampering in memory changes nothing
    assert not Gate(store).check("t5").allowed


@pytest.mark.slow
def test_gate_through_an_access_code(store, staff_name):
    store.profiles.create(load_preset("dyslexie", "t6"))
    issued = store.codes.issue("t6")
    verdict = Gate(store).check_code(issued.code)
    assert not verdict.allowed
    assert store.audit.entries(operation="gate.illustrate")[0].code_id == issued.access.id
    store.codes.revoke(issued.code)
    with pytest.raises(Exception) as caught:
        Gate(store).check_code(issued.code)
    assert caught.value.exit_code == 3


def test_a_profile_that_is_not_stored_is_refused_and_logged(store):
    verdict = Gate(store).check("nobody")
    assert not verdict.allowed and verdict.reasons == ("not-allowed",)
    assert store.audit.entries(operation="gate.illustrate")[0].profile_id == "nobody"


def test_hostile_profile_ids(store):
    for bad in ("../x", "x' OR '1'='1"):
        with pytest.raises(Exception) as caught:
            Gate(store).check(bad)
        assert caught.value.exit_code == 2


@pytest.mark.slow
def test_quota_is_enforced_under_concurrency(store, database_url, staff_name):
    store.profiles.create(load_preset("tsa", "crowd"))
    store.profiles.allow_images("crowd", reason="raison", approved_by=staff_name, daily_quota=7)
    granted, lock = [], threading.Lock()
    barrier = threading.Barrier(6)

    def worker() -> None:
        with Store(database_url) as own:
            gate = Gate(own)
            barrier.wait()
            for _ in range(4):
                verdict = gate.check("crowd")
                with lock:
                    granted.append(verdict.allowed)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(granted) == 24 and sum(granted) == 7
    decisions = store.audit.entries(operation="gate.illustrate", profile_id="crowd")
    assert len(decisions) == 24 and sum(e.allowed for e in decisions) == 7


def test_verdict_serialises_and_explains():
    from atypie.gate import Verdict

    verdict = Verdict(False, (NOT_ALLOWED,), "p", "illustrate", 0)
    assert verdict.to_dict()["reasons"] == ["not-allowed"]
    assert verdict.explain("fr") == "ce profil n'a pas l'autorisation"
    assert verdict.explain("en") == "this profile is not allowed"
