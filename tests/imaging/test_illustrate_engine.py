"""The illustration engine on tiny random pipelines: refusal, both modes, determinism, cache and bounds."""
from __future__ import annotations

import io

import pytest

from atypie.adapters.graphviz import run_dot
from atypie.diagrams.dot import to_dot
from atypie.diagrams.model import Edge, Graph, Group, Node
from atypie.diagrams.render import embedded_graph
from atypie.errors import EXIT_MISSING, ImageGenerationRefused, InvalidInput, ModelNotInstalled, UnknownModel
from atypie.gate import Verdict
from atypie.imaging import compose, pipelines
from atypie.imaging.illustrate import MAX_NODES, _default_theme, node_prompt, render_illustration

pytest.importorskip("diffusers")
pytestmark = pytest.mark.exe  # Graphviz draws every illustration

ALLOWED = Verdict(True, ("granted",), "p", "illustrate", 4)
GRAPH = Graph("process", "La photosynthèse",
              (Node("n1", "Lumière du soleil", "step"), Node("n2", "Chlorophylle", "step"),
               Node("n3", "Glucose et oxygène", "step")),
              (Edge("n1", "n2", "capte", "next"), Edge("n2", "n3", "", "next")),
              (Group("g1", "Dans la feuille", ("n2", "n3")),))


def _size(png: bytes) -> tuple[int, int]:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return image.size


def _never_load(*_args, **_kwargs):
    raise AssertionError("the pipeline must not be loaded")


@pytest.mark.slow
def test_refused_without_an_allowing_verdict(tiny_env, monkeypatch):
    monkeypatch.setattr(pipelines, "load", _never_load)
    refused = Verdict(False, ("not-allowed",), "p", "illustrate", 0)
    with pytest.raises(ImageGenerationRefused) as caught:
        render_illustration(GRAPH, refused, model="tiny-sd")
    assert caught.value.verdict is refused and caught.value.params["profile_id"] == "p"
    with pytest.raises(ImageGenerationRefused):
        render_illustration(GRAPH, None, model="tiny-sd")


@pytest.mark.slow
def test_nodes_mode_draws_one_picture_per_node(tiny_env):
    result = render_illustration(GRAPH, ALLOWED, model="tiny-sd", seed=3)
    assert (result.mode, result.model_id, result.seed, result.cached) == ("nodes", "tiny-sd", 3, False)
    assert _size(result.png) == (result.width, result.height)
    assert embedded_graph(result.png) == GRAPH
    assert len(result.prompts) == 3 and "Chlorophylle" in result.prompts[1] and "no text" in result.prompts[1]
    assert result.device == "cpu" and result.gpu_seconds == 0.0 and result.verdict is ALLOWED
    assert "Lumière du soleil" in result.alt_fr and result.alt_en.startswith("Diagram")
    plain = _size(run_dot(to_dot(GRAPH, _default_theme()), "png"))
    assert result.height > plain[1]  # the pictures sit above the labels


