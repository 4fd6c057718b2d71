"""Tiny random pipelines: built from models/tiny, loaded by the real `from_pretrained` path, deterministic."""
from __future__ import annotations

import json

import pytest

from atypie.imaging import pipelines
from atypie.imaging.registry import resolve
from atypie.imaging.tiny import SD15_RANDOM_CONFIGS, TINY_CONFIGS

pytest.importorskip("diffusers")


LAYOUT_ENTRY = """
[[model]]
id = "sd15-canny"
name = "SD 1.5 + Canny"
pipeline = "StableDiffusionControlNetPipeline"
modes = ["layout"]
env = "ATYPIE_MODEL_SD15"
controlnet_env = "ATYPIE_MODEL_SD15_CANNY"
licence = "CreativeML OpenRAIL-M"
intended_use = "tests"
size = 64
steps = 2
"""


def _config(folder, name):
    return json.loads((folder / f"{name}.json").read_text())


@pytest.mark.parametrize("configs", [TINY_CONFIGS, SD15_RANDOM_CONFIGS], ids=["tiny", "sd15-random"])
def test_configs_fit_together(configs):
    unet, controlnet, text = (_config(configs, name) for name in ("unet", "controlnet", "text_encoder"))
    assert unet["cross_attention_dim"] == controlnet["cross_attention_dim"] == text["hidden_size"]
    assert unet["block_out_channels"] == controlnet["block_out_channels"]
    assert unet["layers_per_block"] == controlnet["layers_per_block"]
    assert _config(configs, "vae")["latent_channels"] == unet["in_channels"]


def test_sd15_random_has_the_real_sizes():
    assert _config(SD15_RANDOM_CONFIGS, "unet")["block_out_channels"] == [320, 640, 1280, 1280]
    assert _config(SD15_RANDOM_CONFIGS, "text_encoder")["num_hidden_layers"] == 12
    assert _config(SD15_RANDOM_CONFIGS, "vae")["block_out_channels"] == [128, 256, 512, 512]


def test_build_writes_two_loadable_pipelines(tiny_models):
    sd, controlnet = tiny_models["tiny-sd"], tiny_models["tiny-controlnet"]
    assert json.loads((sd / "model_index.json").read_text())["_class_name"] == "StableDiffusionPipeline"
    assert json.loads((controlnet / "model_index.json").read_text())["_class_name"] == \
        "StableDiffusionControlNetPipeline"
    assert list(sd.glob("unet/*.safetensors")) and list((controlnet / "controlnet").glob("*.safetensors"))
    assert sum(p.stat().st_size for p in sd.rglob("*") if p.is_file()) < 5_000_000


def test_load_once_per_process_without_safety_checker(tiny_env):
    model = resolve("tiny-sd")
    loaded = pipelines.load(model, "cpu")
    assert pipelines.load(model, "cpu") is loaded
    assert type(loaded.pipe).__name__ == "StableDiffusionPipeline" and loaded.pipe.safety_checker is None
    assert str(loaded.pipe.unet.dtype) == "torch.float32" and loaded.device == "cpu"


def _pixels(model, seed, **extra):
    done = pipelines.generate(model, ["a leaf", "the sun"], seed=seed, width=64, height=64, steps=2, guidance=7.5,
                              device="cpu", **extra)
    assert done.device == "cpu" and done.gpu_seconds == 0.0
    return [image.tobytes() for image in done.images]


@pytest.mark.slow
def test_generation_is_deterministic(tiny_env):
    model = resolve("tiny-sd")
    first = _pixels(model, 7)
    assert _pixels(model, 7) == first
    assert _pixels(model, 8) != first
    assert first[0] != first[1]  # each prompt has its own seed


@pytest.mark.slow
def test_a_separate_controlnet_folder_loads_with_its_base(tiny_models, tmp_path, monkeypatch):
    """The real layout entries pair an SD 1.5 folder with a ControlNet folder: the same path on tiny weights."""
    registry = tmp_path / "registry.toml"
    registry.write_text(LAYOUT_ENTRY, encoding="utf-8")
    monkeypatch.setenv("ATYPIE_MODELS_REGISTRY", str(registry))
    monkeypatch.setenv("ATYPIE_MODEL_SD15", str(tiny_models["tiny-sd"]))
    monkeypatch.setenv("ATYPIE_MODEL_SD15_CANNY", str(tiny_models["tiny-controlnet"] / "controlnet"))
    from PIL import Image

    model = resolve("sd15-canny")
    black, white = Image.new("RGB", (64, 64)), Image.new("RGB", (64, 64), "white")
    assert _pixels(model, 1, control=black) != _pixels(model, 1, control=white)
    assert type(pipelines.load(model, "cpu").pipe).__name__ == "StableDiffusionControlNetPipeline"
