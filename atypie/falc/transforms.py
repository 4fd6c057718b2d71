"""Word-level replacements over the original text, chosen by the profile: idioms by their plain
meaning (in the idiom's tense), Latin and foreign words, formal connectors, abbreviations, dates,
Roman numerals, symbols, capitals, and the number presentation a profile asks for.

Each replacement keeps its position in the original text, so that sentence splitting (which works
on positions) and replacements combine, and the diff can say what changed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..language.data import find_entries
from ..language.links import link_spans
from ..profiles.model import Profile
from .conjugate import conjugate, verb_form
from .numbers_style import number_notes
from .rules.all_caps import _RUN as CAPITALS
from .rules.foreign_words import find_foreign
from .rules.idiom import find_idioms
from .rules.numeric_date import written_date
from .rules.special_characters import _PATTERN as SYMBOLS
from .rules.special_characters import _SYMBOLS as SYMBOL_WORDS

_REFLEXIVE = {(1, False): "me", (2, False): "te", (3, False): "se", (1, True): "nous", (2, True): "vous",
              (3, True): "se"}
_VOWEL = re.compile(r"^[aeiouyéèêàâîôûh]", re.IGNORECASE)


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    text: str
    kind: str  # idiom, foreign, substitution, abbreviation, date, roman, symbol, capitals, number
    review: bool = False  # the replacement could not be made grammatical: a person should check it


def plan(analysis, profile: Profile) -> tuple[list[Replacement], set[str]]:
    """The replacements for this text and profile, without overlaps, and the numbers they add."""
    level = profile.text.level
    candidates: list[Replacement] = []
    if profile.text.literal_language or level == "falc":
        candidates += _idioms(analysis)
    if level != "standard":
        candidates += _dates(analysis) + _romans(analysis) + _foreign(analysis) + _phrases(analysis)
        candidates += _abbreviations(analysis) + _symbols(analysis) + _capitals(analysis)
    added: set[str] = set()
    if profile.text.numbers != "unchanged":
        notes, added = number_notes(analysis, profile.text.numbers)
        candidates += notes
    links = link_spans(analysis.text)  # kept exactly as written
    candidates = [c for c in candidates if not any(c.start < end and c.end > start for start, end in links)]
    chosen: list[Replacement] = []
    for candidate in candidates:  # earlier kinds win over later ones
        if all(candidate.end <= c.start or candidate.start >= c.end or
               (candidate.start == candidate.end and not c.start < candidate.start < c.end) for c in chosen):
            chosen.append(candidate)
    return sorted(chosen, key=lambda r: (r.start, r.end)), added


def apply(text: str, start: int, end: int, replacements: list[Replacement]) -> str:
    """The original text between `start` and `end` with the replacements that fall inside it."""
    out, cursor = [], start
    for r in replacements:
        if r.start < start or r.end > end or r.start < cursor:
            continue
        out.append(text[cursor:r.start])
        out.append(_match_case(text[r.start:r.end], r.text) if r.end > r.start else r.text)
        cursor = r.end
    out.append(text[cursor:end])
    return "".join(out)


def _match_case(original: str, new: str) -> str:
    if original[:1].isupper() and new[:1].islower():
        return new[:1].upper() + new[1:]
    return new


# --- idioms ----------------------------------------------------------------------------------------

def _idioms(analysis) -> list[Replacement]:
    found = []
    for match in find_idioms(analysis):
        start, end = match.start, match.end
        first = match.first
        before = analysis.doc[first.i - 1] if first.i > 0 else None
        text = None
        if first.pos_ in ("VERB", "AUX") or match.idiom.split()[0].endswith(("er", "ir", "re")):
            text, start = _verbal_meaning(match, before, start, analysis.lang)
        elif match.article_dropped and _determiner_before(first) is not None:
            start, text = _determiner_before(first).idx, match.meanings[0]
        else:
            text = match.meanings[0]
        if text is None:
            original = analysis.text[match.start:match.end]
            found.append(Replacement(match.start, match.end, f"{original} (c'est-à-dire : {match.meanings[0]})"
                                     if analysis.lang == "fr" else f"{original} (that is: {match.meanings[0]})",
                                     "idiom", review=True))
        else:
            found.append(Replacement(start, end, text, "idiom"))
    return found


def _determiner_before(token):
    """The determiner of a noun, over adjectives in between ("un véritable cercle vicieux")."""
    doc = token.doc
    for i in range(token.i - 1, max(token.i - 4, -1), -1):
        if doc[i].pos_ == "DET":
            return doc[i]
        if doc[i].pos_ != "ADJ":
            return None
    return None


def _verbal_meaning(match, before, start: int, lang: str) -> tuple[str | None, int]:
    """The first meaning that can take the idiom verb's form, with the right auxiliary and pronoun."""
    if lang == "en":
        return match.meanings[0], start
    form = verb_form(match.first)
    if form is None:
        return None, start
    has_reflexive = (before is not None and before.text.lower().rstrip("'’") in _REFLEXIVE_WORDS
                     and not before.dep_.startswith("nsubj"))
    aux = _auxiliary(match.first) if form[0] == "part" else None
    for meaning in match.meanings:
        reflexive, verb, rest = _parse_meaning(meaning)
        conjugated = conjugate(verb, form=form[0], person=form[1], plural=form[2])
        if conjugated is None:
            continue
        pronoun = _REFLEXIVE[(form[1], form[2])]
        if aux is not None:  # compound tense: "est tombé" → "a perdu", "s'est évanoui"
            wanted = "être" if reflexive or verb in _ETRE_VERBS else "avoir"
            aux_text = _AUX_SWAP[wanted].get(aux.text.lower(), aux.text) if aux.lemma_ != wanted else aux.text
            if reflexive and not has_reflexive:
                aux_text = _with_pronoun(pronoun, aux_text)
            between = match.first.doc.text[aux.idx + len(aux.text):match.first.idx]
            if wanted == "être" and not conjugated.endswith(("e", "s")):
                conjugated += _agreement(match.first)
            return aux_text + between + " ".join([conjugated, *rest]), aux.idx
        if reflexive:
            text = _with_pronoun(pronoun, conjugated)
            return " ".join([text, *rest]), before.idx if has_reflexive else start
        return " ".join([conjugated, *rest]), before.idx if has_reflexive else start
    return None, start