@pytest.mark.slow
def test_layout_mode_redraws_the_labels_crisply(tiny_env):
    from PIL import Image

    result = render_illustration(GRAPH, ALLOWED, model="tiny-controlnet", mode="layout")
    assert result.mode == "layout" and len(result.prompts) == 1 and "La photosynthèse" in result.prompts[0]
    plain = _size(run_dot(to_dot(GRAPH, _default_theme()), "png"))
    assert _size(result.png) == (result.width, result.height)
    assert abs(result.width - plain[0]) <= 2 and abs(result.height - plain[1]) <= 2  # at least the diagram's size
    assert embedded_graph(result.png) == GRAPH
    shape = compose.layout(GRAPH, to_dot(GRAPH, _default_theme()))
    assert len(shape.labels) == 6  # title, group, three nodes, one edge label
    placed = compose.place(shape, _default_theme().font_size, (result.width / shape.width,
                                                               result.height / shape.height))
    with Image.open(io.BytesIO(result.png)) as image:
        for item in placed:
            left, top, right, bottom = item.box
            inside = image.convert("RGB").getpixel((left + 3, (top + bottom) // 2))  # inside the box, off the text
            assert inside == ((242, 242, 242) if item.label.boxed else (255, 255, 255)), item.label.text


@pytest.mark.slow
def test_layout_size_bounds_the_generated_picture(tiny_env, monkeypatch):
    asked = []
    generate = pipelines.generate
    monkeypatch.setattr(pipelines, "generate", lambda *args, **kw: asked.append(kw) or generate(*args, **kw))
    render_illustration(GRAPH, ALLOWED, model="tiny-controlnet", mode="layout", size=192)
    width, height = asked[0]["width"], asked[0]["height"]
    assert max(width, height) == 192 and width % 8 == height % 8 == 0 and width < height
    assert asked[0]["control"].size == (width, height)


@pytest.mark.slow
def test_same_seed_same_bytes_other_seed_other_bytes(tiny_env, tmp_path, monkeypatch):
    first = render_illustration(GRAPH, ALLOWED, model="tiny-sd", seed=1)
    monkeypatch.setenv("ATYPIE_HOME", str(tmp_path / "fresh-home"))  # an empty cache
    again = render_illustration(GRAPH, ALLOWED, model="tiny-sd", seed=1)
    assert not again.cached and again.png == first.png
    assert render_illustration(GRAPH, ALLOWED, model="tiny-sd", seed=2).png != first.png


@pytest.mark.slow
@pytest.mark.parametrize(("model", "mode"), [("tiny-sd", "nodes"), ("tiny-controlnet", "layout")])
def test_a_cache_hit_loads_nothing(tiny_env, atypie_home, monkeypatch, model, mode):
    first = render_illustration(GRAPH, ALLOWED, model=model, mode=mode)
    monkeypatch.setattr(pipelines, "load", _never_load)
    hit = render_illustration(GRAPH, ALLOWED, model=model, mode=mode)
    assert hit.cached and hit.png == first.png and hit.gpu_seconds == 0.0
    assert list((atypie_home / "cache" / "illustrations").glob("*.png"))


@pytest.mark.slow
def test_a_local_folder_can_serve_as_model(tiny_models):
    result = render_illustration(GRAPH, ALLOWED, model=str(tiny_models["tiny-sd"]))
    assert result.model_id == str(tiny_models["tiny-sd"]) and embedded_graph(result.png) == GRAPH


def test_not_installed_and_unknown_models():
    with pytest.raises(ModelNotInstalled) as caught:
        render_illustration(GRAPH, ALLOWED, model="tiny-sd")
    assert caught.value.exit_code == EXIT_MISSING
    with pytest.raises(ModelNotInstalled):
        render_illustration(GRAPH, ALLOWED)  # the default model, SD 1.5, is not installed here
    with pytest.raises(UnknownModel):
        render_illustration(GRAPH, ALLOWED, model="sd99")


def _many(count: int) -> Graph:
    nodes = tuple(Node(f"n{i}", f"Étape {i}", "step") for i in range(count))
    return Graph("process", "", nodes, tuple(Edge(f"n{i}", f"n{i + 1}") for i in range(count - 1)))


@pytest.mark.parametrize("options", [
    {"size": 60}, {"size": 100}, {"size": 1032}, {"seed": -1}, {"mode": "poster"}, {"direction": "RL"},
    {"mode": "layout"},  # tiny-sd serves the nodes mode only
    {"graph": _many(MAX_NODES["nodes"] + 1)}, {"graph": Graph("process", "", (), ())},
])
def test_bounds_are_checked_before_any_work(tiny_env, monkeypatch, options):
    monkeypatch.setattr(pipelines, "load", _never_load)
    rest = {key: value for key, value in options.items() if key != "graph"}
    with pytest.raises(InvalidInput):
        render_illustration(options.get("graph", GRAPH), ALLOWED, model="tiny-sd", **rest)


def test_prompts_come_from_the_graph_only():
    graph = Graph("concept_map", "Titre\x00 très " + "long " * 30,
                  (Node("a", "Cellule\nvégétale"), Node("b", "Noyau")), (Edge("a", "b"),))
    prompt = node_prompt(graph, "a")
    assert prompt.startswith("pictogram of Cellule végétale; a notion of a concept map about Titre très long")
    assert "next to Noyau" in prompt and "\x00" not in prompt and "\n" not in prompt and len(prompt) < 260


def test_the_cache_keeps_the_most_recently_used_within_its_limit(tmp_path):
    import os

    from atypie.imaging.illustrate import _prune_cache

    for n in range(5):
        (tmp_path / f"k{n}.png").write_bytes(b"x" * 100)
        (tmp_path / f"k{n}.json").write_text("{}")
        os.utime(tmp_path / f"k{n}.png", (1000 + n, 1000 + n))
    os.utime(tmp_path / "k0.png", (2000, 2000))  # k0 was read lately
    _prune_cache(tmp_path, limit=400)
    assert sorted(p.name for p in tmp_path.glob("*.png")) == ["k0.png", "k3.png", "k4.png"]
    assert sorted(p.name for p in tmp_path.glob("*.json")) == ["k0.json", "k3.json", "k4.json"]
