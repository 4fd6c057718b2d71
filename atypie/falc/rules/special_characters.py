import re

from ..rule import Rule, correct, incorrect, register

_SYMBOLS = {"&": ("et", "and"), "§": ("paragraphe", "section"), "→": ("donne", "leads to"),
            "⇒": ("donc", "so"), "≈": ("environ", "about"), "≥": ("au moins", "at least"),
            "≤": ("au plus", "at most"), "±": ("plus ou moins", "plus or minus"), "∆": ("variation", "change"),
            "#": ("numéro", "number"), "@": ("arobase", "at"), "/": ("ou", "or")}
_PATTERN = re.compile(r"(?<![\w/:.])[&§→⇒≈≥≤±∆](?!\w*[/:])|\bet/ou\b|\band/or\b|(?<=[a-zé]{4})/(?=[a-zé]{4})")


@register
class SpecialCharacters(Rule):
    id = "special-characters"
    impact = "minor"
    tags = ("ponctuation", "falc")
    help = {"fr": "Remplacez les symboles (&, §, →, ≈, /) par des mots.",
            "en": "Replace symbols (&, §, →, ≈, /) with words."}
    examples = [
        incorrect("Le prix [≈] 10 euros.", suggestion="environ"),
        incorrect("Les élèves [et/ou] les parents signent.", suggestion="ou"),
        correct("Le prix est d'environ 10 euros. Les 3/4 restent."),
        incorrect("Salt [&] pepper.", "en", suggestion="and"),
        incorrect("Pupils [and/or] parents sign.", "en", suggestion="or"),
        correct("Salt and pepper. Visit https://example.org/page.", "en"),
    ]

    def check(self, analysis, options):
        found = []
        for match in _PATTERN.finditer(analysis.text):
            words = _SYMBOLS.get(match.group()[-1:] if match.group().endswith(("ou", "or")) else match.group(),
                                 ("", ""))
            if match.group() in ("et/ou", "and/or"):
                words = ("ou", "or")
            plain = words[1] if analysis.lang == "en" else words[0]
            found.append(self.finding(analysis, match.start(), match.end(),
                                      f"Le symbole « {match.group()} » : écrivez « {plain} ».",
                                      f"The symbol “{match.group()}”: write “{plain}”.", plain))
        return found
