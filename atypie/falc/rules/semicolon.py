from ..rule import Rule, correct, incorrect, register


@register
class Semicolon(Rule):
    id = "semicolon"
    impact = "minor"
    tags = ("ponctuation", "falc")
    help = {"fr": "N'utilisez pas le point-virgule : terminez la phrase par un point.",
            "en": "Do not use semicolons: end the sentence with a full stop."}
    examples = [
        incorrect("Le soleil brille [;] il fait chaud.", suggestion="."),
        incorrect("Il pleut[;] les élèves restent en classe.", suggestion="."),
        correct("Le soleil brille. Il fait chaud."),
        incorrect("The sun shines[;] it is hot.", "en", suggestion="."),
        incorrect("It rains [;] the pupils stay inside.", "en", suggestion="."),
        correct("The sun shines. It is hot.", "en"),
    ]

    def check(self, analysis, options):
        return [self.finding(analysis, i, i + 1, "Point-virgule : remplacez-le par un point.",
                             "Semicolon: replace it with a full stop.", ".")
                for i, ch in enumerate(analysis.text) if ch == ";"]
