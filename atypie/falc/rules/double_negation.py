import re

from ..rule import Rule, correct, incorrect, register

_PATTERNS = {
    "fr": re.compile(r"\b(?:n['’]\s*\w+|ne\s+\w+)\s+(?:pas|jamais|plus)\s+(?:\w+\s+)?(?:sans|in\w{3,}|im\w{3,}|"
                     r"ir\w{3,}|il\w{3,}|impossible|rare|faux|inutile|négligeable)\b|\b(?:pas|non|jamais)\s+sans\b|"
                     r"\bne\s+\w+\s+pas\s+non\s+plus\b|\bni\b[^.]{0,60}\bni\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:not|never|n't)\s+(?:\w+\s+)?(?:un\w{3,}|in\w{3,}|im\w{3,}|without|impossible|"
                     r"rare|false|useless)\b|\bneither\b[^.]{0,60}\bnor\b", re.IGNORECASE),
}
# Words starting with "in", "im", … that are not negative.
_NOT_NEGATIVE = {"information", "informations", "important", "importante", "importants", "intéressant", "intérieur",
                 "installé", "installée", "inscrit", "inscrite", "inclus", "incluse", "indiqué", "indiquée", "inventé",
                 "imposé", "imposée", "imprimé", "illustré", "illustrée", "into", "under", "understood", "interesting",
                 "included", "involved", "intended", "impressed", "immediately", "invented", "informed",
                 "intervenu", "interprété", "interprétée", "individuel", "industriel", "initial", "influencé",
                 "utile", "until", "unit", "united", "unique"}


@register
class DoubleNegation(Rule):
    id = "double-negation"
    impact = "serious"
    tags = ("phrase", "négation", "falc")
    help = {"fr": "Évitez les doubles négations et les négations piégeuses : écrivez la phrase à la forme positive.",
            "en": "Avoid double and tricky negations: write the sentence in the positive form."}
    examples = [
        incorrect("Il [n'est pas impossible] que la pluie tombe."),
        incorrect("Ce [n'est pas sans] risque."),
        correct("La pluie peut tomber."),
        correct("Ce médicament est important."),
        incorrect("This is [not unusual].", "en"),
        incorrect("It is [not impossible] that it rains.", "en"),
        correct("This is usual.", "en"),
    ]

    def check(self, analysis, options):
        found = []
        for match in _PATTERNS[analysis.lang].finditer(analysis.text):
            last = re.findall(r"\w+", match.group())[-1].lower()
            if last in _NOT_NEGATIVE:
                continue
            found.append(self.finding(
                analysis, match.start(), match.end(),
                f"« {match.group()} » est une négation difficile : écrivez la forme positive.",
                f"“{match.group()}” is a tricky negation: write the positive form."))
        return found
