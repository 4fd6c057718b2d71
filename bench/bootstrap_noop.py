"""A second `scripts/bootstrap.sh` run with everything present must take a few seconds at most."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    subprocess.run(["bash", "scripts/bootstrap.sh"], cwd=ROOT, check=True)  # make sure all is present
    start = time.perf_counter()
    subprocess.run(["bash", "scripts/bootstrap.sh"], cwd=ROOT, check=True)
    elapsed = time.perf_counter() - start
    print(f"{'second bootstrap run (no-op)':<36}{elapsed:>8.2f} s   target < 5 s")
    sys.exit(0 if elapsed < 5 else 1)


if __name__ == "__main__":
    main()
