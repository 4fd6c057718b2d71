from ...language.data import plain_definitions
from ..rule import Rule, correct, incorrect, register


@register
class UnexplainedAcronym(Rule):
    id = "unexplained-acronym"
    impact = "serious"
    tags = ("mots", "sigles", "falc")
    help = {"fr": "Écrivez un sigle en entier la première fois, avec le sigle entre parenthèses.",
            "en": "Spell out an acronym the first time, with the acronym in brackets."}
    examples = [
        incorrect("Le [PIB] de la France augmente."),
        incorrect("La [SNCF] annonce une grève."),
        correct("Le produit intérieur brut (PIB) de la France augmente. Le PIB mesure la richesse."),
        incorrect("The [WHO] gives advice.", "en"),
        incorrect("The [NHS] needs more nurses.", "en"),
        correct("The World Health Organization (WHO) gives advice.", "en"),
    ]

    def check(self, analysis, options):
        glossary = plain_definitions(analysis.lang)
        found, seen = [], set()
        for acronym in analysis.acronyms:
            if acronym.expansion or acronym.text in seen:
                continue
            seen.add(acronym.text)
            known = glossary.get(acronym.text.lower())
            found.append(self.finding(
                analysis, acronym.start, acronym.end,
                f"Le sigle « {acronym.text} » n'est pas expliqué : écrivez-le en entier la première fois.",
                f"The acronym “{acronym.text}” is not explained: spell it out the first time.",
                known[0] if known else None))
        return found
