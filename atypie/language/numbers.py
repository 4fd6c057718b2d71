"""Numbers written in a text, normalised so that "1 000,5", "1000.5" and "1 000.50" compare equal."""
from __future__ import annotations

import re

# Digits with optional thousands separators (space, no-break space, narrow no-break space, dot or comma
# in groups of three) and an optional decimal part.
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\w])|(?<![\w])\d+(?:[.,]\d+)?")


def numbers_in(text: str) -> set[str]:
    """The set of numbers in `text`, each normalised (no grouping, "." as decimal point, no trailing 0)."""
    return {_normalise(match) for match in _NUMBER.findall(text)}


def new_numbers(answer: str, source: str) -> set[str]:
    """Numbers that appear in `answer` but nowhere in `source`."""
    return numbers_in(answer) - numbers_in(source)


def _normalise(raw: str) -> str:
    compact = re.sub(r"[ \u00a0\u202f]", "", raw).replace(",", ".")
    if "." in compact:
        whole, _, decimals = compact.partition(".")
        decimals = decimals.rstrip("0")
        compact = f"{int(whole)}.{decimals}" if decimals else str(int(whole))
    else:
        compact = str(int(compact))
    return compact
