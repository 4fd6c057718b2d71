"""atypie: accessibility transformations for French higher education.

`import atypie` stays light: the public names below load their modules on first use, and
nothing here imports torch, diffusers, transformers, gradio or spaCy.

Public surface:

- `simplify(text, profile="standard")` → `SimplifyResult`; `check(text, profile)` → `CheckResult`
- `diagram(text, profile="standard")` → `DiagramResult` (graph, description, DOT)
- `describe(image_bytes, profile="standard")` → `ImageDescription` (alt, description, text, method, confidence)
- `illustrate(text_or_graph, profile_id, store=...)` → `Illustration` (generated image; the gate decides first)
- `adapt(path_or_bytes, profile="standard", to=("html",))` → `AdaptResult` (a course document adapted whole: PDF,
  DOCX, ODT, PPTX, Markdown or HTML in; accessible HTML, Markdown, DOCX or ODT out)

- `open_store(url=None)` → `Store` (profiles, staff, access codes, audit log)
- `load_profile(name, store=None)` → `Profile` (a stored profile, else a shipped preset)
- `Gate(store).check(profile_id)` → `Verdict` (the image-generation gate)
- `Profile`, `load_preset`, `preset_names`, `Settings`, `AtypieError`
"""
from __future__ import annotations

import logging
from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# A library stays quiet unless the application configures logging (no traceback reaches a user by accident).
logging.getLogger("atypie").addHandler(logging.NullHandler())

_LAZY = {
    "AtypieError": "atypie.errors",
    "Settings": "atypie.config",
    "Profile": "atypie.profiles.model",
    "load_preset": "atypie.profiles.presets",
    "preset_names": "atypie.profiles.presets",
    "Store": "atypie.store",
    "Gate": "atypie.gate",
    "Verdict": "atypie.verdict",
    "open_store": "atypie.store",
    "load_profile": "atypie.api",
    "simplify": "atypie.api",
    "adapt": "atypie.api",
    "check": "atypie.api",
    "diagram": "atypie.api",
    "describe": "atypie.api",
    "illustrate": "atypie.api",
    "image_generation_verdict": "atypie.api",
}

__all__ = ["__version__", "AtypieError", "Gate", "Profile", "Settings", "Store", "Verdict", "load_preset",
           "adapt", "check", "describe", "diagram", "illustrate", "image_generation_verdict", "load_profile",
           "open_store", "preset_names", "simplify"]

if TYPE_CHECKING:
    from .api import (
        adapt,
        check,
        describe,
        diagram,
        illustrate,
        image_generation_verdict,
        load_profile,
        simplify,
    )
    from .config import Settings
    from .errors import AtypieError
    from .gate import Gate
    from .profiles.model import Profile
    from .profiles.presets import load_preset, preset_names
    from .store import Store, open_store
    from .verdict import Verdict


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'atypie' has no attribute {name!r}")
