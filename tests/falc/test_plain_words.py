import pytest

from atypie.adapters import grammalecte, lexicon
from atypie.falc import inflect, plain_words
from atypie.falc.simplify import simplify
from atypie.language.analysis import analyse
from atypie.profiles.presets import load_preset

pytestmark = pytest.mark.skipif(not grammalecte.available(), reason="python3-grammalecte is not installed")

TABLE = {("innombrable", "A"): "très nombreux", ("aisé", "A"): "facile", ("accroître", "V"): "augmenter",
         ("se accroître", "V"): "augmenter", ("subsister", "V"): "rester", ("dessein", "N"): "projet",
         ("pléthore", "N"): "excès", ("avérer", "V"): "montrer", ("se avérer", "V"): "se révéler",
         ("restreindre", "V"): "limiter", ("étoffer", "V"): "développer", ("fiable", "A"): "sûr",
         ("essor", "N"): "développement"}


@pytest.fixture
def small_table(monkeypatch):
    monkeypatch.setattr(plain_words, "table", lambda lang: TABLE)


def replaced(text: str) -> str:
    analysis = analyse(text, "fr")
    out, cursor = [], 0
    for start, end, new in plain_words.find(analysis):
        out += [text[cursor:start], new]
        cursor = end
    return "".join(out + [text[cursor:]])


@pytest.mark.parametrize("text, expected", [
    ("Ses conséquences sont innombrables.", "Ses conséquences sont très nombreuses."),
    ("D’innombrables conséquences apparaissent.", "De très nombreuses conséquences apparaissent."),
    ("Il est aisé de voir la fin.", "Il est facile de voir la fin."),
    ("La crise accroît les inégalités.", "La crise augmente les inégalités."),
    ("La crise accroissait les inégalités.", "La crise augmentait les inégalités."),
    ("Des différences subsistent entre les régions.", "Des différences restent entre les régions."),
    ("Elle a accru ses revenus.", "Elle a augmenté ses revenus."),
    ("Les inégalités s'accroissent vite.", "Les inégalités augmentent vite."),
    ("Cette piste s’avère utile.", "Cette piste se révèle utile."),
    ("Il agit dans un dessein précis.", "Il agit dans un projet précis."),
    ("Les méthodes utilisées sont fiables.", "Les méthodes utilisées sont sûres."),  # the subject's gender
    ("La fin de l’essor arrive.", "La fin du développement arrive."),  # « de l' » + a consonant → « du »
])
def test_a_hard_word_takes_the_form_of_the_word_it_replaces(small_table, text, expected):
    assert replaced(text) == expected


@pytest.mark.parametrize("text", [
    "Il y a une pléthore de candidats.",  # « excès » is masculine: « une excès » would be wrong
    "Le dessein est clair. Ce dessein reste secret.",  # a noun the text repeats is its subject
    "Elle cite « un dessein précis » dans sa lettre.",  # a quotation is kept as written
    "Le dessein, c'est-à-dire le projet, est clair.",  # a word the text defines is a key term
    "Nous nous accroissons.",  # « nous » before the verb may or may not be reflexive
    "Ils ont un champ de vision plus restreint que les autres.",  # a participle as an adjective
    "Les riches étoffes décorent la façade.",  # « étoffe », the noun, is commoner than « étoffer »
])
def test_a_replacement_that_is_not_certain_is_not_made(small_table, text):
    assert replaced(text) == text


def test_the_tag_of_the_parse_chooses_between_a_noun_and_a_verb(monkeypatch):
    monkeypatch.setattr(plain_words, "table", lambda lang: {("consigner", "V"): "noter"})
    assert replaced("Lisez les consignes avant de commencer.") == "Lisez les consignes avant de commencer."


def test_forms_are_made_by_the_lexicon():
    assert inflect.agreed("nombreux", "A", "f", "p") == "nombreuses"
    assert inflect.agreed("principal", "A", "m", "p") == "principaux"
    assert inflect.agreed("facile", "A", "f", "s") == "facile"
    assert inflect.verb("augmenter", ":Is", ":3s") == "augmenta"
    assert inflect.verb("écarter", ":Q", ":f:p") == "écartées"
    assert inflect.noun_gender("projet") == "m"
    assert inflect.agreed("xyzzyque", "A", "f", "p") is None


def test_every_shipped_entry_can_be_inflected_in_its_class():
    problems = []
    for (lemma, kind), plain in plain_words.table("fr").items():
        words = plain.split()
        if kind == "A" and any(inflect.agreed(words[-1], "A", g, n) is None for g in "mf" for n in "sp"):
            problems.append(f"{lemma}: « {words[-1]} » has no form for every gender and number")
        if kind == "V":
            verb = words[1] if words[0] in ("se", "s'") else words[0].removeprefix("s'")
            if inflect.verb(verb, ":Ip", ":3s") is None:
                problems.append(f"{lemma}: « {verb} » is not conjugated")
        if kind == "N" and inflect.noun_gender(words[0]) not in {r.gender for r in lexicon.readings(lemma)
                                                                 if r.kind == "N"} | {"e"}:
            problems.append(f"{lemma}: « {words[0]} » has another gender")
    assert not problems, problems[:20]


def test_the_glossary_does_not_explain_a_word_that_was_replaced(small_table):
    result = simplify("Ses conséquences sont innombrables.", load_preset("falc"), "fr")
    assert result.sentences == ["Ses conséquences sont très nombreuses."]
    assert not any(g.term.startswith("innombrable") for g in result.glossary)


def test_standard_profile_keeps_the_words(small_table):
    assert "innombrables" in simplify("Ses conséquences sont innombrables.", load_preset("standard"), "fr").text


@pytest.mark.slow
def test_the_shipped_lexicon_passes_its_own_checks():
    """scripts/check_plain_words.py: classes, genders, constructions, auxiliaries and frequencies of every entry."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "scripts/check_plain_words.py"], cwd=root, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout[-2000:]


def test_a_form_that_is_also_a_commoner_word_is_kept(monkeypatch):
    monkeypatch.setattr(plain_words, "table", lambda lang: {("parfaire", "V"): "améliorer"})
    assert replaced("Elle remplit cette fonction d’une façon parfaite.") == \
        "Elle remplit cette fonction d’une façon parfaite."


def test_a_participle_without_auxiliary_is_an_adjective_and_is_kept(monkeypatch):
    monkeypatch.setattr(plain_words, "table", lambda lang: {("élaborer", "V"): "construire"})
    assert replaced("Un système d'éclairage élaboré complète l'objectif.") == \
        "Un système d'éclairage élaboré complète l'objectif."
    assert replaced("Le plan a été élaboré en 1946.") == "Le plan a été construit en 1946."


def test_a_plain_word_already_in_the_sentence_is_not_brought_in_again(monkeypatch):
    monkeypatch.setattr(plain_words, "table", lambda lang: {("hameau", "N"): "village",
                                                           ("primordial", "A"): "très important"})
    for text in ("On y trouve des villages, des hameaux et des fermes.", "L’importance primordiale du principe."):
        assert replaced(text) == text
