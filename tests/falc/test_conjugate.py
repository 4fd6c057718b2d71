"""Conjugation of an idiom's plain meaning: tables for common irregular verbs, rules for -er verbs, Grammalecte's
tables for the rest when it is installed."""
import pytest

from atypie.adapters import grammalecte
from atypie.falc.conjugate import conjugate, forms_of


@pytest.mark.parametrize("infinitive, form, person, plural, expected", [
    ("jouer", "ps", 3, False, "joua"), ("manger", "imp", 1, True, "mangions"), ("être", "pres", 3, True, "sont"),
    ("finir", "pres", 3, True, "finissent"), ("placer", "imp", 2, True, "placiez"),
    ("placer", "imp", 3, False, "plaçait"),
])
def test_common_verbs_follow_their_table_or_rule(infinitive, form, person, plural, expected):
    assert conjugate(infinitive, form=form, person=person, plural=plural) == expected


@pytest.mark.skipif(not grammalecte.available(), reason="python3-grammalecte is not installed")
@pytest.mark.parametrize("infinitive, form, person, plural, expected", [
    ("retenir", "pres", 2, True, "retenez"), ("décevoir", "part", 3, False, "déçu"), ("fuir", "imp", 3, False,
                                                                                       "fuyait"),
    ("revoir", "fut", 3, True, "reverront"), ("redevenir", "ps", 3, False, "redevint"),
])
def test_other_irregular_verbs_come_from_grammalecte_not_from_the_rule_of_finir(infinitive, form, person, plural,
                                                                                expected):
    assert conjugate(infinitive, form=form, person=person, plural=plural) == expected


def test_a_participle_is_recognised_with_its_agreement():
    assert ("part", 3, True) in forms_of("prendre", "prises")
