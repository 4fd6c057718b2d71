"""`atypie doctor` on this machine (after `make`, everything is present) and with tools removed."""
import json

import pytest

from atypie.cli import main
from atypie.doctor import run_doctor

EXPECTED = {"graphviz", "tesseract", "spacy-fr", "police DejaVu Sans", "police OpenDyslexic", "base de données",
            "gradio", "torch", "diffusers", "mistral"}


@pytest.mark.exe
def test_doctor_passes_after_setup(capsys):
    assert main(["doctor", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert {check["name"] for check in report["checks"]} == EXPECTED
    assert all(check["ok"] for check in report["checks"])


@pytest.mark.exe
def test_doctor_names_what_is_missing_and_how_to_fix_it(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no dot, no tesseract, no fc-list
    assert main(["doctor"]) == 4
    out = capsys.readouterr().out
    assert "[MANQUE] graphviz" in out and "apt-get install -y graphviz" in out
    assert "apt-get install -y tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng" in out
    assert "apt-get install -y fonts-opendyslexic" in out


@pytest.mark.slow
def test_doctor_reports_mistral_reachability_without_the_key(capsys, monkeypatch, fake_mistral):
    monkeypatch.setenv("MISTRAL_API_KEY", "sk-very-secret-value")
    mistral = next(check for check in run_doctor().checks if check.name == "mistral")
    assert mistral.ok and "joignable" in mistral.detail and fake_mistral.url in mistral.detail
    monkeypatch.setenv("MISTRAL_SERVER_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("ATYPIE_MISTRAL_MAX_RETRIES", "0")
    mistral = next(check for check in run_doctor().checks if check.name == "mistral")
    assert not mistral.ok and "injoignable" in mistral.detail and not mistral.required
    main(["doctor", "--json"])
    assert "sk-very-secret-value" not in capsys.readouterr().out


@pytest.mark.slow
def test_doctor_hides_database_passwords(monkeypatch):
    monkeypatch.setenv("ATYPIE_DATABASE_URL", "postgresql://user:hunter2@/nodb?host=/nonexistent")
    database = next(check for check in run_doctor().checks if check.name == "base de données")
    assert not database.ok and "hunter2" not in database.detail
