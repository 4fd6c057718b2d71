"""HTML output: standalone, escaped, applies the display, and every theme meets 7:1 contrast."""
import re

import pytest

from atypie.falc.html import THEMES, page
from atypie.falc.simplify import simplify
from atypie.profiles.presets import load_preset, preset_names


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", THEMES)
def test_every_theme_has_at_least_7_to_1_contrast(name):
    theme = THEMES[name]
    for colour in (theme["fg"], theme["accent"], *theme["syl"]):
        assert contrast(colour, theme["bg"]) >= 7, (name, colour)
    assert contrast(theme["fg"], theme["focus"]) >= 7


HOSTILE = ('Le <script>alert(1)</script> texte <img src=x onerror="alert(2)"> et '
           '<a href="javascript:alert(3)">lien</a> & « guillemets ».')


@pytest.mark.parametrize("name", preset_names())
def test_html_is_escaped_and_standalone(name):
    profile = load_preset(name)
    result = simplify(HOSTILE, profile, "fr")
    html = page(result.blocks, result.glossary, profile.display, "fr", "Titre <b>")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert "<script>" not in html and "<img" not in html and "<a href" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html or "&lt;" in html
    assert "http" not in html.replace("http-equiv", "")  # nothing fetched from elsewhere


def test_display_preferences_reach_the_css():
    profile = load_preset("dyslexie")
    html = page(simplify("Le chat dort.", profile, "fr").blocks, [], profile.display, "fr", "t")
    assert "letter-spacing:0.12em" in html and "line-height:1.5" in html and "DejaVu Sans" in html
    assert re.search(r'<span class="s0">', html) and '<span class="s1">' in html  # syllable colouring


def test_line_focus_makes_sentences_focusable():
    profile = load_preset("tdah")
    html = page(simplify("Le chat dort. Il fait beau.", profile, "fr").blocks, [], profile.display, "fr", "t")
    assert html.count('tabindex="0"') == 2 and ".sentence:focus" in html


def test_diff_page_shows_original_and_plain_side_by_side():
    from atypie.falc.html import diff_page

    result = simplify("Les chloroplastes (organites verts des cellules) captent la lumière <b>ici</b> ; la plante "
                      "pousse, car elle reçoit de l'eau.", load_preset("falc"), "fr")
    html = diff_page(result.diff, result.glossary, "fr", "Ce qui a changé")
    assert html.count("<tr>") == 1 + len(result.diff) and "<b>" not in html
    assert "Déplacé dans le glossaire" in html and "chloroplastes" in html and "split" in html
