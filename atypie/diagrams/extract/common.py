"""Helpers shared by the extraction strategies: marker lists, notions of a sentence, English chunks."""

from __future__ import annotations

import re
from functools import cache

from ...adapters import lexicon
from ...language.data import toml_table, words
from ..labels import tidy
from ..model import GraphBuilder

LEADING = re.compile(
    r"^(?:(?:les|le|la|des|du|de la|une|un|the|an|a|et|and|ou|or)\s+|(?:de l|l|d)['’]\s*)+", re.IGNORECASE
)

LIST_SPLIT = re.compile(r"\s*(?:,|;|\bet\b|\bou\b|\band\b|\bor\b)\s*", re.IGNORECASE)

MARKDOWN_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")

HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def markers(lang: str) -> dict:
    return toml_table(lang, "diagram.toml")


def count(text: str, words: list[str]) -> int:
    """Uses of the markers in `text`, as whole words, after an elided word too (« l'entraîne », « l'effet »); a
    marker that ends on an elision (« puisqu' ») is followed by its word. Typographic apostrophes count as straight
    ones."""
    text = text.replace("’", "'")
    return sum(len(_marker_pattern(word).findall(text)) for word in words if word in text)  # the test in `text`
    # first: most markers are absent, and a pattern that opens on a look-behind scans every position


ELIDED_OR_START = r"(?:(?<![\w'])|(?<=(?<!\w)[cdjlmnst]')|(?<=(?<!\w)qu'))"


@cache
def _marker_pattern(word: str) -> re.Pattern:
    """One marker's pattern, compiled once: the markers outnumber the `re` module's own cache."""
    return re.compile(ELIDED_OR_START + re.escape(word) + ("" if word.endswith("'") else r"(?![\w'])"))


ORDINAL = re.compile(r"(?i)(?:[ivxlc]{2,}|[ivx])(?:e|er|ème)")  # « xie siècle », « XIXe siècle »; not « ce »
DECADE = re.compile(r"(?:\bannées\s+((?:19|20)?[1-9]0)\b|\b((?:1[5-9]|20)[0-9]0)['’]?s\b)",
                    re.IGNORECASE)  # « années 60 », « the 1960s »
CENTURY = re.compile(r"\b([ivxlc]+)(?:e|er|ème|ᵉ)\s+siècles?\b", re.IGNORECASE)  # « au xe siècle », « XIXe siècle »


def decade_year(match: re.Match) -> str:
    """The first year of a decade: « années 60 » → 1960 (a 20th-century decade when written with two digits)."""
    digits = match.group(1) or match.group(2)
    return digits if len(digits) == 4 else f"19{digits}"


def is_year(raw: str) -> bool:
    return bool(re.fullmatch(r"1\d{3}|20\d{2}", raw))


def clean(text: str) -> str:
    return tidy(LEADING.sub("", text.strip()))


VAGUE = {
    "hausse",
    "baisse",
    "augmentation",
    "diminution",
    "part",
    "partie",
    "cas",
    "fois",
    "phénomène",
    "phénomènes",
    "conséquence",
    "conséquences",
    "terme",
    "cause",
    "causes",
    "quantité",
    "quantités",
    "nombre",
    "série",
    "ensemble",
    "multitude",
    "niveau",
    "number",
    "lack",
    "decline",
    "collapse",
    "explosion",
    "amount",
    "rise",
    "fall",
    "increase",
    "decrease",
    "loss",
    "result",
    "consequence",
    "consequences",
    "large part",
    "growth",
}


def same_notion(builder: GraphBuilder, label: str) -> str | None:
    """ "Réchauffement" after "réchauffement climatique" names the same notion: the longer label is kept."""
    lowered = label.lower()
    for node in builder.nodes:
        other = node.label.lower()
        if other == lowered or other.startswith(lowered + " ") or lowered.startswith(other + " "):
            return node.id
    return None


CONCEPT_DEPS = (
    "nsubj",
    "nsubj:pass",
    "obj",
    "obl",
    "obl:arg",
    "obl:mod",
    "appos",
    "conj",
    "attr",
    "xcomp",
    "ROOT",
    "nmod",
)


def concepts(sentence) -> list:
    """The notions of a sentence: nouns heading its subjects, objects and complements, in text order, without
    nouns that only complete another one ("de la cellule" stays inside "énergie de la cellule")."""
    found = []
    locutions = locution_spans(sentence)
    for token in sentence:
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in CONCEPT_DEPS or len(token.text) < 2:
            continue
        if any(start <= token.idx < end for start, end in locutions):  # "Par conséquent" is not a notion
            continue
        if token.dep_ == "nmod" and token.head.pos_ in ("NOUN", "PROPN") and token.head.dep_ != "ROOT":
            continue
        found.append(token)
    return found


def locution_spans(sentence) -> list[tuple[int, int]]:
    pattern = _locutions(sentence.doc.lang_)
    if pattern is None:
        return []
    return [(sentence.start_char + m.start(), sentence.start_char + m.end()) for m in pattern.finditer(sentence.text)]


