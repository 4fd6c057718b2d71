"""How common a word is (wordfreq's Zipf scale: 0 unknown, 3 rare, 6 very common), read once per word."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency  # loaded on first use: `import atypie` stays light

    return zipf_frequency(word, lang)
