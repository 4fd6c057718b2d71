"""How long `import atypie` takes (target < 0.3 s), against a bare interpreter start in the same run."""
from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 15


def timed(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    baseline = statistics.median(timed("pass") for _ in range(RUNS))
    with_atypie = statistics.median(timed("import atypie") for _ in range(RUNS))
    cost = with_atypie - baseline
    print(f"{'measure':<32}{'median (s)':>12}")
    print(f"{'python -c pass (baseline)':<32}{baseline:>12.4f}")
    print(f"{'python -c import atypie':<32}{with_atypie:>12.4f}")
    print(f"{'import atypie itself':<32}{cost:>12.4f}   target < 0.300  ratio to baseline {with_atypie / baseline:.2f}")
    sys.exit(0 if cost < 0.3 else 1)


if __name__ == "__main__":
    main()
