import pytest

from atypie.language.numbers import mentions, values


@pytest.mark.parametrize("text, value, kind", [
    ("1 250 000 habitants", "1250000", "number"),
    ("12,5 % des cas", "12.5", "percent"),
    ("les 3/4 des élèves", "3/4", "fraction"),
    ("le 14/07/1789", "date:1789-07-14", "date"),
    ("le 14 juillet 1789", "date:1789-07-14", "date"),
    ("au XIXe siècle", "19", "roman"),
    ("Louis XIV régna", "14", "roman"),
    ("trois enfants", "3", "word"),
    ("3,50 euros", "3.5", "number"),
])
def test_numbers_are_found_with_their_value(text, value, kind):
    found = mentions(text, "fr")
    assert [(m.value, m.kind) for m in found] == [(value, kind)]


def test_reformatting_keeps_values():
    assert values("Le 14/07/1789, 1250000 personnes, XIXe siècle", "fr") == values(
        "Le 14 juillet 1789, 1 250 000 personnes, 19e siècle", "fr")


def test_words_that_look_like_roman_numerals_are_not_numbers():
    assert mentions("Le CV et le CD de Ce Me Le", "fr") == []


def test_a_number_written_in_words_has_the_same_value_as_in_digits():
    assert values("Le cœur a 12 cavités", "fr") - values("Le cœur a 4 cavités", "fr") == {"12"}
    assert values("Le cœur a 4 cavités", "fr") == values("Le cœur a quatre cavités", "fr")


@pytest.mark.parametrize("text, value", [
    ("The city has 1,250,000 people.", "1250000"),
    ("About 12,500 students", "12500"),
    ("It costs 12,500.75 dollars", "12500.75"),
    ("It costs 3,5 dollars", "3.5"),  # not groups of three: a decimal comma, as written
])
def test_english_commas_group_thousands(text, value):
    assert [m.value for m in mentions(text, "en")] == [value]


def test_a_french_comma_is_always_a_decimal_comma():
    assert [m.value for m in mentions("12,500 kg et 1,000 litre", "fr")] == ["12.5", "1"]
