import re

from ..rule import Rule, correct, incorrect, register

# the whole verb form, auxiliaries included: "has been written", "will be sold"
_EN_PASSIVE = re.compile(r"\b(?:(?:has|have|had)\s+been|(?:will|would|shall|should|can|could|may|might|must)\s+be|"
                         r"is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?(\w+(?:ed|en)|made|done|seen|known|"
                         r"found|given|taken|built|held|shown|told|left|kept|brought|thought|taught|sold|paid)\b",
                         re.IGNORECASE)


@register
class PassiveVoice(Rule):
    id = "passive-voice"
    impact = "moderate"
    tags = ("phrase", "falc")
    help = {"fr": "Préférez la voix active : dites qui fait l'action (« Le médecin soigne le malade »).",
            "en": "Prefer the active voice: say who does the action (“The doctor treats the patient”)."}
    needs = {"fr": ("tags", "parse")}  # English: a pattern, no parse
    examples = [
        incorrect("Le malade [est soigné] par le médecin."),
        incorrect("Le malade [a été soigné] par le médecin."),
        incorrect("La loi [sera votée] demain."),
        correct("Le médecin soigne le malade."),
        incorrect("The patient [was treated] by the doctor.", "en"),
        incorrect("The letter [has been written] by Mary.", "en"),
        correct("The doctor treated the patient.", "en"),
    ]

    def check(self, analysis, options):
        if analysis.lang == "en":  # a pattern, not a parse: "is interested" is not passive, a person decides
            return [self._found(analysis, m.start(), m.end(), review=True) for m in _EN_PASSIVE.finditer(analysis.text)]
        found = []
        for token in analysis.doc:
            if token.dep_ == "aux:pass" and token.head.pos_ == "VERB":
                verb = token.head  # from its first auxiliary: « a été soigné », not « été soigné »
                start = min(t.idx for t in (token, *verb.children) if t.dep_.startswith("aux") and t.i < verb.i)
                found.append(self._found(analysis, start, verb.idx + len(verb.text)))
        return found

    def _found(self, analysis, start, end, review=False):
        return self.finding(analysis, start, end,
                            f"« {analysis.text[start:end]} » est à la voix passive : dites qui fait l'action.",
                            f"“{analysis.text[start:end]}” is in the passive voice: say who does the action.",
                            review=review)
