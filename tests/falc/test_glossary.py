import pytest

from atypie.adapters import grammalecte
from atypie.falc import plain_words
from atypie.falc.simplify import simplify
from atypie.profiles.presets import load_preset

pytestmark = pytest.mark.skipif(not grammalecte.available(), reason="python3-grammalecte is not installed")


def test_a_hard_word_that_could_not_be_replaced_is_explained_by_its_plain_words():
    # « les restes restent » would echo a word of the sentence: « vestiges » is kept, and explained
    result = simplify("Les vestiges restent.", load_preset("falc"), "fr")
    assert result.sentences == ["Les vestiges restent."]
    entry = next(g for g in result.glossary if g.term == "vestige")
    assert entry.definition == plain_words.meanings("fr")["vestige"] == "reste" and not entry.needs_review
