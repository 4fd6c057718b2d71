"""A noun followed by a hard adjective is explained as one term, in the words of the adjective's definition."""
import pytest

from atypie.adapters import grammalecte
from atypie.falc.phrase_terms import noun_adjective_pairs, phrase_definition
from atypie.falc.simplify import simplify
from atypie.language.nlp import parse
from atypie.profiles.presets import load_preset

needs_grammalecte = pytest.mark.skipif(not grammalecte.available(), reason="Grammalecte is not installed")


def _glossary(text: str) -> dict[str, str]:
    return {entry.term: entry.definition for entry in simplify(text, load_preset("falc"), "fr").glossary}


@needs_grammalecte
def test_the_phrase_gets_the_adjectives_definition_agreed_with_its_noun():
    found = _glossary("Le cadre juridique repose sur les documents administratifs et les capacités "
                      "intellectuelles des élèves.")
    assert found["cadre juridique"] == "cadre qui concerne le droit et les lois"
    assert found["documents administratifs"] == "documents qui concernent les services publics et leurs démarches"
    assert found["capacités intellectuelles"] == "capacités qui concernent l'esprit et la réflexion"
    assert "juridique" not in found and "administratif" not in found  # known words: the phrase is the term


@needs_grammalecte
def test_a_rare_adjective_keeps_its_own_entry_beside_its_phrase():
    found = _glossary("Il y avait de petits marchés hebdomadaires dans les villages.")
    assert found["marchés hebdomadaires"].startswith("marchés qui ")
    assert "hebdomadaire" in found


@pytest.mark.parametrize("definition, expected", [
    ("relatif au droit", "cadre en lien avec le droit"),
    ("relative à la pédagogie", "cadre en lien avec la pédagogie"),
    ("relatif à l’administration", "cadre en lien avec l’administration"),
    ("qui concerne un territoire", "cadre qui concerne un territoire"),
    ("patte avant d'un animal", None),  # not a definition of an adjective: the adjective keeps its entry
])
def test_definitions_that_cannot_describe_the_noun_are_left_alone(definition, expected):
    (noun, _), = noun_adjective_pairs(parse("Un cadre juridique.", "fr"))
    assert phrase_definition(noun, definition) == expected


def test_only_an_adjective_right_after_its_noun_makes_a_phrase():
    pairs = noun_adjective_pairs(parse("Les données sont quantitatives, mais les données brutes restent.", "fr"))
    assert [(noun.text, adjective.text) for noun, adjective in pairs] == [("données", "brutes")]
