import re

from ..rule import Rule, correct, incorrect, register

# Conditional forms, by endings that imperfect forms do not share ("montrait" is imperfect,
# "montrerait" conditional), plus frequent irregular conditionals.
_CONDITIONAL = re.compile(r"\b\w+(?:erai[st]|eraient|erions|eriez|rrai[st]|rraient|drai[st]|draient)\b|"
                          r"\b(?:aurai[st]|auraient|serai[st]|seraient|ferai[st]|feraient|saurai[st]|"
                          r"pourrai[st]|vaudrai[st]|devrai[st]|devraient|faudrait|dirai[st]|diraient)\b",
                          re.IGNORECASE)
# Subjunctive forms that are never indicative, counted after "que".
_SUBJUNCTIVE = re.compile(r"\bqu(?:e|['’])\s*(?:\w+\s+){0,3}?(soi[st]|soient|soyez|soyons|ai[et]s?|aient|ayez|"
                          r"ayons|puisses?|puissent|puissions|fass(?:e|es|ent|ions)|aill(?:e|es|ent)|sach(?:e|ent)|"
                          r"veuill(?:e|ent)|vaille)\b", re.IGNORECASE)
_NOT_CONDITIONAL = {"serais", "serai", "derrière", "premierait"}


@register
class ComplexTense(Rule):
    id = "complex-tense"
    impact = "minor"
    tags = ("verbes", "falc")
    help = {"fr": "Utilisez le présent ou le passé composé ; évitez le conditionnel et le subjonctif.",
            "en": "Use simple tenses."}
    languages = ("fr",)
    examples = [
        incorrect("Il faut que vous [soyez] attentifs."),
        incorrect("Il [faudrait] partir plus tôt."),
        incorrect("Je [voudrais] un café."),
        correct("Soyez attentifs. Le train montrait le chemin. Le roi a signé le traité."),
    ]

    def check(self, analysis, options):
        found = []
        for match in _CONDITIONAL.finditer(analysis.text):
            if match.group().lower() not in _NOT_CONDITIONAL:
                found.append(self._found(analysis, match.start(), match.end(), "conditionnel"))
        for match in _SUBJUNCTIVE.finditer(analysis.text):
            found.append(self._found(analysis, match.start(1), match.end(1), "subjonctif"))
        return sorted(found, key=lambda f: f.start)

    def _found(self, analysis, start, end, mood):
        word = analysis.text[start:end]
        return self.finding(analysis, start, end, f"« {word} » est au {mood} : préférez le présent.",
                            f"“{word}” is in the {'conditional' if mood == 'conditionnel' else 'subjunctive'}: "
                            "prefer the present tense.")
