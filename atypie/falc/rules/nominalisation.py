import re

from ..rule import Rule, correct, incorrect, register

_SUFFIXES = re.compile(r"(?:tion|sion|ment|age|ance|ence|ité|isme|ure)s?$")
_CONCRETE = {"fromage", "visage", "village", "plage", "image", "page", "nuage", "voyage", "étage", "garage",
             "moment", "vêtement", "appartement", "bâtiment", "aliment", "monument", "instrument", "médicament",
             "élément", "document", "gouvernement", "département", "segment", "ciment", "nature", "voiture",
             "figure", "culture", "structure", "mesure", "heure", "fracture", "ville", "université", "communauté",
             "cité", "station", "nation", "région", "question", "section", "population", "fonction", "équation",
             "mission", "commission", "maison", "raison", "saison", "enfance", "distance", "science", "France"}


@register
class Nominalisation(Rule):
    id = "nominalisation"
    impact = "minor"
    tags = ("mots", "style", "falc")
    help = {"fr": "Préférez les verbes aux noms abstraits (« la réalisation de » → « réaliser »).",
            "en": "Prefer verbs to abstract nouns."}
    options = {"max_per_sentence": 2}
    languages = ("fr",)
    needs = ("tags",)
    examples = [
        incorrect("[La réalisation de l'évaluation nécessite la mobilisation des connaissances.]"),
        incorrect("Lisez ce texte. [L'amélioration de la compréhension passe par la simplification du "
                  "vocabulaire.]"),
        correct("Pour évaluer, on utilise ce que l'on sait."),
    ]

    def check(self, analysis, options):
        found = []
        for sentence in analysis.sentences:
            nouns = [t for t in sentence if t.pos_ == "NOUN" and _SUFFIXES.search(t.text.lower())
                     and t.lemma_.lower() not in _CONCRETE and len(t.text) > 5]
            if len(nouns) > options["max_per_sentence"]:
                words = ", ".join(t.text for t in nouns)
                found.append(self.finding(
                    analysis, sentence.start_char, sentence.end_char,
                    f"Trop de noms abstraits ({words}) : utilisez des verbes.",
                    f"Too many abstract nouns ({words}): use verbs."))
        return found
