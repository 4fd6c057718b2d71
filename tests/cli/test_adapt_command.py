"""`atypie adapt PATH... -o OUTDIR`: documents adapted whole, a folder walked, work done skipped, one bad file
reported without stopping the others."""
import json
import zipfile

import pytest

from atypie.cli import main

COURSE = ("# La cellule\n\nLa membrane plasmique, qui entoure la cellule, contrôle les échanges entre le cytoplasme "
          "et le milieu extérieur.\n\nElle contient :\n\n- des lipides ;\n- des protéines.\n")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_a_folder_is_adapted_into_each_format_and_done_work_is_skipped(capsys, tmp_path):
    source = tmp_path / "cours"
    (source / "chapitre").mkdir(parents=True)
    (source / "chapitre" / "cellule.md").write_text(COURSE, encoding="utf-8")
    (source / "notes.txt").write_text("pas un document de cours", encoding="utf-8")  # not a document suffix: skipped
    out_dir = tmp_path / "adapte"
    code, out, _ = run(capsys, "adapt", str(source), "-o", str(out_dir), "--profile", "falc", "--to", "html,md,docx",
                       "--json")
    (report,) = json.loads(out)
    assert code == 0 and report["lang"] == "fr" and report["blocks"] == 4
    written = out_dir / "chapitre"  # a document keeps its place below the folder given
    assert sorted(p.name for p in written.iterdir()) == ["cellule.docx", "cellule.html", "cellule.md"]
    html = (written / "cellule.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in html and "<h1" in html and "Glossaire" in html
    assert "Elle contient :" in (written / "cellule.md").read_text(encoding="utf-8")
    assert zipfile.is_zipfile(written / "cellule.docx")
    code, out, _ = run(capsys, "adapt", str(source), "-o", str(out_dir), "--profile", "falc", "--to", "html,md,docx")
    assert code == 0 and "déjà fait" in out


@pytest.mark.slow
def test_two_documents_of_the_same_name_in_two_chapters_give_two_files(capsys, tmp_path):
    for chapter in ("chapitre-1", "chapitre-2"):
        (tmp_path / "cours" / chapter).mkdir(parents=True)
        (tmp_path / "cours" / chapter / "notes.md").write_text(f"# {chapter}\n\n{COURSE}", encoding="utf-8")
    code, _, _ = run(capsys, "adapt", str(tmp_path / "cours"), "-o", str(tmp_path / "out"), "--json")
    assert code == 0 and sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob(
        "*.html")) == ["chapitre-1/notes.html", "chapitre-2/notes.html"]


def test_one_unreadable_file_is_reported_and_the_others_are_adapted(capsys, tmp_path):
    good = tmp_path / "bon.md"
    good.write_text(COURSE, encoding="utf-8")
    bad = tmp_path / "abime.docx"
    bad.write_bytes(b"PK\x03\x04 ceci n'est pas un docx")
    code, out, _ = run(capsys, "adapt", str(bad), str(good), "-o", str(tmp_path / "out"), "--json")
    reports = {r["file"].rsplit("/", 1)[-1]: r for r in json.loads(out)}
    assert reports["abime.docx"]["error"] == "ATY-E052" and "written" in reports["bon.md"]
    assert code == 2  # the batch went on, and says that something failed


def test_an_unknown_format_or_a_missing_path_is_refused_before_any_work(capsys, tmp_path):
    code, _, err = run(capsys, "adapt", str(tmp_path), "-o", str(tmp_path / "out"), "--to", "epub")
    assert code == 2 and "ATY-E010" in err
    code, _, err = run(capsys, "adapt", str(tmp_path / "absent.md"), "-o", str(tmp_path / "out"))
    assert code == 2 and "ATY-E010" in err


def test_the_bar_shows_where_the_file_in_hand_is_in_the_cli_language():
    import io
    from argparse import Namespace

    from tqdm import tqdm

    from atypie.cli.adapt import _stage_shown

    bar = tqdm(total=2, file=io.StringIO())
    _stage_shown(Namespace(lang="fr"), bar)("figures", 3, 12)
    assert bar.postfix == "images 3/12"
    _stage_shown(Namespace(lang="en"), bar)("read", 0, 1)
    assert bar.postfix == "reading"
    bar.close()
