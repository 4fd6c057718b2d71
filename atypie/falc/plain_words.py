"""Hard words replaced by plain ones (`lang/fr/plain_words.txt`: « accroître » → « augmenter », « innombrable »
→ « très nombreux »), each in the form of the word it replaces: same gender and number for an adjective or a
noun (a noun only by a noun of the same gender, so that its determiner still agrees), same tense and person for
a verb, and the word before elided or written in full as the new word asks.

A word is left as written, and explained by the glossary instead, whenever the replacement is not certain: an
unknown form, a form that is also a commoner word (« parfaite » is « parfait » far more often than « parfaire »),
a gender or person that neither the lexicon nor the parse settles, a word the text defines or a
noun it repeats (that is what the text is about), a word inside a quotation, or a pronominal use the lexicon does
not list.
Forms come from Grammalecte's lexicon (`adapters/lexicon.py`, `inflect.py`); without Grammalecte nothing is replaced.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..adapters import grammalecte, lexicon
from ..language.data import entries
from ..language.definitions import find_definitions
from ..language.frequency import zipf
from . import inflect
from .elision import elide_before, starts_with_vowel

FILE = "plain_words.txt"
COMMON = 5.5  # a form this frequent (wordfreq's Zipf scale) is nobody's hard word: not even looked up
_REFLEXIVE = {"se", "s'"}
_QUOTED = re.compile(r"«[^»]{0,400}»|\"[^\"\n]{0,400}\"|“[^”]{0,400}”")
_CLASS_OF_POS = {"NOUN": "N", "VERB": "V", "AUX": "V", "ADJ": "A"}
_GENDER = {"Masc": "m", "Fem": "f"}
_NUMBER = {"Sing": "s", "Plur": "p"}


@cache
def table(lang: str) -> dict[tuple[str, str], str]:
    """{(lemma, class): plain}; a pronominal verb's lemma keeps its « se » (« se accroître »)."""
    found = {}
    for key, plains in entries(lang, FILE).items():
        lemma, _, kind = key.rpartition(":")
        lemma = re.sub(r"^s['’]", "se ", lemma.strip())
        if lemma and kind.upper() in ("A", "N", "V"):
            found[(lemma, kind.upper())] = plains[0]
    return found


@cache
def meanings(lang: str) -> dict[str, str]:
    """{hard lemma: its plain words} (« prépondérant » → « principal »): a short, reviewed definition for the
    glossary when the word had to be kept as written."""
    found: dict[str, str] = {}
    for key, plains in entries(lang, FILE).items():
        lemma = re.sub(r"^(?:se |s['’])", "", key.rpartition(":")[0].strip())
        found.setdefault(lemma, ", ".join(plains))
    return found


def find(analysis) -> list[tuple[int, int, str]]:
    """(start, end, plain text) for each hard word of `analysis` that can be replaced with certainty."""
    words = table(analysis.lang)
    if analysis.lang != "fr" or not words or not analysis.tagged or not grammalecte.available():
        return []
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(analysis.text)]
    defined = {w.lower() for d in find_definitions(analysis) for w in re.findall(r"\w+", d.term)}
    repeated = {lemma for lemma, n in Counter(t.lemma_.lower() for t in analysis.doc if t.pos_ == "NOUN").items()
                if n >= 2}
    found = []
    for token in analysis.doc:
        if (len(token.text) < 4 or not token.text.replace("-", "").isalpha() or zipf(token.text, "fr") >= COMMON
                or (token.text[:1].isupper() and not token.is_sent_start)
                or token.text.lower() in defined or any(start <= token.idx < end for start, end in quoted)):
            continue
        if token.pos_ in ("NOUN", "PROPN") and token.i + 1 < len(analysis.doc) and \
                analysis.doc[token.i + 1].text[:1].isupper():
            continue  # « le faubourg Saint-Jacques »: part of a name
        made = _replacement(token, words, repeated)
        if made is not None and _echoes(made[2], token.sent):
            continue  # « villages, hameaux » → « villages, villages »; « l'importance très importante »
        if made is not None:
            found.append(made)
    return found


