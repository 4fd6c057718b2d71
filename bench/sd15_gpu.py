"""One Stable Diffusion 1.5-size pipeline (random weights from the real configs in models/sd15-random), timed at
512×512 and 20 steps through atypie's own loader: seconds per image and peak GPU memory.

Needs a CUDA GPU (half precision); on a machine without one it says so and stops, unless `--cpu` is given
(minutes per image and ~10 GB of disk for the random weights).
Usage: .venv/bin/python bench/sd15_gpu.py [--cpu] [images]
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from atypie.imaging import pipelines
from atypie.imaging.registry import resolve
from atypie.imaging.tiny import SD15_RANDOM_CONFIGS, build_random

SIZE, STEPS = 512, 20
PROMPT = "pictogram of the stomach; a step of a process about digestion; simple flat pictogram, no text"


def main() -> None:
    cpu = "--cpu" in sys.argv
    counts = [int(arg) for arg in sys.argv[1:] if arg.isdigit()]
    images = counts[0] if counts else 3
    _, torch = pipelines.libraries()
    if not torch.cuda.is_available() and not cpu:
        print("no CUDA GPU on this machine: skipped (run with --cpu to time it on the CPU)")
        return
    device = "cuda" if torch.cuda.is_available() else "cpu"
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        folder, _ = build_random(SD15_RANDOM_CONFIGS, Path(tmp), prefix="sd15-random")
        built = time.perf_counter() - start
        model = resolve(str(folder))
        start = time.perf_counter()
        pipelines.load(model, device)
        loaded = time.perf_counter() - start
        if device == "cuda":
            torch.cuda.reset_peak_memory_stats()
        pipelines.generate(model, [PROMPT], seed=0, width=SIZE, height=SIZE, steps=STEPS, guidance=7.5)  # warm-up
        times = []
        for seed in range(1, images + 1):
            start = time.perf_counter()
            pipelines.generate(model, [PROMPT], seed=seed, width=SIZE, height=SIZE, steps=STEPS, guidance=7.5)
            times.append(time.perf_counter() - start)
        peak = torch.cuda.max_memory_allocated() / 2**30 if device == "cuda" else float("nan")
        name = torch.cuda.get_device_name() if device == "cuda" else "CPU"
    print(f"device: {name}; random weights built in {built:.0f} s, loaded in {loaded:.1f} s")
    print(f"{'SD 1.5 size, 512x512, 20 steps':<36}{'s/image (best)':>16}{'s/image (median)':>18}{'peak GiB':>10}")
    print(f"{'':<36}{min(times):>16.2f}{sorted(times)[len(times) // 2]:>18.2f}{peak:>10.2f}")


if __name__ == "__main__":
    main()
