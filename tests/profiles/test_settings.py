import pytest

from atypie.errors import ImageSettingsProtected, InvalidSetting
from atypie.profiles.presets import load_preset
from atypie.profiles.settings import apply_settings, setting_keys


def test_settings_are_applied_with_types():
    profile = apply_settings(load_preset("standard"), [
        "text.max_words_per_sentence=12", "text.glossary=oui", "display.theme=dark",
        "display.line_height=1.8", "label=Licence 2 histoire", "language=en"])
    assert profile.text.max_words_per_sentence == 12
    assert profile.text.glossary is True
    assert profile.display.theme == "dark"
    assert profile.display.line_height == 1.8
    assert profile.label == "Licence 2 histoire"
    assert profile.language == "en"


def test_original_profile_is_not_modified():
    original = load_preset("standard")
    apply_settings(original, ["text.level=falc"])
    assert original.text.level == "standard"


@pytest.mark.parametrize("assignment", ["image_generation.allowed=true", "image_generation.daily_quota=50",
                                        "image_generation={\"allowed\": true}"])
def test_image_generation_cannot_be_set_as_an_ordinary_setting(assignment):
    with pytest.raises(ImageSettingsProtected):
        apply_settings(load_preset("standard"), [assignment])


@pytest.mark.parametrize("assignment, key", [
    ("text.max_words_per_sentence=2", "text.max_words_per_sentence"),
    ("display.theme=pink", "display.theme"),
    ("unknown=1", "unknown"),
    ("id=other", "id"),
    ("text.level", "text.level"),
    ("label=a\x07b", "label"),
    ("diagram.max_nodes=beaucoup", "diagram.max_nodes"),
])
def test_bad_settings_are_refused_with_the_key(assignment, key):
    with pytest.raises(InvalidSetting) as caught:
        apply_settings(load_preset("standard"), [assignment])
    assert caught.value.code == "ATY-E014"
    assert caught.value.params["key"] == key


def test_setting_keys_exclude_protected_parts():
    keys = setting_keys()
    assert "text.max_words_per_sentence" in keys
    assert not [k for k in keys if k.startswith(("image_generation", "id", "preset"))]
