import re

from ..rule import Rule, correct, incorrect, register

_EN_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?(\w+(?:ed|en)|made|done|seen|known|"
                         r"found|given|taken|built|held|shown|told|left|kept|brought|thought|taught|sold|paid)\b",
                         re.IGNORECASE)


@register
class PassiveVoice(Rule):
    id = "passive-voice"
    impact = "moderate"
    tags = ("phrase", "falc")
    help = {"fr": "Préférez la voix active : dites qui fait l'action (« Le médecin soigne le malade »).",
            "en": "Prefer the active voice: say who does the action (“The doctor treats the patient”)."}
    examples = [
        incorrect("Le malade est soigné par le médecin."),
        correct("Le médecin soigne le malade."),
        incorrect("The patient was treated by the doctor.", "en"),
        correct("The doctor treated the patient.", "en"),
    ]

    def check(self, analysis, options):
        if analysis.lang == "en":  # a pattern, not a parse: "is interested" is not passive, a person decides
            return [self._found(analysis, m.start(), m.end(), review=True) for m in _EN_PASSIVE.finditer(analysis.text)]
        found = []
        for token in analysis.doc:
            if token.dep_ == "aux:pass" and token.head.pos_ == "VERB":
                start, verb = min(token.idx, token.head.idx), token.head
                found.append(self._found(analysis, start, verb.idx + len(verb.text)))
        return found

    def _found(self, analysis, start, end, review=False):
        return self.finding(analysis, start, end,
                            f"« {analysis.text[start:end]} » est à la voix passive : dites qui fait l'action.",
                            f"“{analysis.text[start:end]}” is in the passive voice: say who does the action.",
                            review=review)