_REFLEXIVE_WORDS = ("se", "s", "me", "m", "te", "t", "nous", "vous")
_ETRE_VERBS = {"aller", "venir", "devenir", "partir", "sortir", "tomber", "mourir", "naître", "rester", "arriver",
               "entrer", "monter", "descendre", "retourner", "rentrer", "revenir", "parvenir", "intervenir"}
_AUX_SWAP = {
    "avoir": {"suis": "ai", "es": "as", "est": "a", "sommes": "avons", "êtes": "avez", "sont": "ont",
              "étais": "avais", "était": "avait", "étions": "avions", "étiez": "aviez", "étaient": "avaient",
              "serai": "aurai", "sera": "aura", "serons": "aurons", "serez": "aurez", "seront": "auront",
              "être": "avoir"},
    "être": {"ai": "suis", "as": "es", "a": "est", "avons": "sommes", "avez": "êtes", "ont": "sont",
             "avais": "étais", "avait": "était", "avions": "étions", "aviez": "étiez", "avaient": "étaient",
             "aurai": "serai", "aura": "sera", "aurons": "serons", "aurez": "serez", "auront": "seront",
             "avoir": "être"},
}


def _auxiliary(verb):
    """The tense auxiliary of a participle ("a" in "a porté", "est" in "est tombé"), or None."""
    doc = verb.doc
    for i in range(verb.i - 1, max(verb.i - 4, -1), -1):
        token = doc[i]
        if token.lemma_ in ("avoir", "être") and token.pos_ in ("AUX", "VERB"):
            return token
        if token.pos_ not in ("ADV", "PRON", "PART") and token.text.lower() not in ("ne", "n'", "pas"):
            return None
    return None


def _agreement(verb) -> str:
    """The ending a participle takes after "être": from the subject's gender and number."""
    subjects = [t for t in verb.children if t.dep_.startswith("nsubj")]
    if not subjects:
        return ""
    morph = subjects[0].morph
    return ("e" if "Fem" in morph.get("Gender") else "") + ("s" if "Plur" in morph.get("Number") else "")


def _parse_meaning(meaning: str) -> tuple[bool, str, list[str]]:
    words = meaning.split()
    first = words[0].lower()
    if first.startswith(("s'", "s’")) and len(first) > 2:
        return True, words[0][2:], words[1:]
    if first == "se" and len(words) > 1:
        return True, words[1], words[2:]
    return False, words[0], words[1:]


def _with_pronoun(pronoun: str, word: str) -> str:
    if pronoun in ("me", "te", "se") and _VOWEL.match(word):
        return pronoun[0] + "'" + word
    return f"{pronoun} {word}"


# --- words and symbols -----------------------------------------------------------------------------

def _foreign(analysis) -> list[Replacement]:
    return [Replacement(start, end, plain[0], "foreign") for start, end, plain in find_foreign(analysis)]


def _phrases(analysis) -> list[Replacement]:
    found = []
    for start, end, plain in find_entries(analysis.text, analysis.lang, "substitutions.txt", before=r"[\w'’-]",
                                          after=r"[\w-]"):
        if plain[0].split()[0].lower() in _CLAUSE_STARTERS and not _at_clause_start(analysis.text, start):
            continue  # "n'a toutefois pas" must not become "n'a mais pas"
        found.append(Replacement(start, end, plain[0], "substitution"))
    return found


_CLAUSE_STARTERS = {"mais", "donc", "car", "et", "ou", "or", "puis", "but", "so", "and", "then"}


def _at_clause_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".;:,!?(\n"


def _abbreviations(analysis) -> list[Replacement]:
    return [Replacement(start, end, full[0], "abbreviation")
            for start, end, full in find_entries(analysis.text, analysis.lang, "abbreviations.txt")]


def _dates(analysis) -> list[Replacement]:
    return [Replacement(n.start, n.end, written_date(n.value, analysis.lang), "date")
            for n in analysis.numbers if n.kind == "date" and not any(ch.isalpha() for ch in n.text)]


def _romans(analysis) -> list[Replacement]:
    found = []
    for n in analysis.numbers:
        if n.kind == "roman":
            suffix = "er" if n.text.endswith("er") else ("e" if n.text[-1:].islower() else "")
            if analysis.lang == "en" and suffix:
                suffix = "th"
            found.append(Replacement(n.start, n.end, n.value + suffix, "roman"))
    return found


def _symbols(analysis) -> list[Replacement]:
    found = []
    for m in SYMBOLS.finditer(analysis.text):
        words = ("ou", "or") if m.group().lower() in ("et/ou", "and/or") else SYMBOL_WORDS.get(m.group())
        if words:
            word = words[1] if analysis.lang == "en" else words[0]
            found.append(Replacement(m.start(), m.end(), f" {word} " if m.group() == "/" else word, "symbol"))
    return found


def _capitals(analysis) -> list[Replacement]:
    acronyms = {a.text for a in analysis.acronyms}
    found = []
    for m in CAPITALS.finditer(analysis.text):
        words = re.findall(r"\w+|\W+", m.group())
        lowered = "".join(w if w in acronyms else w.lower() for w in words)
        found.append(Replacement(m.start(), m.end(), lowered, "capitals"))
    return found
