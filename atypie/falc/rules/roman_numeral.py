from ..rule import Rule, correct, incorrect, register


@register
class RomanNumeral(Rule):
    id = "roman-numeral"
    impact = "moderate"
    tags = ("nombres", "falc")
    help = {"fr": "Écrivez les nombres en chiffres ordinaires, pas en chiffres romains.",
            "en": "Write numbers with ordinary digits, not Roman numerals."}
    examples = [
        incorrect("Cette ville date du XIXe siècle."),
        correct("Cette ville date du 19e siècle."),
        incorrect("It was built in the XIX century.", "en"),
        correct("It was built in the 19th century.", "en"),
    ]

    def check(self, analysis, options):
        return [self.finding(analysis, n.start, n.end,
                             f"« {n.text} » est en chiffres romains : écrivez « {n.value}{_suffix(n.text, 'fr')} ».",
                             f"“{n.text}” is a Roman numeral: write “{n.value}{_suffix(n.text, 'en')}”.",
                             f"{n.value}{_suffix(n.text, analysis.lang)}")
                for n in analysis.numbers if n.kind == "roman"]


def _suffix(text: str, lang: str) -> str:
    if lang == "en":
        return "th" if text[-1:].islower() else ""
    if text.endswith("er"):
        return "er"
    return "e" if text[-1:].islower() else ""
