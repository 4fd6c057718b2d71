"""The guard: no rewritten sentence in worse French than its source. Real rewrites, real checkers."""
import re

import pytest

from atypie.adapters import grammalecte
from atypie.falc import grammar_reading
from atypie.falc import guard as guard_module
from atypie.falc.simplify import simplify
from atypie.profiles.presets import load_preset

FALC = load_preset("falc")
needs_grammalecte = pytest.mark.skipif(not grammalecte.available(), reason="python3-grammalecte is not installed")


def test_an_elided_subject_is_repeated_without_gluing_it_to_itself():
    text = ("L'étroitesse des rues, qui limite la circulation de l'air, contribue à l'îlot de chaleur urbain.")
    result = simplify(text, FALC, "fr")
    assert "L'étroitesse des rues limite la circulation de l'air." in result.sentences
    assert not any("étroitesseétroitesse" in s for s in result.sentences)


def test_a_relative_clause_is_not_said_of_a_noun_of_another_number():
    # "qui forment" is the streets: said of "l'étroitesse" it would read "L'étroitesse des rues forment …"
    text = "L'étroitesse des rues, qui forment un couloir étroit, limite la circulation de l'air en ville."
    sentences = simplify(text, FALC, "fr").sentences
    assert not any(s.startswith("L'étroitesse des rues forment") for s in sentences), sentences


def test_a_sentence_cut_into_pieces_that_are_not_sentences_is_rolled_back_and_marked():
    # Vidal de la Blache (1903), public domain: the part after « ; » has no verb of its own (« pas une non plus »)
    text = ("Il n’y a pas dans le reste de la France de région naturelle taillée à plus grands traits ; pas une non "
            "plus, sauf les Flandres, qui communique plus librement avec le dehors.")
    result = simplify(text, FALC, "fr")
    assert not any(s.startswith("Pas une non plus") for s in result.sentences)
    assert any(s.endswith("(à vérifier)") for s in result.sentences)
    assert result.meaning.ok  # the source sentence itself is kept: nothing is lost
    assert result.sentence_check["rolled_back"] == 1 and result.to_dict()["sentence_check"]["checked"] >= 1
    assert "sentences-kept" in [n.code for n in result.notices]


def test_clauses_after_a_colon_are_not_made_into_a_list():
    text = ("Pour les scientifiques, l'œuf est une cellule qui permet la reproduction : quand un spermatozoïde "
            "rencontre un ovule, ils fusionnent (c'est la fécondation), et forment une nouvelle cellule appelée "
            "œuf, cellule-œuf, ou zygote.")
    result = simplify(text, FALC, "fr")
    assert "Zygote." not in result.sentences and "Quand un spermatozoïde rencontre un ovule." not in result.sentences
    assert not any(block.kind == "list" for block in result.blocks)
    assert result.meaning.ok and result.sentence_check["rolled_back"] == 0


def test_a_split_that_breaks_one_piece_is_cut_in_fewer_places_rather_than_rolled_back():
    # C. Eyssette, philosophy course (eyssette/cours, CC BY): cut at « , mais » and at the colon, the last piece
    # « le mal absolu (qui …) ou le mal naturel (qui …) » has only the brackets' verbs; cut at « , mais » only,
    # both sentences are sound
    text = ("Certaines théodicées affirment que le mal est une épreuve ou un effet du libre arbitre humain, mais cela "
            "explique mal l'existence de certaines formes du mal : le mal absolu (qui peut difficilement être conçu "
            "comme une simple épreuve) ou le mal naturel (qui n'est pas produit par des êtres humains).")
    result = simplify(text, FALC, "fr")
    assert result.sentence_check["regrouped"] == 1 and result.sentence_check["rolled_back"] == 0
    assert len(result.sentences) == 2 and not any("(à vérifier)" in s for s in result.sentences)
    assert result.sentences[1].startswith("Mais cela explique mal l'existence de certaines formes du mal : le mal")
    words = lambda t: re.findall(r"\w+", t.lower())  # noqa: E731
    assert words(" ".join(result.sentences)) == words(text.replace(", mais", " mais"))  # every word, in its place


def test_n_importe_is_no_second_verb_so_a_cut_after_it_stands():
    # Saussure (1916), public domain: « n'importe quelle autre » once made the middle piece look like two clauses
    text = ("Ainsi l’idée de « sœur » n’est liée par aucun rapport intérieur avec la suite de sons s—ö—r qui lui sert "
            "de signifiant ; il pourrait être aussi bien représenté par n’importe quelle autre : à preuve les "
            "différences entre les langues et l’existence même de langues différentes : le signifié « bœuf » a pour "
            "signifiant b—ö—f d’un côté de la frontière, et o—k—s (Ochs) de l’autre.")
    result = simplify(text, FALC, "fr")
    assert result.sentence_check["regrouped"] == 0 and result.sentence_check["rolled_back"] == 0
    assert len(result.sentences) == 3 and result.sentences[2].startswith("Le signifié « bœuf » a pour signifiant")


