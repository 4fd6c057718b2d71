"""Presets shipped as data (`presets/*.toml`): starting points that staff copy into named profiles.

No preset may grant image generation: only staff can, on a named profile, with a reason.
"""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from ..errors import InvalidSetting, UnknownPreset
from .model import Profile

_FORBIDDEN_SECTIONS = ("image_generation", "id", "preset")


@cache
def preset_names() -> tuple[str, ...]:
    folder = resources.files(__package__).joinpath("presets")
    return tuple(sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml")))


@cache
def _preset_data(name: str) -> dict:
    if name not in preset_names():
        raise UnknownPreset(preset=name, available=", ".join(preset_names()))
    raw = resources.files(__package__).joinpath("presets", f"{name}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(raw)
    for key in _FORBIDDEN_SECTIONS:
        if key in data:
            raise InvalidSetting(key=key, detail=f"un modèle ne peut pas définir « {key} » (modèle {name})")
    return data


def load_preset(name: str, profile_id: str | None = None) -> Profile:
    """A new profile from preset `name`, with id `profile_id` (default: the preset's name)."""
    data = _preset_data(name)
    return Profile.model_validate({**data, "id": profile_id or name, "preset": name})
