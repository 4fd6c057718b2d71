import re

from ...language.data import find_entries
from ..rule import Rule, as_written, correct, incorrect, register


def find_foreign(analysis) -> list[tuple[int, int, tuple[str, ...]]]:
    """Latin and foreign words, not inside a name: « éditée par Focus Home Interactive » keeps « Focus »."""
    text = analysis.text
    return [(start, end, plain) for start, end, plain in find_entries(text, analysis.lang, "foreign.txt")
            if not (text[start:start + 1].isupper() and not sentence_start(text, start)
                    and _next_is_capital(text, end))]


_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_])")


def _next_is_capital(text: str, end: int) -> bool:
    found = _NEXT_WORD.match(text, end)
    return found is not None and found.group(1).isupper()


def sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:\n«\"("


@register
class ForeignWords(Rule):
    id = "foreign-words"
    impact = "moderate"
    tags = ("mots", "falc")
    help = {"fr": "Évitez les mots latins, les abréviations latines et les mots étrangers (a priori, etc., cf.).",
            "en": "Avoid Latin words, Latin abbreviations and foreign words (e.g., i.e., per se)."}
    examples = [
        incorrect("[A priori], cette méthode fonctionne.", suggestion="Au départ"),
        incorrect("Il existe plusieurs causes : le climat, le sol, [etc.]", suggestion="et d'autres choses"),
        correct("Au départ, cette méthode fonctionne."),
        incorrect("Some fruits, [e.g.] apples, are sweet.", "en", suggestion="for example"),
        incorrect("Smith [et al.] wrote the book.", "en", suggestion="and others"),
        correct("Some fruits, for example apples, are sweet.", "en"),
    ]

    def check(self, analysis, options):
        return [self.finding(analysis, start, end,
                             f"« {analysis.text[start:end]} » est un mot latin ou étranger : écrivez « {plain[0]} ».",
                             f"“{analysis.text[start:end]}” is a Latin or foreign word: write “{plain[0]}”.",
                             as_written(plain[0], analysis.text[start:end]))
                for start, end, plain in find_foreign(analysis)]
