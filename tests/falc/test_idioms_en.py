"""English idioms: the meaning takes the idiom verb's form (present, past, participle, -ing), a noun meaning
takes the sentence's determiner and number, and every entry of the English lexicon parses."""
from __future__ import annotations

import pytest

from atypie.falc.rules.idiom import idiom_patterns
from atypie.falc.simplify import simplify
from atypie.falc.transforms import _idioms, apply
from atypie.language.analysis import analyse
from atypie.language.data import entries
from atypie.profiles.presets import load_preset


def rewrite(sentence: str) -> str:
    analysis = analyse(sentence, "en")
    return apply(sentence, 0, len(sentence), _idioms(analysis))


@pytest.mark.parametrize("sentence, expected", [
    # the verb of the meaning takes the idiom verb's form
    ("Prices go through the roof.", "Prices rise very fast."),  # present
    ("The state plays a key role in education.", "The state has a very important part in education."),
    ("Prices went through the roof after the war.", "Prices rose very fast after the war."),  # irregular past
    ("Housing prices have gone through the roof.", "Housing prices have risen very fast."),  # participle
    ("Speculators cashed in on the situation.", "Speculators made money from the situation."),  # regular past
    ("Many firms are cashing in on the boom.", "Many firms are making money from the boom."),  # -ing
    ("The study shed light on the causes of poverty.", "The study clearly explained the causes of poverty."),
    ("The project was put on hold.", "The project was paused."),  # passive
    ("He cherry-picked the data.", "He chose only the best parts of the data."),  # hyphenated verb
    ("Firms that come under fire lose clients.", "Firms that are strongly criticized lose clients."),
    # noun phrases: the sentence's determiner, adjectives and number
    ("Social media is a double-edged sword.", "Social media is a thing with good and bad effects."),
    ("This is just the tip of the iceberg.", "This is just the small visible part of a big problem."),
    ("It was the biggest wake-up call of my life.", "It was the biggest warning to act of my life."),
    ("These are grey areas of the law.", "These are unclear cases of the law."),
    ("These bottlenecks slowed production.", "These points where work slows down slowed production."),
    ("Trust is the cornerstone of democracy.", "Trust is the key part of democracy."),
    ("Coal is a far cry from solar power.", "Coal is very different from solar power."),
    # adverbial phrases
    ("In the wake of the crisis, banks failed.", "After the crisis, banks failed."),
    ("Research is at the heart of the project.", "Research is central to the project."),
])
def test_idiom_is_replaced_in_its_form(sentence, expected):
    assert rewrite(sentence) == expected


def test_literal_words_are_not_idioms():
    for sentence in ("Place your hands on the ground.", "We focus on the rise of farm tenancy."):
        assert rewrite(sentence) == sentence


def test_economics_paragraph_is_literal_for_the_tsa_profile():
    text = ("When prices go through the roof, firms that play a key role in the market cash in on the situation.")
    result = " ".join(simplify(text, load_preset("tsa"), "en").sentences)
    assert "roof" not in result and "key role" not in result and "cash in" not in result
    assert "rise very fast" in result and "make money from the situation" in result


def test_every_english_entry_parses_and_explains():
    table = entries("en", "idioms.txt")
    assert len(table) >= 500
    for idiom, meanings in table.items():
        assert idiom == idiom.lower() and idiom.strip() == idiom, idiom
        assert meanings, idiom
        for meaning in meanings:
            assert meaning.strip() and "[" not in meaning, (idiom, meaning)
            assert meaning.lower() != idiom and idiom not in meaning.lower(), (idiom, meaning)
    patterns = idiom_patterns("en")
    assert len(patterns) == len(table)
    assert all(key for _idiom, key, _meanings, _dropped in patterns)
