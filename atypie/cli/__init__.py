"""The `atypie` command line: a thin layer over the library that turns errors into exit codes."""
from __future__ import annotations

import errno
import logging
import os
import sys

from ..config import LANGUAGES
from ..errors import EXIT_INTERNAL, AtypieError, OutputClosed
from ..logs import log_unexpected, on_stderr_unless_configured
from .parser import build_parser

logger = logging.getLogger("atypie.cli")
# Inputs are read before any work and their errors are coded, so these come from writing the result.
_OUTPUT_ERRNOS = (errno.ENOSPC, errno.EBADF, errno.EIO)

_INTERNAL = {
    "fr": "[ATY-E001] Une erreur interne est survenue (réf. {ref}). Réessayez, puis signalez-la avec cette "
          "référence si elle revient.",
    "en": "[ATY-E001] An internal error occurred (ref. {ref}). Try again, then report it with this reference "
          "if it happens again.",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lang = _language(argv)
    try:
        if sys.stdout is None:  # started with standard output closed (`>&-`): the result would be lost
            raise OutputClosed()
        args = build_parser().parse_args(argv)
        args.lang = lang
        code = args.handler(args) or 0
        _flush_stdout()
        return code
    except AtypieError as exc:
        print(exc.message(lang), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader of our output went away (e.g. `| head`)
        return EXIT_INTERNAL
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            return _internal(lang)
        error = OutputClosed()
        print(error.message(lang), file=sys.stderr)
        return error.exit_code
    except Exception:
        return _internal(lang)


def _internal(lang: str) -> int:
    """The edge: never show a traceback; one JSON line on stderr, its reference in the message."""
    with on_stderr_unless_configured():
        request_id = log_unexpected(logger, "the command line")
    print(_INTERNAL[lang].format(ref=request_id), file=sys.stderr)
    return EXIT_INTERNAL


def _flush_stdout() -> None:
    """Writing the result may fail only now (a closed or full output): say so instead of exiting 0."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError):
        raise OutputClosed() from None


def _language(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            return argv[i + 1]
        if arg in ("--lang=fr", "--lang=en"):
            return arg.split("=")[1]
    return "en" if os.environ.get("ATYPIE_LANG") == "en" else "fr"
