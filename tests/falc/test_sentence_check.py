"""Broken French, marked examples: each problem is found in the broken sentence and not in a sound one."""
import pytest

from atypie.adapters import grammalecte
from atypie.falc import sentence_check as check
from atypie.language.analysis import analyse

BROKEN = [
    (check.GLUED, "L'étroitesseétroitesse des rues limite la circulation de l'air."),
    (check.DOUBLED, "Le le gouvernement vote la loi."),
    (check.DANGLING, "Les glucides sont impliqués dans des mécanismes de."),
    (check.NO_VERB, "Un phénomène observé dans les grandes villes."),
    (check.RUN_ON, "Eau limite l'évapotranspiration contribue à rafraîchir l'air."),
    (check.RELATIVE_START, "Qui n'a rien à voir ici avec la monnaie."),
    (check.SUBORDINATE_ONLY, "Quand un spermatozoïde rencontre un ovule."),
    (check.SUBORDINATE_ONLY, "La photosynthèse, qui a lieu dans les chloroplastes."),
    # « choisis » after « été » and « échange » after « d' » are no conjugated verbs (Gide, 1884, public domain)
    (check.NO_VERB, "Parce que les métaux précieux ayant déjà été choisis comme instrument d’échange."),
    # the last clause after « mais » is only a condition: its main clause went to the next sentence
    (check.SUBORDINATE_ONLY, "Le mécanisme est l'aspiration de contenu, mais lorsque le patient a aspiré une grande "
                             "quantité de contenu gastrique."),
]
SOUND = ["L'étroitesse des rues limite la circulation de l'air.",
         "Nous nous sommes trompés de salle.",
         "La présence d'eau limite l'évapotranspiration et contribue à rafraîchir l'air.",
         "Quand un spermatozoïde rencontre un ovule, ils fusionnent.",
         "Les cellules qui se divisent copient leur ADN.",
         "C'est la première cellule du nouvel être vivant.",
         "C'est parce qu'elle a besoin de lumière.",
         "Comme prévu, il pleut sur la ville.",
         "Mais les inégalités subsistent dans une contrée lointaine.",  # « subsistent » tagged as an adverb
         "Elle parla devant le roi.",  # « parla », a passé simple, tagged as a pronoun
         # the main verb « utilise » read as a noun: the relative clause is not the only clause
         "Ce mode de cuisson utilise de la matière grasse comme vecteur de la chaleur qui altère l'aliment.",
         # the main verb « prévoit » read as a name: « quand » does not open the only clause
         "La troisième partie prévoit son application du point de vue du droit : à partir de quand la convention "
         "entre en vigueur après avoir été signée et ratifiée par les pays et comment elle peut être modifiée.",
         # « les » read as an article and « utilise » as a noun: the main clause is still there, before « quand »
         "On les utilise surtout quand on a besoin d'une structure hiérarchique des données.",
         # « n'importe » is the fixed phrase « any », not a second conjugated verb
         "Il pourrait être aussi bien représenté par n’importe quelle autre forme.",
         # « appelle » read as a noun after « l' »: the main clause after the condition is still there
         "Le mécanisme est l'aspiration de contenu, mais lorsque le patient a aspiré beaucoup de contenu, on "
         "l'appelle pneumonie d'aspiration.",
         "Il reste à la maison quand il pleut et quand il fait froid."]  # two conditions of one main verb


def problems(sentence: str):
    conjugated = grammalecte.could_be_conjugated if grammalecte.available() else None
    return check.problems(list(analyse(sentence, "fr", full=False).doc), conjugated=conjugated)


@pytest.mark.parametrize("problem, sentence", BROKEN)
def test_broken_sentences_are_found(problem, sentence):
    assert problems(sentence)[problem] == 1


@pytest.mark.parametrize("sentence", SOUND)
def test_sound_sentences_have_no_problem(sentence):
    assert not problems(sentence)


def test_without_tags_only_the_word_checks_run():
    tokens = list(analyse("Un phénomène observé observé.", "fr", full=False).doc)
    assert check.problems(tokens, tagged=False) == {check.DOUBLED: 1}


def test_a_list_of_clauses_and_nouns_is_not_a_list():
    def items(*texts):
        return [list(analyse(t, "fr", full=False).doc) for t in texts]
    assert check.list_problems(items("Ils fusionnent", "Et forment une cellule", "Zygote")) == [check.LIST_MIXED]
    assert check.list_problems(items("le glucose", "le fructose", "le saccharose")) == []


def test_an_object_pronoun_is_not_taken_for_an_article():
    assert not problems("Mais à notre avis, il ne la crée pas.")  # the tagger reads « crée » as a noun
    assert problems("D'abord afficher la base puis compter une base de plus.")[check.NO_VERB] == 1
    assert not problems("L’esprit capitaliste le domine.")  # « domine » can only be a verb: « le » is a pronoun
