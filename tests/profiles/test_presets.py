"""Presets are data: every one loads, none grants image generation, values follow the cited guidance."""
import pytest

from atypie.errors import UnknownPreset
from atypie.profiles.presets import load_preset, preset_names

REQUIRED = {"standard", "dyslexie", "dyscalculie", "tsa", "tdah", "falc", "basse-vision"}


def test_the_required_presets_are_shipped():
    assert REQUIRED <= set(preset_names())


@pytest.mark.parametrize("name", preset_names())
def test_no_preset_allows_image_generation(name):
    grant = load_preset(name).image_generation
    assert not grant.allowed and grant.daily_quota == 0 and grant.approved_by is None


@pytest.mark.parametrize("name", sorted(REQUIRED - {"standard"}))
def test_adapted_presets_meet_wcag_1_4_12_text_spacing(name):
    display = load_preset(name).display
    assert display.line_height >= 1.5
    assert display.letter_spacing_em >= 0.12
    assert display.word_spacing_em >= 0.16
    assert display.paragraph_spacing_em >= 2.0


@pytest.mark.parametrize("name", preset_names())
def test_every_preset_cites_its_sources(name):
    from importlib import resources

    text = resources.files("atypie.profiles").joinpath("presets", f"{name}.toml").read_text(encoding="utf-8")
    assert text.lstrip().startswith("#") and any(src in text for src in ("WCAG", "Inclusion Europe", "COGA", "RNIB"))


def test_falc_follows_easy_to_read_rules():
    falc = load_preset("falc")
    assert falc.text.level == "falc"
    assert falc.text.max_words_per_sentence <= 15
    assert falc.text.literal_language and falc.text.glossary and falc.diagram.pictograms
    assert falc.display.font_size_px >= 19  # Inclusion Europe: at least 14 pt


def test_preset_specifics():
    assert load_preset("dyscalculie").text.numbers == "grouped_with_words"
    assert load_preset("tsa").text.literal_language
    assert load_preset("tdah").text.chunking and load_preset("tdah").display.line_focus
    assert load_preset("basse-vision").display.theme == "high-contrast"
    assert load_preset("basse-vision").display.font_size_px >= 21


def test_preset_can_be_copied_under_another_id():
    profile = load_preset("tsa", "l3-psycho-tsa")
    assert (profile.id, profile.preset) == ("l3-psycho-tsa", "tsa")


def test_unknown_preset_is_a_clear_error():
    with pytest.raises(UnknownPreset) as caught:
        load_preset("../standard")
    assert caught.value.code == "ATY-E016"
