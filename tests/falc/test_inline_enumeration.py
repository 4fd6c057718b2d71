"""Enumerations found once per colon give what the pattern finds when tried at every position."""
import random

import pytest

from atypie.falc.rules.inline_enumeration import _ENUMERATION, _matches, find_enumerations


def test_an_enumeration_after_a_line_break_is_found():
    text = "Premier point. Il y a trois états :\nle solide, le liquide et le gaz. Fin ; autre : a, b ou c"
    assert [items for *_, items in find_enumerations(text, "fr")] == [["le solide", "le liquide", "le gaz"],
                                                                      ["a", "b", "c"]]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_same_matches_as_trying_every_position(lang):
    pieces = ["mot", " ", ",", ":", ".", ";", "\n", " et ", " ou ", " and ", " or ", "a"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert [m.span() for m in _matches(text, lang)] == [m.span() for m in _ENUMERATION[lang].finditer(text)]
