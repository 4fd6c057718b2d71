"""Rendering (accessible SVG, PNG and SVG that carry the graph JSON, PDF), exports and descriptions."""
import io

import pytest
from PIL import Image

from atypie.diagrams.describe import MAX_ALT, describe
from atypie.diagrams.dot import to_dot
from atypie.diagrams.export import to_json, to_mermaid
from atypie.diagrams.model import Edge, Graph, Node
from atypie.diagrams.render import embedded_graph, render
from atypie.diagrams.size import split
from atypie.diagrams.themes import theme_for
from atypie.profiles.presets import load_preset
from tests.diagrams.test_dot import GRAPH

TREE = Graph("hierarchy", "Les roches", (
    Node("n1", "Roches", "root", 0, 4, 10), Node("n2", "Roches magmatiques", "item", 0, 40, 58),
    Node("n3", "Roches sédimentaires", "item", 0, 60, 80), Node("n4", "Basalte <b>", "item", 1, 90, 97)),
    (Edge("n1", "n2", "", "part_of"), Edge("n1", "n3", "", "part_of"), Edge("n2", "n4", "", "part_of")))


@pytest.mark.exe
def test_svg_is_accessible_and_carries_the_graph():
    description = describe(GRAPH)
    svg = render(GRAPH, to_dot(GRAPH, theme_for(load_preset("standard").display)), "svg", alt=description.alt,
                 description=description.long).decode()
    assert 'role="img"' in svg and 'aria-labelledby="atypie-title atypie-desc"' in svg
    assert '<title id="atypie-title">' in svg and '<desc id="atypie-desc">' in svg and "<metadata>" in svg
    assert embedded_graph(svg.encode()) == GRAPH


@pytest.mark.exe
def test_png_carries_the_graph_and_honours_dpi():
    dot = to_dot(TREE, theme_for(load_preset("standard").display))
    small = render(TREE, dot, "png", alt="a", description="d", dpi=72)
    large = render(TREE, dot, "png", alt="a", description="d", dpi=144)
    assert embedded_graph(large) == TREE
    assert Image.open(io.BytesIO(large)).width > 1.8 * Image.open(io.BytesIO(small)).width


@pytest.mark.exe
def test_pdf():
    assert render(GRAPH, to_dot(GRAPH, theme_for(load_preset("standard").display)), "pdf", alt="a",
                  description="d").startswith(b"%PDF")


def test_foreign_images_carry_no_graph():
    assert embedded_graph(b"<svg xmlns='http://www.w3.org/2000/svg'></svg>") is None


def test_exports():
    mermaid = to_mermaid(TREE)
    assert mermaid.startswith("flowchart TB") and "n1 --> n2" in mermaid and "#lt;b#gt;" in mermaid
    assert Graph.from_dict(__import__("json").loads(to_json(TREE))) == TREE


def test_descriptions_go_from_general_to_specific():
    text = describe(GRAPH)
    assert len(text.alt) <= MAX_ALT and "3 éléments" in text.alt and "Récolter les raisins" in text.alt
    assert text.long.startswith("Ce schéma montre un processus.")
    assert text.long.index("Étape 1 : Récolter") < text.long.index("Étape 3 : Fermenter")
    tree = describe(TREE)
    assert "« Roches » contient : Roches magmatiques, Roches sédimentaires." in tree.long
    assert tree.outline.startswith("<ul><li>Roches<ul><li>Roches magmatiques<ul><li>Basalte &lt;b&gt;")
    assert describe(GRAPH, "short").long.count(".") == 2


def test_descriptions_in_english():
    english = Graph("process", "", GRAPH.nodes, GRAPH.edges, (), "en")
    assert describe(english).long.startswith("This diagram shows a process.")


def test_alt_is_cut_at_250_characters():
    nodes = tuple(Node(f"n{i}", "x" * 60, "step", i, i, i + 1) for i in range(3))
    assert len(describe(Graph("process", "t" * 200, nodes, ())).alt) <= MAX_ALT


def test_large_graphs_split_into_an_overview_and_parts():
    nodes = tuple(Node(f"n{i}", f"Étape {i}", "step", i, i * 10, i * 10 + 5) for i in range(1, 14))
    edges = tuple(Edge(f"n{i}", f"n{i + 1}", "", "next") for i in range(1, 13))
    views = split(Graph("process", "Long", nodes, edges), 6)
    assert len(views.parts) == 3 and all(len(p.nodes) <= 6 for p in views.parts)
    assert len(views.overview.nodes) == 3 and len(views.overview.edges) == 2
    tree = split(TREE, 3)
    assert [n.label for n in tree.overview.nodes] == ["Roches", "Roches magmatiques", "Roches sédimentaires"]
    assert [n.label for n in tree.parts[0].nodes] == ["Roches magmatiques", "Basalte <b>"]


def test_graph_model_refuses_dangling_edges():
    with pytest.raises(ValueError):
        Graph("process", "", (Node("a", "A"),), (Edge("a", "b"),))
