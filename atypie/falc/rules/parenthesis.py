import re

from ..rule import Rule, correct, incorrect, register

_PARENTHESIS = re.compile(r"\(([^()]{1,400})\)")


@register
class Parenthesis(Rule):
    id = "parenthesis"
    impact = "minor"
    tags = ("phrase", "falc")
    help = {"fr": "Évitez les parenthèses : mettez l'information dans une phrase à part.",
            "en": "Avoid brackets: put the information in a sentence of its own."}
    options = {"min_words": 3}
    examples = [
        incorrect("Le cœur [(un muscle très puissant qui bat sans arrêt)] pompe le sang."),
        incorrect("La Révolution [(qui commence en 1789 à Paris)] change la France."),
        correct("Le cœur pompe le sang. C'est un muscle très puissant."),
        correct("L'Organisation mondiale de la santé (OMS) donne des conseils."),
        incorrect("The heart [(a very strong muscle that never stops)] pumps blood.", "en"),
        incorrect("The river [(which is the longest in the country)] floods every spring.", "en"),
        correct("The World Health Organization (WHO) gives advice.", "en"),
    ]

    def check(self, analysis, options):
        found = []
        for match in _PARENTHESIS.finditer(analysis.text):
            if len(re.findall(r"\w+", match.group(1))) < options["min_words"]:
                continue  # "(OMS)", "(1789)": short labels are fine
            found.append(self.finding(
                analysis, match.start(), match.end(),
                "Information entre parenthèses : mettez-la dans une phrase à part.",
                "Information in brackets: put it in a sentence of its own."))
        return found
