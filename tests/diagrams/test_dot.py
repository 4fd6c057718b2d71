"""DOT generation: golden output, escaping of hostile text, themes with 7:1 contrast."""
import subprocess
from pathlib import Path

import pytest

from atypie.diagrams.dot import quote, to_dot
from atypie.diagrams.model import Edge, Graph, Node
from atypie.diagrams.themes import EDGE_STYLES, NODE_SHAPES, theme_for
from atypie.profiles.presets import load_preset, preset_names
from tests.falc.test_html import contrast

GOLDEN = Path(__file__).parent / "golden"

GRAPH = Graph("process", "Faire du vin", (
    Node("n1", "Récolter les raisins", "step", 0, 0, 10),
    Node("n2", "Presser les raisins", "step", 1, 11, 20),
    Node("n3", "Fermenter le jus", "step", 2, 21, 30)),
    (Edge("n1", "n2", "", "next"), Edge("n2", "n3", "puis", "next")))


def test_dot_matches_the_golden_file():
    produced = to_dot(GRAPH, theme_for(load_preset("standard").display))
    assert produced == (GOLDEN / "process_standard.dot").read_text(encoding="utf-8")


HOSTILE = ['Le "chat"', "{a} -> b; node [shape=box]", "<<b>bold</b>>", "\\N et \\G et \\l", "}", "a\x00b\x1bc",
           "<script>alert(1)</script>", "ligne\nsuivante"]


@pytest.mark.exe
def test_hostile_labels_never_change_the_structure():
    nodes = tuple(Node(f"n{i}", label) for i, label in enumerate(HOSTILE))
    edges = tuple(Edge(f"n{i}", f"n{i + 1}", HOSTILE[i]) for i in range(len(HOSTILE) - 1))
    source = to_dot(Graph("concept_map", "} digraph x {", nodes, edges), theme_for(load_preset("standard").display))
    done = subprocess.run(["dot", "-Tjson"], input=source.encode(), capture_output=True, check=True)
    import json

    rendered = json.loads(done.stdout)
    assert len(rendered["objects"]) == len(HOSTILE) and len(rendered["edges"]) == len(HOSTILE) - 1
    labels = [o["label"] for o in rendered["objects"]]
    assert "\\N et \\G et \\l" in labels[3].replace("\n", " ") or "\\N" in labels[3]
    assert labels[2].startswith("<<b>")  # shown as text, not HTML markup


def test_quote_escapes_quotes_backslashes_and_controls():
    assert quote('a "b" \\N') == '"a \\"b\\" \\\\N"'
    assert quote("x\x00y") == '"x y"'


@pytest.mark.parametrize("preset", preset_names())
def test_every_theme_has_7_to_1_text_contrast(preset):
    theme = theme_for(load_preset(preset).display)
    assert contrast(theme.text, theme.node_fill) >= 7
    assert contrast(theme.text, theme.background) >= 7
    assert contrast(theme.edge, theme.background) >= 7
    assert theme.font_size >= 12


def test_meaning_is_carried_by_shape_and_line_style_not_only_colour():
    assert len({shape for shape, _ in NODE_SHAPES.values()}) >= 6
    # next ≈ before ≈ arrow (an arrow seen in a picture, whose meaning is not known)
    assert len({(style, arrow) for style, arrow in EDGE_STYLES.values()}) == len(EDGE_STYLES) - 2


def test_profile_font_and_direction():
    display = load_preset("standard").display.model_copy(update={"font": "opendyslexic", "font_size_px": 24})
    source = to_dot(GRAPH, theme_for(display), direction="LR")
    assert 'fontname="OpenDyslexic"' in source and "fontsize=18.0" in source and "rankdir=LR" in source
