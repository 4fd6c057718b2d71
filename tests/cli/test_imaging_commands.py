"""`atypie illustrate` refuses through the gate before anything loads; `atypie report` totals the usage log."""
import json

import pytest

from atypie.cli import main
from atypie.profiles.presets import load_preset
from atypie.store import open_store

TEXT = ("La digestion commence dans la bouche. Ensuite, l'estomac broie les aliments. "
        "Enfin, l'intestin absorbe les nutriments.\n")


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_illustrate_is_refused_for_a_profile_that_is_not_allowed(capsys, tmp_path):
    source = tmp_path / "cours.txt"
    source.write_text(TEXT, encoding="utf-8")
    with open_store() as store:
        store.profiles.create(load_preset("dyslexie", "lea"))
    for profile in ("lea", "standard", "inconnu"):
        code, out, err = _run(capsys, "illustrate", str(source), "--profile", profile, "-o", str(tmp_path / "x.png"))
        assert code == 3, err
        assert "ATY-E033" in err and "Traceback" not in err
    assert not (tmp_path / "x.png").exists()
    code, out, _ = _run(capsys, "report", "--json")
    rows = {(row["operation"], row["profile_id"]): row for row in json.loads(out)["rows"]}
    assert all(rows["illustrate", p]["refused"] == 1 for p in ("lea", "standard", "inconnu"))


def test_illustrate_checks_its_arguments(capsys, tmp_path):
    assert _run(capsys, "illustrate", "-", "--profile", "../x", "-o", "x.png")[0] == 2
    assert _run(capsys, "illustrate", "-", "--profile", "lea", "-o", "x.jpg")[0] == 2


def test_report_counts_text_commands_and_filters_by_date(capsys, tmp_path):
    source = tmp_path / "cours.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert _run(capsys, "check", str(source))[0] == 0
    assert _run(capsys, "diagram", str(source))[0] == 0
    code, out, _ = _run(capsys, "report", "--json")
    report = json.loads(out)
    operations = {row["operation"]: row for row in report["rows"]}
    assert operations["check"]["requests"] == 1 and operations["diagram"]["cpu_s"] > 0
    assert report["total"]["energy_wh"] > 0
    code, out, _ = _run(capsys, "report")
    assert code == 0 and out.splitlines()[0].startswith("opération")
    assert json.loads(_run(capsys, "report", "--since", "2999-01-01", "--json")[1])["total"]["requests"] == 0
    assert _run(capsys, "report", "--since", "hier")[0] == 2


@pytest.mark.slow
def test_models_tiny_then_list_then_a_permitted_illustration(capsys, tmp_path, atypie_home):
    folder = atypie_home / "models" / "tiny"
    code, out, _ = _run(capsys, "models", "tiny", str(folder), "--json")
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = _run(capsys, "models", "list", "--json")
    installed = {entry["id"]: entry for entry in json.loads(out)}
    assert installed["tiny-sd"]["installed"] and not installed["sd15"]["installed"]
    assert all(entry["licence"] and entry["intended_use"] for entry in installed.values())
    with open_store() as store:
        store.staff.add("marie", "un-mot-de-passe-solide")
        store.profiles.create(load_preset("tsa", "lea"))
        store.profiles.allow_images("lea", reason="schémas en images", approved_by="marie", daily_quota=2)
    source = tmp_path / "cours.txt"
    source.write_text(TEXT, encoding="utf-8")
    out_png = tmp_path / "image.png"
    code, out, err = _run(capsys, "illustrate", str(source), "--profile", "lea", "--model", "tiny-sd",
                          "-o", str(out_png), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["verdict"]["allowed"] and data["verdict"]["quota_left"] == 1
    assert out_png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and data["model"] == "tiny-sd"
    code, out, err = _run(capsys, "illustrate", str(source), "--profile", "lea", "--model", "sd15", "-o", str(out_png))
    assert code == 4 and "ATY-E046" in err
