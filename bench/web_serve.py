"""Cold start of the web app: `python -m atypie serve` in a fresh subprocess, on an empty private home, until the
first HTTP 200 on `/` (students); the staff page (`/staff/`) is checked at that moment. Best and median of 3."""
from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the process helpers are the tests' own

from tests.services import free_port, http_status, stop  # noqa: E402

RUNS = 3
TIMEOUT_S = 180
@contextlib.contextmanager
def serving(home: Path | None = None):
    """`python -m atypie serve` on a free loopback port with ATYPIE_HOME=`home` (a new empty folder by default).
    Yields (base URL, seconds from process start to the first 200 on `/`); stops the server on exit."""
    own_home = home is None
    home = home or Path(tempfile.mkdtemp(prefix="atypie-bench-web-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ATYPIE_", "MISTRAL_"))}
    env.update(ATYPIE_HOME=str(home), GRADIO_ANALYTICS_ENABLED="False")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    start = time.perf_counter()
    # Its log goes to a file: a pipe nobody reads fills up under load, and the server then blocks on its next line.
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen([sys.executable, "-m", "atypie", "serve", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=log)
    try:
        while http_status(url + "/") != 200:
            if proc.poll() is not None:
                log.seek(0)
                sys.exit(f"the server exited with status {proc.returncode}:\n{log.read().decode()[-2000:]}")
            if time.perf_counter() - start > TIMEOUT_S:
                sys.exit(f"no HTTP 200 within {TIMEOUT_S} s")
            time.sleep(0.05)
        yield url, time.perf_counter() - start
    finally:
        stop(proc, 15)
        log.close()
        if own_home:
            shutil.rmtree(home, ignore_errors=True)


def cold_start() -> tuple[float, int | None]:
    with serving() as (url, seconds):
        return seconds, http_status(url + "/staff/")


def main() -> None:
    runs = [cold_start() for _ in range(RUNS)]
    times = [seconds for seconds, _ in runs]
    print(f"{'measure':<44}{'seconds':>9}")
    print(f"{'python -m atypie serve → first 200, best':<44}{min(times):>9.2f}")
    print(f"{'python -m atypie serve → first 200, median':<44}{statistics.median(times):>9.2f}")
    print(f"runs: {', '.join(f'{t:.2f}' for t in times)} s; /staff/ answered {[s for _, s in runs]}")
    sys.exit(0 if all(s == 200 for _, s in runs) else 1)


if __name__ == "__main__":
    main()
