"""Random-weight Stable Diffusion pipelines built from the JSON configs in models/ (tiny ones for tests, SD 1.5-size
ones for benches), saved with `save_pretrained` so that the real `from_pretrained` path runs on them. Nothing is
downloaded: even the tokenizer is written here. Their pictures mean nothing."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from .pipelines import libraries

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"
TINY_CONFIGS = MODELS_DIR / "tiny"
SD15_RANDOM_CONFIGS = MODELS_DIR / "sd15-random"


def build_tiny(dest: Path, *, seed: int = 0) -> list[Path]:
    """Write `dest/tiny-sd` and `dest/tiny-controlnet` (a few seconds on a CPU); return both folders."""
    return build_random(TINY_CONFIGS, Path(dest), prefix="tiny", seed=seed)


def build_random(configs: Path, dest: Path, *, prefix: str, seed: int = 0) -> list[Path]:
    """Write `dest/{prefix}-sd` (StableDiffusionPipeline) and `dest/{prefix}-controlnet`
    (StableDiffusionControlNetPipeline, sharing the same base weights) from the configs in `configs`."""
    from transformers import CLIPTextConfig, CLIPTextModel

    diffusers, torch = libraries()
    torch.manual_seed(seed)
    unet = diffusers.UNet2DConditionModel.from_config(_read(configs, "unet"))
    vae = diffusers.AutoencoderKL.from_config(_read(configs, "vae"))
    text_encoder = CLIPTextModel(CLIPTextConfig.from_dict(_read(configs, "text_encoder")))
    controlnet = diffusers.ControlNetModel.from_config(_read(configs, "controlnet"))
    _randomise_zero_tensors(controlnet)
    scheduler_config = _read(configs, "scheduler")
    scheduler = getattr(diffusers, scheduler_config["_class_name"]).from_config(scheduler_config)
    parts = {"vae": vae, "text_encoder": text_encoder, "tokenizer": _tokenizer(), "unet": unet, "scheduler": scheduler,
             "safety_checker": None, "feature_extractor": None, "requires_safety_checker": False}
    folders = [dest / f"{prefix}-sd", dest / f"{prefix}-controlnet"]
    diffusers.StableDiffusionPipeline(**parts).save_pretrained(folders[0], safe_serialization=True)
    diffusers.StableDiffusionControlNetPipeline(**parts, controlnet=controlnet).save_pretrained(
        folders[1], safe_serialization=True)
    return folders


def _read(configs: Path, name: str) -> dict:
    return json.loads((configs / f"{name}.json").read_text(encoding="utf-8"))


def _randomise_zero_tensors(model) -> None:
    """A fresh ControlNet starts with zero convolutions, so the control image would change nothing; give them
    small random weights so that it does."""
    import torch

    with torch.no_grad():
        for tensor in model.parameters():
            if not tensor.any():
                tensor.normal_(0.0, 0.02)


def _tokenizer():
    """A byte-level CLIP tokenizer whose vocabulary is the 256 byte symbols (alone and word-final) and no merge:
    any text encodes, one token per byte."""
    from transformers import CLIPTokenizer

    symbols = _byte_symbols()
    vocab = {symbol: i for i, symbol in enumerate(symbols + [s + "</w>" for s in symbols])}
    vocab |= {"<|startoftext|>": len(vocab), "<|endoftext|>": len(vocab) + 1}
    with tempfile.TemporaryDirectory(prefix="atypie-tokenizer-") as folder:
        root = Path(folder)
        (root / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
        (root / "merges.txt").write_text("#version: 0.2\n", encoding="utf-8")
        (root / "tokenizer_config.json").write_text(
            json.dumps({"tokenizer_class": "CLIPTokenizer", "model_max_length": 77}), encoding="utf-8")
        return CLIPTokenizer.from_pretrained(folder, local_files_only=True)


def _byte_symbols() -> list[str]:
    """GPT-2's printable stand-in for each of the 256 bytes, in byte order."""
    printable = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
    extra = iter(range(256, 512))
    return [chr(b if b in printable else next(extra)) for b in range(256)]
