from ...language.data import entries
from ..rule import Rule, correct, incorrect, register


def written_date(value: str, lang: str) -> str:
    """"date:1789-07-14" → "14 juillet 1789" (or "14 July 1789")."""
    year, month, day = (int(part) for part in value.removeprefix("date:").split("-"))
    names = {int(number[0]): name for name, number in entries(lang, "months.txt").items()}
    month_name = names[month] if lang == "fr" else names[month].capitalize()
    first = "1er" if lang == "fr" and day == 1 else str(day)
    return f"{first} {month_name} {year}"


@register
class NumericDate(Rule):
    id = "numeric-date"
    impact = "moderate"
    tags = ("nombres", "dates", "falc")
    help = {"fr": "Écrivez les dates en toutes lettres : « 14 juillet 1789 », pas « 14/07/1789 ».",
            "en": "Write dates in words: “14 July 1789”, not “14/07/1789”."}
    examples = [
        incorrect("La Bastille est prise le [14/07/1789].", suggestion="14 juillet 1789"),
        incorrect("Le cours commence le [01/09/2025] à 9 heures.", suggestion="1er septembre 2025"),
        correct("La Bastille est prise le 14 juillet 1789."),
        incorrect("The exam is on [12/05/2025].", "en", suggestion="12 May 2025"),
        incorrect("Classes start on [9/3/2025].", "en", suggestion="9 March 2025"),
        correct("The exam is on 12 May 2025.", "en"),
    ]

    def check(self, analysis, options):
        found = []
        for n in analysis.numbers:
            if n.kind == "date" and not any(ch.isalpha() for ch in n.text):
                plain = written_date(n.value, analysis.lang)
                found.append(self.finding(analysis, n.start, n.end, f"Date en chiffres : écrivez « {plain} ».",
                                          f"Date in digits: write “{plain}”.", plain))
        return found
