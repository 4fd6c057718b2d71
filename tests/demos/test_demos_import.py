"""Each transformation's demo imports without launching and builds its page (one tab, a code already typed in)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import gradio as gr
import pytest

DEMOS = Path(__file__).resolve().parents[2] / "demos"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"demo_{name}", DEMOS / name / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize("name", ["simplify", "diagram", "describe", "illustrate"])
def test_demo_builds_its_page(name):
    demo = load(name).demo
    assert isinstance(demo, gr.Blocks)
    config = demo.get_config_file()
    tabs = {c["props"]["elem_id"]: c["props"] for c in config["components"] if c["type"] == "tabitem"}
    assert list(tabs) == [f"atypie-tab-{name}"]
    assert tabs[f"atypie-tab-{name}"]["visible"] is True  # for illustrate: the demo profile is allowed
    code = next(c for c in config["components"] if c["props"].get("elem_id") == "atypie-code")
    assert len(code["props"]["value"]) == 24
    assert any(d.get("api_name") == name for d in config["dependencies"])


def test_samples_are_attributed():
    readme = (DEMOS / "samples" / "README.md").read_text(encoding="utf-8")
    for sample in (DEMOS / "samples").iterdir():
        if sample.name != "README.md":
            assert sample.name in readme
