"""`atypie adapt … --queue [--wait]`, `atypie jobs list|show|wait|cancel` and `atypie worker`, with no broker
configured (jobs run in the calling process; tests/jobs/test_broker.py runs a real one)."""
import json

from atypie.cli import main

COURSE = "# La cellule\n\nLa membrane plasmique entoure la cellule et contrôle ses échanges.\n"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_queued_documents_are_written_when_waited_for_and_listed_as_jobs(capsys, tmp_path):
    (tmp_path / "cellule.md").write_text(COURSE, encoding="utf-8")
    out_dir = tmp_path / "adapte"
    code, out, _ = run(capsys, "adapt", str(tmp_path / "cellule.md"), "-o", str(out_dir), "--profile", "falc",
                       "--to", "html,md", "--queue", "--wait", "--json")
    (report,) = json.loads(out)
    assert code == 0 and len(report["job"]) == 32 and report["blocks"] >= 1 and report["formats"] == ["html", "md"]
    assert sorted(p.name for p in out_dir.iterdir()) == ["cellule.html", "cellule.md"]
    assert "membrane plasmique" in (out_dir / "cellule.md").read_text(encoding="utf-8")

    code, out, _ = run(capsys, "jobs", "list", "--json")
    (listed,) = json.loads(out)
    assert code == 0 and listed["id"] == report["job"] and listed["state"] == "done"
    code, out, _ = run(capsys, "jobs", "show", report["job"])
    assert code == 0 and "terminée" in out and "cellule.html" in out and "cellule.md" in out
    code, out, _ = run(capsys, "--lang", "en", "jobs", "wait", report["job"])
    assert code == 0 and "done" in out
    code, out, _ = run(capsys, "jobs", "cancel", report["job"], "--json")
    assert code == 0 and json.loads(out)["state"] == "done"  # a finished job stays as it is
    code, out, _ = run(capsys, "jobs", "purge", "--days", "0", "--json")
    assert code == 0 and json.loads(out) == {"removed": 1}
    code, out, _ = run(capsys, "jobs", "list")
    assert code == 0 and out.strip() == "Aucune tâche."


def test_queueing_without_waiting_prints_the_jobs(capsys, tmp_path):
    (tmp_path / "cellule.md").write_text(COURSE, encoding="utf-8")
    code, out, _ = run(capsys, "adapt", str(tmp_path / "cellule.md"), "-o", str(tmp_path / "out"), "--queue")
    assert code == 0 and "cellule.md : tâche " in out and not any((tmp_path / "out").iterdir())


def test_bad_uses_are_coded_errors(capsys, tmp_path):
    (tmp_path / "cellule.md").write_text(COURSE, encoding="utf-8")
    code, _, err = run(capsys, "adapt", str(tmp_path / "cellule.md"), "-o", str(tmp_path / "out"), "--wait")
    assert code == 2 and "--wait va avec --queue" in err
    code, _, err = run(capsys, "jobs", "show", "0" * 32)
    assert code == 2 and "ATY-E058" in err
    code, _, err = run(capsys, "jobs", "list", "--limit", "0")
    assert code == 2 and "ATY-E010" in err
    code, _, err = run(capsys, "worker", "--queues", "cpu")  # no ATYPIE_BROKER_URL: nothing to take jobs from
    assert code == 4 and "ATYPIE_BROKER_URL" in err


def test_a_worker_needs_known_queues(capsys, monkeypatch):
    monkeypatch.setenv("ATYPIE_BROKER_URL", "redis://127.0.0.1:1/0")
    code, _, err = run(capsys, "worker", "--queues", "cpu,tpu")
    assert code == 2 and "--queues" in err
    code, _, err = run(capsys, "worker", "--concurrency", "0")
    assert code == 2 and "--concurrency" in err
