from ..rule import Rule, correct, incorrect, register


def finite_verbs(sentence) -> list:
    """Conjugated verbs heading a clause (auxiliaries of another verb are not counted)."""
    verbs = []
    for token in sentence:
        if token.pos_ not in ("VERB", "AUX") or "VerbForm=Fin" not in str(token.morph):
            continue
        if token.pos_ == "AUX" and token.head is not token and token.head.pos_ in ("VERB", "ADJ", "NOUN"):
            if token.dep_.startswith("aux"):
                verbs.append(token.head)
                continue
            verbs.append(token)
            continue
        verbs.append(token)
    return list({v.i: v for v in verbs}.values())


def clause_count(sentence) -> int:
    """Clauses in a sentence: conjugated verbs or subjects, whichever the tagger found more of."""
    subjects = sum(1 for t in sentence if t.dep_.startswith("nsubj"))
    return max(len(finite_verbs(sentence)), subjects)


@register
class SeveralIdeas(Rule):
    id = "several-ideas"
    impact = "moderate"
    tags = ("phrase", "falc")
    help = {"fr": "Une seule idée par phrase : pas plus de {max_clauses} verbes conjugués dans une phrase.",
            "en": "One idea per sentence: no more than {max_clauses} conjugated verbs in a sentence."}
    options = {"max_clauses": 2}
    languages = ("fr",)
    needs = ("tags", "parse")
    examples = [
        incorrect("[Le volcan entre en éruption, la lave coule, les habitants partent et la ville reste vide.]"),
        incorrect("Voici l'histoire. [Il pleut, le vent souffle, les élèves restent en classe et le professeur "
                  "lit.]"),
        correct("Le volcan entre en éruption. La lave coule."),
    ]

    def check(self, analysis, options):
        found = []
        for sentence in analysis.sentences:
            clauses = clause_count(sentence)
            if clauses > options["max_clauses"]:
                found.append(self.finding(
                    analysis, sentence.start_char, sentence.end_char,
                    f"Cette phrase contient {clauses} idées (propositions). Écrivez une idée par phrase.",
                    f"This sentence holds {clauses} ideas (clauses). Write one idea per sentence."))
        return found
