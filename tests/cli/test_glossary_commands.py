"""`atypie glossary import|list|remove`: JSON output, coded errors and exit codes."""
from __future__ import annotations

import json

import pytest

from atypie.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_import_list_remove_and_simplify_with_the_glossary(capsys, tmp_path):
    assert run(capsys, "profiles", "create", "l2-bio", "--from", "falc")[0] == 0
    source = tmp_path / "cours.csv"
    source.write_text("terme;définition\nzygomorphisme;forme d'une fleur\nbiome;grand milieu de vie\n",
                      encoding="utf-8")
    code, out, _ = run(capsys, "glossary", "import", str(source), "--profile", "l2-bio", "--json")
    assert code == 0 and json.loads(out) == {"profile": "l2-bio", "course": "", "terms": 2}
    code, out, _ = run(capsys, "glossary", "list", "--profile", "l2-bio", "--json")
    assert [t["term"] for t in json.loads(out)] == ["biome", "zygomorphisme"]
    text = tmp_path / "texte.txt"
    text.write_text("Le zygomorphisme des fleurs intrigue les botanistes.", encoding="utf-8")
    code, out, _ = run(capsys, "simplify", str(text), "--profile", "l2-bio", "--lang", "fr", "--json")
    data = json.loads(out)
    entry = next(e for e in data["glossary"] if e["term"].startswith("zygomorph"))
    assert code == 0 and entry["source"] == "course" and "unexplained" in data
    code, out, _ = run(capsys, "glossary", "remove", "biome", "--profile", "l2-bio")
    assert code == 0 and "retiré" in out
    code, _, err = run(capsys, "glossary", "remove", "biome", "--profile", "l2-bio")
    assert code == 2 and "[ATY-E029]" in err
    code, out, _ = run(capsys, "--lang", "en", "glossary", "list", "--profile", "l2-bio")
    assert code == 0 and out.startswith("zygomorphisme : forme d'une fleur")


@pytest.mark.slow
def test_a_course_glossary_is_used_when_its_course_is_named(capsys, tmp_path):
    assert run(capsys, "profiles", "create", "l1-bio", "--from", "falc")[0] == 0
    source = tmp_path / "bio.csv"
    source.write_text("terme;définition\nzygomorphisme;forme d'une fleur\n", encoding="utf-8")
    assert run(capsys, "glossary", "import", str(source), "--profile", "l1-bio", "--course", "Botanique")[0] == 0
    text = tmp_path / "texte.txt"
    text.write_text("Le zygomorphisme des fleurs intrigue les botanistes.", encoding="utf-8")

    def sources(*extra):
        code, out, _ = run(capsys, "simplify", str(text), "--profile", "l1-bio", "--lang", "fr", "--json", *extra)
        assert code == 0
        return {e["term"]: e["source"] for e in json.loads(out)["glossary"]}
    assert sources("--course", "Botanique").get("zygomorphisme") == "course"
    assert sources().get("zygomorphisme") != "course"  # another course's words are not the profile's


def test_import_errors_are_coded(capsys, tmp_path):
    run(capsys, "profiles", "create", "p", "--from", "falc")
    bad = tmp_path / "mauvais.csv"
    bad.write_text("terme;définition\nbiome;<img src=x onerror=alert(1)>\n", encoding="utf-8")
    code, _, err = run(capsys, "glossary", "import", str(bad), "--profile", "p")
    assert code == 2 and "[ATY-E027]" in err and "ligne 2" in err
    code, _, err = run(capsys, "--lang", "en", "glossary", "import", str(bad), "--profile", "p")
    assert code == 2 and "line 2" in err
    other = tmp_path / "glossaire.json"
    other.write_text("{}", encoding="utf-8")
    assert "[ATY-E039]" in run(capsys, "glossary", "import", str(other), "--profile", "p")[2]
    code, _, err = run(capsys, "glossary", "import", str(tmp_path / "absent.csv"), "--profile", "p")
    assert code == 2 and "[ATY-E010]" in err
    good = tmp_path / "g.csv"
    good.write_text("terme;définition\nbiome;milieu\n", encoding="utf-8")
    code, _, err = run(capsys, "glossary", "import", str(good), "--profile", "inconnu")
    assert code == 2 and "[ATY-E012]" in err
    code, _, err = run(capsys, "glossary", "list", "--profile", "../x")
    assert code == 2 and "[ATY-E011]" in err
