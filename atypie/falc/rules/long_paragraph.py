import re

from ..rule import Rule, correct, incorrect, register


def is_heading(line: str) -> bool:
    """A Markdown heading, or a short line without final punctuation."""
    line = line.strip()
    return line.startswith("#") or (0 < len(line.split()) <= 10 and not re.search(r"[.!?;:,]$", line))


@register
class LongParagraph(Rule):
    id = "long-paragraph"
    impact = "moderate"
    tags = ("structure", "falc", "tdah")
    help = {"fr": "Découpez le texte en parties courtes (au plus {max_words} mots), chacune avec un titre.",
            "en": "Split the text into short parts (at most {max_words} words), each with a heading."}
    options = {"max_words": 120}
    examples = [
        incorrect("[" + " ".join(["Le climat change vite sur toute la planète depuis un siècle."] * 14) + "]"),
        incorrect("# Le climat\n\nLe climat change.\n\n["
                  + " ".join(["La mer monte et la glace fond chaque année."] * 15) + "]"),
        correct("# Le climat\n\n" + " ".join(["Le climat change vite."] * 5)),
        incorrect("[" + " ".join(["The climate is changing fast all over the planet."] * 14) + "]", "en"),
        incorrect("# Climate\n\nThe climate changes.\n\n["
                  + " ".join(["The sea rises and the ice melts every year."] * 15) + "]", "en"),
        correct("# Climate\n\n" + " ".join(["The climate changes fast."] * 5), "en"),
    ]

    def check(self, analysis, options):
        found, limit = [], options["max_words"]
        for start, end in analysis.paragraphs:
            block = analysis.text[start:end]
            lines = block.splitlines()
            body = "\n".join(lines[1:]) if lines and is_heading(lines[0]) else block
            count = len(re.findall(r"\w+", body))
            if count > limit:
                found.append(self.finding(
                    analysis, start, end,
                    f"Partie de {count} mots (maximum {limit}) : coupez-la et donnez un titre à chaque partie.",
                    f"Part of {count} words (at most {limit}): split it and give each part a heading."))
        return found
