import re

from ..rule import Rule, correct, incorrect, register

_ENUMERATION = {  # the last item after « et » or « ou », or the list left open by « etc. » (« a, b, c, etc. »)
    "fr": re.compile(r"(?P<intro>[^.:;\n]*):\s*(?P<items>[^.:;\n]+?,[^.:;\n]+?(?:,[^.:;\n]+?)*(?:\s(?:et|ou)\s[^.:;\n]+|"
                     r",\s*etc(?=[.;]|$)))"),
    "en": re.compile(r"(?P<intro>[^.:;\n]*):\s*(?P<items>[^.:;\n]+?,[^.:;\n]+?(?:,[^.:;\n]+?)*(?:,?\s(?:and|or)\s"
                     r"[^.:;\n]+|,\s*etc(?=[.;]|$)))"),
}
OPEN_END = "etc"  # the last item of a list that « etc. » leaves open

_STRETCH_END = re.compile(r"[.;]")


def find_enumerations(text: str, lang: str) -> list[tuple[int, int, str, list[str]]]:
    """(start, end, introduction, items) for each "intro: a, b and c" in the text."""
    found = []
    if ":" not in text or "," not in text:
        return found
    for match in _matches(text, lang):
        last_joiner = r",?\s(?:et|ou)\s" if lang == "fr" else r",?\s(?:and|or)\s"
        if match.group("items").endswith(OPEN_END):
            head, tail = match.group("items")[:-len(OPEN_END)].rstrip(" ,"), OPEN_END
        else:
            head, _, tail = match.group("items").rpartition(re.findall(last_joiner, match.group("items"))[-1])
        items = [item.strip() for item in head.split(",") if item.strip()] + [tail.strip()]
        if len(items) >= 3 and all(len(item.split()) <= 12 for item in items):
            found.append((match.start("items"), match.end("items"), match.group("intro").strip(), items))
    return found


def _matches(text: str, lang: str):
    """The pattern's matches, as `finditer` finds them, but tried once per colon: an introduction runs from the
    last « . », « ; », line break or colon to the colon, and every start inside it would try the same items.
    No match crosses « . » or « ; », so only the stretches between them that hold a colon and a comma are
    searched."""
    pattern = _ENUMERATION[lang]
    start = 0
    for stop in [m.start() for m in _STRETCH_END.finditer(text)] + [len(text)]:
        stretch = text[start:stop]
        if ":" in stretch and "," in stretch:
            position = start
            for colon in (start + k for k, char in enumerate(stretch) if char == ":"):
                if colon < position:
                    continue
                match = pattern.match(text, max(position, text.rfind("\n", position, colon) + 1), stop)
                if match is not None:
                    yield match
                    position = match.end()
                else:
                    position = colon + 1
        start = stop + 1


@register
class InlineEnumeration(Rule):
    id = "inline-enumeration"
    impact = "moderate"
    tags = ("structure", "falc")
    help = {"fr": "Une énumération de 3 éléments ou plus s'écrit sous forme de liste à puces.",
            "en": "A list of 3 items or more is written as a bulleted list."}
    examples = [
        incorrect("Il y a trois états de l'eau : [le solide, le liquide et le gaz].",
                  suggestion="- le solide\n- le liquide\n- le gaz"),
        incorrect("Apportez : [un stylo, une règle, une gomme, etc.]",
                  suggestion="- un stylo\n- une règle\n- une gomme\n- etc."),
        correct("Il y a trois états de l'eau :\n- le solide,\n- le liquide,\n- le gaz."),
        incorrect("There are three states: [solid, liquid and gas].", "en", suggestion="- solid\n- liquid\n- gas"),
        incorrect("You need: [a pen, a ruler, an eraser, etc.]", "en",
                  suggestion="- a pen\n- a ruler\n- an eraser\n- etc."),
        correct("There are three states:\n- solid,\n- liquid,\n- gas.", "en"),
    ]

    def check(self, analysis, options):
        found = []
        for start, end, _intro, items in find_enumerations(analysis.text, analysis.lang):
            if items[-1] == OPEN_END and analysis.text[end:end + 1] == ".":  # « etc. » with its point
                end, items = end + 1, [*items[:-1], OPEN_END + "."]
            found.append(self.finding(analysis, start, end,
                                      f"Énumération de {len(items)} éléments : faites une liste.",
                                      f"List of {len(items)} items in a sentence: make a bulleted list.",
                                      "\n".join(f"- {item}" for item in items)))
        return found
