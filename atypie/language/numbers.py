"""Numbers in a text, with their value: digits ("1 000,5"), percentages, fractions ("3/4"), dates
("14/07/1789", "14 juillet 1789"), Roman numerals ("XIXe") and simple number words ("trois").

Values are normalised so that a rewrite that only reformats a number keeps the same value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .data import entries

_SPACE = "[ \u00a0\u202f]"
_DIGITS = rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_NUMERIC_DATE = re.compile(r"(?<![\w/])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\w/])")
_FRACTION = re.compile(r"(?<![\w/])(\d+)/(\d+)(?![\w/])")
_NUMBER = re.compile(rf"(?<![\w.,])(?:{_DIGITS})(?![\w])|(?<![\w])\d+(?=e\b|er\b|ème\b|ᵉ)")
# English groups thousands with commas ("1,250,000", "12,500.5"): a comma before groups of three digits is no decimal.
_EN_GROUPED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"
_EN_NUMBER = re.compile(rf"(?<![\w.,])(?:{_EN_GROUPED}(?![\w]|,\d)|(?:{_DIGITS})(?![\w]))")
_ROMAN = re.compile(r"\b(?=[MDCLXVI])(M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))(e|er|ème|ᵉ)?\b")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


@dataclass(frozen=True)
class NumberMention:
    text: str
    start: int
    end: int
    value: str  # normalised: "1000.5", "date:1789-07-14", "3/4"
    kind: str  # "number", "date", "fraction", "roman", "word", "percent"


def mentions(text: str, lang: str = "fr") -> list[NumberMention]:
    found: list[NumberMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    def add(match_text: str, start: int, end: int, value: str, kind: str) -> None:
        found.append(NumberMention(match_text, start, end, value, kind))
        taken.append((start, end))

    for m in _NUMERIC_DATE.finditer(text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        if lang == "en" and day <= 12 < month:
            day, month = month, day
        if 1 <= day <= 31 and 1 <= month <= 12:
            add(m[0], m.start(), m.end(), f"date:{year:04d}-{month:02d}-{day:02d}", "date")
    months = entries(lang, "months.txt")
    if months:
        names = "|".join(sorted(months, key=len, reverse=True))
        pattern = rf"(?<!\w)(\d{{1,2}})(?:er)?{_SPACE}+({names}){_SPACE}+(\d{{4}})(?!\w)"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            if free(m.start(), m.end()):
                add(m[0], m.start(), m.end(),
                    f"date:{int(m[3]):04d}-{int(months[m[2].lower()][0]):02d}-{int(m[1]):02d}", "date")
    for m in _FRACTION.finditer(text):
        if free(m.start(), m.end()) and int(m[2]) != 0:
            add(m[0], m.start(), m.end(), f"{int(m[1])}/{int(m[2])}", "fraction")
    for m in (_EN_NUMBER if lang == "en" else _NUMBER).finditer(text):
        if free(m.start(), m.end()):
            after = text[m.end():m.end() + 3]
            kind = "percent" if re.match(rf"{_SPACE}?%", after) else "number"
            add(m[0], m.start(), m.end(), normalise(m[0], lang), kind)
    for m in _ROMAN.finditer(text):
        if m[1] and free(m.start(), m.end()) and _looks_roman(m[1], m[2], text, m.start()):
            add(m[0], m.start(), m.end(), str(roman_value(m[1])), "roman")
    words = entries(lang, "number_words.txt")
    for m in re.finditer(r"(?<![\w-])[a-zéèêûôâîç]+(?![\w-])", text, re.IGNORECASE):
        value = words.get(m[0].lower())
        if value and free(m.start(), m.end()):
            add(m[0], m.start(), m.end(), normalise(value[0]), "word")
    return sorted(found, key=lambda n: n.start)


def values(text: str, lang: str = "fr") -> set[str]:
    return {m.value for m in mentions(text, lang)}


def normalise(raw: str, lang: str = "fr") -> str:
    if lang == "en" and re.fullmatch(_EN_GROUPED, raw):
        raw = raw.replace(",", "")
    compact = re.sub(_SPACE, "", raw).replace(",", ".")
    if "." in compact:
        whole, _, decimals = compact.partition(".")
        decimals = decimals.rstrip("0")
        return f"{int(whole)}.{decimals}" if decimals else str(int(whole))
    return str(int(compact))


def roman_value(numeral: str) -> int:
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


_ROMAN_CONTEXT = r"(siècle|siècles|century|centuries|chapitre|chapter|tome|partie|part|article|titre|livre|acte|scène)"


def _looks_roman(numeral: str, suffix: str | None, text: str, start: int) -> bool:
    """Roman numerals are read as such only with an ordinal suffix ("XIXe", "Ier"), next to a word like
    "siècle" or "chapitre", or after a capitalised name ("Louis XIV"); otherwise "CV", "CD" or "Le" would
    count as numbers."""
    if len(numeral) == 1 and numeral not in "IVX":
        return False
    if suffix:
        return True
    end = start + len(numeral)
    if re.match(rf"\s+{_ROMAN_CONTEXT}\b", text[end:end + 14], re.IGNORECASE):
        return True
    before = re.search(r"(\w+)\s+$", text[max(0, start - 20):start])
    if before is None:
        return False
    word = before[1]
    if re.fullmatch(_ROMAN_CONTEXT, word, re.IGNORECASE):
        return True
    return word[:1].isupper() and word[1:].islower() and word.lower() not in _FUNCTION_WORDS


_FUNCTION_WORDS = {"le", "la", "les", "ce", "ces", "cet", "cette", "de", "du", "des", "un", "une", "en", "et", "au",
                   "aux", "mon", "son", "sa", "ses", "the", "a", "an", "this", "my", "his", "her", "our", "their"}
