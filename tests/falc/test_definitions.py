"""Definitions the text gives itself: one marked example per pattern, and counter-examples that are not
definitions. Then the glossary's order of sources (text, course, lexicon, « à expliquer »)."""
from __future__ import annotations

import time

import pytest

from atypie.falc.glossary import build_glossary, unexplained
from atypie.falc.simplify import simplify
from atypie.language.analysis import analyse
from atypie.language.definitions import find_definitions
from atypie.profiles.presets import load_preset


def definitions_in_text(text: str, lang: str) -> dict[str, str]:
    """{term key: definition}, the first definition the text gives of each term."""
    found: dict[str, str] = {}
    for item in find_definitions(analyse(text, lang)):
        found.setdefault(item.key, item.definition)
    return found


def defined(text: str, lang: str = "fr") -> dict[str, tuple[str, str]]:
    return {d.term.lower(): (d.definition, d.cue) for d in find_definitions(analyse(text, lang))}


@pytest.mark.parametrize("text, term, definition, cue", [
    ("L'îlot de chaleur urbain (ICU) touche les grandes villes.", "icu", "îlot de chaleur urbain", "acronym"),
    ("En été, l'ICU (îlot de chaleur urbain) augmente la température.", "icu", "îlot de chaleur urbain", "acronym"),
    # the expansion is spelled before a comma, and a gloss follows it
    ("Les âges sont exprimés en années BP (Before Present, avant 1950).", "bp", "Before Present, avant 1950",
     "acronym"),
    ("L'OMS (Organisation mondiale de la santé) publie un rapport.", "oms", "Organisation mondiale de la santé",
     "acronym"),
    ("La mitochondrie, organite qui produit l'énergie de la cellule, est petite.", "mitochondrie",
     "organite qui produit l'énergie de la cellule", "apposition"),
    ("En géographie, on distingue l'aléa, c'est-à-dire la probabilité qu'un phénomène survienne, de la "
     "vulnérabilité.", "aléa", "la probabilité qu'un phénomène survienne", "that-is"),
    ("Les plantes contiennent une substance verte appelée chlorophylle.", "chlorophylle", "substance verte",
     "called"),
    ("Le biome désigne un grand ensemble de milieux de vie.", "biome", "un grand ensemble de milieux de vie",
     "designates"),
    ("On appelle photosynthèse la fabrication de sucre par les plantes.", "photosynthèse",
     "la fabrication de sucre par les plantes", "we-call"),
    ("La lithosphère est une couche rigide qui entoure la Terre.", "lithosphère",
     "une couche rigide qui entoure la Terre", "is-a"),
    ("L'inflation se définit comme la hausse générale des prix.", "inflation", "la hausse générale des prix",
     "designates"),
    ("Le mot ubiquité signifie la capacité d'être partout à la fois.", "ubiquité",
     "la capacité d'être partout à la fois", "designates"),
    ("Les chloroplastes (organites verts des cellules végétales) captent la lumière.", "chloroplastes",
     "organites verts des cellules végétales", "parenthesis"),
    ("Biome : grand milieu de vie avec son climat et ses plantes.\nLe reste du cours suit.", "biome",
     "grand milieu de vie avec son climat et ses plantes.", "colon"),
    ("La pneumonie acquise en communauté (PAC) est une inflammation aiguë du poumon.",
     "pneumonie acquise en communauté", "une inflammation aiguë du poumon", "is-a"),
    ("Une fonction définie dans une classe est appelée méthode.", "méthode", "une fonction définie dans une classe",
     "called"),
    ("Le programme crée ce qu'on appelle un espace de noms, propre à chaque objet.", "espace de noms",
     "propre à chaque objet", "called"),
    ("Dans l'œuf : deux cellules se rencontrent et fusionnent (c'est la fécondation), puis l'œuf grandit.",
     "fécondation", "deux cellules se rencontrent et fusionnent", "parenthesis"),
    # a definite predicate with a complement, more common than the term: the quotes it opens stay closed
    ("La tokénisation est la segmentation d’un texte en ses parties ou « tokens ».", "tokénisation",
     "la segmentation d’un texte en ses parties ou « tokens »", "is-a"),
    ("Quand la température reste très haute plusieurs jours, on parle de canicule.", "canicule",
     "quand la température reste très haute plusieurs jours", "we-call"),  # a sentence's capital is lowered
])
def test_each_definition_pattern_is_read(text, term, definition, cue):
    found = defined(text)
    assert term in found, found
    assert found[term][0].rstrip(".") == definition.rstrip(".") and found[term][1] == cue


@pytest.mark.parametrize("text", [
    "Cela signifie que le prix monte.",  # a pronoun, and « signifie que »
    "Paris est une ville qui compte beaucoup d'habitants.",  # a name, not a term
    "Ce résultat est une surprise pour toute l'équipe de recherche.",  # « ce … est »
    "Dans la cellule, mitochondries et ribosomes travaillent ensemble.",  # a clause after the comma
    "Le fer, le cuivre, le zinc sont des métaux.",  # an enumeration
    "La révolution de 1789 (voir chapitre 2) change tout.",  # a reference
    "Exemple : la forêt tropicale est un grand milieu.\n",  # a label
    "Les nombres en physique ont tous une unité : ce sont des masses.",  # a sentence before the colon
    "On appelle cela une réaction en chaîne.",  # « cela »
    "Il est un grand savant qui a tout compris.",  # a pronoun subject
    "Ce décalage est appelé indentation.",  # « ce » points to a sentence before: it says nothing by itself
    "Dans ce cas précis, on parle de canicule.",  # no « quand », « si » clause says which case
    "Si tu viens, on l'appelle Paul.",  # a name
    "Le problème est la taille de la salle.",  # says which problem: « taille » is no plainer than « problème »
    "Le kilowattheure (symbole kWh) est une unité d'énergie.",  # a symbol
    "L'origami (折り紙, d'oru, « plier », et kami, « papier ») est un art.",  # an origin: glosses, another script
])
def test_counter_examples_are_not_definitions(text):
    assert defined(text) == {}


