"""The Graphviz `dot` program, with a timeout and clear errors."""
from __future__ import annotations

import shutil
import subprocess

from ..errors import InvalidInput, MissingDependency

FORMATS = ("svg", "png", "pdf", "json")  # json: the layout (positions in points), for drawing over it


def run_dot(source: str, fmt: str, *, dpi: int = 96, timeout_s: float = 30) -> bytes:
    if fmt not in FORMATS:
        raise InvalidInput(detail=f"format d'image inconnu : {fmt}")
    binary = shutil.which("dot")
    if binary is None:
        raise MissingDependency(what="Graphviz (dot)", fix="apt-get install -y graphviz")
    command = [binary, f"-T{fmt}", f"-Gdpi={int(dpi)}"] if fmt == "png" else [binary, f"-T{fmt}"]
    try:
        done = subprocess.run(command, input=source.encode("utf-8"), capture_output=True, timeout=timeout_s,
                              check=False)
    except subprocess.TimeoutExpired:
        raise InvalidInput(detail=f"le dessin du schéma a dépassé {timeout_s:.0f} secondes ; simplifiez-le") from None
    if done.returncode != 0 or not done.stdout:
        raise InvalidInput(detail="Graphviz n'a pas pu dessiner ce schéma")
    return done.stdout
