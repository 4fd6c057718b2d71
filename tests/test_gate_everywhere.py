"""The gate is absolute: every public entry point that can reach diffusers refuses for every preset, for a
profile that is not stored and for a revoked grant; the daily quota holds under concurrent requests.

The entry points are found in the source, so a new one without a test here fails the suite."""
from __future__ import annotations

import ast
import os
import threading
from pathlib import Path
from unittest import mock

import pytest

import atypie
from atypie.cli import main
from atypie.errors import ImageGenerationRefused
from atypie.gate import Verdict
from atypie.imaging.illustrate import render_illustration
from atypie.profiles.presets import load_preset, preset_names
from atypie.store import Store

PACKAGE = Path(atypie.__file__).parent
COURSE = ("La digestion commence dans la bouche. Ensuite, l'estomac broie les aliments. "
          "Enfin, l'intestin absorbe les nutriments.\n")


def _callers(name: str) -> set[str]:
    """Modules of the package with a call to a function or method called `name`."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            if name in (getattr(node.func, "id", None), getattr(node.func, "attr", None)):
                found.add(path.relative_to(PACKAGE).as_posix())
    return found


@pytest.mark.slow
def test_only_the_gated_api_calls_the_engine():
    assert _callers("render_illustration") == {"api.py"}
    assert _callers("generate") == {"imaging/illustrate.py"}
    assert _callers("load") >= {"imaging/pipelines.py"}


@pytest.mark.slow
def test_every_caller_of_the_api_is_covered_here():
    assert _callers("illustrate") == set(ENTRY_POINTS) - {"api.py"}


# --- one function per entry point: each tries to illustrate for `profile_id` and says whether it was refused ---

def _python_api(store: Store, profile_id: str, tmp_path: Path) -> bool:
    try:
        atypie.illustrate(COURSE, profile_id, store=store, model="tiny-sd")
    except ImageGenerationRefused:
        return True
    return False


def _cli(store: Store, profile_id: str, tmp_path: Path) -> bool:
    course = tmp_path / "cours.txt"
    course.write_text(COURSE, encoding="utf-8")
    (tmp_path / "out.png").unlink(missing_ok=True)
    with mock.patch.dict(os.environ, {"ATYPIE_DATABASE_URL": store.url}):  # the CLI opens the store it is given
        code = main(["illustrate", str(course), "--profile", profile_id, "--model", "tiny-sd",
                     "-o", str(tmp_path / "out.png")])
    return code == 3 and not (tmp_path / "out.png").exists()


def _web(store: Store, profile_id: str, tmp_path: Path) -> bool:
    from atypie.web.handlers import illustrate_text

    # A student reaches the web app with a code (codes exist only for stored profiles) or with no code at all.
    code = store.codes.issue(profile_id).code if store.profiles.exists(profile_id) else ""
    try:
        illustrate_text(store, code, COURSE, "fr")
    except ImageGenerationRefused:
        return True
    return False


def _job(store: Store, profile_id: str, tmp_path: Path) -> bool:
    """A job queued for a worker (run in this process: no broker is configured in tests)."""
    from atypie.jobs import submit_illustrate

    try:
        job = submit_illustrate(COURSE, profile_id, store=store, model="tiny-sd")
    except ImageGenerationRefused:
        return True
    return job.state == "refused" and "illustration.png" not in job.files


ENTRY_POINTS = {"api.py": _python_api, "cli/imaging.py": _cli, "web/handlers.py": _web, "jobs/work.py": _job}


@pytest.fixture
def grant(store, staff_name):
    def allow(profile_id: str, quota: int = 5) -> None:
        if not store.profiles.exists(profile_id):
            store.profiles.create(load_preset("tsa", profile_id))
        store.profiles.allow_images(profile_id, reason="besoin d'images", approved_by=staff_name, daily_quota=quota)
    return allow


@pytest.fixture
def tiny_default(tiny_env, monkeypatch):
    """Entry points that name no model (the web app) use the tiny one."""
    monkeypatch.setenv("ATYPIE_MODEL_DEFAULT_NODES", "tiny-sd")


@pytest.mark.slow
@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_every_preset_is_refused(entry, store, tiny_default, tmp_path):
    for name in preset_names():
        assert ENTRY_POINTS[entry](store, name, tmp_path), f"{entry} generated for the bare preset {name}"
        store.profiles.create(load_preset(name, f"stored-{name}"))
        assert ENTRY_POINTS[entry](store, f"stored-{name}", tmp_path), f"{entry} generated for preset {name}"


@pytest.mark.slow
@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_a_revoked_grant_is_refused(entry, store, grant, staff_name, tiny_default, tmp_path):
    grant("lea")
    assert not ENTRY_POINTS[entry](store, "lea", tmp_path), f"{entry} refused an allowed profile"
    store.profiles.revoke_images("lea", actor=staff_name)
    assert ENTRY_POINTS[entry](store, "lea", tmp_path), f"{entry} generated after the grant was revoked"
    decisions = [e.allowed for e in store.audit.entries(profile_id="lea", operation="gate.illustrate")]
    assert decisions[:2] == [False, True]


def test_the_engine_itself_refuses_without_an_allowing_verdict(tiny_env):
    from atypie.diagrams.model import GraphBuilder

    builder = GraphBuilder("process")
    builder.add_node("Bouche")
    for verdict in (None, Verdict(False, ("not-allowed",), "p", "illustrate", 0)):
        with pytest.raises(ImageGenerationRefused):
            render_illustration(builder.build(), verdict, model="tiny-sd")


@pytest.mark.slow
def test_the_daily_quota_holds_under_concurrent_requests(store, database_url, grant, tiny_env):
    grant("crowd", quota=3)
    outcomes: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(6)

    def student(seed: int) -> None:
        with Store(database_url) as own:
            barrier.wait()
            try:
                atypie.illustrate(COURSE, "crowd", store=own, model="tiny-sd", seed=seed)
                outcome = "made"
            except ImageGenerationRefused as refused:
                outcome = refused.verdict.reasons[0]
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=student, args=(seed,)) for seed in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(outcomes) == ["made"] * 3 + ["quota-exhausted"] * 3
    rows = {row.profile_id: row for row in store.usage.report().rows if row.operation == "illustrate"}
    assert rows["crowd"].requests == 6 and rows["crowd"].refused == 3


@pytest.mark.slow
def test_no_model_installed_is_exit_4_after_the_gate_and_keeps_the_quota(store, grant):
    from atypie.errors import ModelNotInstalled

    grant("lea", quota=1)
    with pytest.raises(ModelNotInstalled) as caught:
        atypie.illustrate(COURSE, "lea", store=store, model="sd15")
    assert caught.value.exit_code == 4
    assert atypie.Gate(store).check("lea", consume=False).quota_left == 1
    store.profiles.revoke_images("lea", actor="marie")
    with pytest.raises(ImageGenerationRefused):  # refused first, whether or not a model is installed
        atypie.illustrate(COURSE, "lea", store=store, model="sd15")


@pytest.mark.slow
def test_an_unknown_mode_is_invalid_input_before_anything_else(store, grant):
    from atypie.errors import InvalidInput

    grant("lea", quota=1)
    with pytest.raises(InvalidInput):
        atypie.illustrate(COURSE, "lea", store=store, mode="../x")
    assert atypie.Gate(store).check("lea", consume=False).quota_left == 1


@pytest.mark.slow
@pytest.mark.parametrize("text", ["", "   \n", "xq zzv qpt", "12 34 56"])
def test_text_that_cannot_be_illustrated_keeps_the_quota(store, grant, tiny_env, text):
    from atypie.errors import InvalidInput

    grant("lea", quota=3)
    for _ in range(4):  # more tries than the quota: none of them may use it up
        with pytest.raises(InvalidInput):
            atypie.illustrate(text, "lea", store=store, model="tiny-sd")
    assert atypie.Gate(store).check("lea", consume=False).quota_left == 3


@pytest.mark.slow
def test_an_image_that_fails_to_render_gives_its_unit_back(store, grant, tiny_env):
    grant("lea", quota=2)
    with mock.patch("atypie.imaging.illustrate._nodes", side_effect=RuntimeError("GPU lost")):
        with pytest.raises(RuntimeError):
            atypie.illustrate(COURSE, "lea", store=store, model="tiny-sd")
    assert atypie.Gate(store).check("lea", consume=False).quota_left == 2
    assert "gate.illustrate.refund" in [e.operation for e in store.audit.entries(profile_id="lea")]
    atypie.illustrate(COURSE, "lea", store=store, model="tiny-sd")
    assert atypie.Gate(store).check("lea", consume=False).quota_left == 1


@pytest.mark.slow
def test_a_missing_output_folder_on_the_cli_keeps_the_quota(store, grant, tiny_env, tmp_path, capsys):
    grant("lea", quota=1)
    source = tmp_path / "cours.txt"
    source.write_text(COURSE, encoding="utf-8")
    code = main(["illustrate", str(source), "--profile", "lea", "--model", "tiny-sd",
                 "-o", str(tmp_path / "absent" / "image.png")])
    assert code == 2 and "ATY-E010" in capsys.readouterr().err
    assert atypie.Gate(store).check("lea", consume=False).quota_left == 1
