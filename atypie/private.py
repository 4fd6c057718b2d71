"""Private files: course text, usage figures and the database are for the user running atypie only.

atypie's folders are created with mode 0700 and its files with mode 0600, in folders it owns: `ATYPIE_HOME`
and, for temporary files (web downloads, Gradio's copies of uploads and results), `ATYPIE_HOME/tmp/…`, never a
shared name in the system's temporary folder that another user could create first.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .config import Settings
from .errors import ConfigurationError

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(path: Path) -> Path:
    """`path` (and missing parents) created 0700; a folder of ours that others could read is tightened; a folder
    owned by someone else, or a link, is refused."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise ConfigurationError(detail=f"le dossier « {path} » doit être un dossier de l'utilisateur qui lance "
                                        "atypie (pas un lien ni le dossier d'un autre utilisateur)")
    if info.st_mode & 0o077:
        os.chmod(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """`path` created empty with mode 0600 when missing; a file of ours that others could read is tightened."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), FILE_MODE))
    except FileExistsError:
        info = path.lstat()
        if stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077:
            os.chmod(path, FILE_MODE)
    return path


def write_private(path: Path, data: bytes) -> None:
    """Write a new file readable by its owner only (an existing file is not followed nor overwritten)."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
    with os.fdopen(handle, "wb") as out:
        out.write(data)


def own_folder(path: Path) -> Path:
    """`path` created 0700 when missing; an existing folder (the user's choice) is used as it is."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    return path


def home_folder() -> Path:
    return own_folder(Settings.from_env().home)


def temp_folder(name: str) -> Path:
    """atypie's own temporary folder `name`, inside ATYPIE_HOME."""
    return private_folder(home_folder() / "tmp" / name)


def write_atomically(target: Path, data: bytes) -> None:
    """Write through a temporary file (0600) in the same folder, then rename it over `target`, so that no reader
    ever sees half of a cache file."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
