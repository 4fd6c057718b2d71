"""The CLI: every command, JSON output, exit codes 0/2/3/4, hostile ids refused with nothing changed."""
import io
import json
import subprocess
import sys

import pytest

from atypie.cli import main
from atypie.store import Store


def run(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str):
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def marie(capsys, monkeypatch):
    assert run(capsys, "staff", "add", "marie", stdin="mot-de-passe-solide\n", monkeypatch=monkeypatch)[0] == 0
    return "marie"


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("atypie 0.")


@pytest.mark.slow
def test_profile_lifecycle(capsys, marie):
    created = run_json(capsys, "profiles", "create", "l1-dys", "--from", "dyslexie", "--set", "text.glossary=non")
    assert created["version"] == 1 and created["profile"]["text"]["glossary"] is False
    assert [p["profile"]["id"] for p in run_json(capsys, "profiles", "list")] == ["l1-dys"]
    updated = run_json(capsys, "profiles", "update", "l1-dys", "--set", "display.theme=dark")
    assert updated["version"] == 2
    allowed = run_json(capsys, "profiles", "allow-images", "l1-dys", "--reason", "Schémas illustrés",
                       "--by", marie, "--quota", "3")
    assert allowed["profile"]["image_generation"]["allowed"] is True
    shown = run_json(capsys, "profiles", "show", "l1-dys")
    assert shown["profile"]["image_generation"]["daily_quota"] == 3
    revoked = run_json(capsys, "profiles", "revoke-images", "l1-dys", "--by", marie)
    assert revoked["profile"]["image_generation"]["allowed"] is False
    assert run(capsys, "profiles", "delete", "l1-dys")[0] == 0
    assert run_json(capsys, "profiles", "list") == []


def test_human_output_is_french_by_default_and_english_on_request(capsys):
    code, out, _ = run(capsys, "profiles", "create", "p1", "--from", "tsa")
    assert code == 0 and "Profil créé." in out and "création d’images: non" in out
    code, out, _ = run(capsys, "--lang", "en", "profiles", "show", "p1")
    assert code == 0 and "image generation: no" in out


def test_presets_are_listed(capsys):
    names = [p["id"] for p in run_json(capsys, "profiles", "presets")]
    assert {"standard", "falc", "tsa"} <= set(names)


def test_stale_update_is_exit_2(capsys):
    run(capsys, "profiles", "create", "p2")
    run(capsys, "profiles", "update", "p2", "--set", "text.glossary=oui")
    code, _, err = run(capsys, "profiles", "update", "p2", "--set", "text.level=falc", "--expect-version", "1")
    assert code == 2 and "[ATY-E015]" in err


def test_codes_lifecycle(capsys):
    run(capsys, "profiles", "create", "p3", "--from", "falc")
    issued = run_json(capsys, "codes", "issue", "p3", "--expires", "30", "--pseudonym", "etu-1")
    code, out, _ = run(capsys, "codes", "issue", "p3")
    assert code == 0 and "une seule fois" not in out and "ne sera plus affiché" in out
    listed = run_json(capsys, "codes", "list", "p3")
    assert len(listed) == 2 and all("code" not in entry for entry in listed)
    exported = run_json(capsys, "codes", "export", issued["code"])
    assert exported["access_code"]["pseudonym"] == "etu-1" and exported["profile"]["profile"]["id"] == "p3"
    assert run_json(capsys, "codes", "revoke", issued["id"])["revoked_at"]
    deleted = run_json(capsys, "codes", "delete", issued["code"])
    assert deleted["code_id"] == issued["id"] and deleted["audit_entries_deleted"] >= 2
    code, _, err = run(capsys, "codes", "export", issued["code"])
    assert code == 2 and "[ATY-E019]" in err


def test_refusals_are_exit_3(capsys):
    run(capsys, "profiles", "create", "p4")
    code, _, err = run(capsys, "profiles", "allow-images", "p4", "--reason", "x", "--by", "ghost")
    assert code == 3 and "[ATY-E036]" in err
    code, _, err = run(capsys, "profiles", "update", "p4", "--set", "image_generation.allowed=true")
    assert code == 3 and "[ATY-E034]" in err
    code, _, err = run(capsys, "profiles", "create", "p5", "--set", "image_generation.allowed=true")
    assert code == 3
    assert run_json(capsys, "profiles", "show", "p4")["profile"]["image_generation"]["allowed"] is False


def test_usage_errors_are_exit_2_in_french(capsys):
    for argv in (["profiles"], ["profiles", "bogus"], ["codes", "issue"], ["profiles", "create", "p6", "--from",
                 "nope"], ["profiles", "create", "p7", "--set", "text.max_words_per_sentence=1000"]):
        code, _, err = run(capsys, *argv)
        assert code == 2, argv
        assert err.startswith("[ATY-E01"), err


HOSTILE_IDS = ["../etc/passwd", "a/b", "x'; DROP TABLE profiles;--", "a" * 10240, "ab\x01c", "ab\nc", "Élodie",
               "..", "-rf", ""]
