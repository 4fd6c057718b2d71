"""One module per rule; importing this package registers them all."""
from . import (abbreviation, all_caps, complex_number, complex_tense, double_negation, foreign_words, idiom,  # noqa: F401
               inconsistent_naming, inline_enumeration, long_paragraph, long_sentence, nominalisation,
               numeric_date, parenthesis, passive_voice, rare_word, roman_numeral, semicolon, several_ideas,
               special_characters, unexplained_acronym)
