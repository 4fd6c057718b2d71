"""Invariable phrases replaced by plainer ones (substitutions.txt), also when their last word is elided."""
import pytest

from atypie.adapters import grammalecte
from atypie.falc.simplify import simplify
from atypie.profiles.presets import load_preset

FALC = load_preset("falc")


@pytest.mark.parametrize(("text", "plain"), [
    ("Il faut agir afin d'éviter les risques.", "Il faut agir pour éviter les risques."),
    ("Afin d'améliorer le langage, la communauté publie des propositions.",
     "Pour améliorer le langage, la communauté publie des propositions."),
    # the plain phrase ends on « de » in turn: elided before the vowel
    ("Le cadre juridique en matière d'accès aux documents a changé.",
     "Le cadre juridique pour les questions d'accès aux documents a changé."),
    ("Le cadre juridique en matière de santé a changé.", "Le cadre juridique pour les questions de santé a changé."),
    # « lors » belongs to « dès lors » here, not to « lors de »
    ("Leur sécurité est dès lors d’autant plus grande.", "Leur sécurité est dès lors d’autant plus grande."),
])
def test_a_phrase_is_replaced_even_when_its_last_word_is_elided(text, plain):
    assert simplify(text, FALC, "fr").sentences == [plain]


@pytest.mark.skipif(not grammalecte.available(), reason="python3-grammalecte is not installed")
def test_a_phrase_before_a_subjunctive_is_not_replaced_by_a_word_that_states_a_fact():
    # « si bien qu'on la fasse » (however well it is done) is not the consequence « si bien que » → « donc »
    text = "On ne peut la faire qu'en partie, et, si bien qu’on la fasse, il y aura toujours quelques corps."
    assert not any("donc" in s for s in simplify(text, FALC, "fr").sentences)


def test_a_replaced_phrase_is_not_also_explained_in_the_glossary():
    result = simplify("Le cadre juridique en matière de santé a changé.", FALC, "fr")
    assert "en matière de" not in [g.term for g in result.glossary]


@pytest.mark.parametrize(("text", "plain"), [
    ("De nombreuses idées reçues sur la mémoire sont à l'origine de pratiques pédagogiques.",
     "De nombreuses idées toutes faites sur la mémoire"),
    ("Il existe plusieurs idées reçues sur la mémoire chez les enseignants.", "plusieurs idées toutes faites"),
])
def test_a_noun_idiom_after_de_plusieurs_or_quelques_takes_that_determiner(text, plain):
    """Before, « de » had no row of determiners: the idiom was only explained in brackets."""
    assert plain in simplify(text, load_preset("tsa"), "fr").sentences[0]
