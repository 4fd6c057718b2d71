from ...language.data import find_entries
from ..rule import Rule, correct, incorrect, register


def find_foreign(analysis) -> list[tuple[int, int, tuple[str, ...]]]:
    return find_entries(analysis.text, analysis.lang, "foreign.txt")


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
