import re

from ..rule import Rule, correct, incorrect, register
from .foreign_words import sentence_start

_RUN = re.compile(r"\b[A-ZÀ-ÖØ-Þ]{2,}(?:[\s'’,-]+[A-ZÀ-ÖØ-Þ]{2,}){2,}\b")


@register
class AllCaps(Rule):
    id = "all-caps"
    impact = "moderate"
    tags = ("présentation", "falc", "dyslexie")
    help = {"fr": "N'écrivez pas des mots entiers en majuscules : ils sont plus difficiles à lire.",
            "en": "Do not write whole words in capitals: they are harder to read."}
    examples = [
        incorrect("[ATTENTION LES INSCRIPTIONS SONT CLOSES] demain.",
                  suggestion="Attention les inscriptions sont closes"),
        incorrect("Les inscriptions [SONT CLOSES DEMAIN SOIR].", suggestion="sont closes demain soir"),
        correct("Attention : les inscriptions sont closes demain. L'OMS et l'ONU aident."),
        incorrect("[PLEASE READ THIS NOTICE] carefully.", "en", suggestion="Please read this notice"),
        incorrect("The office is [CLOSED FOR THE HOLIDAYS] now.", "en", suggestion="closed for the holidays"),
        correct("The office is closed for the holidays. The UN and the WHO help.", "en"),
    ]

    def check(self, analysis, options):
        return [self.finding(analysis, m.start(), m.end(), "Texte en majuscules : écrivez-le en minuscules.",
                             "Text in capitals: write it in lower case.",
                             m.group().capitalize() if sentence_start(analysis.text, m.start()) else m.group().lower())
                for m in _RUN.finditer(analysis.text)]
