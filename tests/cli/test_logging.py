"""Logs of the command line: `atypie serve` writes JSON lines at ATYPIE_LOG_LEVEL; internal errors carry a reference."""
import json
import logging
import re

import atypie.web.app
from atypie.cli import main


def _serve_that_logs(**_):
    logging.getLogger("atypie.web").debug("a debug line")
    logging.getLogger("atypie.web").info("an info line")


def _logged(err: str) -> list[dict]:
    return [json.loads(line) for line in err.splitlines() if line.startswith("{")]


def test_serve_logs_json_lines_at_info_by_default(atypie_logger, capsys, monkeypatch):
    monkeypatch.setattr(atypie.web.app, "launch", _serve_that_logs)
    assert main(["serve"]) == 0
    assert [(line["level"], line["message"]) for line in _logged(capsys.readouterr().err)] == [("INFO", "an info line")]


def test_serve_honours_atypie_log_level(atypie_logger, capsys, monkeypatch):
    monkeypatch.setattr(atypie.web.app, "launch", _serve_that_logs)
    monkeypatch.setenv("ATYPIE_LOG_LEVEL", "DEBUG")
    assert main(["serve"]) == 0
    assert [line["level"] for line in _logged(capsys.readouterr().err)] == ["DEBUG", "INFO"]


def test_serve_refuses_a_bad_log_level(atypie_logger, capsys, monkeypatch):
    monkeypatch.setattr(atypie.web.app, "launch", _serve_that_logs)
    monkeypatch.setenv("ATYPIE_LOG_LEVEL", "bavard")
    assert main(["serve"]) == 4
    err = capsys.readouterr().err
    assert "[ATY-E041]" in err and "ATYPIE_LOG_LEVEL" in err and not _logged(err)


def test_an_internal_error_logs_one_line_whose_reference_the_message_gives(atypie_logger, capsys, monkeypatch):
    from atypie.cli import profiles

    def boom(_args):
        raise RuntimeError("secret internal detail, code 7K3Q-ABCD")

    monkeypatch.setattr(profiles, "list_profiles", boom)
    assert main(["profiles", "list"]) == 1
    err = capsys.readouterr().err
    [logged] = _logged(err)
    assert re.fullmatch(r"[0-9a-f]{8}", logged["request_id"]) and logged["error"] == "RuntimeError"
    assert logged["logger"] == "atypie.cli" and logged["frames"][-1].endswith(":boom")
    assert f"[ATY-E001] Une erreur interne est survenue (réf. {logged['request_id']})" in err
    assert "secret" not in err and "7K3Q" not in err and "Traceback" not in err
    assert not [h for h in atypie_logger.handlers if not isinstance(h, logging.NullHandler)]  # nothing left behind
