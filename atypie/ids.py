"""Validation of identifiers typed by people (profile ids, staff names): strict slugs, nothing else."""
from __future__ import annotations

import re

from .errors import InvalidIdentifier

_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def check_identifier(value: object) -> str:
    """Return `value` when it is a safe identifier, else raise `InvalidIdentifier` (code ATY-E011)."""
    if isinstance(value, str) and _SLUG.fullmatch(value):
        return value
    raise InvalidIdentifier(shown=_printable_excerpt(value))


def _printable_excerpt(value: object, limit: int = 40) -> str:
    """A short, printable rendering of a rejected value, safe to show back to the user."""
    text = value if isinstance(value, str) else repr(value)
    text = "".join(ch if ch.isprintable() else "�" for ch in text)
    return text if len(text) <= limit else text[:limit] + "…"