def test_sound_rewrites_are_kept():
    text = ("La photosynthèse, qui a lieu dans les chloroplastes, permet aux plantes de produire du sucre. Elle ne se "
            "produit jamais la nuit, car elle a besoin de lumière.")
    assert simplify(text, FALC, "fr").sentences == [
        "La photosynthèse permet aux plantes de produire du sucre.", "La photosynthèse a lieu dans les chloroplastes.",
        "Elle ne se produit jamais la nuit.", "C'est parce qu'elle a besoin de lumière."]


def test_a_clause_cut_from_its_main_verb_is_not_kept():
    # the tagger reads « produit » as a noun here: « La photosynthèse, qui a lieu … » would be left with no main verb
    text = "La photosynthèse, qui a lieu dans les chloroplastes, produit du dioxygène."
    sentences = simplify(text, FALC, "fr").sentences
    assert "La photosynthèse, qui a lieu dans les chloroplastes." not in sentences
    assert "C'est un produit du dioxygène." not in sentences


@needs_grammalecte
def test_an_agreement_error_added_by_the_rewrite_is_repaired(monkeypatch):
    # A rewrite that writes a wrong agreement of its own: the guard applies Grammalecte's single suggestion.
    real = guard_module._Checker.judge

    def broken_rewrite(self, entry, sentences, tokens):
        return real(self, entry, [s.replace("La gestion", "Le gestion") for s in sentences], [None] * len(tokens))
    monkeypatch.setattr(guard_module._Checker, "judge", broken_rewrite)
    text = "La gestion intermédiaire, qui coordonne les équipes, est la cheville ouvrière de l'organisation."
    result = simplify(text, FALC, "fr")
    assert "La gestion intermédiaire coordonne les équipes." in result.sentences  # repaired, still split
    assert not any(s.startswith("Le gestion") for s in result.sentences)


@needs_grammalecte
def test_a_slip_of_the_source_that_a_cut_shows_is_repaired_when_the_fix_is_certain():
    # In one sentence, « appelés » may agree with « segments »; alone, « Les extrémités … sont appelés » is wrong
    text = ("Les segments sont appelés bords ou côtés et les extrémités des côtés sont appelés sommets ou coins du "
            "polygone.")
    sentences = simplify(text, FALC, "fr").sentences
    assert sentences == ["Les segments sont appelés bords ou côtés.",
                         "Les extrémités des côtés sont appelées sommets ou coins du polygone."], sentences


def test_without_grammalecte_the_grammar_check_is_not_applicable(monkeypatch):
    monkeypatch.setattr(grammalecte, "available", lambda: False)
    result = simplify("La photosynthèse, qui a lieu dans les chloroplastes, produit du dioxygène.", FALC, "fr")
    assert "grammar" in result.meaning.not_applicable and "subject-object" in result.meaning.not_applicable
    assert result.meaning.to_dict()["not_applicable"] == result.meaning.not_applicable


def test_english_has_no_tags_so_the_structure_check_is_not_applicable():
    result = simplify("The cell, which is small, divides every day because it grows.", FALC, "en")
    assert {"structure", "grammar"} <= set(result.meaning.not_applicable)


def test_the_end_of_a_list_is_not_taken_for_an_apposition():
    text = "Les besoins nutritifs de la plante sont le dioxyde de carbone de l'air, l'eau et les minéraux du sol."
    assert not any(s.startswith("C'est l'eau") for s in simplify(text, FALC, "fr").sentences)


def test_a_participle_after_an_auxiliary_is_not_a_conjunction():
    text = "On a vu que l'indentation est obligatoire en Python pour séparer les blocs d'instructions."
    assert simplify(text, FALC, "fr").sentences[0].startswith("On a vu que")


@pytest.mark.parametrize(("text", "plain"), [
    ("Elle étudie la matière, plus particulièrement à l'échelle des atomes.", "plus particulièrement"),
    ("Cette règle vaut particulièrement pour les enfants.", "vaut surtout pour"),  # no degree word: replaced
])
def test_a_word_after_plus_or_tres_is_not_replaced_by_one_that_cannot_be_graded(text, plain):
    assert plain in simplify(text, FALC, "fr").sentences[0]


def test_a_relative_clause_keeps_the_end_of_its_list():
    # cut at the bracket, "les tremblements de terre et la dérive" were said to explain mountains, not plates
    text = ("Depuis les années 1970, la formation des montagnes est expliquée par la tectonique des plaques, qui "
            "présente aussi l'avantage d'expliquer le volcanisme (aussi bien en surface que dans la mer), les "
            "tremblements de terre et la dérive des continents.")
    result = simplify(text, FALC, "fr")
    assert result.sentences[0] == "Depuis les années 1970, la formation des montagnes est expliquée par la " \
                                  "tectonique des plaques."
    assert result.sentences[1].endswith("le volcanisme, les tremblements de terre et la dérive des continents.")
    assert "Précision : aussi bien en surface que dans la mer." in result.sentences  # a precision, not a definition
    assert all(entry.definition != "aussi bien en surface que dans la mer" for entry in result.glossary)