@cache
def _locutions(lang: str) -> re.Pattern | None:
    """Linking phrases that hold a noun (`[connectors] locutions` in the language's diagram.toml)."""
    phrases = markers(lang).get("connectors", {}).get("locutions", [])
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p).replace("'", "['’]") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’])(?:{alternatives})(?![\w'’])", re.IGNORECASE)


_BEFORE_A_VERB = {"it", "he", "she", "they", "we", "you", "i", "who", "to", "can", "could", "will", "would", "must",
                  "should", "may", "might", "do", "does", "did", "not"}  # what comes right before an English verb
_EN_VERBS = [
    "have",
    "has",
    "make",
    "use",
    "contain",
    "need",
    "eat",
    "take",
    "give",
    "become",
    "include",
    "form",
    "break",
    "release",
    "absorb",
    "read",
    "execute",
    "translate",
    "store",
    "carry",
    "reduce",
    "raise",
    "lower",
    "create",
    "help",
    "keep",
    "move",
    "change",
]


_EN_PARTICIPLES = {"made", "written", "done", "given", "taken", "known", "seen", "built", "found", "held", "kept",
                   "left", "meant", "paid", "said", "sent", "set", "shown", "sold", "spent", "told", "thought",
                   "understood", "won", "went", "brought", "bought", "chosen", "drawn", "driven", "grown", "run"}


_BE = {"is", "are", "was", "were", "be", "been", "being", "became", "become", "becomes", "remains", "remained"}
_PREDICATE_ENDINGS = re.compile(r"(?:ed|en|wn|rn|lt|ar|ive|ous|ful|ent|ant|ible|able|ic|al)$")


def _predicate(word: str, before: list[str]) -> bool:
    """Whether a lower-case English word right after a form of "be" is a participle or an adjective ("was born",
    "is similar", "became active"); a noun there ("is software") stays a notion."""
    words = [w.lower() for w in before]
    if len(words) > 1 and (words[-1] in _EN_DEGREE or words[-1].endswith("ly")):
        words.pop()  # "is sometimes necessary", "is very similar"
    return word[0].islower() and bool(words) and words[-1] in _BE and (
        word.lower() in _EN_PARTICIPLES or bool(_PREDICATE_ENDINGS.search(word.lower())))


_EN_DEGREE = {"not", "also", "often", "always", "sometimes", "still", "very", "more", "less", "most", "never", "so",
              "too", "quite", "rather"}


def english_chunks(text: str) -> list[tuple[str, int, int]]:
    """Noun-like chunks of an English sentence: runs of content words between function words and
    punctuation, without the verb that often starts them ("translates source code" → "source code")."""

    verbs = {
        form
        for verb in markers("en")["cause_effect"]["cause_verbs"] + _EN_VERBS
        for form in (verb, verb + "s", verb + "es", verb + "ed", verb + "d", verb + "ing")
    }
    function = (
        words("en", "function_words.txt")
        | verbs
        | {
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "a",
            "an",
            "the",
            "of",
            "to",
            "in",
            "on",
            "by",
            "with",
            "and",
            "or",
            "as",
            "it",
            "its",
            "leads",
            "led",
            "must",  # left out of function_words.txt, as a French word too
            "but",
            "one",
            "well",
            "than",
            "both",
            "each",
            "such",
        }
    )
    chunks, current = [], []
    for match in re.finditer(r"(?:[A-Z]\.){2,}|[A-Z]\.(?= ?[A-Z])|\d+[A-Za-z][\w'-]*|[A-Za-z][\w'-]*|\d+\b|[.,;:()]",
                             text):  # « U.S.A. », « A.T. Charlie Johnson », « Edwin E. Aldrin »
        word = match.group()
        if word.isdigit():  # « Apollo 11 », « Windows 7 »: a number after a name is part of it; else passed over
            if current and current[-1].group()[0].isupper() and text[current[-1].end():match.start()] == " ":
                current.append(match)
            continue
        if word.lower() in function or not word[0].isalnum() or (word.endswith("ly") and word[0].islower()):
            if current:
                chunks.append(current)
            current = []
        else:
            current.append(match)
    if current:
        chunks.append(current)
    joined: list[list] = []
    for chunk in chunks:  # "average level" + " of " + "wages": one term, as long as it stays short
        between = text[joined[-1][-1].end():chunk[0].start()] if joined else ""
        name = between in (" in ", " for ") and joined[-1][-1].group()[0].isupper() \
            and chunk[0].group()[0].isupper()  # "Age Discrimination in Employment Act": one name
        if joined and (between == " of " or name) and len(joined[-1]) + len(chunk) <= 5:
            joined[-1] = joined[-1] + chunk
        else:
            joined.append(chunk)
    out = []
    for chunk in joined:
        lead = text[max(0, chunk[0].start() - 12):chunk[0].start()]
        before = [] if re.search(r"[,;:.]\s*$", lead) else re.findall(r"[A-Za-z']+", lead)  # « it, straightening »
        if before and before[-1].lower() in _BEFORE_A_VERB and chunk[0].group()[0].islower():
            chunk = chunk[1:]  # "it pictures the economy", "to understand": a verb, not a notion
        if chunk and len(chunk) > 1 and re.search(r"(?:s|es|ed|ing)$", chunk[0].group()) \
                and chunk[0].group()[0].islower():
            chunk = chunk[1:]  # "translates source code" → "source code"
        if not chunk or len(chunk) == 1 and chunk[0].group()[0].islower() and (re.search(
                r"(?:ed|able|ible)$", chunk[0].group()) or chunk[0].group() in _EN_PARTICIPLES):
            continue  # "intended", "desirable": a verb or an adjective alone names nothing
        if len(chunk) == 1 and _predicate(chunk[0].group(), before):
            continue  # "was born", "is similar to", "became active": what is said of a notion, not one
        if len(chunk) == 1 and re.fullmatch(r"[a-z]+s", chunk[0].group()) and re.match(
                r"\s+(?:the|a|an|its|their|his|her)\b", text[chunk[0].end():], re.IGNORECASE):
            continue  # "…, controls the money supply": a verb before its object, not a notion
        while len(chunk) > 1 and chunk[-1].group()[0].islower() and (
                chunk[-1].group().lower() in _EN_PARTICIPLES or chunk[-1].group().endswith("ed")):
            chunk = chunk[:-1]  # "Smith counted", "machine code made", "programs written": the verb after a noun
        chunk = chunk[-5:]
        label = tidy(" ".join(m.group() if n == 0 or (gap := text[chunk[n - 1].end():m.start()]) == " "
                              else f"{gap.strip()} {m.group()}" for n, m in enumerate(chunk)))
        listed = re.search(r"(?:[,:;]|\b(?:and|or|by))\s*$", text[:chunk[0].start()]) is not None
        if label and not re.fullmatch(r"(?:s|es|ed|ing|ly)$", label.lower()[-3:]) or len(chunk) > 1 or (
                listed and label.lower().endswith("ing")):  # « …, cutting it, straightening it »: an activity
            out.append((label, chunk[0].start(), chunk[-1].end()))
    return out


_LIST_JOINS = {"et", "ou", "puis", "and", "or", "then"}
_CLITICS = {"le", "la", "les", "l'", "l’", "se", "s'", "s’", "en", "y", "lui", "leur"}  # « les analyser »


def listed_actions(sentence, tagged: bool) -> list:
    """The actions a sentence lists after a colon, each the span of one item (« les étapes : recueillir les
    données, les trier, les analyser », “tasks: drawing out the wire, cutting it, straightening it”): at least
    three items, most of them opening on an infinitive (its clitics before it) or, untagged, an English “-ing”
    word. None when the list names things (« trois parties : le préambule, … »)."""
    colon = next((t for t in sentence if t.text == ":"), None)
    if colon is None:
        return []
    items, item = [], []
    for token in sentence.doc[colon.i + 1:sentence.end]:
        if token.text in ",;" or (token.is_punct and token.text in ".!?"):
            if item:
                items.append(item)
            item = []
        elif item or token.text.lower() not in _LIST_JOINS:
            item.append(token)
    if item:
        items.append(item)
    items = [part for i in items for part in _joined_actions(i, tagged)]
    actions = [i for i in items if action_word(i, tagged) is not None]
    if len(actions) < 3 or 2 * len(actions) < len(items):
        return []
    return [sentence.doc[i[0].i:i[-1].i + 1] for i in actions]


def _joined_actions(item: list, tagged: bool) -> list[list]:
    """An item cut where « et », « ou » or « puis » join two actions: « les analyser et publier les résultats »."""
    parts = [[]]
    for n, token in enumerate(item):
        if parts[-1] and token.text.lower() in _LIST_JOINS and action_word(item[n + 1:n + 3], tagged) is not None \
                and action_word(parts[-1], tagged) is not None:
            parts.append([])
        elif parts[-1] or token.text.lower() not in _LIST_JOINS:
            parts[-1].append(token)
    return [p for p in parts if p]


def action_word(item, tagged: bool):
    """The word an item of a list opens on when it is an action: an infinitive, after its clitics (« les
    analyser »), or, untagged, an English “-ing” word; else None."""
    if tagged:
        first = next((t for t in item if not (t.pos_ == "PRON" or t.text.lower() in _CLITICS)), None)
        if first is not None and (first.pos_ in ("VERB", "AUX") and "Inf" in first.morph.get("VerbForm") or
                                  first.pos_ == "NOUN" and first.text.islower() and _infinitive_only(first.text)):
            return first
        return None
    if not item:
        return None
    first = item[0]
    return first if first.text.islower() and len(first.text) > 5 and first.text.endswith("ing") else None


def _infinitive_only(word: str) -> bool:
    """Whether the lexicon knows `word` as an infinitive and never as a noun or an adjective (« extraire », which
    the tagger can read as a noun); False without the lexicon."""
    try:
        found = lexicon.readings(word)
    except ImportError:
        return False
    return bool(found) and all(r.kind == "V" for r in found) and any(f == (":Y", "") for r in found
                                                                     for f in r.verb_forms)
