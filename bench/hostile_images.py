"""Hostile images through `atypie.describe` (issue 12): SVGs that made a text regex quadratic, and tiny PDFs
whose pages are huge or unbalanced. Each case runs in its own process, under a 4 GiB address-space limit and
a time limit, and reports seconds, peak RSS (MB) and the outcome (the method, or the error code).
Targets: every case under 5 s and 1 GiB (a normal PDF is shown for reference)."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.vision.hostile import pdf_with_pages  # noqa: E402  (one builder for the bench and the tests)

LIMIT_BYTES = 4 * 1024 ** 3
MAX_SECONDS = 5.0
MAX_RSS_MB = 1024

CHILD = """
import json, resource, sys, time
def peak_mb():  # this program's own peak; ru_maxrss also counts the parent's memory at fork
    return int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0]) / 1024
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
import atypie
data = sys.stdin.buffer.read()
start = time.perf_counter()
try:
    outcome = atypie.describe(data, "standard", backend="offline").method
except atypie.AtypieError as error:
    outcome = error.code
except MemoryError:
    outcome = "MemoryError"
seconds = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "rss_mb": peak_mb(),
                  "outcome": outcome}}))
"""


def hostile_svg(size: int) -> bytes:
    """Well-formed, but `<text/>` repeated: each opening made the old regex scan to the end of the file."""
    head, tail = '<svg xmlns="http://www.w3.org/2000/svg">', "</svg>"
    return (head + "<text/>" * ((size - len(head) - len(tail)) // 7) + tail).encode()


def run_case(data: bytes, timeout_s: float) -> dict:
    try:
        done = subprocess.run([sys.executable, "-c", CHILD.format(limit=LIMIT_BYTES)], input=data,
                              capture_output=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        return {"seconds": timeout_s, "rss_mb": float("nan"), "outcome": f"killed after {timeout_s:.0f} s"}
    lines = done.stdout.decode().strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"seconds": float("nan"), "rss_mb": float("nan"), "outcome": f"crashed (exit {done.returncode})"}
    return json.loads(lines[-1])


def cases() -> list[tuple[str, bytes, bool]]:
    """(name, data, hostile)."""
    return [*((f"SVG <text/> × n, {kb} KB", hostile_svg(kb * 1024), True) for kb in (140, 280, 560)),
            ("PDF 14400×1 + 1×14400 pt", pdf_with_pages((14400, 1), (1, 14400)), True),
            ("PDF 3 × 14400×14400 pt", pdf_with_pages(*[(14400, 14400)] * 3), True),
            ("PDF A4 (reference)", pdf_with_pages((595, 842)), False)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed to each case")
    args = parser.parse_args()
    print(f"{'case':<30}{'bytes':>9}{'seconds':>10}{'peak RSS (MB)':>15}  outcome")
    failed = False
    for name, data, hostile in cases():
        result = run_case(data, args.timeout)
        print(f"{name:<30}{len(data):>9}{result['seconds']:>10.2f}{result['rss_mb']:>15.0f}  {result['outcome']}")
        failed |= hostile and not (result["seconds"] < MAX_SECONDS and result["rss_mb"] < MAX_RSS_MB)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
