"""Figurative expressions and idioms, found on lemmas so that conjugated forms match
("a porté ses fruits" matches "porter ses fruits"); the French and English lists are data."""
from __future__ import annotations

import re
from functools import cache

from ...language.data import entries
from ...language.nlp import parse
from ..rule import Rule, correct, incorrect, register

_GAP_POS = {"ADV", "PRON", "AUX"}
_MAX_GAP = 2


@cache
def idiom_patterns(lang: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(idiom, lemma sequence, plain meanings), longest first."""
    table = entries(lang, "idioms.txt")
    patterns = []
    if lang == "fr":
        nlp_docs = list(zip(table, _lemma_docs(tuple(table))))
        for idiom, lemmas in nlp_docs:
            patterns.append((idiom, lemmas, table[idiom]))
    else:
        for idiom, meanings in table.items():
            patterns.append((idiom, tuple(re.findall(r"[\w']+", idiom.lower())), meanings))
    return sorted(patterns, key=lambda p: -len(p[1]))


def _lemma_docs(idioms: tuple[str, ...]) -> list[tuple[str, ...]]:
    from ...language.nlp import pipeline

    nlp = pipeline("fr", full=False)
    return [tuple(_key(t) for t in doc if not t.is_punct) for doc in nlp.pipe(idioms)]


def _key(token) -> str:
    if "Poss=Yes" in str(token.morph):
        return "<poss>"
    lemma = (token.lemma_ or token.text).lower()
    return lemma.replace("’", "'")


def find_idioms(analysis) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(start, end, idiom, meanings) for every idiom in the text."""
    tokens = [t for t in analysis.doc if not t.is_space]
    if analysis.lang == "fr":
        keys = [_key(t) for t in tokens]
    else:
        keys = [_english_key(t.text) for t in tokens]
    found, used = [], set()
    for idiom, pattern, meanings in idiom_patterns(analysis.lang):
        first = pattern[0]
        for i, key in enumerate(keys):
            if not _same(key, first, analysis.lang) or i in used:
                continue
            end = _match_rest(tokens, keys, i, pattern, analysis.lang)
            if end is not None and not used.intersection(range(i, end + 1)):
                used.update(range(i, end + 1))
                found.append((tokens[i].idx, tokens[end].idx + len(tokens[end].text), idiom, meanings))
    return sorted(found)


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


def _english_key(text: str) -> str:
    return text.lower()


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
        return [self.finding(analysis, start, end,
                             f"« {analysis.text[start:end]} » est une expression imagée : « {meanings[0]} ».",
                             f"“{analysis.text[start:end]}” is a figurative expression: “{meanings[0]}”.",
                             meanings[0])
                for start, end, _idiom, meanings in find_idioms(analysis)]
