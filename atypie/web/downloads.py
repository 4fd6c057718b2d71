"""Files offered for download: one fresh folder per request, removed after an hour (course material is private:
folders 0700 and files 0600 inside ATYPIE_HOME/tmp/web)."""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from ..private import temp_folder, write_private

MAX_AGE_S = 3600
PRUNE_EVERY_S = 60  # old folders are looked for at most once a minute, not on every request
_last_prune = 0.0


def root() -> Path:
    """The folder of every request's download folder."""
    return temp_folder("web")


class Downloads:
    """A per-request folder; `add` writes one file and returns its path for a `gr.File` output."""

    def __init__(self) -> None:
        folder = root()
        _prune(folder)
        self.folder = Path(tempfile.mkdtemp(prefix="req-", dir=folder))
        self.paths: list[str] = []

    def add(self, name: str, data: bytes | str) -> str:
        path = self.folder / name
        write_private(path, data.encode("utf-8") if isinstance(data, str) else data)
        self.paths.append(str(path))
        return str(path)


def _prune(root: Path) -> None:
    global _last_prune
    now = time.time()
    if now - _last_prune < PRUNE_EVERY_S:
        return
    _last_prune = now
    limit = now - MAX_AGE_S
    for folder in root.glob("req-*"):
        try:
            if folder.stat().st_mtime < limit:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue
