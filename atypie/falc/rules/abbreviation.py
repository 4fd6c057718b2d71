import re
from functools import cache

from ...language.data import entries
from ..rule import Rule, correct, incorrect, register


@cache
def _pattern(lang: str) -> re.Pattern | None:
    table = entries(lang, "abbreviations.txt")
    if not table:
        return None
    alternatives = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", re.IGNORECASE)


@register
class Abbreviation(Rule):
    id = "abbreviation"
    impact = "moderate"
    tags = ("mots", "falc")
    help = {"fr": "Écrivez les mots en entier, sans abréviation (« environ », pas « env. »).",
            "en": "Write words in full, without abbreviations (“approximately”, not “approx.”)."}
    examples = [
        incorrect("Le trajet dure env. 2 heures."),
        correct("Le trajet dure environ 2 heures."),
        incorrect("The trip takes approx. 2 hours.", "en"),
    ]

    def check(self, analysis, options):
        pattern = _pattern(analysis.lang)
        if pattern is None:
            return []
        table = entries(analysis.lang, "abbreviations.txt")
        return [self.finding(analysis, m.start(), m.end(),
                             f"« {m.group()} » est une abréviation : écrivez « {table[m.group().lower()][0]} ».",
                             f"“{m.group()}” is an abbreviation: write “{table[m.group().lower()][0]}”.",
                             table[m.group().lower()][0])
                for m in pattern.finditer(analysis.text)]
