import re

from ..rule import Rule, correct, incorrect, register

_RUN = re.compile(r"\b[A-ZÀ-ÖØ-Þ]{2,}(?:[\s'’,-]+[A-ZÀ-ÖØ-Þ]{2,}){2,}\b")


@register
class AllCaps(Rule):
    id = "all-caps"
    impact = "moderate"
    tags = ("présentation", "falc", "dyslexie")
    help = {"fr": "N'écrivez pas des mots entiers en majuscules : ils sont plus difficiles à lire.",
            "en": "Do not write whole words in capitals: they are harder to read."}
    examples = [
        incorrect("ATTENTION LES INSCRIPTIONS SONT CLOSES demain."),
        correct("Attention : les inscriptions sont closes demain. L'OMS et l'ONU aident."),
        incorrect("PLEASE READ THIS NOTICE carefully.", "en"),
    ]

    def check(self, analysis, options):
        return [self.finding(analysis, m.start(), m.end(), "Texte en majuscules : écrivez-le en minuscules.",
                             "Text in capitals: write it in lower case.", m.group().capitalize())
                for m in _RUN.finditer(analysis.text)]
