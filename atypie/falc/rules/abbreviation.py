from ...language.data import find_entries
from ..rule import Rule, correct, incorrect, register


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
        return [self.finding(analysis, start, end,
                             f"« {analysis.text[start:end]} » est une abréviation : écrivez « {full[0]} ».",
                             f"“{analysis.text[start:end]}” is an abbreviation: write “{full[0]}”.", full[0])
                for start, end, full in find_entries(analysis.text, analysis.lang, "abbreviations.txt")]
