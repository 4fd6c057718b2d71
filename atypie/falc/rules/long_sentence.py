from ..rule import Rule, correct, incorrect, register


@register
class LongSentence(Rule):
    id = "long-sentence"
    impact = "serious"
    tags = ("phrase", "falc", "inclusion-europe")
    help = {"fr": "Écrivez des phrases courtes : une phrase ne dépasse pas {max_words} mots.",
            "en": "Write short sentences: no more than {max_words} words in a sentence."}
    options = {"max_words": 15}
    examples = [
        incorrect("[La cellule, qui est l'unité de base du vivant, contient un noyau dans lequel se trouve l'ADN "
                  "qui porte l'information génétique transmise de génération en génération.]"),
        incorrect("Le climat change. [Les scientifiques observent depuis plus de cent ans une hausse lente mais "
                  "régulière de la température moyenne sur toute la planète.]"),
        correct("La cellule est l'unité de base du vivant. Elle contient un noyau."),
        incorrect("[The cell, which is the basic unit of life, contains a nucleus in which we find the DNA that "
                  "carries the genetic information passed on from one generation to the next.]", "en"),
        incorrect("The climate changes. [Scientists have observed for more than a hundred years a slow but steady "
                  "rise of the mean temperature all over the planet.]", "en"),
        correct("The cell is the basic unit of life. It has a nucleus.", "en"),
    ]

    def check(self, analysis, options):
        limit = options["max_words"]
        found = []
        for sentence in analysis.sentences:
            count = len(analysis.words(sentence))
            if count > limit:
                found.append(self.finding(
                    analysis, sentence.start_char, sentence.end_char,
                    f"Phrase de {count} mots (maximum {limit}). Coupez-la en phrases plus courtes.",
                    f"Sentence of {count} words (at most {limit}). Split it into shorter sentences."))
        return found
