"""Syllable counts without network: pyphen's hyphenation dictionaries for French, a vowel-group
heuristic for English (textstat's English counter downloads a dictionary, which fails offline)."""
from __future__ import annotations

import re
from functools import cache, lru_cache

_EN_VOWELS = re.compile(r"[aeiouy]+")


@cache
def _hyphenator(lang: str):
    import pyphen

    return pyphen.Pyphen(lang="fr_FR" if lang == "fr" else "en_US")


@lru_cache(maxsize=65536)
def count(word: str, lang: str) -> int:
    word = word.lower().strip("'’-")
    if not any(ch.isalpha() for ch in word):
        return 0
    if lang == "en":
        return _english(word)
    return _hyphenator("fr").inserted(word).count("-") + 1


def split(word: str, lang: str) -> list[str]:
    """The word cut into written syllables (for syllable colouring)."""
    return _hyphenator(lang).inserted(word).split("-") if len(word) > 1 else [word]


def _english(word: str) -> int:
    """Vowel groups, less a silent final "e", "es" or "ed" ("table" and "glasses" keep theirs)."""
    word = re.sub(r"[^a-z]", "", word)
    if not word:
        return 0
    if len(word) <= 3:
        return 1
    groups = len(_EN_VOWELS.findall(word))
    if word.endswith("e") and not word.endswith(("ee", "ye")) and not re.search(r"[^aeiouy]le$", word):
        groups -= 1
    elif word.endswith("es") and re.search(r"[^aeiouysxzhgc]es$", word):
        groups -= 1
    elif word.endswith("ed") and re.search(r"[^aeiouytd]ed$", word):
        groups -= 1
    return max(1, groups)
