"""A throw-away PostgreSQL cluster listening only on a Unix socket in a temporary folder: for the tests' database
fixture and for the benches that start their own services (bench/_services.py)."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def server_binaries() -> Path | None:
    """The folder of the newest installed PostgreSQL server's programs, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


@contextmanager
def cluster(bindir: Path, *, max_connections: int = 50, options: str = "") -> Iterator[tuple[Path, list[str]]]:
    """Start a cluster; yield its socket folder and the command prefix that runs programs as its owner."""
    root = Path(tempfile.mkdtemp(prefix="atypie-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if as_postgres:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    subprocess.run([*as_postgres, str(bindir / "initdb"), "-D", str(data), "--auth=trust", "-U", "postgres",
                    "--no-sync"], check=True, capture_output=True)
    settings = f"-k {sock} -c listen_addresses='' -c max_connections={max_connections} {options}".strip()
    subprocess.run([*as_postgres, str(bindir / "pg_ctl"), "-D", str(data), "-o", settings, "-w", "-l",
                    str(root / "log"), "start"], check=True, capture_output=True)
    try:
        yield sock, as_postgres
    finally:
        subprocess.run([*as_postgres, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