def _replacement(token, words, repeated) -> tuple[int, int, str] | None:
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    reflexive = before is not None and before.text.lower().replace("’", "'") in _REFLEXIVE
    if _maybe_reflexive(token):
        return None  # « nous nous accroissons »: which verb, « accroître » or « s'accroître », cannot be told
    every = lexicon.readings(token.text.lower())
    tagged = _CLASS_OF_POS.get(token.pos_)
    readings = every
    if tagged is not None and any(r.kind == tagged for r in every):  # « les consignes »: a noun, not a verb
        readings = tuple(r for r in every if r.kind == tagged)
    for reading in readings:
        if any(zipf(other.lemma, "fr") > zipf(reading.lemma, "fr") for other in every
               if other.lemma != reading.lemma):
            continue  # « parfaite », « étoffes »: the commoner « parfait », « étoffe », not « parfaire », « étoffer »
        if reading.kind == "V":
            plain = words.get(("se " + reading.lemma if reflexive else reading.lemma, "V"))
            if plain is None or _compound_reflexive(token):
                continue
            if _participle(token, reading):
                reading = lexicon.Reading(reading.lemma, "V", verb_forms=tuple(
                    form for form in reading.verb_forms if form[0] == ":Q"))
                if not reading.verb_forms or not inflect.auxiliary_before(token):
                    continue  # a participle used as an adjective often means more: « un système élaboré »
            text = _verb(plain, reading, token)
            if text is None:
                continue
            if not reflexive and text.startswith(("se ", "s'")) and inflect.auxiliary_before(token):
                continue  # « a … » → « s'est … »: the auxiliary would change
            start = before.idx if reflexive else token.idx
            new_start, text = elide_before(doc, start, text)
            return (new_start, token.idx + len(token.text), text) if text else None
        plain = words.get((reading.lemma, reading.kind))
        if plain is None or (reading.kind == "N" and reading.lemma in repeated) or reflexive:
            continue
        text, gender = (_adjective(plain, reading, token) if reading.kind == "A" else _noun(plain, reading)) or (
            None, None)
        if text is None:
            continue
        new_start, text = elide_before(doc, token.idx, text, gender)
        return (new_start, token.idx + len(token.text), text) if text else None
    return None


def _verb(plain: str, reading: lexicon.Reading, token) -> str | None:
    words = plain.split()
    pronoun = words[0] in ("se", "s'") or words[0].startswith("s'")
    if words[0].startswith("s'"):
        words = ["se", words[0][2:]] + words[1:]
    infinitive, rest = (words[1], words[2:]) if pronoun else (words[0], words[1:])
    forms = {}
    for tense, who in reading.verb_forms:
        form = inflect.verb(infinitive, tense, who)
        if form:
            forms.setdefault(form, []).append((tense, who))
    if not forms:
        return None
    form = next(iter(forms)) if len(forms) == 1 else _choose(forms, token)
    if form is None:
        return None
    if pronoun:
        form = ("s'" + form) if starts_with_vowel(form) else ("se " + form)
    return " ".join([form] + rest)


def _choose(forms: dict[str, list[tuple[str, str]]], token) -> str | None:
    """The form whose tense and person the parse agrees with; the third person, then the indicative, on a tie."""
    mood = token.morph.get("Mood")
    person = token.morph.get("Person")
    number = token.morph.get("Number")

    def rank(pair: tuple[str, str]) -> tuple[int, int, int]:
        tense, who = pair
        mood_off = bool(mood) and (("Sub" in mood) != tense.startswith(":S"))
        person_off = bool(person) and who[1:2] not in person
        number_off = bool(number) and who[2:3] and who[2:3] != _NUMBER.get(number[0], "")
        return int(mood_off), int(person_off or number_off), int(who[1:2] != "3")

    best = min(((rank(pair), form) for form, pairs in forms.items() for pair in pairs), key=lambda x: x[0])
    ties = {form for r, form in ((rank(pair), form) for form, pairs in forms.items() for pair in pairs)
            if r == best[0]}
    return best[1] if len(ties) == 1 else None


