"""Readability: Kandel-Moles for French, Flesch reading ease and Flesch-Kincaid grade for English,
plus mean words per sentence and the share of rare words. Constants live in `lang/*/settings.toml`."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from .data import settings


@dataclass(frozen=True)
class Readability:
    formula: str
    score: float  # higher is easier (0-100 scale for ordinary prose)
    grade: float | None  # US school grade (English only)
    words: int
    sentences: int
    syllables: int
    mean_words_per_sentence: float
    mean_syllables_per_word: float
    rare_word_share: float

    def to_dict(self) -> dict:
        return asdict(self)


def score(lang: str, *, words: int, sentences: int, syllables: int, rare_words: int = 0) -> Readability:
    constants = settings(lang)["readability"]
    asl = words / sentences if sentences else 0.0
    asw = syllables / words if words else 0.0
    value = constants["intercept"] - constants["sentence_weight"] * asl - constants["syllable_weight"] * asw
    grade = None
    if "grade_intercept" in constants:
        grade = round(constants["grade_sentence_weight"] * asl + constants["grade_syllable_weight"] * asw
                      + constants["grade_intercept"], 2)
    return Readability(constants["formula"], round(value, 2) if words else 0.0, grade, words, sentences, syllables,
                       round(asl, 2), round(asw, 3), round(rare_words / words, 3) if words else 0.0)
