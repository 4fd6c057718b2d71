"""Load on the students' page: N concurrent gradio_client users (default 20) call the text tabs' endpoints
(`/simplify` and `/diagram`, alternately, each with an access code) on `python -m atypie serve` for D seconds
(default 60). Targets: 0 errors, p95 latency < 1.5 s. Warm: one call of each endpoint first loads the models.

Two runs: users calling back to back (no pause: the harshest case), then users who pause 1 to 3 s between
calls, as someone reading a result does (locust's `between(1, 3)`); the targets are checked on the second.
The clients run at a lower CPU priority than the server: in use they run on the students' own machines, and
here they would otherwise take half of this machine's cores from the server.

    python bench/web_load.py [--users 20] [--seconds 60]

Texts: bench/data/falc_dev_fr.jsonl (our own course paragraphs) and the French part of bench/data/diagram_dev.jsonl.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from web_serve import serving

ROOT = Path(__file__).resolve().parents[1]
P95_TARGET_S = 1.5


def paragraphs(name: str, lang: str | None = None, max_words: int = 120) -> list[str]:
    rows = [json.loads(line) for line in (ROOT / "bench/data" / name).open(encoding="utf-8")]
    return [r["text"] for r in rows if lang is None or r.get("lang") == lang and len(r["text"].split()) <= max_words]


def seed(home: Path) -> str:
    """A stored profile and its access code, as a student would use them."""
    from atypie.profiles.presets import load_preset
    from atypie.store import Store

    with Store(f"sqlite:///{home / 'atypie.db'}") as store:
        store.profiles.create(load_preset("dyslexie", "bench-etu"))
        return store.codes.issue("bench-etu").code


def queue_settings() -> list[str]:
    """The queue settings of the students' page, read from the app `atypie serve` builds."""
    from starlette.routing import Mount

    from atypie.store import Store
    from atypie.web.server import STUDENT_PATH, create_app

    with Store(f"sqlite:///{tempfile.mkdtemp(prefix='atypie-bench-cfg-')}/atypie.db") as store:
        app = create_app(store)
    mounted = {route.path or "/": route.app.blocks for route in app.routes if isinstance(route, Mount)}
    blocks = mounted[STUDENT_PATH.rstrip("/") or "/"]
    queue = blocks._queue
    lines = [f"queue: default concurrency {queue.default_concurrency_limit}, at most {queue.max_size} waiting"]
    for fn in blocks.fns.values():
        if fn.api_name in ("simplify", "diagram", "describe", "illustrate"):
            limit = queue.default_concurrency_limit if fn.concurrency_limit == "default" else fn.concurrency_limit
            lines.append(f"  /{fn.api_name}: concurrency {limit} (group « {fn.concurrency_id} »)")
    return lines


class User(threading.Thread):
    def __init__(self, url: str, code: str, texts: dict[str, list[str]], index: int, stop_at: float,
                 pause: tuple[float, float] = (0.0, 0.0)) -> None:
        super().__init__(daemon=True)
        self.url, self.code, self.texts, self.index, self.stop_at = url, code, texts, index, stop_at
        self.pause = pause
        self.random = random.Random(index)
        self.latencies: dict[str, list[float]] = {"simplify": [], "diagram": []}
        self.errors: list[str] = []

    def call(self, client, endpoint: str, n: int) -> None:
        texts = self.texts[endpoint]
        text = texts[(self.index + n) % len(texts)]
        args = (self.code, text, "fr") if endpoint == "simplify" else (self.code, text, "", "fr")
        start = time.perf_counter()
        try:
            client.predict(*args, api_name=f"/{endpoint}")
        except Exception as exc:  # noqa: BLE001 - every failure counts as an error
            self.errors.append(f"{endpoint}: {type(exc).__name__}: {str(exc)[:120]}")
        else:
            self.latencies[endpoint].append(time.perf_counter() - start)

    def run(self) -> None:
        from gradio_client import Client

        client = Client(self.url + "/", verbose=False, analytics_enabled=False, download_files=False)
        n = 0
        while time.perf_counter() < self.stop_at:
            self.call(client, ("simplify", "diagram")[(self.index + n) % 2], n)
            n += 1
            time.sleep(self.random.uniform(*self.pause))


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else (values[0] if values else float("nan"))


def run_users(url: str, code: str, texts: dict[str, list[str]], count: int, seconds: float,
              pause: tuple[float, float]) -> list[User]:
    stop_at = time.perf_counter() + seconds
    users = [User(url, code, texts, i, stop_at, pause) for i in range(count)]
    for user in users:
        user.start()
    for user in users:
        user.join()
    return users


def report(title: str, users: list[User], seconds: float) -> tuple[int, float]:
    """Print one table; return the number of errors and the overall p95."""
    errors = [e for u in users for e in u.errors]
    print(f"\n{title}")
    print(f"{'endpoint':<12}{'calls':>7}{'errors':>8}{'median (s)':>12}{'p95 (s)':>10}{'calls/s':>9}")
    all_latencies = []
    for endpoint in ("simplify", "diagram"):
        values = [v for u in users for v in u.latencies[endpoint]]
        failed = sum(e.startswith(endpoint) for e in errors)
        all_latencies += values
        median = statistics.median(values) if values else float("nan")
        print(f"{'/' + endpoint:<12}{len(values):>7}{failed:>8}{median:>12.3f}{p95(values):>10.3f}"
              f"{len(values) / seconds:>9.2f}")
    overall = p95(all_latencies)
    print(f"{'all':<12}{len(all_latencies):>7}{len(errors):>8}{statistics.median(all_latencies):>12.3f}"
          f"{overall:>10.3f}{len(all_latencies) / seconds:>9.2f}")
    for error in sorted(set(errors))[:5]:
        print("  error:", error)
    return len(errors), overall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    texts = {"simplify": paragraphs("falc_dev_fr.jsonl"), "diagram": paragraphs("diagram_dev.jsonl", "fr")}
    for line in queue_settings():
        print(line)
    home = Path(tempfile.mkdtemp(prefix="atypie-bench-load-"))
    code = seed(home)
    with serving(home) as (url, started_s):
        os.nice(10)  # the server started before: it keeps the normal priority
        warm = User(url, code, texts, 0, 0.0)
        start = time.perf_counter()
        from gradio_client import Client

        client = Client(url + "/", verbose=False, analytics_enabled=False, download_files=False)
        warm.call(client, "simplify", 0)
        warm.call(client, "diagram", 0)
        warm_s = time.perf_counter() - start
        if warm.errors:
            sys.exit(f"the warm-up failed: {warm.errors}")
        harsh = run_users(url, code, texts, args.users, args.seconds, (0.0, 0.0))
        paced = run_users(url, code, texts, args.users, args.seconds, (1.0, 3.0))
    print(f"server ready in {started_s:.1f} s; warm-up (first simplify + diagram) {warm_s:.1f} s")
    report(f"{args.users} users calling back to back for {args.seconds:.0f} s", harsh, args.seconds)
    errors, overall = report(f"{args.users} users pausing 1-3 s between calls for {args.seconds:.0f} s "
                             f"(targets: 0 errors, p95 < {P95_TARGET_S} s)", paced, args.seconds)
    sys.exit(0 if not errors and overall < P95_TARGET_S else 1)


if __name__ == "__main__":
    main()
