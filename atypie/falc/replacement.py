"""One replacement over the original text: its position, its new text and why it was made."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    text: str
    kind: str  # idiom, foreign, substitution, abbreviation, date, roman, symbol, capitals, number
    review: bool = False  # the replacement could not be made grammatical: a person should check it

