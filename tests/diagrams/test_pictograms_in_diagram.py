"""Pictograms in diagrams: wired by the profile flag, decoration only, self-contained in SVG."""
import io
import re
import sys

import pytest
from PIL import Image

from atypie.diagrams.dot import picture_label, to_dot
from atypie.diagrams.model import Graph, Node
from atypie.diagrams.pipeline import diagram
from atypie.diagrams.render import embedded_graph, render
from atypie.diagrams.themes import theme_for
from atypie.profiles.model import DiagramPreferences
from atypie.profiles.presets import load_preset

TEXT = ("La crise économique entraîne la faillite des banques. La faillite des banques provoque le chômage. "
        "Le chômage réduit la consommation.")


def _profile(pictograms: bool):
    standard = load_preset("standard")
    return standard.model_copy(update={"diagram": DiagramPreferences(pictograms=pictograms)})


@pytest.fixture
def pictured():
    return diagram(TEXT, _profile(True), lang="fr")


def _label(result, label):
    return next(n.id for n in result.graph.nodes if n.label == label)


def test_without_the_flag_nothing_changes():
    result = diagram(TEXT, _profile(False), lang="fr")
    assert result.pictograms == {} and result.to_dict()["pictograms"] == {}
    assert result.dot == to_dot(result.views.overview, theme_for(_profile(False).display)) and "IMG" not in result.dot


def test_the_flag_puts_a_cached_picture_above_confident_labels_only(pictured, atypie_home):
    codes = {node_id: p.hexcode for node_id, p in pictured.pictograms.items()}
    assert codes == {_label(pictured, "Crise économique"): "1F4C9", _label(pictured, "Faillite des banques"): "1F4C9",
                     _label(pictured, "Consommation"): "1F6D2"}
    sources = re.findall(r'<IMG SRC="([^"]+)"', pictured.dot)
    assert len(sources) == 3 and all(s.startswith(str((atypie_home / "cache" / "pictograms").resolve()))
                                     for s in sources)
    assert f'"{_label(pictured, "Chômage")}" [label="Chômage"' in pictured.dot


def test_json_says_which_node_has_which_picture(pictured):
    data = pictured.to_dict()["pictograms"]
    assert data[_label(pictured, "Consommation")] == {"hexcode": "1F6D2", "annotation": "shopping trolley"}


def test_pictograms_are_decoration_and_leave_the_description_alone(pictured):
    plain = diagram(TEXT, _profile(False), lang="fr")
    assert pictured.description == plain.description and pictured.graph == plain.graph
    assert "trolley" not in pictured.description.long and "pictogram" not in pictured.description.alt


def test_missing_cairosvg_gives_the_plain_diagram_and_a_notice(monkeypatch):
    monkeypatch.setitem(sys.modules, "cairosvg", None)
    result = diagram(TEXT, _profile(True), lang="fr")
    assert result.pictograms == {} and result.dot == diagram(TEXT, _profile(False), lang="fr").dot
    assert [n.code for n in result.notices] == ["pictograms-unavailable"]
    assert "atypie[pictograms]" in result.notices[0].message("fr")


@pytest.mark.exe
def test_svg_is_self_contained_and_hides_pictures_from_screen_readers(pictured, atypie_home):
    svg = render(pictured.views.overview, pictured.dot, "svg", alt=pictured.description.alt,
                 description=pictured.description.long).decode("utf-8")
    images = re.findall(r"<image\b[^>]*>", svg)
    assert len(images) == 3
    assert all('aria-hidden="true"' in i and 'href="data:image/png;base64,' in i for i in images)
    assert str(atypie_home) not in svg and "/cache/" not in svg
    assert embedded_graph(svg.encode("utf-8")) == pictured.views.overview


@pytest.mark.slow
@pytest.mark.exe
def test_png_draws_the_pictures_and_keeps_the_graph(pictured):
    data = render(pictured.views.overview, pictured.dot, "png", alt=pictured.description.alt,
                  description=pictured.description.long)
    plain = diagram(TEXT, _profile(False), lang="fr")
    without = render(plain.views.overview, plain.dot, "png", alt=plain.description.alt,
                     description=plain.description.long)
    with Image.open(io.BytesIO(data)) as image, Image.open(io.BytesIO(without)) as other:
        assert image.height > other.height  # room was made for the pictures
        saturation = [picture.convert("RGB").convert("HSV").getextrema()[1][1] for picture in (image, other)]
        assert saturation[0] > 100 > saturation[1]  # OpenMoji colours in a grey theme
    assert embedded_graph(data) == pictured.views.overview


@pytest.mark.exe
def test_svg_drops_any_picture_from_outside_the_pictogram_cache(tmp_path):
    outside = tmp_path / "secret.png"
    Image.new("RGB", (8, 8), "red").save(outside)
    graph = Graph("concept_map", "", (Node("n1", "Cellule"),), ())
    dot = to_dot(graph, theme_for(_profile(True).display)).replace(
        '[label="Cellule"', f"[label={picture_label('Cellule', str(outside), 48)}")
    svg = render(graph, dot, "svg", alt="Cellule", description="Cellule").decode("utf-8")
    assert "<image" not in svg and str(outside) not in svg and "Cellule" in svg


def test_a_home_graphviz_could_not_read_gives_the_plain_diagram_and_a_notice(tmp_path, monkeypatch):
    monkeypatch.setenv("ATYPIE_HOME", str(tmp_path / "mes documents"))
    result = diagram(TEXT, _profile(True), lang="fr")
    assert result.pictograms == {} and "IMG" not in result.dot
    assert [n.code for n in result.notices] == ["pictograms-unavailable"]
