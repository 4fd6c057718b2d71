"""Loading an installed diffusion pipeline from its local folder (once per process, model and device) and running
it deterministically. torch and diffusers are imported inside functions only, so `import atypie` stays light;
nothing is ever fetched from a hub (`local_files_only`, and HF_HUB_OFFLINE unless the caller set it)."""
from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ModelNotInstalled
from ..torch_lock import torch_import_lock
from .registry import InstalledModel


@dataclass(frozen=True)
class Loaded:
    pipe: Any
    device: str
    lock: threading.Lock  # one generation at a time per pipeline: its scheduler keeps state


@dataclass(frozen=True)
class Generated:
    images: tuple[Any, ...]  # PIL images, one per prompt
    device: str
    gpu_seconds: float  # measured on a GPU, 0 on a CPU


BATCH = 4  # prompts run together: enough to use a GPU, little enough for a small one
_LOADED: dict[tuple[str, str, str, str], Loaded] = {}
_LOADING = threading.Lock()


def libraries() -> tuple[Any, Any]:
    """diffusers and torch, offline and quiet (no progress bar, no advice in the logs)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    with torch_import_lock:  # never while spaCy is loading with torch hidden
        import diffusers
        import torch
        import transformers

    for logging in (diffusers.utils.logging, transformers.utils.logging):
        logging.set_verbosity_error()
        logging.disable_progress_bar()
    return diffusers, torch


def pick_device() -> str:
    _, torch = libraries()
    return "cuda" if torch.cuda.is_available() else "cpu"


def load(model: InstalledModel, device: str | None = None) -> Loaded:
    """The model's pipeline on `device` (a GPU if there is one), loaded on first use and kept for the process."""
    device = device or pick_device()
    key = (model.id, str(model.folder), str(model.controlnet), device)
    with _LOADING:
        if key not in _LOADED:
            _LOADED[key] = _load(model, device)
        return _LOADED[key]


def _load(model: InstalledModel, device: str) -> Loaded:
    diffusers, torch = libraries()
    entry = model.entry
    dtype = torch.float16 if device.startswith("cuda") and not entry.tiny else torch.float32
    options: dict[str, Any] = {"dtype": dtype, "local_files_only": True}
    if entry.tiny:
        options |= {"safety_checker": None, "requires_safety_checker": False}
    try:
        if model.controlnet is not None:
            options["controlnet"] = diffusers.ControlNetModel.from_pretrained(
                model.controlnet, dtype=dtype, local_files_only=True)
        pipe = getattr(diffusers, entry.pipeline).from_pretrained(model.folder, **options)
    except (OSError, ValueError) as exc:
        raise ModelNotInstalled(model=entry.id, detail=f"chargement impossible ({type(exc).__name__}: {exc})"[:300],
                                env=entry.env or str(model.folder)) from exc
    pipe.set_progress_bar_config(disable=True)
    return Loaded(pipe.to(device), device, threading.Lock())


def generate(model: InstalledModel, prompts: Sequence[str], *, seed: int, width: int, height: int, steps: int,
             guidance: float, negative: str = "", control: Any = None, device: str | None = None) -> Generated:
    """One picture per prompt, `BATCH` prompts at a time; prompt i uses seed `seed + i`, so the same call gives
    the same pixels. `control` is the control image of a ControlNet pipeline."""
    _, torch = libraries()
    loaded = load(model, device)
    common: dict[str, Any] = {"width": width, "height": height, "num_inference_steps": steps,
                              "guidance_scale": guidance, "output_type": "pil"}
    if control is not None:
        common["image"] = control
    images: list[Any] = []
    on_gpu = loaded.device.startswith("cuda")
    with loaded.lock, torch.inference_mode():
        if on_gpu:
            torch.cuda.synchronize(loaded.device)
        start = time.perf_counter()
        for first in range(0, len(prompts), BATCH):
            batch = list(prompts[first:first + BATCH])
            seeds = range(seed + first, seed + first + len(batch))
            images += loaded.pipe(prompt=batch, negative_prompt=[negative] * len(batch) if negative else None,
                                  generator=[torch.Generator(loaded.device).manual_seed(s) for s in seeds],
                                  **common).images
        if on_gpu:
            torch.cuda.synchronize(loaded.device)
        seconds = time.perf_counter() - start if on_gpu else 0.0
    return Generated(tuple(images), loaded.device, seconds)
