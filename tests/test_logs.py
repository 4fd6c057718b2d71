"""Structured log lines: a record → one JSON line with its request id; never the exception's text."""
import io
import json
import logging
import re

from atypie.logs import JsonLineFormatter, configure, log_unexpected, on_stderr_unless_configured, request_scope

SECRET = "cours confidentiel, code 7K3Q-ABCD, mot de passe hunter2"


class LeakyError(Exception):
    """An exception whose text quotes what a user typed."""


def _record(**extra) -> logging.LogRecord:
    record = logging.LogRecord("atypie.web", logging.ERROR, "guard.py", 27, "unexpected error in %s", ("simplify",),
                               None)
    record.created = 1_700_000_000.25
    record.__dict__.update(extra)
    return record


def _fail() -> None:
    raise LeakyError(SECRET)


def test_a_record_becomes_one_json_line_with_its_request_id():
    line = JsonLineFormatter().format(_record(request_id="ab12cd34"))
    assert line == ('{"time": "2023-11-14T22:13:20.250+00:00", "level": "ERROR", "logger": "atypie.web", '
                    '"message": "unexpected error in simplify", "request_id": "ab12cd34"}')


def test_a_record_without_request_id_says_null():
    assert json.loads(JsonLineFormatter().format(_record()))["request_id"] is None


def test_an_exception_gives_its_type_and_frames_never_its_text():
    try:
        _fail()
    except LeakyError as exc:
        record = _record(request_id="ab12cd34", exc_info=(LeakyError, exc, exc.__traceback__))
    line = JsonLineFormatter().format(record)
    called = test_an_exception_gives_its_type_and_frames_never_its_text.__code__.co_firstlineno + 2
    raised = _fail.__code__.co_firstlineno + 1
    assert json.loads(line) == {
        "time": "2023-11-14T22:13:20.250+00:00", "level": "ERROR", "logger": "atypie.web",
        "message": "unexpected error in simplify", "request_id": "ab12cd34", "error": "tests.test_logs.LeakyError",
        "frames": [f"tests/test_logs.py:{called}:test_an_exception_gives_its_type_and_frames_never_its_text",
                   f"tests/test_logs.py:{raised}:_fail"]}
    assert "\n" not in line and "hunter2" not in line and "7K3Q" not in line and "confidentiel" not in line


def test_log_unexpected_gives_each_error_a_short_reference(atypie_logger):
    stream = io.StringIO()
    configure("INFO", stream)
    references = []
    for _ in range(2):
        try:
            _fail()
        except LeakyError:
            references.append(log_unexpected(logging.getLogger("atypie.web"), "simplify"))
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [line["request_id"] for line in lines] == references and references[0] != references[1]
    assert all(re.fullmatch(r"[0-9a-f]{8}", ref) for ref in references)
    assert SECRET not in stream.getvalue()


def test_configure_honours_the_level_and_replaces_its_own_handler(atypie_logger):
    stream = io.StringIO()
    configure("WARNING", io.StringIO())
    configure("DEBUG", stream)
    logging.getLogger("atypie.backends.mistral").debug("attempt=%d failed: %s", 1, "timeout")
    assert [json.loads(line)["message"] for line in stream.getvalue().splitlines()] == ["attempt=1 failed: timeout"]
    assert len([h for h in atypie_logger.handlers if isinstance(h.formatter, JsonLineFormatter)]) == 1


def test_the_command_line_line_reaches_stderr_only_while_needed(atypie_logger, capsys):
    with on_stderr_unless_configured():
        logging.getLogger("atypie.cli").info("not an error")
        logging.getLogger("atypie.cli").error("an error")
    logging.getLogger("atypie.cli").error("after")
    assert [json.loads(line)["message"] for line in capsys.readouterr().err.splitlines()] == ["an error"]


def test_inside_a_request_scope_every_line_carries_its_id(atypie_logger):
    stream = io.StringIO()
    configure("INFO", stream)
    logger = logging.getLogger("atypie.jobs")
    with request_scope("0123456789abcdef") as request_id:
        logger.info("job started")
        try:
            _fail()
        except LeakyError:
            assert log_unexpected(logger, "a job") == request_id
    logger.info("outside")
    inside, error, outside = (json.loads(line) for line in stream.getvalue().splitlines())
    assert inside["request_id"] == error["request_id"] == "0123456789abcdef"
    assert outside["request_id"] is None