COMMANDS = [
    ["profiles", "show", "{id}"], ["profiles", "create", "{id}"], ["profiles", "delete", "{id}"],
    ["profiles", "update", "{id}", "--set", "text.glossary=oui"],
    ["profiles", "allow-images", "{id}", "--reason", "x", "--by", "marie"],
    ["profiles", "allow-images", "victim", "--reason", "x", "--by", "{id}"],
    ["profiles", "revoke-images", "{id}"], ["codes", "issue", "{id}"], ["codes", "list", "{id}"],
    ["staff", "add", "{id}"], ["audit", "--profile", "{id}"],
]


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(c[:2]))
@pytest.mark.parametrize("hostile", HOSTILE_IDS, ids=lambda h: repr(h)[:12])
def test_hostile_ids_are_exit_2_and_change_nothing(capsys, monkeypatch, atypie_home, command, hostile):
    run(capsys, "profiles", "create", "victim")
    monkeypatch.setattr(sys, "stdin", io.StringIO("mot-de-passe-solide\n"))
    argv = [part.replace("{id}", hostile) for part in command]
    code, out, err = run(capsys, *argv)
    assert code == 2, (argv, err)
    assert "Traceback" not in err and len(err) < 1000
    with Store(f"sqlite:///{atypie_home / 'atypie.db'}") as store:
        assert [s.id for s in store.profiles.list()] == ["victim"]
        assert store.staff.names() == []
        assert not store.profiles.get("victim").profile.image_generation.allowed


def test_internal_errors_are_exit_1_without_traceback(capsys, monkeypatch):
    from atypie.cli import profiles

    def boom(_args):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(profiles, "list_profiles", boom)
    code, out, err = run(capsys, "profiles", "list")
    assert code == 1 and "[ATY-E001]" in err and "secret" not in err and "Traceback" not in err


def test_database_misconfiguration_is_exit_4(capsys, monkeypatch):
    monkeypatch.setenv("ATYPIE_DATABASE_URL", "oracle://nowhere/db")
    code, _, err = run(capsys, "profiles", "list")
    assert code == 4 and "[ATY-E041]" in err


def test_staff_password_from_stdin(capsys, monkeypatch):
    code, _, err = run(capsys, "staff", "add", "court", stdin="abc\n", monkeypatch=monkeypatch)
    assert code == 2 and "[ATY-E018]" in err
    assert run_json(capsys, "staff", "list") == []


def test_audit_lists_decisions_without_content(capsys):
    run(capsys, "profiles", "create", "p8", "--set", "label=Cours de chimie organique")
    entries = run_json(capsys, "audit", "--profile", "p8")
    assert entries[0]["operation"] == "profile.create"
    assert "chimie" not in json.dumps(entries)


@pytest.mark.slow
def test_module_entry_point_runs_as_a_real_process(atypie_home):
    env_cmd = [sys.executable, "-m", "atypie"]
    done = subprocess.run([*env_cmd, "profiles", "show", "../../x"], capture_output=True, text=True)
    assert done.returncode == 2 and "[ATY-E011]" in done.stderr
    done = subprocess.run([*env_cmd, "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("atypie ")


COURSE = "La mitose est une division cellulaire. Elle donne deux cellules filles.\n"


@pytest.mark.slow
def test_closed_or_full_standard_streams_are_usage_errors_not_crashes(atypie_home, tmp_path):
    """Real processes: `<&-`, `>&-` and /dev/full are the user's set-up, said plainly, never « erreur interne »."""
    source = tmp_path / "cours.txt"
    source.write_text(COURSE, encoding="utf-8")
    command = [sys.executable, "-m", "atypie", "simplify"]
    closed_stdin = subprocess.run([*command, "-"], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                  preexec_fn=lambda: __import__("os").close(0))
    assert closed_stdin.returncode == 2 and "entrée standard est fermée" in closed_stdin.stderr
    closed_stdout = subprocess.run([*command, str(source)], stderr=subprocess.PIPE, text=True,
                                   preexec_fn=lambda: __import__("os").close(1))
    assert closed_stdout.returncode == 2 and "[ATY-E056]" in closed_stdout.stderr
    with open("/dev/full", "w") as full:
        full_stdout = subprocess.run([*command, str(source)], stdout=full, stderr=subprocess.PIPE, text=True)
    assert full_stdout.returncode == 2 and "[ATY-E056]" in full_stdout.stderr


def test_an_output_file_in_a_missing_folder_is_refused_before_any_work(capsys, tmp_path):
    source = tmp_path / "cours.txt"
    source.write_text(COURSE, encoding="utf-8")
    for target in (tmp_path / "absent" / "schema.svg", tmp_path):
        code, _, err = run(capsys, "diagram", str(source), "-o", str(target))
        assert code == 2 and "ATY-E010" in err and "interne" not in err


def test_a_preset_can_be_shown_and_presets_are_listed_with_the_profiles(capsys):
    code, out, _ = run(capsys, "profiles", "show", "falc")
    assert code == 0 and "modèle de profil" in out and "--profile falc" in out
    assert run_json(capsys, "profiles", "show", "falc")["preset"] is True
    code, out, _ = run(capsys, "profiles", "list")
    assert code == 0 and "Aucun profil enregistré" in out and "falc" in out and "tsa" in out
    code, _, err = run(capsys, "profiles", "show", "inconnu")
    assert code == 2 and "ATY-E012" in err


def test_simplify_takes_json_like_every_data_command(capsys, tmp_path):
    source = tmp_path / "cours.txt"
    source.write_text(COURSE, encoding="utf-8")
    data = run_json(capsys, "simplify", str(source))
    assert data["lang"] == "fr" and data["profile"] == "standard"
