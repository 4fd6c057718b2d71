"""Figurative expressions and idioms, found on lemmas so that conjugated forms match
("a porté ses fruits" matches "porter ses fruits"); the French and English lists are data."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ...language.data import entries
from ..rule import Rule, correct, incorrect, register

_GAP_POS = {"ADV", "PRON", "AUX"}
_MAX_GAP = 2
_DETERMINERS = {"un", "une", "le", "la", "les", "l'", "des", "du", "a", "an", "the"}


@dataclass(frozen=True)
class IdiomMatch:
    start: int
    end: int
    idiom: str
    meanings: tuple[str, ...]
    first: object  # the spaCy token the match starts with
    article_dropped: bool  # the idiom's own article ("un cercle vicieux") was left out of matching


@cache
def idiom_patterns(lang: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...], bool]]:
    """(idiom, key sequence, plain meanings, article dropped), longest first."""
    table = entries(lang, "idioms.txt")
    if lang == "fr":
        from ...language.nlp import pipeline

        docs = pipeline("fr", full=False).pipe(list(table))
        keys = [tuple(_key(t) for t in doc if not t.is_punct) for doc in docs]
    else:
        keys = [tuple(re.findall(r"[\w']+", idiom.lower())) for idiom in table]
    patterns = []
    keys = [_without_placeholder(key) for key in keys]
    for idiom, key in zip(table, keys, strict=True):
        dropped = len(key) > 2 and key[0] in _DETERMINERS
        patterns.append((idiom, key[1:] if dropped else key, table[idiom], dropped))
    return sorted(patterns, key=lambda p: -len(p[1]))


_PLACEHOLDERS = (("de", "quelqu'un"), ("à", "quelqu'un"), ("quelqu'un",), ("quelque", "chose"), ("qqn",),
                 ("someone",), ("something",), ("somebody",))


def _without_placeholder(key: tuple[str, ...]) -> tuple[str, ...]:
    """"boire les paroles de quelqu'un" is matched without its placeholder."""
    for tail in _PLACEHOLDERS:
        if len(key) > len(tail) + 1 and key[-len(tail):] == tail:
            return key[:-len(tail)]
    return key


def _key(token) -> str:
    if token.pos_ == "DET" and "Poss=Yes" in str(token.morph):
        return "<poss>"
    return (token.lemma_ or token.text).lower().replace("’", "'")


@cache
def _by_first_key(lang: str) -> dict[str, list]:
    """Patterns indexed by their first key, so that each token looks only at the idioms it can start."""
    index: dict[str, list] = {}
    for pattern in idiom_patterns(lang):
        if pattern[1]:
            index.setdefault(pattern[1][0], []).append(pattern)
    return index


def find_idioms(analysis) -> list[IdiomMatch]:
    tokens = [t for t in analysis.doc if not t.is_space]
    keys = [_key(t) for t in tokens] if analysis.lang == "fr" else [t.text.lower() for t in tokens]
    index = _by_first_key(analysis.lang)
    candidates = []
    for i, key in enumerate(keys):
        starts = index.get(key, [])
        if analysis.lang == "en":
            starts = starts + [p for stem in _english_stems(key) for p in index.get(stem, [])]
        for idiom, pattern, meanings, dropped in starts:
            end = _match_rest(tokens, keys, i, pattern, analysis.lang)
            if end is not None:
                candidates.append((-len(pattern), i, end, idiom, meanings, dropped))
    found, used = [], set()
    for _size, i, end, idiom, meanings, dropped in sorted(candidates):  # longest idioms first
        if not used.intersection(range(i, end + 1)):
            used.update(range(i, end + 1))
            found.append(IdiomMatch(tokens[i].idx, tokens[end].idx + len(tokens[end].text), idiom, meanings,
                                    tokens[i], dropped))
    return sorted(found, key=lambda m: m.start)


def _english_stems(word: str) -> list[str]:
    return [word[:-len(suffix)] for suffix in ("ing", "es", "ed", "s", "d") if word.endswith(suffix)]


def _match_rest(tokens, keys, i, pattern, lang) -> int | None:
    position = i
    for wanted in pattern[1:]:
        gap = 0
        position += 1
        while position < len(keys) and not _same(keys[position], wanted, lang):
            if gap >= _MAX_GAP or lang == "en" or tokens[position].pos_ not in _GAP_POS:
                return None
            gap += 1
            position += 1
        if position >= len(keys):
            return None
    return position


def _same(key: str, wanted: str, lang: str) -> bool:
    if lang == "en":
        return key == wanted or (key.startswith(wanted) and key[len(wanted):] in ("s", "es", "ed", "d", "ing"))
    return key == wanted


@register
class Idiom(Rule):
    id = "idiom"
    impact = "serious"
    tags = ("mots", "langage-littéral", "falc", "tsa")
    help = {"fr": "Évitez les expressions imagées : dites les choses au sens propre.",
            "en": "Avoid figurative expressions: say things literally."}
    examples = [
        incorrect("Ces efforts ont enfin porté leurs fruits."),
        incorrect("Après la nouvelle, il est tombé dans les pommes."),
        correct("Ces efforts ont enfin donné de bons résultats."),
        incorrect("Exams are a piece of cake.", "en"),
        correct("Exams are easy.", "en"),
    ]

    def check(self, analysis, options):
        return [self.finding(analysis, m.start, m.end,
                             f"« {analysis.text[m.start:m.end]} » est une expression imagée : « {m.meanings[0]} ».",
                             f"“{analysis.text[m.start:m.end]}” is a figurative expression: “{m.meanings[0]}”.",
                             m.meanings[0])
                for m in find_idioms(analysis)]
