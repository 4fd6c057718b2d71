"""Processes the tests and the benches start on loopback: a free port, waiting for a process to listen or to
answer HTTP, a Redis server without persistence, and stopping a process for good. Written once, for both."""
from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

LOOPBACK_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_status(url: str, timeout_s: float = 5) -> int | None:
    """The HTTP status `url` answers with, None when nothing answers."""
    try:
        with LOOPBACK_OPENER.open(url, timeout=timeout_s) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for_port(port: int, process: subprocess.Popen | None, what: str, timeout_s: float) -> None:
    """Return once 127.0.0.1:`port` accepts connections; RuntimeError when `process` exits first, TimeoutError."""
    _wait(lambda: _accepts(port), process, what, timeout_s)


def wait_for_http(url: str, process: subprocess.Popen | None, timeout_s: float, what: str = "the server") -> float:
    """Seconds until `url` answers 200; RuntimeError when `process` exits first, TimeoutError after `timeout_s`."""
    return _wait(lambda: http_status(url) == 200, process, what, timeout_s)


def stop(process: subprocess.Popen, timeout_s: float = 20) -> None:
    """SIGTERM, then SIGKILL when it does not exit within `timeout_s`."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def redis_server(timeout_s: float = 10) -> Iterator[str]:
    """`redis-server` on a free loopback port, without persistence, in a temporary folder; yields its URL."""
    port = free_port()
    folder = tempfile.mkdtemp(prefix="atypie-redis-")
    process = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--dir", folder], stdout=subprocess.DEVNULL)
    try:
        wait_for_port(port, process, "redis-server", timeout_s)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop(process, 10)
        shutil.rmtree(folder, ignore_errors=True)


def _accepts(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def _wait(ready, process: subprocess.Popen | None, what: str, timeout_s: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout_s:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with status {process.returncode}")
        if ready():
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{what} did not start within {timeout_s:.0f} s")