def test_english_cues():
    found = defined("The lithosphere is a rigid layer that surrounds the Earth. A green pigment called chlorophyll "
                    "absorbs light.", "en")
    assert found["lithosphere"][1] == "is-a" and found["chlorophyll"] == ("green pigment", "called")


def test_the_text_comes_first_then_the_course_then_the_lexicon_then_to_explain():
    text = ("L'îlot de chaleur urbain (ICU) modifie la photosynthèse des arbres. Le zygomorphisme intrigue. "
            "La lithosphère est une couche rigide qui entoure la Terre.")
    analysis = analyse(text, "fr")
    course = {"ICU": "définition du cours", "lithosphère": "autre définition", "zygomorphisme": "symétrie d'une fleur"}
    glossary = {e.term.lower(): e for e in build_glossary(analysis, {}, course)}
    assert glossary["icu"].definition == "îlot de chaleur urbain" and glossary["icu"].source == "text"
    assert glossary["lithosphère"].source == "text"
    assert glossary["zygomorphisme"].source == "course"
    assert glossary["photosynthèse"].source == "lexicon"
    bare = build_glossary(analysis, {})
    assert [e.term for e in bare if e.source is None] == ["zygomorphisme"] and unexplained(bare) == 1
    assert {"term", "definition", "source", "needs_review"} <= set(bare[0].to_dict())


def test_the_users_example_is_explained_not_listed():
    result = simplify("L'îlot de chaleur urbain (ICU) rend les villes plus chaudes que la campagne.",
                      load_preset("falc"), "fr")
    entry = next(e for e in result.glossary if e.term == "ICU")
    assert entry.definition == "îlot de chaleur urbain" and entry.source == "text"


def test_simplify_uses_a_course_glossary_and_counts_what_is_left():
    text = "Le zygomorphisme des fleurs intrigue. L’hypanthium est minuscule."
    plain = simplify(text, load_preset("falc"), "fr")
    assert plain.unexplained == 2 and plain.to_dict()["unexplained"] == 2
    assert "2 mots difficiles encore à expliquer." in plain.text
    course = simplify(text, load_preset("falc"), "fr", course_glossary={"zygomorphisme": "forme d'une fleur"})
    entry = next(e for e in course.glossary if e.term.startswith("zygomorph"))
    assert (entry.definition, entry.source) == ("forme d'une fleur", "course") and course.unexplained == 1
    assert "1 mot difficile encore à expliquer." in course.text


@pytest.mark.slow
def test_finding_definitions_stays_linear_on_a_long_hostile_text():
    hostile = ("a, " * 20000 + "(" * 5000 + "x est un " * 5000 + "appelée " * 5000 + ": " * 5000)[:290_000]
    started = time.perf_counter()
    find_definitions(analyse(hostile, "fr", full=False))
    assert time.perf_counter() - started < 20


def test_an_acronym_that_the_words_before_do_not_spell_gets_no_definition():
    found = definitions_in_text("The Calvin cycle fixes carbon dioxide (CO2) into sugars.", "en")
    assert "CO2" not in found


def test_a_precision_in_brackets_or_a_whole_clause_is_not_a_definition():
    text = ("La pneumonie acquise en communauté est une inflammation du poumon chez un patient qui l'a contractée "
            "dans la communauté (ou dans les 48h suivant une admission à l'hôpital). Le mécanisme fondamental de la "
            "pneumonie est l'aspiration de contenu provenant des voies respiratoires supérieures, mais lorsqu'il est "
            "clair que le patient a aspiré une grande quantité de contenu gastrique ou oral, on parle de pneumonie "
            "d'aspiration.")
    found = definitions_in_text(text, "fr")
    assert "communauté" not in found and not any(len(d.split()) > 30 for d in found.values()), found


def test_a_term_the_text_names_on_purpose_is_explained_by_the_text_before_the_lexicon():
    # glossary.txt defines « méthode » too; the text's own words come first
    result = simplify("Une fonction définie dans une classe est appelée méthode. On l'utilise souvent.",
                      load_preset("falc"), "fr")
    entry = next(g for g in result.glossary if g.term == "méthode")
    assert entry.definition == "une fonction définie dans une classe" and entry.source == "text"


def test_a_bracket_after_a_participle_names_no_definition_of_it():
    found = definitions_in_text("Le reste est soit réfléchi, soit absorbé et dissipé (échauffement et "
                                "évapotranspiration).", "fr")
    assert "dissipé" not in found, found


def test_an_aside_inside_a_definition_is_left_out_and_the_definition_kept_whole():
    found = definitions_in_text("La photosynthèse est le mécanisme par lequel les organismes autotrophes (ceux qui "
                                "peuvent produire leur propre nourriture) convertissent l'énergie solaire.", "fr")
    assert found["photosynthèse"] == ("le mécanisme par lequel les organismes autotrophes convertissent l'énergie "
                                      "solaire")


def test_those_who_in_brackets_describes_the_noun_before_and_is_no_sentence_of_its_own():
    result = simplify("Les organismes autotrophes (ceux qui peuvent produire leur propre nourriture) vivent partout.",
                      load_preset("falc"), "fr")
    assert not any(s.lower().startswith("ceux qui") for s in result.sentences), result.sentences
    entry = next(g for g in result.glossary if g.term == "organismes autotrophes")
    assert entry.definition == "ceux qui peuvent produire leur propre nourriture"
