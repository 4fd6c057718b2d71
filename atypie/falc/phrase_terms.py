"""A noun followed by a hard adjective is explained as one term, in the words of the adjective's definition:
« documents administratifs » : documents qui concernent les services publics et leurs démarches. A reader meets
the phrase, not the adjective alone, and the definition then reads as the phrase's own. French only; the verb
after « qui » agrees with the noun (Grammalecte's tables), and a definition that does not start with « qui … » or
« relatif à … » is left to the adjective's own entry."""
from __future__ import annotations

import re

from ..adapters import grammalecte, lexicon

MAX_PHRASES = 2  # distinct phrases one adjective's definition is given for; its other uses are read from those
_RELATIVE_TO = re.compile(r"^relati(?:f|ve|fs|ves) (à la |à l['’]|à |au |aux )", re.IGNORECASE)
_ARTICLE_AFTER_A = {"à la ": "la ", "à l'": "l'", "à l’": "l’", "à ": "", "au ": "le ", "aux ": "les "}


def noun_adjective_pairs(doc) -> list[tuple[object, object]]:
    """(noun, adjective) for each adjective that follows its noun directly (« cadre juridique »), in text order; a
    participle used as an adjective counts (« données brutes » is tagged as a verb)."""
    from spacy.attrs import DEP, HEAD, POS  # spaCy is loaded already: this doc was parsed with it
    from spacy.symbols import ADJ, NOUN, VERB

    amod = doc.vocab.strings["amod"]  # a dependency label is read as its string's hash
    rows = doc.to_array([POS, DEP, HEAD]).astype("int64").tolist()  # HEAD: the head's signed offset
    return [(doc[i - 1], doc[i]) for i, (pos, dep, head) in enumerate(rows)
            if pos in (ADJ, VERB) and dep == amod and head == -1 and rows[i - 1][0] == NOUN
            and doc[i - 1].is_alpha and doc[i].is_alpha and not _opens_complement(doc, i)]


def _opens_complement(doc, i: int) -> bool:
    """Whether the adjective at i leads a complement (« la Convention relative aux droits de l'enfant », « propre à
    chaque objet »): it then says what the noun is about, and makes no term with it."""
    return i + 1 < len(doc) and doc[i + 1].lower_ in ("à", "au", "aux")


def phrase_definition(noun, definition: str) -> str | None:
    """The definition of « noun adjective » from the adjective's `definition`, or None when it cannot be made
    to agree: « qui concerne le droit » → « cadre qui concerne le droit », « capacités qui concernent l'esprit »;
    « relatif au droit » → « cadre en lien avec le droit »."""
    definition = definition.strip().rstrip(".")
    related = _RELATIVE_TO.match(definition)
    if related:
        return f"{noun.text.lower()} en lien avec {_ARTICLE_AFTER_A[related.group(1).lower()]}" \
               f"{definition[related.end():]}"
    words = definition.split(" ", 2)
    if len(words) < 3 or words[0].lower() != "qui":
        return None
    verb = words[1]
    if "Plur" in noun.morph.get("Number"):
        verb = _plural(verb)
        if verb is None:
            return None
    return f"{noun.text.lower()} qui {verb} {words[2]}"


def _plural(verb: str) -> str | None:
    """The third person plural of the present-tense `verb` (« concerne » → « concernent », « est » → « sont »)."""
    if not grammalecte.available():
        return None
    for reading in lexicon.readings(verb):
        if reading.kind == "V" and any(tense == ":Ip" for tense, _ in reading.verb_forms):
            plural = grammalecte.conjugated(reading.lemma, ":Ip", ":3p")
            if plural:
                return plural
    return None
