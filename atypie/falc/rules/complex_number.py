import re

from ...language import numbers
from ..rule import Rule, correct, incorrect, register

_PERCENT_SIGN = re.compile(r"[ \u00a0\u202f]?%")


@register
class ComplexNumber(Rule):
    id = "complex-number"
    impact = "moderate"
    tags = ("nombres", "falc", "dyscalculie")
    help = {"fr": "Évitez les grands nombres, les nombres à virgule, les fractions et les pourcentages, "
                  "ou expliquez-les (« environ », « 1 sur 4 »).",
            "en": "Avoid large numbers, decimals, fractions and percentages, or explain them "
                  "(“about”, “1 in 4”)."}
    options = {"large_from": 10000}
    examples = [
        incorrect("La ville compte [1 250 000] habitants."),
        incorrect("Le taux est de [12,5 %]."),
        incorrect("Les [3/4] des élèves réussissent."),
        correct("La ville compte beaucoup d'habitants. 3 écoles ferment."),
        incorrect("The city has [1,250,000] inhabitants.", "en"),
        incorrect("The rate is [12.5%].", "en"),
        incorrect("Only [3/4] of the pupils passed.", "en"),
        correct("There are 3 schools.", "en"),
    ]

    def check(self, analysis, options):
        found = []
        for mention in analysis.numbers:
            problem = _problem(mention, options["large_from"])
            if problem:
                fr, en = problem
                sign = _PERCENT_SIGN.match(analysis.text, mention.end) if mention.kind == "percent" else None
                found.append(self.finding(analysis, mention.start, sign.end() if sign else mention.end, fr, en))
        return found


def _problem(mention: numbers.NumberMention, large_from: int) -> tuple[str, str] | None:
    if mention.kind == "fraction":
        return (f"La fraction « {mention.text} » est difficile : écrivez par exemple « 3 sur 4 ».",
                f"The fraction “{mention.text}” is hard: write for example “3 in 4”.")
    if mention.kind == "percent":
        return (f"Le pourcentage « {mention.text} % » est difficile : ajoutez « 1 sur … ».",
                f"The percentage “{mention.text}%” is hard: add “1 in …”.")
    if mention.kind not in ("number", "word") or mention.value.startswith("date"):
        return None
    if "." in mention.value:
        return (f"Le nombre à virgule « {mention.text} » est difficile : arrondissez avec « environ ».",
                f"The decimal “{mention.text}” is hard: round it with “about”.")
    if float(mention.value) >= large_from and not (1000 <= float(mention.value) <= 2100 and len(mention.text) == 4):
        return (f"Le grand nombre « {mention.text} » est difficile : arrondissez ou comparez.",
                f"The large number “{mention.text}” is hard: round it or compare it.")
    return None
