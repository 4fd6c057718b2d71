"""Printing results: JSON with `--json`, short readable lines otherwise."""
from __future__ import annotations

import argparse
import json
import sys
from argparse import Namespace
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import InvalidInput
from ..store import open_store


def emit(args: Namespace, data: object, lines: list[str]) -> None:
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(lines) + "\n")


def say(args: Namespace, fr: str, en: str) -> str:
    return en if getattr(args, "lang", "fr") == "en" else fr


def json_flag() -> argparse.ArgumentParser:
    """A parent parser for every command that returns data."""
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--json", action="store_true", help="sortie JSON / JSON output")
    return shared


@contextmanager
def profile_in_store(args) -> Iterator[tuple]:
    """The open store and the profile named by `--profile` (a stored one, else a shipped preset)."""
    from ..api import load_profile

    with open_store() as store:
        yield load_profile(args.profile, store), store


def read_bytes(name: str, limit: int) -> bytes:
    """At most `limit` + 1 bytes of FILE, or of standard input for "-"; a missing file or a folder is an error."""
    from pathlib import Path

    if name == "-":
        return _read_stdin(limit)
    path = Path(name)
    if not path.is_file():
        raise InvalidInput(detail=f"le fichier « {name[:80]} » n'existe pas ou n'est pas un fichier")
    with path.open("rb") as handle:
        return handle.read(limit + 1)


def _read_stdin(limit: int) -> bytes:
    closed = InvalidInput(detail="l'entrée standard est fermée : donnez un fichier, ou envoyez le texte avec « < »")
    if sys.stdin is None or sys.stdin.closed:
        raise closed
    try:
        stream = getattr(sys.stdin, "buffer", None)
        return stream.read(limit + 1) if stream is not None else sys.stdin.read(limit + 1).encode("utf-8")
    except (OSError, ValueError):
        raise closed from None


def output_file(name: str):
    """The path of an output file, checked before any work is done: its folder exists and can be written."""
    import os
    from pathlib import Path

    path = Path(name)
    folder = path.parent
    if path.is_dir():
        raise InvalidInput(detail=f"« {name[:80]} » est un dossier : donnez un nom de fichier")
    if not folder.is_dir():
        raise InvalidInput(detail=f"le dossier « {str(folder)[:80]} » n'existe pas : créez-le, ou choisissez un "
                                  "autre fichier de sortie")
    if not os.access(folder, os.W_OK):
        raise InvalidInput(detail=f"le dossier « {str(folder)[:80]} » n'accepte pas l'écriture : choisissez un "
                                  "autre fichier de sortie")
    return path


def write_file(path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise InvalidInput(detail=f"le fichier « {str(path)[:80]} » n'a pas pu être écrit ({exc.strerror or 'erreur'})"
                           ) from None
