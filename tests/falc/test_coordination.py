"""A sentence that ends on an enumeration of noun phrases becomes an introduction and a bulleted list."""
import pytest

from atypie.falc.coordination import final_enumeration
from atypie.falc.simplify import simplify
from atypie.language.analysis import analyse
from atypie.profiles.presets import load_preset

FALC = load_preset("falc")


def enumeration(text):
    analysis = analyse(text, "fr")
    found = final_enumeration(analysis.sentences[0], "fr")
    if found is None:
        return None
    return text[slice(*found.intro)], [text[start:end] for start, end in found.items]


def test_the_items_and_their_introduction():
    assert enumeration("Les glucides sont impliqués dans la signalisation cellulaire, la reconnaissance des "
                       "cellules et le stockage de l'énergie.") == (
        "Les glucides sont impliqués dans",
        ["la signalisation cellulaire", "la reconnaissance des cellules", "le stockage de l'énergie"])


def test_the_first_item_starts_at_its_determiner():
    assert enumeration("Il faut comparer les langues, les cultures et les sociétés anciennes.") == (
        "Il faut comparer", ["les langues", "les cultures", "les sociétés anciennes"])


@pytest.mark.parametrize("text", [
    "La cellule comprend le noyau, qui contient l'ADN, le cytoplasme et la membrane.",  # a clause in the intro
    "Il faut comparer les langues et les cultures.",  # two items
    "Il faut comparer les langues, les cultures et les sociétés avant de conclure.",  # the list does not end it
    "Les langues, les cultures et les sociétés changent avec le temps.",  # a subject, not a list that ends it
    "On étudie la ville, la campagne et ce qui les relie.",  # an item that is a clause
])
def test_what_is_not_an_enumeration_that_ends_the_sentence(text):
    assert enumeration(text) is None


def test_simplify_writes_the_list_with_its_introduction():
    result = simplify("Il faut comparer les langues, les cultures et les sociétés anciennes.", FALC, "fr")
    block = next(b for b in result.blocks if b.kind == "list")
    assert block.sentences == ["Il faut comparer :"]
    assert block.items == ["Les langues.", "Les cultures.", "Les sociétés anciennes."]
    assert result.meaning.ok


def test_steps_announced_by_a_colon_become_one_item_each():
    text = ("Pour chaque base de la séquence ATCCGACTG, nous souhaitons faire deux actions : d'abord afficher la "
            "base puis compter une base de plus.")
    result = simplify(text, load_preset("falc"), "fr")
    assert result.sentences == ["Pour chaque base de la séquence ATCCGACTG, nous souhaitons faire deux actions :",
                                "Afficher la base.", "Compter une base de plus."]


def test_a_list_left_open_by_etc_ends_on_others_as_an_item():
    assert simplify("Il peut s'agir par exemple de la population, de la quantité de déchets, du rendement d'une "
                    "culture, etc.", FALC, "fr").sentences == [
        "Il peut s'agir par exemple :", "De la population.", "De la quantité de déchets.",
        "Du rendement d'une culture.", "D'autres encore."]
    assert simplify("On y trouve des pommes, des poires, etc.", FALC, "fr").sentences == [
        "On y trouve des pommes, des poires, et d'autres choses."]  # two items: no list


def test_a_list_after_a_colon_left_open_by_etc():
    text = ("De nombreux paramètres interviennent dans la réussite scolaire : la motivation, le bien-être de "
            "l'élève, ses capacités intellectuelles, ses connaissances antérieures, etc.")
    assert simplify(text, FALC, "fr").sentences == [
        "De nombreux paramètres interviennent dans la réussite scolaire :", "La motivation.",
        "Le bien-être de l'élève.", "Ses capacités intellectuelles.", "Ses connaissances antérieures.",
        "D'autres encore."]
    assert simplify("Several factors matter: motivation, well-being, prior knowledge, etc.", FALC,
                    "en").sentences[-1] == "Others as well."