def test_a_precision_in_brackets_loses_the_reformulation_cue_that_opens_it():
    result = simplify("Les expériences ont montré que la relecture (c'est-à-dire la lecture répétée du cours) n'a "
                      "aucun effet sur une longue durée.", FALC, "fr")
    assert "Précision : la lecture répétée du cours." in result.sentences, result.sentences


@needs_grammalecte
def test_the_grammar_of_a_rewrite_is_read_in_batches_as_it_is_written(monkeypatch):
    import threading

    from atypie.falc.rewrite import DiffEntry

    batches, sources_read = [], threading.Event()
    real = grammalecte.errors_of_each

    def recorded(texts, claim=None):
        batches.append(list(texts))
        found = real(texts, claim)
        if len(batches) == 2:
            sources_read.set()
        return found
    monkeypatch.setattr(grammalecte, "errors_of_each", recorded)
    reading = grammar_reading.GrammarReading("fr")
    source = "Les enfants, qui jouent dans la cour, rient fort."
    entries = [DiffEntry(source, [f"Les enfants joue {n} fois.", f"Ils rient {n} fois."], [], ["split"], 0, len(source))
               for n in range(grammar_reading.STREAMED_BATCH // 2)]
    for entry in entries:
        reading.read_entry(entry)
    assert sources_read.wait(60)  # a full batch was read before the rewrite ended
    assert len(batches[0]) == grammar_reading.STREAMED_BATCH
    assert batches[1] == [source]  # the source of a sentence with an error is read with the batch, for comparison
    assert reading.errors("Les enfants joue 0 fois.") == grammalecte.errors("Les enfants joue 0 fois.") != []
    assert reading.source_errors(source) == grammalecte.errors(source)
    assert reading.source_errors("Une phrase jamais lue.") is None


@needs_grammalecte
def test_a_batch_the_worker_has_not_started_is_read_by_the_guard(monkeypatch):
    from atypie.falc.rewrite import DiffEntry

    calls = []
    monkeypatch.setattr(grammalecte, "errors_of_each", lambda texts, claim=None: calls.append(claim()))
    reading = grammar_reading.GrammarReading("fr")
    monkeypatch.setattr(grammar_reading.threading, "Thread", lambda target, args, daemon: _Later(target, args))
    source = "Les enfants, qui jouent dans la cour, rient fort."
    reading.read(_rewrite_of([DiffEntry(source, ["Les enfants joue.", "Ils rient fort."], [], ["split"], 0, 10)]))
    assert reading.errors("Les enfants joue.") == grammalecte.errors("Les enfants joue.")  # read here, not waited for
    _Later.started[-1].run()
    assert calls == [False]  # the worker, once free, gives the taken batch up


class _Later:
    started = []

    def __init__(self, target, args):
        self.target, self.args = target, args

    def start(self):
        _Later.started.append(self)

    def run(self):
        self.target(*self.args)


def _rewrite_of(diff):
    from atypie.falc.rewrite import Rewrite

    return Rewrite([], [], diff, set(), [])


@pytest.mark.parametrize(("text", "kept", "note"), [
    ("D'ailleurs, les expériences ont montré que cette forme de répétition, comme la relecture ou la copie, n'a "
     "aucun effet sur une longue durée.",
     "D'ailleurs, les expériences ont montré que cette forme de répétition n'a aucun effet sur une longue durée.",
     "Par exemple : la relecture ou la copie."),
    ("Les Pyrénées françaises sont formées de crêtes et de sommets isolés (le pic du Midi de Bigorre, le Vignemale, "
     "le Canigou...).",
     "Les Pyrénées françaises sont formées de crêtes et de sommets isolés.",
     "Par exemple : le pic du Midi de Bigorre, le Vignemale, le Canigou..."),
])
def test_examples_become_a_note_that_the_guard_does_not_read_as_a_sentence(text, kept, note):
    """Before, the guard read « Par exemple : … » as a sentence with no verb and rolled the whole sentence back."""
    assert simplify(text, FALC, "fr").sentences == [kept, note]


@pytest.mark.parametrize("text", [
    "Elle travaille, comme sa mère, dans un grand hôpital de la région parisienne depuis dix ans.",  # a comparison
    "D'autres catégories, comme les noms d'entreprises, la description de faits pourraient permettre de "
    "réidentifier une personne.",  # the list goes on after the comma: the aside has no end
])
def test_a_comparison_or_an_unclosed_list_after_comme_stays_in_its_sentence(text):
    assert not any(s.startswith("Par exemple") for s in simplify(text, FALC, "fr").sentences)


def test_an_origin_in_brackets_is_a_precision_and_no_definition():
    result = simplify("La morphine (du grec Μορφεύς, Morphée, dieu grec du sommeil et des rêves) est le principal "
                      "alcaloïde de l'opium.", FALC, "fr")
    assert result.sentences == ["La morphine est le principal alcaloïde de l'opium.",
                                "Précision : du grec Μορφεύς, Morphée, dieu grec du sommeil et des rêves."]
    assert all("Morphée" not in entry.definition for entry in result.glossary)
