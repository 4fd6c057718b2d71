"""A small offline language detector (French or English) based on function words.

It never guesses silently: when the evidence is too weak, it raises and asks for `--lang`.
"""
from __future__ import annotations

import re

from ..config import LANGUAGES
from ..errors import LanguageUndetected
from .data import words

MIN_HITS = 3
MIN_RATIO = 2.0


def detect(text: str) -> str:
    tokens = re.findall(r"[a-zà-öø-ÿœ']+", text.lower())
    tokens = [t.split("'")[-1] if "'" in t else t for t in tokens]
    scores = {lang: sum(token in words(lang, "function_words.txt") for token in tokens) for lang in LANGUAGES}
    best, other = ("fr", "en") if scores["fr"] >= scores["en"] else ("en", "fr")
    if scores[best] >= MIN_HITS and scores[best] >= MIN_RATIO * max(scores[other], 1):
        return best
    raise LanguageUndetected()
