"""A permitted `illustrate` with the tiny pipelines, end to end on this machine:
- cold: a fresh `atypie illustrate` process (imports, pipeline loading, generation), against a fresh
  `atypie diagram` process on the same text (the baseline), with each process's peak memory;
- warm: later calls in the same process (pipeline loaded once), new seed each time so nothing is cached,
  and a cached call (same model, prompt, seed and size).
Usage: .venv/bin/python bench/illustrate_speed.py [runs]
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COURSE = ("La digestion commence dans la bouche. Ensuite, l'estomac broie les aliments. "
          "Puis l'intestin grêle absorbe les nutriments. Enfin, le gros intestin élimine les déchets.\n")

CHILD = """
import json, sys, time
def peak_mb():  # this program's own peak; ru_maxrss also counts the parent's memory at fork
    return int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0]) / 1024
start = time.perf_counter()
from atypie.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "seconds": time.perf_counter() - start,
                  "peak_mib": peak_mb()}), file=sys.stderr)
"""


def _child(env: dict, *argv: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, *argv], env=env, capture_output=True, text=True, check=False)
    result = json.loads(done.stderr.strip().splitlines()[-1])
    if result["code"] != 0:
        raise SystemExit(f"atypie {' '.join(argv)} failed:\n{done.stderr}")
    return result


def _prepare(home: Path) -> dict:
    env = {**os.environ, "ATYPIE_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    os.environ.update(env)
    import atypie
    from atypie.imaging.tiny import build_tiny

    start = time.perf_counter()
    build_tiny(home / "models" / "tiny")
    print(f"tiny pipelines built in {time.perf_counter() - start:.1f} s")
    with atypie.open_store() as store:
        store.profiles.create(atypie.load_preset("tsa", "bench"))
        store.staff.add("bench-staff", "mot-de-passe-de-bench")
        store.profiles.allow_images("bench", reason="bench", approved_by="bench-staff", daily_quota=200)
    (home / "cours.txt").write_text(COURSE, encoding="utf-8")
    return env


def _warm(mode: str, model: str, runs: int) -> tuple[float, float, float]:
    import atypie

    with atypie.open_store() as store:
        first = time.perf_counter()
        atypie.illustrate(COURSE, "bench", store=store, model=model, mode=mode, seed=1000)
        first = time.perf_counter() - first
        times = []
        for seed in range(1, runs + 1):
            start = time.perf_counter()
            atypie.illustrate(COURSE, "bench", store=store, model=model, mode=mode, seed=seed)
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        cached = atypie.illustrate(COURSE, "bench", store=store, model=model, mode=mode, seed=0)
        hit = time.perf_counter() - start
        assert cached.cached
    return first, statistics.median(times), hit


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = _prepare(home)
        course = str(home / "cours.txt")
        text_only = _child(env, "diagram", course, "-o", str(home / "d.png"))
        cold = {mode: _child(env, "illustrate", course, "--profile", "bench", "--model", model, "--mode", mode,
                             "-o", str(home / f"{mode}.png"))
                for mode, model in (("nodes", "tiny-sd"), ("layout", "tiny-controlnet"))}
        warm = {mode: _warm(mode, model, runs) for mode, model in (("nodes", "tiny-sd"), ("layout", "tiny-controlnet"))}

    print(f"\n{'cold process (tiny pipelines)':<44}{'seconds':>9}{'ratio':>8}{'peak MiB':>10}")
    print(f"{'atypie diagram (baseline, text only)':<44}{text_only['seconds']:>9.2f}{1:>8.2f}"
          f"{text_only['peak_mib']:>10.0f}")
    for mode, result in cold.items():
        print(f"{'atypie illustrate --mode ' + mode:<44}{result['seconds']:>9.2f}"
              f"{result['seconds'] / text_only['seconds']:>8.2f}{result['peak_mib']:>10.0f}")
    print(f"\n{'in one process':<44}{'first':>9}{'warm':>8}{'cached':>10}")
    for mode, (first, median, hit) in warm.items():
        print(f"{'illustrate --mode ' + mode + f' (median of {runs})':<44}{first:>9.2f}{median:>8.2f}{hit:>10.3f}")


if __name__ == "__main__":
    main()
