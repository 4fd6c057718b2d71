import re

from ...language.data import plain_definitions
from ..rule import Rule, correct, incorrect, register

# A word counts as explained when the text defines it right there.
_DEFINED_AFTER = r"\s*(?:\(|,\s*(?:c'est-à-dire|c’est-à-dire|soit|autrement dit|i\.e\.|that is|which means)|:|—|–)"
_DEFINED_BEFORE = r"(?:appel[ée]e?s?|nomm[ée]e?s?|dit[e]?s?|called|known as|named)\s+(?:«\s*)?$"


def explained_in_text(analysis, start: int, end: int) -> bool:
    after = analysis.text[end:end + 40]
    before = analysis.text[max(0, start - 30):start]
    return bool(re.match(_DEFINED_AFTER, after, re.IGNORECASE) or re.search(_DEFINED_BEFORE, before, re.IGNORECASE))


@register
class RareWord(Rule):
    id = "rare-word"
    impact = "serious"
    tags = ("mots", "falc", "glossaire")
    help = {"fr": "Utilisez des mots courants. Un mot rare doit être expliqué (dans le texte ou le glossaire).",
            "en": "Use everyday words. A rare word must be explained (in the text or the glossary)."}
    examples = [
        incorrect("La [photosynthèse] nourrit la plante.",
                  suggestion="fabrication de sucre par les plantes grâce à la lumière du soleil"),
        incorrect("Le médecin soigne la [tachycardie].", suggestion="cœur qui bat trop vite"),
        correct("La photosynthèse (fabrication de sucre grâce à la lumière) nourrit la plante."),
        correct("La plante fabrique du sucre avec la lumière."),
        incorrect("The [chloroplast] is green.", "en"),
        incorrect("The doctor treats the [tachycardia].", "en"),
        correct("The leaf is green.", "en"),
    ]

    def check(self, analysis, options):
        glossary = plain_definitions(analysis.lang)
        found, seen = [], set()
        for word in analysis.rare_words:
            if word.lemma in seen:
                continue
            seen.add(word.lemma)
            if explained_in_text(analysis, word.start, word.end):
                continue
            definition = glossary.get(word.lemma) or glossary.get(word.text.lower())
            found.append(self.finding(
                analysis, word.start, word.end,
                f"« {word.text} » est un mot rare : remplacez-le ou expliquez-le.",
                f"“{word.text}” is a rare word: replace or explain it.",
                definition[0] if definition else None))
        return found
