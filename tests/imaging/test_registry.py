"""The model registry: shipped entries, resolution to local folders, and the errors that say how to install."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from atypie.config import DEFAULT_MODELS_REGISTRY, Settings
from atypie.errors import EXIT_MISSING, ConfigurationError, InvalidInput, ModelNotInstalled, UnknownModel
from atypie.imaging.registry import MODES, PIPELINES, load_registry, resolve, valid_size


def _pipeline_folder(folder: Path, pipeline: str = "StableDiffusionPipeline") -> Path:
    folder.mkdir(parents=True)
    (folder / "model_index.json").write_text(json.dumps({"_class_name": pipeline}))
    return folder


def _registry_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "registry.toml"
    path.write_text(body, encoding="utf-8")
    return path


ENTRY = """
[[model]]
id = "mine"
name = "Mine"
pipeline = "StableDiffusionPipeline"
modes = ["nodes"]
env = "ATYPIE_MODEL_MINE"
licence = "CreativeML OpenRAIL-M"
intended_use = "tests"
"""


def test_shipped_registry_entries_are_complete():
    registry = load_registry()
    assert registry.source == DEFAULT_MODELS_REGISTRY
    assert {"sd15", "sd15-canny", "tiny-sd", "tiny-controlnet"} <= set(registry.ids())
    for entry in registry.entries:
        assert entry.licence.strip() and entry.intended_use.strip() and entry.name.strip()
        assert entry.modes and set(entry.modes) <= set(PIPELINES[entry.pipeline])
        assert entry.env and entry.env.startswith("ATYPIE_MODEL_")
        assert valid_size(entry.size)
    assert registry.get("sd15").licence == "CreativeML OpenRAIL-M"
    assert registry.get("sd15-canny").controlnet_env == "ATYPIE_MODEL_SD15_CANNY"
    for mode in MODES:
        assert mode in registry.get(registry.default_for(mode)).modes


def test_unknown_model_lists_the_known_ones():
    with pytest.raises(UnknownModel) as caught:
        resolve("sd99")
    assert caught.value.code == "ATY-E025"
    assert "sd15" in caught.value.params["available"]


def test_not_installed_says_which_variable(monkeypatch):
    with pytest.raises(ModelNotInstalled) as caught:
        resolve("sd15")
    assert caught.value.exit_code == EXIT_MISSING == 4
    assert caught.value.params["env"] == "ATYPIE_MODEL_SD15"
    assert "ATYPIE_MODEL_SD15" in caught.value.message("fr") and "models/README.md" in caught.value.message("en")


def test_missing_or_incomplete_folder_is_not_installed(tmp_path, monkeypatch):
    monkeypatch.setenv("ATYPIE_MODEL_SD15", str(tmp_path / "absent"))
    with pytest.raises(ModelNotInstalled, match="absent"):
        resolve("sd15")
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("ATYPIE_MODEL_SD15", str(tmp_path / "empty"))
    with pytest.raises(ModelNotInstalled, match="model_index.json"):
        resolve("sd15")


def test_layout_model_needs_its_controlnet_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ATYPIE_MODEL_SD15", str(_pipeline_folder(tmp_path / "sd15")))
    with pytest.raises(ModelNotInstalled) as caught:
        resolve("sd15-canny")
    assert caught.value.params["env"] == "ATYPIE_MODEL_SD15_CANNY"
    controlnet = tmp_path / "canny"
    controlnet.mkdir()
    (controlnet / "config.json").write_text("{}")
    monkeypatch.setenv("ATYPIE_MODEL_SD15_CANNY", str(controlnet))
    installed = resolve("sd15-canny")
    assert (installed.folder, installed.controlnet) == (tmp_path / "sd15", controlnet)


def test_tiny_models_default_to_atypie_home(atypie_home):
    with pytest.raises(ModelNotInstalled, match="models/tiny/tiny-sd"):
        resolve("tiny-sd")
    folder = _pipeline_folder(atypie_home / "models" / "tiny" / "tiny-sd")
    installed = resolve("tiny-sd")
    assert installed.folder == folder and installed.entry.tiny


def test_a_local_folder_is_a_model(tmp_path):
    folder = _pipeline_folder(tmp_path / "my-model", "StableDiffusionControlNetPipeline")
    (folder / "unet").mkdir()
    (folder / "unet" / "config.json").write_text(json.dumps({"sample_size": 32}))
    (folder / "vae").mkdir()
    (folder / "vae" / "config.json").write_text(json.dumps({"block_out_channels": [8, 16]}))
    installed = resolve(str(folder))
    assert installed.entry.modes == ("layout",) and installed.entry.size == 64 and installed.id == str(folder)
    assert installed.entry.licence and installed.entry.intended_use


@pytest.mark.parametrize("make", ["file", "plain-folder", "other-pipeline"])
def test_a_bad_local_path_is_refused_clearly(tmp_path, make):
    target = tmp_path / "model"
    if make == "file":
        target.write_text("not a folder")
    elif make == "plain-folder":
        target.mkdir()
    else:
        _pipeline_folder(target, "FluxPipeline")
    with pytest.raises(InvalidInput):
        resolve(target)


def test_identity_follows_the_installed_files(tmp_path):
    folder = _pipeline_folder(tmp_path / "m")
    before = resolve(folder).identity
    assert resolve(folder).identity == before
    (folder / "weights.bin").write_bytes(b"x")
    assert resolve(folder).identity != before


def test_registry_location_comes_from_the_environment(tmp_path, monkeypatch):
    path = _registry_file(tmp_path, ENTRY.replace('env = "ATYPIE_MODEL_MINE"', 'path = "weights/mine"'))
    monkeypatch.setenv("ATYPIE_MODELS_REGISTRY", str(path))
    assert Settings.from_env().models_registry == path
    assert load_registry().ids() == ["mine"]
    folder = _pipeline_folder(tmp_path / "weights" / "mine")
    assert resolve("mine").folder == folder  # a relative path is read from the registry's folder


@pytest.mark.parametrize("change", [
    ('licence = "CreativeML OpenRAIL-M"', 'licence = ""'),
    ('intended_use = "tests"', 'intended_use = "tests"\ncolour = "blue"'),
    ('modes = ["nodes"]', 'modes = ["layout"]'),
    ('pipeline = "StableDiffusionPipeline"', 'pipeline = "FluxPipeline"'),
    ('id = "mine"', 'id = "../mine"'),
    ('modes = ["nodes"]', 'modes = ["nodes"]\nsize = 100'),
])
def test_a_malformed_registry_is_a_configuration_error(tmp_path, change):
    path = _registry_file(tmp_path, ENTRY.replace(*change))
    with pytest.raises(ConfigurationError):
        load_registry(path)


def test_a_missing_registry_is_a_configuration_error(tmp_path):
    with pytest.raises(ConfigurationError, match="introuvable"):
        load_registry(tmp_path / "nowhere.toml")


def test_entries_list_and_report_installation(atypie_home):
    registry = load_registry()
    assert [entry.id for entry in registry] == registry.ids()
    listed = registry.get("tiny-sd").to_dict()
    assert listed["modes"] == ["nodes"] and listed["licence"] and "base" not in listed
    assert not registry.get("tiny-sd").installed()
    _pipeline_folder(atypie_home / "models" / "tiny" / "tiny-sd")
    assert registry.get("tiny-sd").installed() and not registry.get("sd15").installed()
