"""Structured logs: one JSON object per line on stderr, for `atypie serve` and the command line's internal errors.

A line holds the time (UTC), level, logger, message, request id (null when none) and, for an error, the
exception's type and its traceback frames as "file:line:function". Never the exception's own text nor local
values: they may quote what a user typed or uploaded (course text, an access code, a password). atypie's own
log messages are written never to carry such content; only the `atypie` logger is configured here.
"""
from __future__ import annotations

import json
import logging
import os
import secrets
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path

PACKAGE_LOGGER = "atypie"
MAX_FRAMES = 30
_SOURCE_ROOT = str(Path(__file__).resolve().parent.parent) + os.sep
_SITE_PACKAGES = "site-packages" + os.sep


class JsonLineFormatter(logging.Formatter):
    """A record → one JSON line; pure (no clock, no I/O)."""

    def format(self, record: logging.LogRecord) -> str:
        line = {"time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
                "level": record.levelname, "logger": record.name, "message": record.getMessage(),
                "request_id": getattr(record, "request_id", None) or _current_request.get()}
        if record.exc_info and record.exc_info[0] is not None:
            error_type, _, tb = record.exc_info
            line["error"] = _type_name(error_type)
            line["frames"] = [f"{_short(frame.f_code.co_filename)}:{lineno}:{frame.f_code.co_name}"
                              for frame, lineno in traceback.walk_tb(tb)][-MAX_FRAMES:]
        return json.dumps(line, ensure_ascii=False)


class _JsonLines(logging.StreamHandler):
    """The handler this module installs (recognised when configuring again)."""


_current_request: ContextVar[str | None] = ContextVar("atypie_request_id", default=None)


def new_request_id() -> str:
    """A short random reference (8 hex digits) shown to the user and written in the log line."""
    return secrets.token_hex(4)


@contextmanager
def request_scope(request_id: str | None = None) -> Iterator[str]:
    """Inside, every atypie log line carries `request_id` (a new one by default): a web request's lines, or a job's
    (its id), can be found together."""
    request_id = request_id or new_request_id()
    token = _current_request.set(request_id)
    try:
        yield request_id
    finally:
        _current_request.reset(token)


def log_unexpected(logger: logging.Logger, where: str) -> str:
    """Log the exception being handled with the current request's id (a new one outside a request), and return that
    id. Call it in an `except` block."""
    request_id = _current_request.get() or new_request_id()
    logger.error("unexpected error in %s", where, exc_info=True, extra={"request_id": request_id})
    return request_id


def configure(level: str = "INFO", stream=None) -> logging.Handler:
    """Send atypie's records at `level` and above to `stream` (default: stderr) as JSON lines.

    Configuring again replaces the handler installed before; other handlers are left alone."""
    logger = logging.getLogger(PACKAGE_LOGGER)
    for old in [h for h in logger.handlers if isinstance(h, _JsonLines)]:
        logger.removeHandler(old)
    handler = _JsonLines(stream)
    handler.setFormatter(JsonLineFormatter())
    logger.addHandler(handler)
    logger.setLevel(level)
    return handler


@contextmanager
def on_stderr_unless_configured(level: str = "ERROR") -> Iterator[None]:
    """Inside, atypie's records reach stderr as JSON lines even when nothing configured logging (a CLI command)."""
    logger = logging.getLogger(PACKAGE_LOGGER)
    if any(isinstance(h, _JsonLines) for h in logger.handlers):
        yield
        return
    previous = logger.level
    handler = configure(level)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def _type_name(error_type: type) -> str:
    module = error_type.__module__
    return error_type.__qualname__ if module == "builtins" else f"{module}.{error_type.__qualname__}"


def _short(filename: str) -> str:
    """The path inside the project or inside site-packages; other paths as they are."""
    if _SITE_PACKAGES in filename:
        return filename.rsplit(_SITE_PACKAGES, 1)[1]
    return filename.removeprefix(_SOURCE_ROOT)
