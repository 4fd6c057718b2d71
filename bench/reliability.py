"""The attacks of issue 12, re-run against a real `atypie serve` (a subprocess on loopback, its own ATYPIE_HOME):

- a 560 KB hostile SVG described, while `/staff/` is polled: target < 2 s, and `/staff/` keeps answering;
- two hostile PDFs (a wide page plus a tall page; three huge pages): refused in < 2 s, server peak RSS < 1 GB;
- a staff session reused from a second client (same Gradio session id, other browser): refused;
- a 299,000-character text on the CLI: processed, or refused with a coded error, never exit 1;
- a hung Mistral server (accepts, never answers): the offline result with its notice within the deadline.

Prints one line per attack: what was measured, the target, and whether it was met.
"""
from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from hostile_images import hostile_svg, pdf_with_pages
from web_serve import ROOT

from tests.services import free_port, http_status, stop

STAFF, PASSWORD = "marie", "un-mot-de-passe-solide"
PARAGRAPH = ("La photosynthèse permet aux plantes de produire du glucose à partir de la lumière. Elle a lieu dans "
             "les chloroplastes des cellules {n}. Le dioxyde de carbone entre par les stomates. L'eau vient des "
             "racines et ne passe pas par les feuilles. ")


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ATYPIE_", "MISTRAL_", "GRADIO_"))}
    env.update(ATYPIE_HOME=str(home), GRADIO_ANALYTICS_ENABLED="False", NO_PROXY="127.0.0.1,localhost")
    return env


@contextlib.contextmanager
def server(home: Path):
    """`atypie serve` with one staff account; yields (url, process)."""
    env = environment(home)
    subprocess.run([sys.executable, "-m", "atypie", "staff", "add", STAFF], input=PASSWORD + "\n", text=True,
                   env=env, cwd=ROOT, check=True, capture_output=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([sys.executable, "-m", "atypie", "serve", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 180
        while http_status(url + "/") != 200:
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit("the server did not start")
            time.sleep(0.1)
        yield url, proc
    finally:
        stop(proc)


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def describe(url: str, data: bytes, suffix: str) -> tuple[float, str]:
    """Seconds and outcome ("ok" or the error code) of the students' describe endpoint."""
    from gradio_client import Client, handle_file
    from gradio_client.exceptions import AppError

    with tempfile.NamedTemporaryFile(suffix=suffix) as upload:
        upload.write(data)
        upload.flush()
        client = Client(url + "/", verbose=False, download_files=False)
        start = time.perf_counter()
        try:
            client.predict("", handle_file(upload.name), "fr", api_name="/describe")
            outcome = "ok"
        except AppError as error:
            outcome = str(error).split("]")[0].split("[")[-1] or "error"
        return time.perf_counter() - start, outcome


def svg_attack(url: str) -> list[tuple]:
    worst, stop = [0.0], threading.Event()

    def poll_staff() -> None:
        while not stop.is_set():
            start = time.perf_counter()
            ok = http_status(url + "/staff/", timeout_s=30) == 200
            worst[0] = max(worst[0], time.perf_counter() - start if ok else float("inf"))
            time.sleep(0.05)

    poller = threading.Thread(target=poll_staff)
    poller.start()
    seconds, outcome = describe(url, hostile_svg(560_000), ".svg")
    stop.set()
    poller.join()
    return [("SVG 560 KB described", f"{seconds:.2f} s ({outcome})", "< 2 s", seconds < 2),
            ("/staff/ while it runs (slowest)", f"{worst[0]:.2f} s", "answers", worst[0] < 2)]


def pdf_attack(url: str, pid: int) -> list[tuple]:
    rows = []
    for name, data in (("PDF wide + tall page", pdf_with_pages((14400, 1), (1, 14400))),
                       ("PDF three huge pages", pdf_with_pages(*[(14400, 14400)] * 3))):
        seconds, outcome = describe(url, data, ".pdf")
        rows.append((name, f"{seconds:.2f} s ({outcome})", "refused < 2 s", seconds < 2 and outcome != "ok"))
    rss = peak_rss_mb(pid)
    rows.append(("server peak RSS after both", f"{rss:.0f} MB", "< 1024 MB", rss < 1024))
    return rows


def session_attack(url: str) -> list[tuple]:
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    staff = Client(url + "/staff/", verbose=False, download_files=False)
    staff.predict(STAFF, PASSWORD, "fr", api_name="/login")
    thief = Client(url + "/staff/", verbose=False, download_files=False)
    thief.session_hash = staff.session_hash
    try:
        thief.predict("fr", api_name="/refresh_profiles")
        outcome = "ACCEPTED"
    except AppError as error:
        outcome = "refused" if "ATY-E037" in str(error) else str(error)[:40]
    return [("staff session reused by another client", outcome, "refused", outcome == "refused")]


def long_text(home: Path) -> list[tuple]:
    text = "".join(PARAGRAPH.format(n=n) + ("\n\n" if n % 4 == 3 else "") for n in range(100_000))[:299_000]
    path = home / "long.txt"
    path.write_text(text, encoding="utf-8")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "atypie", "simplify", str(path)], env=environment(home), cwd=ROOT,
                          capture_output=True, text=True, timeout=1800)
    seconds = time.perf_counter() - start
    code = done.stderr.split("]")[0].split("[")[-1] if done.returncode else "ok"
    return [("299,000 characters on the CLI", f"exit {done.returncode} ({code}), {seconds:.0f} s",
             "processed or coded refusal", done.returncode in (0, 2))]


def hung_mistral(home: Path) -> list[tuple]:
    with socket.socket() as hung:  # accepts connections (the kernel does), never answers
        hung.bind(("127.0.0.1", 0))
        hung.listen(16)
        env = environment(home)
        env.update(MISTRAL_API_KEY="cle-factice", MISTRAL_SERVER_URL=f"http://127.0.0.1:{hung.getsockname()[1]}")
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "atypie", "simplify", "--backend", "mistral", "--json", "-"],
                              input=PARAGRAPH.format(n=1), env=env, cwd=ROOT, capture_output=True, text=True,
                              timeout=300)
        seconds = time.perf_counter() - start
    notices = [n.get("code") for n in json.loads(done.stdout).get("notices", [])] if done.returncode == 0 else []
    deadline = 15
    return [("hung Mistral server (CLI, default deadline)", f"{seconds:.1f} s, notices {notices}",
             f"≤ {deadline} s + start-up, with notice", "backend-fallback" in notices and seconds < deadline + 10)]


def main() -> None:
    rows: list[tuple] = []
    with tempfile.TemporaryDirectory(prefix="atypie-bench-reliability-") as folder:
        home = Path(folder)
        with server(home) as (url, proc):
            rows += svg_attack(url)
            rows += pdf_attack(url, proc.pid)
            rows += session_attack(url)
        rows += long_text(home)
        rows += hung_mistral(home)
    print(f"{'attack':<46}{'measured':<40}{'target':<32}met")
    for name, measured, target, met in rows:
        print(f"{name:<46}{measured:<40}{target:<32}{'yes' if met else 'NO'}")
    sys.exit(0 if all(row[3] for row in rows) else 1)


if __name__ == "__main__":
    main()
