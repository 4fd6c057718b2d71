import pytest

from atypie.adapters import grammalecte
from atypie.falc import plain_words
from atypie.falc.simplify import simplify
from atypie.language.data import plain_definitions
from atypie.profiles.presets import load_preset

pytestmark = pytest.mark.skipif(not grammalecte.available(), reason="python3-grammalecte is not installed")


def test_a_hard_word_that_could_not_be_replaced_is_explained_by_its_plain_words():
    # « le reste reste » would echo a word of the sentence: « reliquat » is kept, and explained
    result = simplify("Le reliquat reste à payer.", load_preset("falc"), "fr")
    assert result.sentences == ["Le reliquat reste à payer."]
    entry = next(g for g in result.glossary if g.term == "reliquat")
    assert entry.definition == plain_words.meanings("fr")["reliquat"] == "reste" and not entry.needs_review


def test_a_general_academic_word_is_explained_by_the_academic_glossary():
    result = simplify("Les chercheurs doivent justifier chaque critère de leur démarche.", load_preset("falc"), "fr")
    entry = next(g for g in result.glossary if g.term == "critère")
    assert entry.definition == plain_definitions("fr")["critère"][0] and entry.source == "lexicon"


@pytest.mark.slow
def test_the_academic_glossary_passes_its_own_checks():
    """scripts/check_glossary_academic.py: one plain definition a term, short, common words, never the term's family,
    no term that glossary.txt already defines."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "scripts/check_glossary_academic.py"], cwd=root, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:]


def test_a_conjugated_verb_the_parser_did_not_lemmatise_is_found_by_its_infinitive():
    # spaCy reads « élabore » as an adjective with the lemma « élabor »; Grammalecte's lexicon knows « élaborer »
    result = simplify("Un nouvel ordre de choses s’élabore lentement dans les villes.", load_preset("falc"), "fr")
    assert "élaborer" in {g.term for g in result.glossary}


def test_an_adjective_that_is_also_a_verb_form_is_not_explained_as_the_verb():
    result = simplify("Elles n'apparaissent pas toutes avec une égale évidence.", load_preset("falc"), "fr")
    assert "égaler" not in {g.term for g in result.glossary}


def test_a_multi_word_term_with_an_elided_word_is_found_in_the_plural():
    text = "On sépare les blocs d'instructions par l'indentation, et chaque bloc commence après deux points."
    result = simplify(text, load_preset("falc"), "fr")
    entry = next(g for g in result.glossary if g.term == "bloc d'instructions")
    assert entry.definition == plain_definitions("fr")["bloc d'instructions"][0]


def test_a_learned_compound_is_explained_by_its_two_parts():
    text = "Chez 25 % des personnes, on retrouve l'appendice en position rétro-cæcale."
    entry = next(g for g in simplify(text, load_preset("falc"), "fr").glossary if g.term == "rétro-cæcale")
    assert entry.definition == "« rétro- » : derrière ; « cæcal » : " + plain_definitions("fr")["cæcal"][0]
    assert not entry.needs_review


@pytest.mark.parametrize("text, left_out", [
    ("Le nom vient de la série Monty Python's Flying Circus, dont il est fan.", "flying"),  # a part of a name
    ("La PEP 8 recommande quatre espaces pour chaque niveau d'indentation.", "pep"),  # « PEP 8 » is explained
])
def test_no_word_is_left_to_explain_when_it_is_part_of_a_name_or_of_a_term_explained(text, left_out):
    glossary = {g.term.lower(): g for g in simplify(text, load_preset("falc"), "fr").glossary}
    assert left_out not in glossary, glossary


def test_an_adjective_that_leads_a_complement_makes_no_term_with_its_noun():
    text = "La Convention relative aux droits de l'enfant contient un préambule et 54 articles."
    glossary = {g.term: g.definition for g in simplify(text, load_preset("falc"), "fr").glossary}
    assert "convention relative" not in glossary, glossary  # « relative aux droits » says what it is about
    assert not any("comparaison" in d and "avec « à »" not in d for d in glossary.values()), glossary


def test_programming_senses_are_given_in_programming_texts_only():
    text = "Les sociétés se sont transformées par le progrès des sciences, de l'instruction et de la presse."
    glossary = {g.term: g.definition for g in simplify(text, load_preset("falc"), "fr").glossary}
    assert "ordinateur" not in glossary.get("instruction", ""), glossary


def test_a_word_inside_a_term_the_glossary_explains_gets_no_entry_of_its_own():
    text = ("Dans cet ouvrage, l'invite est représentée par convention par le symbole dollar, quel que soit le système "
            "d'exploitation.")
    glossary = {g.term: g.definition for g in simplify(text, load_preset("falc"), "fr").glossary}
    assert "système d'exploitation" in glossary and "par convention" in glossary, glossary
    # alone, « exploitation » and « convention » would read « utilisation d'une ressource … », « accord écrit … »
    assert "exploitation" not in glossary and "convention" not in glossary, glossary


def test_a_compound_whose_second_part_is_a_known_word_explains_only_its_first_part():
    # the dictionary's first sense of « représenter » is « présenter de nouveau »: a known word is not defined
    text = "D'autres formes de la langue sont sous-représentées dans les corpus."
    entry = next(g for g in simplify(text, load_preset("falc"), "fr").glossary if g.term == "sous-représentées")
    assert entry.definition == "« sous- » (en dessous de) + « représentées »"


def test_a_compound_whose_second_part_is_unknown_is_not_explained_by_halves():
    text = "Le patient présente une lésion rétro-zorglubienne."  # no glossary knows « zorglubien »
    glossary = simplify(text, load_preset("falc"), "fr").glossary
    assert not any(g.definition.startswith("« rétro- »") for g in glossary)


def test_a_word_in_lower_case_that_the_tagger_took_for_a_name_is_still_explained():
    text = "Un shell possède toujours une invite de commande."  # « shell » is tagged as a name
    entry = next(g for g in simplify(text, load_preset("falc"), "fr").glossary if g.term == "shell")
    assert entry.definition == plain_definitions("fr")["shell"][0]


def test_a_rare_verb_form_the_parser_did_not_lemmatise_is_explained_by_its_infinitive():
    result = simplify("Ces règles dérivent des anciennes coutumes du royaume.", load_preset("falc"), "fr")
    entry = next(g for g in result.glossary if g.term == "dériver")
    assert entry.definition == plain_definitions("fr")["dériver"][0]


@pytest.mark.parametrize(("text", "form", "verb"), [
    ("Il fallait que les marchands pussent circuler librement.", "pussent", "pouvoir"),  # imperfect subjunctive
    ("Les deux villes connurent ensuite une longue paix.", "connurent", "connaître"),  # passé simple
])
def test_a_verb_in_a_tense_of_written_narrative_is_linked_to_its_infinitive(text, form, verb):
    entry = next(g for g in simplify(text, load_preset("falc"), "fr").glossary if g.term == form)
    assert f"« {verb} »" in entry.definition and not entry.needs_review


def test_a_common_verb_form_gets_no_entry_for_its_tense():
    glossary = simplify("Les deux villes furent détruites par le feu.", load_preset("falc"), "fr").glossary
    assert "furent" not in {g.term for g in glossary}


def test_a_term_of_the_lexicon_is_explained_once_and_a_plural_finds_the_dictionary_term():
    result = simplify("Le concept de base de données est apparu au début des années 60, avec les premiers disques "
                      "durs.", load_preset("falc"), "fr")
    terms = {entry.term: entry.source for entry in result.glossary}
    assert terms.get("base de données") == "lexicon" and "base de donnée" not in terms  # not a second, wrong sense
    assert terms.get("disque dur") == "dictionary"


def test_a_common_form_of_two_verbs_is_read_as_the_more_frequent_one():
    # « étaient » is also a form of « étayer » (ils étaient): the sentence says « être », and gets no « étayer » entry
    result = simplify("Les terres qui étaient autrefois utilisées pour l'agriculture sont converties en zones "
                      "commerciales.", load_preset("falc"), "fr")
    assert "étayer" not in {g.term for g in result.glossary}


def test_a_participle_is_explained_once_under_its_verb():
    result = simplify("Le reste de l'énergie est absorbé et dissipé par la feuille.", load_preset("falc"), "fr")
    terms = [g.term for g in result.glossary]
    assert "dissiper" in terms and "dissipé" not in terms


def test_a_participle_after_etre_is_explained_as_its_verb_not_as_a_noun():
    result = simplify("Dans la cellule, le glucose est ensuite dégradé en présence de dioxygène.", load_preset("falc"),
                      "fr")
    terms = {g.term: g.definition for g in result.glossary}
    assert "dégradé" not in terms and terms.get("dégrader") == "abîmer"


def test_a_term_the_text_describes_is_not_explained_twice_in_the_plural():
    result = simplify("De nombreux habitants vivent dans des bidonvilles, un habitat précaire, sans accès à l'eau.",
                      load_preset("falc"), "fr")
    assert len([g for g in result.glossary if g.term.startswith("bidonville")]) == 1


def test_a_word_of_an_explained_phrase_is_not_explained_alone_in_another_sense():
    result = simplify("Un contrat conclu sans le consentement éclairé d'une partie peut être annulé par le juge.",
                      load_preset("falc"), "fr")
    terms = {g.term for g in result.glossary}
    assert "consentement éclairé" in terms and "éclairer" not in terms


def test_a_word_the_parser_took_for_a_verb_is_explained_as_what_it_is():
    result = simplify("La mémoire de travail n'est pas illimitée.", load_preset("falc"), "fr")
    assert "illimiter" not in {g.term for g in result.glossary}


def test_a_word_no_source_knows_that_is_re_before_a_known_word_is_that_word_again():
    glossary = {g.term: g for g in simplify("Ces données permettent de réidentifier une personne physique.",
                                            load_preset("falc"), "fr").glossary}
    entry = glossary["réidentifier"]
    assert not entry.needs_review
    assert entry.definition.startswith("« ré- » : de nouveau, encore une fois ; « identifier » : ")
    # a word the dictionary has keeps its own meaning: « répartir » is not « partir again »
    glossary = {g.term: g for g in simplify("Il faut répartir les tâches entre les bénévoles de l'association.",
                                            load_preset("falc"), "fr").glossary}
    assert "répartir" not in glossary or "de nouveau" not in glossary["répartir"].definition


@pytest.mark.parametrize("text", ["Une phrase est tokénisée en mots. Un texte est tokénisé en phrases.",
                                  "Un texte est tokénisé en phrases. Une phrase est tokénisée en mots."])
def test_two_forms_of_one_unexplained_word_are_one_entry(text):
    entries = [g for g in simplify(text, load_preset("falc"), "fr").glossary if g.term.startswith("tokénis")]
    assert len(entries) == 1 and entries[0].needs_review, entries


def test_a_common_verb_rare_as_an_infinitive_is_no_dictionary_entry():
    # « employer » is rare as written (zipf 3.85) but read often in its other forms: « emploie », « employé »…
    glossary = {g.term for g in simplify("D'autres méthodes doivent être employées pour les langues anciennes.",
                                         load_preset("falc"), "fr").glossary}
    assert "employer" not in glossary, glossary


def test_an_action_noun_no_source_knows_is_explained_by_its_verb():
    glossary = {g.term: g for g in simplify("La clé de chiffrement est identique à la clé de déchiffrement.",
                                            load_preset("falc"), "fr").glossary}
    entry = glossary["déchiffrement"]
    assert not entry.needs_review
    assert entry.definition.startswith("fait de déchiffrer ; « déchiffrer » : "), entry.definition
    # less rare, and missing from the dictionary: still explained by its verb
    entry = next(g for g in simplify("La transcription des archives prend du temps.", load_preset("falc"),
                                     "fr").glossary if g.term == "transcription")
    assert entry.definition.startswith("fait de transcrire ; « transcrire » : "), entry.definition
    # a noun the dictionary has keeps its own meaning: « parlement » is never « fait de parler »
    glossary = {g.term: g for g in simplify("Le parlement vote la loi de finances après un long débat.",
                                            load_preset("falc"), "fr").glossary}
    assert "parlement" not in glossary or "parler" not in glossary["parlement"].definition


def test_a_word_inside_a_locution_of_the_academic_glossary_is_not_explained_alone():
    glossary = {g.term for g in simplify("La mise à disposition des données publiques est gratuite.",
                                         load_preset("falc"), "fr").glossary}
    assert "mise à disposition" in glossary and "disposition" not in glossary, glossary
    glossary = {g.term for g in simplify("Cette disposition de la loi est nouvelle.", load_preset("falc"), "fr").glossary}
    assert "disposition" in glossary  # alone, in its own sense


def test_a_name_inside_a_sentence_gets_no_dictionary_sense():
    # « les Bourbons » is a dynasty, not « bourbon : pièce de bois qui soutenait les poêles dans les salines »
    text = "Le musée présente des peintures du 14e siècle, collectionnées par les Habsbourg et les Bourbons."
    terms = [g.term.lower() for g in simplify(text, load_preset("falc"), "fr").glossary]
    assert "bourbon" not in terms and "bourbons" not in terms, terms


@pytest.mark.skipif(not grammalecte.available(), reason="python3-grammalecte is not installed")
@pytest.mark.parametrize(("text", "term", "never"), [
    ("Cette théorie se fonde sur des observations précises.", "se fonder sur", "fondre"),  # spaCy's lemma: fondre
    ("Le modèle rend compte des données observées.", "rendre compte", None),
    ("Le texte se prête à plusieurs lectures.", "se prêter à", None),
])
def test_a_verbal_locution_is_explained_in_its_conjugated_form(text, term, never):
    terms = [g.term for g in simplify(text, load_preset("falc"), "fr").glossary]
    assert term in terms and never not in terms, terms


def test_a_reflexive_use_is_not_the_locution_without_se():
    # « se rendre compte » (to realise) is not « rendre compte » (to report)
    terms = [g.term for g in simplify("Il se rend compte de son erreur après le cours.", load_preset("falc"),
                                      "fr").glossary]
    assert "rendre compte" not in terms
