"""Arrows and labels drawn back over a generated picture, where Graphviz laid them out."""
import pytest

from atypie.diagrams.dot import to_dot
from atypie.diagrams.model import GraphBuilder
from atypie.diagrams.themes import theme_for
from atypie.imaging import compose
from atypie.profiles.model import DisplayPreferences

THEME = theme_for(DisplayPreferences())


def _graph():
    builder = GraphBuilder("cause_effect", title="Crise")
    war, crisis, poverty = (builder.add_node(label) for label in ("Guerre", "Crise économique", "Pauvreté"))
    builder.add_edge(war, crisis, kind="causes")
    builder.add_edge(crisis, poverty, kind="contrast")
    return builder.build()


@pytest.mark.exe
def test_every_edge_has_a_line_and_an_arrowhead():
    graph = _graph()
    shape = compose.layout(graph, to_dot(graph, THEME))
    assert len(shape.arrows) == len(graph.edges)
    causes, contrast = shape.arrows  # Graphviz keeps the edges in order
    assert causes.style == "bold" and causes.head[0].shape == "polygon" and causes.head[0].filled
    assert len(causes.head[0].points) >= 3
    assert contrast.style == "dotted" and contrast.dashed  # a contrast: dotted, ending in an open circle
    assert contrast.head[0].shape == "ellipse" and not contrast.head[0].filled
    for arrow in shape.arrows:
        assert len(arrow.line) >= 2
        assert all(0 <= x <= shape.width and 0 <= y <= shape.height for x, y in arrow.line)
    assert {label.text for label in shape.labels} >= {"Guerre", "Crise économique", "Pauvreté", "Crise"}


@pytest.mark.exe
def test_arrows_are_drawn_in_the_edge_colour_over_any_background():
    from PIL import Image

    graph = _graph()
    shape = compose.layout(graph, to_dot(graph, THEME))
    scale = (2.0, 2.0)
    size = (round(shape.width * 2), round(shape.height * 2))
    noise = Image.effect_noise(size, 80).convert("RGB")
    drawn = compose.draw_arrows(noise, shape.arrows, scale, THEME)
    edge = tuple(int(THEME.edge[i:i + 2], 16) for i in (1, 3, 5))
    for arrow in [arrow for arrow in shape.arrows if not arrow.dashed]:
        x, y = arrow.line[len(arrow.line) // 2]
        pixels = {drawn.getpixel((round(x * 2) + dx, round(y * 2) + dy)) for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
        assert edge in pixels


def test_dashes_alternate_with_gaps_of_the_same_length():
    dashes = compose._dashes([(0.0, 0.0), (10.0, 0.0), (20.0, 0.0), (30.0, 0.0), (40.0, 0.0)], 10.0)
    assert dashes == [[(0.0, 0.0), (10.0, 0.0)], [(20.0, 0.0), (30.0, 0.0)]]


@pytest.mark.exe
def test_labels_use_the_profiles_font():
    from atypie.profiles.model import DisplayPreferences

    assert compose.font_file("OpenDyslexic").name.startswith("OpenDyslexic")
    assert compose.font_file("No Such Font Family") is None  # never a silent substitute
    dyslexic = theme_for(DisplayPreferences(font="opendyslexic"))
    assert compose._font(20, dyslexic.font).getname()[0] == "OpenDyslexic"
    assert compose._font(20, "No Such Font Family").getname()[0] == "DejaVu Sans"
