"""Number presentation for readers with dyscalculia: exact value kept, a simpler reading added.

"1 250 000 €" → "1 250 000 € (environ 1,25 million d'euros)"; "25 %" → "25 % (1 sur 4)";
"3,75" → "3,75 (environ 4)"; "3/4" → "3/4 (3 sur 4)". The added numbers are reported so that the
meaning check knows they explain an existing number and are not new facts.
"""
from __future__ import annotations

import re
from fractions import Fraction

from ..language.numbers import normalise
from .replacement import Replacement

_GROUP = "\u00a0"
_UNITS = {"€": ("d'euros", "euros"), "$": ("de dollars", "dollars"), "£": ("de livres", "pounds")}


def number_notes(analysis, style: str):
    notes, added = [], set()
    for mention in analysis.numbers:
        if mention.kind in ("date", "roman", "word"):
            continue
        end = _end_of_unit(analysis.text, mention.end)
        unit = analysis.text[mention.end:end].strip()
        if mention.kind == "number" and _needs_grouping(mention.text):
            notes.append(Replacement(mention.start, mention.end, _grouped(mention.value), "number"))
        if style != "grouped_with_words":
            continue
        note = _note(mention, unit, analysis.lang)
        if note:
            text, values = note
            notes.append(Replacement(end, end, f" ({text})", "number"))
            added |= values
    return notes, added


def _note(mention, unit: str, lang: str) -> tuple[str, set[str]] | None:
    about = "about" if lang == "en" else "environ"
    if mention.kind == "fraction":
        a, b = mention.value.split("/")
        return (f"{a} in {b}" if lang == "en" else f"{a} sur {b}"), set()
    value = float(mention.value)
    if mention.kind == "percent":
        fraction = Fraction(value / 100).limit_denominator(10)
        exact = abs(float(fraction) * 100 - value) < 0.5
        words = f"{fraction.numerator} {'in' if lang == 'en' else 'sur'} {fraction.denominator}"
        if fraction.numerator == 0:
            return None
        text = words if exact else f"{about} {words}"
        return text, {str(fraction.numerator), str(fraction.denominator)}
    if value >= 1_000_000 and not _is_year(mention.text):
        big, word = (value / 1_000_000_000, "milliard") if value >= 1_000_000_000 else (value / 1_000_000, "million")
        if lang == "en":
            word = "billion" if word == "milliard" else "million"
        shown = _decimal(round(big, 2), lang)
        plural = "s" if lang == "fr" and round(big, 2) >= 2 else ""
        currency = _UNITS.get(unit, ("", ""))[1 if lang == "en" else 0]
        text = f"{about} {shown} {word}{plural}" + (f" {currency}" if currency else "")
        return text, {normalise(shown), "1000000", "1000000000"}
    if value >= 10_000 and not _is_year(mention.text):
        thousands = round(value / 1000)
        return (f"{about} {thousands} {'thousand' if lang == 'en' else 'mille'}", {str(thousands), "1000"})
    if "." in mention.value and len(mention.value.split(".")[1]) >= 2:
        rounded = round(value)
        return (f"{about} {rounded}", {str(rounded)})
    return None


def _end_of_unit(text: str, end: int) -> int:
    match = re.match(r"[ \u00a0\u202f]?(?:%|€|\$|£|°C|°)", text[end:end + 4])
    return end + match.end() if match else end


def _needs_grouping(raw: str) -> bool:
    return bool(re.fullmatch(r"\d{5,}", raw))


def _grouped(value: str) -> str:
    whole, _, decimals = value.partition(".")
    groups = f"{int(whole):,}".replace(",", _GROUP)
    return groups + ("," + decimals if decimals else "")


def _decimal(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text if lang == "en" else text.replace(".", ",")


def _is_year(raw: str) -> bool:
    return bool(re.fullmatch(r"1\d{3}|20\d{2}", raw))
