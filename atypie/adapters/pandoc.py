"""pandoc (Debian's `pandoc`, 2.15 or later) through its JSON AST, with a timeout, a heap limit and clear errors.
Reading runs with `--sandbox` (pandoc touches no file and no network: images are read from the zip by the reader).
Writing cannot: pandoc 2.17's sandbox also hides its own DOCX/ODT templates, so the writer gives it an AST that
names only local files it wrote itself (`resource_path`)."""
from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import DocumentUnreadable, MissingDependency
from ..private import temp_folder, write_private

FIX = "apt install pandoc, ou make setup"
READ_FORMATS = ("docx", "odt", "html")  # html: only to turn MathML formulas into LaTeX
WRITE_FORMATS = ("docx", "odt")
HEAP = ["+RTS", "-M2g", "-RTS"]  # a hostile file makes pandoc fail, not the machine swap
MAX_DETAIL = 200
KNOWN = [(("couldn't parse", "could not parse", "docxerror", "parse error", "unexpected end"),
          "son contenu est abîmé ou n'a pas la forme attendue"),
         (("heap exhausted", "heap overflow", "out of memory"), "il demande trop de mémoire pour être lu sans risque"),
         (("unknown option", "unknown input format", "unknown output format", "incompatible api"),
          "la version de pandoc installée est trop ancienne : il faut pandoc 2.15 ou plus récent")]


def available() -> bool:
    """Whether the `pandoc` program is on PATH."""
    return shutil.which("pandoc") is not None


def to_json(data: bytes, fmt: str, *, timeout_s: float = 120, name: str = "") -> dict:
    """pandoc's AST of a DOCX or ODT file's bytes (fmt "docx", "docx+styles", "odt"; "html" for formulas)."""
    if fmt.split("+")[0] not in READ_FORMATS:
        raise ValueError(f"format de lecture inconnu : {fmt}")
    out = _run(["--sandbox", "-f", fmt, "-t", "json"], data, timeout_s, name, "lire")
    try:
        return json.loads(out)
    except (ValueError, RecursionError):
        raise DocumentUnreadable(name=name, detail="pandoc a rendu une structure illisible") from None


def from_json(ast: dict, fmt: str, *, timeout_s: float = 120, reference_doc: bytes | None = None,
              resource_path: str | None = None, name: str = "") -> bytes:
    """The DOCX or ODT file pandoc writes from `ast` (its blocks and meta; the API version is pandoc's own); images
    are looked up in `resource_path`."""
    if fmt not in WRITE_FORMATS:
        raise ValueError(f"format d'écriture inconnu : {fmt}")
    source = json.dumps({"pandoc-api-version": api_version(), **ast}, ensure_ascii=False).encode("utf-8")
    args = ["-f", "json", "-t", fmt, "-o", "-"]
    if resource_path:
        args += ["--resource-path", resource_path]
    if reference_doc is None:
        return _run(args, source, timeout_s, name, "écrire")
    with tempfile.TemporaryDirectory(prefix="reference-", dir=temp_folder("documents")) as folder:
        path = os.path.join(folder, f"reference.{fmt}")
        write_private(Path(path), reference_doc)
        return _run([*args, "--reference-doc", path], source, timeout_s, name, "écrire")


@functools.cache
def api_version() -> list[int]:
    """The AST version this pandoc reads and writes (pandoc refuses JSON of another major version)."""
    out = _run(["--sandbox", "-f", "markdown", "-t", "json"], b"", 30, "", "lire")
    return json.loads(out)["pandoc-api-version"]


def mathml_to_latex(formulas: list[str], *, timeout_s: float = 60) -> list[str | None]:
    """LaTeX for each MathML formula (`<math>…</math>`), None where texmath cannot read it: one pandoc run for all."""
    if not formulas:
        return []
    page = "".join(f"<p>{formula}</p>" for formula in formulas).encode("utf-8")
    blocks = to_json(page, "html", timeout_s=timeout_s).get("blocks", [])
    found: list[str | None] = []
    for block in blocks:
        maths = [node["c"][1] for node in block.get("c", []) if isinstance(node, dict) and node.get("t") == "Math"]
        found.append(maths[0] if len(maths) == 1 else None)
    return found if len(found) == len(formulas) else [None] * len(formulas)


def _run(args: list[str], stdin: bytes, timeout_s: float, name: str, action: str) -> bytes:
    binary = shutil.which("pandoc")
    if binary is None:
        raise MissingDependency(what="pandoc", fix=FIX)
    done = _call([binary, *HEAP, *args], stdin, timeout_s, name)
    if done.returncode != 0 and b"RTS options" in done.stderr:  # a pandoc built without RTS options
        done = _call([binary, *args], stdin, timeout_s, name)
    if done.returncode != 0:
        raise DocumentUnreadable(name=name, detail=_summary(done.stderr, action))
    return done.stdout


def _call(command: list[str], stdin: bytes, timeout_s: float, name: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, input=stdin, capture_output=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        raise DocumentUnreadable(name=name, detail=f"pandoc a dépassé {timeout_s:.0f} secondes") from None


def _summary(stderr: bytes, action: str) -> str:
    """pandoc's first line of error told in a short French sentence (at most MAX_DETAIL characters)."""
    lines = [line.strip() for line in stderr.decode("utf-8", errors="replace").splitlines() if line.strip()]
    first = lines[0] if lines else ""
    for needles, said in KNOWN:
        if any(needle in first.lower() for needle in needles):
            return said
    detail = f"pandoc n'a pas pu le {action} : {first or 'erreur sans message'}"
    return detail if len(detail) <= MAX_DETAIL else detail[:MAX_DETAIL - 1] + "…"
