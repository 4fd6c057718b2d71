import re

from ...language.data import entries
from ..rule import Rule, as_written, correct, incorrect, register


@register
class InconsistentNaming(Rule):
    id = "inconsistent-naming"
    impact = "moderate"
    tags = ("mots", "cohérence", "falc", "tsa")
    help = {"fr": "Appelez toujours une même chose par le même mot.",
            "en": "Always call the same thing by the same word."}
    examples = [
        incorrect("Les étudiants arrivent à 8 heures. Ensuite, les [élèves] vont en cours.", suggestion="étudiants"),
        incorrect("Le médecin arrive. Le [docteur] examine le malade.", suggestion="médecin"),
        correct("Les étudiants arrivent à 8 heures. Ensuite, les étudiants vont en cours."),
        incorrect("The pupils arrive at 8. Then the [students] go to class.", "en", suggestion="pupils"),
        incorrect("The teacher is here. The [tutor] gives the lesson.", "en", suggestion="teacher"),
        correct("The teacher is here. The teacher gives the lesson.", "en"),
    ]

    def check(self, analysis, options):
        groups = entries(analysis.lang, "synonyms.txt")
        used: dict[str, list[tuple[str, int, int]]] = {}
        words = (analysis.doc if analysis.tagged else [])
        if analysis.tagged:
            forms = [((t.lemma_ or t.text).lower(), t.idx, t.idx + len(t.text)) for t in words if t.is_alpha]
        else:
            forms = [(m.group().lower().rstrip("s"), m.start(), m.end())
                     for m in re.finditer(r"[A-Za-z]+", analysis.text)]
        members = {word: key for key, synonyms in groups.items() for word in (key, *synonyms)}
        for lemma, start, end in forms:
            if lemma in members:
                used.setdefault(members[lemma], []).append((lemma, start, end))
        found = []
        for mentions in used.values():
            names = list(dict.fromkeys(m[0] for m in mentions))
            if len(names) > 1:
                second = next(m for m in mentions if m[0] != mentions[0][0])
                found.append(self.finding(
                    analysis, second[1], second[2],
                    f"La même chose est appelée de plusieurs façons ({', '.join(names)}) : gardez un seul mot.",
                    f"The same thing has several names ({', '.join(names)}): keep one word.",
                    _first_name(analysis.text, mentions, analysis.text[second[1]:second[2]]),
                    review=True))  # synonyms may name different things on purpose: a person decides
        return found


def _first_name(text: str, mentions: list[tuple[str, int, int]], written: str) -> str:
    """The first name, as the text writes it where its number is that of `written` (« élèves » → « étudiants »),
    else as the lemma."""
    forms = [text[start:end].lower() for lemma, start, end in mentions if lemma == mentions[0][0]]
    plural = written[-1:] in "sx"
    return as_written(next((form for form in forms if (form[-1:] in "sx") == plural), mentions[0][0]), written)
