from ...language.data import find_entries
from ..rule import Rule, as_written, correct, incorrect, register


@register
class Abbreviation(Rule):
    id = "abbreviation"
    impact = "moderate"
    tags = ("mots", "falc")
    help = {"fr": "Écrivez les mots en entier, sans abréviation (« environ », pas « env. »).",
            "en": "Write words in full, without abbreviations (“approximately”, not “approx.”)."}
    examples = [
        incorrect("Le trajet dure [env.] 2 heures.", suggestion="environ"),
        incorrect("Voir [p. ex.] le chapitre 2.", suggestion="par exemple"),
        correct("Le trajet dure environ 2 heures."),
        incorrect("The trip takes [approx.] 2 hours.", "en", suggestion="approximately"),
        incorrect("See [fig.] 3 for the map.", "en", suggestion="figure"),
        correct("See figure 3 for the map.", "en"),
    ]

    def check(self, analysis, options):
        found = []
        for start, end, full in find_entries(analysis.text, analysis.lang, "abbreviations.txt"):
            written = analysis.text[start:end]
            found.append(self.finding(analysis, start, end,
                                      f"« {written} » est une abréviation : écrivez « {full[0]} ».",
                                      f"“{written}” is an abbreviation: write “{full[0]}”.",
                                      as_written(full[0], written)))
        return found
