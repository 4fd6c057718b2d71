"""The `atypie` command line: a thin layer over the library that turns errors into exit codes."""
from __future__ import annotations

import logging
import os
import sys

from ..errors import EXIT_INTERNAL, AtypieError
from .parser import build_parser

logger = logging.getLogger("atypie.cli")

_INTERNAL = {
    "fr": "[ATY-E001] Une erreur interne est survenue. Réessayez, puis signalez-la si elle revient.",
    "en": "[ATY-E001] An internal error occurred. Try again, then report it if it happens again.",
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lang = _language(argv)
    try:
        args = build_parser().parse_args(argv)
        args.lang = lang
        return args.handler(args) or 0
    except AtypieError as exc:
        print(exc.message(lang), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader of our output went away (e.g. `| head`)
        return EXIT_INTERNAL
    except Exception:  # the edge: never show a traceback, keep it in the log
        logger.exception("internal error")
        print(_INTERNAL[lang], file=sys.stderr)
        return EXIT_INTERNAL


def _language(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("fr", "en"):
            return argv[i + 1]
        if arg in ("--lang=fr", "--lang=en"):
            return arg.split("=")[1]
    return "en" if os.environ.get("ATYPIE_LANG") == "en" else "fr"