def _adjective(plain: str, reading: lexicon.Reading, token) -> tuple[str, str | None] | None:
    gender = reading.gender if reading.gender in ("m", "f") else _parsed(token, "Gender", _GENDER)
    number = reading.number if reading.number in ("s", "p") else _parsed(token, "Number", _NUMBER)
    *head, last = plain.split()
    genders = [gender] if gender else ["m", "f"]
    numbers = [number] if number else ["s", "p"]
    forms = {inflect.agreed(last, "A", g, n) for g in genders for n in numbers}
    if len(forms) != 1 or None in forms:
        return None  # an unknown form, or a gender or number that matters and is not known
    return " ".join(head + [forms.pop()]), gender


def _noun(plain: str, reading: lexicon.Reading) -> tuple[str, str | None] | None:
    first, *rest = plain.split()
    gender = inflect.noun_gender(first)
    if gender is None or reading.gender != gender or reading.number not in ("s", "p", "i"):
        return None
    form = inflect.agreed(first, "N", gender, "s" if reading.number == "i" else reading.number)
    if form is None or (reading.number == "i" and inflect.agreed(first, "N", gender, "p") != form):
        return None  # « surplus » may be singular or plural: only an invariable plain noun fits both
    return " ".join([form] + rest), gender


def _parsed(token, feature: str, values: dict[str, str]) -> str | None:
    """A gender or number from the parse: that of the clause's subject or of the noun the word describes (its
    head, or the noun right after or before it); for a number only, else the word's own tag."""
    doc = token.doc
    subjects = [child for child in token.children if child.dep_ in ("nsubj", "nsubj:pass")]
    head = [token.head] if token.dep_ == "amod" else []
    beside = [doc[i] for i in (token.i + 1, token.i - 1) if 0 <= i < len(doc) and doc[i].pos_ == "NOUN"]
    for word in subjects + head + beside:  # the noun decides
        found = word.morph.get(feature)
        if found and found[0] in values and word.pos_ in ("NOUN", "PRON", "PROPN"):
            return values[found[0]]
    if feature == "Gender":
        return None  # the parser's guess of an invariable adjective's gender is no basis for « sûrs » or « sûres »
    found = token.morph.get(feature)
    return values[found[0]] if found and found[0] in values else None


def _maybe_reflexive(token) -> bool:
    doc = token.doc
    before = doc[token.i - 1].text.lower().replace("’", "'") if token.i > 0 else ""
    twice = token.i > 1 and doc[token.i - 2].text.lower() == before
    return before in ("me", "te", "m'", "t'") or (before in ("nous", "vous") and twice)


def _participle(token, reading: lexicon.Reading) -> bool:
    """Whether the form is a past participle here: its only reading, or the parse says so (« sont bâtis »,
    « plus restreint que »)."""
    if all(tense == ":Q" for tense, _ in reading.verb_forms):
        return True
    return any(tense == ":Q" for tense, _ in reading.verb_forms) and (
        token.pos_ == "ADJ" or "Part" in token.morph.get("VerbForm"))


def _echoes(plain: str, sentence) -> bool:
    """Whether a content word of `plain` is already in the sentence (the same word, or one of its family)."""
    stems = {w[:5] for w in plain.lower().split() if len(w) > 4}
    return any(t.text.lower()[:5] in stems or t.lemma_.lower()[:5] in stems for t in sentence if len(t.text) > 4)


def _compound_reflexive(token) -> bool:
    """« s'est accentué »: the pronoun sits before the auxiliary; left as written."""
    doc = token.doc
    return (token.i > 1 and doc[token.i - 1].pos_ == "AUX"
            and doc[token.i - 2].text.lower().replace("’", "'") in _REFLEXIVE)
