"""Everyday words in a discipline's technical sense (lang/fr/senses.toml): given only when the text is about that
discipline, and the file keeps its own rules."""
import re

import pytest
from wordfreq import zipf_frequency

from atypie.adapters import grammalecte
from atypie.falc.simplify import simplify
from atypie.language.data import toml_table
from atypie.profiles.presets import load_preset

pytestmark = pytest.mark.skipif(not grammalecte.available(), reason="python3-grammalecte is not installed")

GEOLOGY = ("Sous la croûte terrestre, le manteau est fait de roches chaudes. Le magma remonte par les volcans, "
           "et les séismes se produisent le long des failles.")


def glossary(text: str) -> dict[str, str]:
    return {g.term: g.definition for g in simplify(text, load_preset("falc"), "fr").glossary}


def test_a_word_of_a_geology_text_is_given_its_geology_sense():
    senses = toml_table("fr", "senses.toml")["geologie"]["senses"]
    assert glossary(GEOLOGY)["manteau"] == "(en géologie) " + senses["manteau"]


def test_the_same_word_in_everyday_use_gets_no_technical_sense():
    assert "manteau" not in glossary("Il porte un manteau chaud en hiver quand il neige sur la ville.")


def test_a_programming_sense_stays_in_programming_texts():
    history = glossary("La méthode de datation par le radiocarbone est devenue d'usage courant pour l'historien.")
    assert "programm" not in history.get("méthode", "") and "informatique" not in history.get("méthode", "")
    code = glossary("En programmation orientée objet (POO), chaque objet range ses attributs et ses méthodes dans "
                    "un espace de noms ; une classe sert de modèle.")
    assert code["méthode"].startswith("(en informatique) ")


def test_a_definition_the_text_gives_wins_over_the_discipline_sense():
    text = GEOLOGY + " Le manteau désigne la zone qui entoure le noyau de la planète."
    assert glossary(text)["manteau"] == "la zone qui entoure le noyau de la planète"


def test_the_file_keeps_its_rules():
    table = toml_table("fr", "senses.toml")
    keys = {word for discipline in table.values() for word in discipline["senses"]}
    seen: dict[str, str] = {}
    for name, discipline in table.items():
        assert discipline["name"] and len(discipline["signs"]) >= 20, name
        for sign in discipline["signs"]:
            assert sign == sign.lower() and sign not in keys and seen.setdefault(sign, name) == name, (name, sign)
        for word, definition in discipline["senses"].items():
            words = re.findall(r"[\w'-]+", definition)
            assert word == word.lower() and len(words) <= 20 and definition[:1].islower(), (name, word)
            assert not definition.endswith(".") and word not in {w.lower() for w in words}, (name, word)
            assert zipf_frequency(word, "fr") < 5.45, (name, word)  # not an everyday word: « cas », « temps »
