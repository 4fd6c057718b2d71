import re
from functools import cache

from ...language.data import entries
from ..rule import Rule, correct, incorrect, register


@cache
def foreign_pattern(lang: str) -> re.Pattern | None:
    table = entries(lang, "foreign.txt")
    if not table:
        return None
    alternatives = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", re.IGNORECASE)


def find_foreign(analysis) -> list[tuple[int, int, tuple[str, ...]]]:
    pattern = foreign_pattern(analysis.lang)
    if pattern is None:
        return []
    table = entries(analysis.lang, "foreign.txt")
    return [(m.start(), m.end(), table[m.group().lower()]) for m in pattern.finditer(analysis.text)]


@register
class ForeignWords(Rule):
    id = "foreign-words"
    impact = "moderate"
    tags = ("mots", "falc")
    help = {"fr": "Évitez les mots latins, les abréviations latines et les mots étrangers (a priori, etc., cf.).",
            "en": "Avoid Latin words, Latin abbreviations and foreign words (e.g., i.e., per se)."}
    examples = [
        incorrect("A priori, cette méthode fonctionne."),
        incorrect("Il existe plusieurs causes : le climat, le sol, etc."),
        correct("Au départ, cette méthode fonctionne."),
        incorrect("Some fruits, e.g. apples, are sweet.", "en"),
        correct("Some fruits, for example apples, are sweet.", "en"),
    ]

    def check(self, analysis, options):
        return [self.finding(analysis, start, end,
                             f"« {analysis.text[start:end]} » est un mot latin ou étranger : écrivez « {plain[0]} ».",
                             f"“{analysis.text[start:end]}” is a Latin or foreign word: write “{plain[0]}”.",
                             plain[0])
                for start, end, plain in find_foreign(analysis)]
