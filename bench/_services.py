"""Services a bench starts for itself on loopback: a throw-away PostgreSQL cluster, a Redis server, `atypie serve`
and `atypie worker` processes. Each is stopped on exit; nothing listens beyond 127.0.0.1 or a private socket."""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the throw-away PostgreSQL cluster is the tests' own

from tests.postgres_cluster import cluster, server_binaries  # noqa: E402
from tests.services import free_port, redis_server, stop, wait_for_port  # noqa: E402

START_TIMEOUT_S = 180


def _wait_port(port: int, process: subprocess.Popen, what: str) -> None:
    try:
        wait_for_port(port, process, what, START_TIMEOUT_S)
    except (RuntimeError, TimeoutError) as exc:
        sys.exit(str(exc))


@contextlib.contextmanager
def postgres():
    """A PostgreSQL cluster on a Unix socket in a temporary folder; yields the URL of a fresh database."""
    bindir = server_binaries()
    if bindir is None:
        sys.exit("PostgreSQL server binaries are missing: run `make setup` (scripts/bootstrap.sh installs them)")
    with cluster(bindir, max_connections=200) as (sock, as_postgres):
        subprocess.run([*as_postgres, str(bindir / "createdb"), "-h", str(sock), "-U", "postgres", "atypie"],
                       check=True, capture_output=True)
        yield f"postgresql+psycopg://postgres@/atypie?host={sock}"


@contextlib.contextmanager
def redis():
    """A Redis server on a free loopback port, without persistence; yields its URL."""
    if shutil.which("redis-server") is None:
        sys.exit("redis-server is missing: run `make setup` (scripts/bootstrap.sh installs it)")
    with redis_server(START_TIMEOUT_S) as url:
        yield url


def environment(home: Path, **values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ATYPIE_", "MISTRAL_"))}
    env.update(ATYPIE_HOME=str(home), GRADIO_ANALYTICS_ENABLED="False", **values)
    return env


class Web:
    """`python -m atypie serve` on a free port; `restart()` stops it and starts it again on the same port."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env, self.port = env, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> "Web":
        self.process = subprocess.Popen([sys.executable, "-m", "atypie", "serve", "--port", str(self.port)],
                                        cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_port(self.port, self.process, "atypie serve")
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)

    def restart(self) -> None:
        self.stop()
        self.start()


class Worker:
    """`python -m atypie worker` in its own process group, so that `kill()` reaches its pool's children too."""

    def __init__(self, env: dict[str, str], queues: str = "cpu", concurrency: int = 1) -> None:
        self.env, self.queues, self.concurrency = env, queues, concurrency
        self.process: subprocess.Popen | None = None

    def start(self) -> "Worker":
        self.process = subprocess.Popen([sys.executable, "-m", "atypie", "worker", "--queues", self.queues,
                                         "--concurrency", str(self.concurrency)], cwd=ROOT, env=self.env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        return self

    def kill(self) -> None:
        """`kill -9` of the worker and its pool at once, mid-job: nothing is acknowledged or cleaned up."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
