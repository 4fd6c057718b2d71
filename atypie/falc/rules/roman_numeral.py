import re

from ..rule import Rule, correct, incorrect, register

_CENTURY = re.compile(r"\s+(?:siècles?|century|centuries)\b", re.IGNORECASE)


@register
class RomanNumeral(Rule):
    id = "roman-numeral"
    impact = "moderate"
    tags = ("nombres", "falc")
    help = {"fr": "Écrivez les nombres en chiffres ordinaires, pas en chiffres romains.",
            "en": "Write numbers with ordinary digits, not Roman numerals."}
    examples = [
        incorrect("Cette ville date du [XIXe] siècle.", suggestion="19e"),
        incorrect("Le roi Louis [XIV] aime la danse.", suggestion="14"),
        correct("Cette ville date du 19e siècle."),
        incorrect("It was built in the [XIX] century.", "en", suggestion="19th"),
        incorrect("Read chapter [IV] first.", "en", suggestion="4"),
        correct("It was built in the 19th century.", "en"),
    ]

    def check(self, analysis, options):
        found = []
        for n in analysis.numbers:
            if n.kind == "roman":
                plain = _plain(n, analysis.text, analysis.lang)
                found.append(self.finding(analysis, n.start, n.end,
                                          f"« {n.text} » est en chiffres romains : écrivez « {plain} ».",
                                          f"“{n.text}” is a Roman numeral: write “{plain}”.", plain))
        return found


def _plain(n, text: str, lang: str) -> str:
    """The number in digits, as an ordinal when the numeral is one: « XIXe » → « 19e », "XXI century" → "21st"."""
    if not (n.text[-1:].islower() or _CENTURY.match(text, n.end)):
        return n.value  # « Louis XIV », « chapitre IV »
    number = int(n.value)
    if lang == "en":
        return n.value + ("th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th"))
    return n.value + (("re" if n.text.endswith("re") else "er") if number == 1 else "e")
