"""Grammalecte's French lexicon read as typed readings: for each form, its lemma, its class (adjective, noun,
verb), its gender and number, and for a verb the tenses and persons it can be. One reader for every layer that
asks what a word can be (the plain-language rewrite, the diagrams' terms), over `grammalecte.readings`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import grammalecte

TENSES = ("Ip", "Iq", "Is", "If", "K", "Sp", "Sq", "E")
_PERSONS = ("3s", "3p", "1s", "1p", "2s", "2p")


@dataclass(frozen=True)
class Reading:
    """One reading of a word form: its lemma, its class (A adjective, N noun, V verb), its gender ("m", "f",
    "e" for either) and number ("s", "p", "i" for invariable) when it has them, and for a verb the
    (tense, person) pairs the form can be: (":Ip", ":3s"), (":Q", ":f:p") for a participle, (":Y", "") for
    the infinitive, (":P", "") for the present participle."""
    lemma: str
    kind: str
    gender: str | None = None
    number: str | None = None
    verb_forms: tuple[tuple[str, str], ...] = ()

    def agrees(self, gender: str, number: str) -> bool:
        """Whether this reading has `gender` ("m"/"f") and `number` ("s"/"p"): an adjective or noun of them (or
        of either gender, or invariable), or a verb whose past participle takes them."""
        if self.kind == "V":
            return (":Q", f":{gender}:{number}") in self.verb_forms
        return self.gender in (gender, "e") and self.number in (number, "i")


@lru_cache(maxsize=20000)
def readings(word: str) -> tuple[Reading, ...]:
    """Every reading of `word` the lexicon has, one for each class ("importante" is a noun and an adjective)."""
    found: list[Reading] = []
    for raw in grammalecte.readings(word):
        parts = raw.split("/")
        if len(parts) < 2 or not parts[0].startswith(">"):
            continue
        tags = [tag.split(";")[0].rstrip("!") for tag in parts[1].split(":")[1:]]  # ":s;É", ":3p!" (passé simple)
        for reading in _parse(parts[0][1:], tags):
            same = next((n for n, r in enumerate(found) if r.kind == "V" == reading.kind and r.lemma == reading.lemma),
                        None)
            if same is None:
                found.append(reading)
            else:  # one reading per verb, with every tense and person the form can be
                found[same] = Reading(reading.lemma, "V", verb_forms=found[same].verb_forms + reading.verb_forms)
    return tuple(found)


def only_verb(word: str) -> bool:
    """Whether the lexicon knows `word` only as a verb form, never as a noun, adjective or other word (« domine »,
    « prévoit »); False for a word it does not know."""
    found = readings(word)
    return bool(found) and all(r.kind == "V" for r in found)


@lru_cache(maxsize=20000)
def never_verb(word: str) -> bool:
    """Whether the lexicon knows `word` (in lower case) but never as a verb form (« librement »); False for a word it
    does not know, or without Grammalecte."""
    lower = word.lower()
    if not lower.isalpha() or len(lower) < 4:
        return False
    try:
        found = grammalecte.readings(lower)  # every class, adverbs (":W") included
    except ImportError:
        return False
    return bool(found) and not any(":V" in r for r in found)


def _parse(lemma: str, tags: list[str]) -> list[Reading]:
    gender = next((t for t in tags if t in ("m", "f", "e")), None)
    number = next((t for t in tags if t in ("s", "p", "i")), None)
    if tags and tags[0][:1] == "V" and tags[0][1:2].isdigit():
        tenses = [t for t in tags if t in TENSES]
        persons = [t for t in tags if t in _PERSONS]
        forms = [(f":{t}", f":{p}") for t in tenses for p in persons]
        if "Q" in tags and gender in ("m", "f") and number in ("s", "p"):
            forms.append((":Q", f":{gender}:{number}"))
        forms += [(f":{t}", "") for t in ("Y", "P") if t in tags]
        return [Reading(lemma, "V", verb_forms=tuple(forms))]
    return [Reading(lemma, kind, gender, number) for kind in ("A", "N") if kind in tags]
