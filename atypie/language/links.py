"""Links and e-mail addresses in a text: kept exactly as written by the rewrite, never read as words.

Each run of non-space characters is tested once, from its start (after an opening bracket or quote, before the
punctuation that ends a sentence): the cost stays linear in the text, whatever it holds."""
from __future__ import annotations

import re

_WORD = re.compile(r"\S+")
_OPENING, _CLOSING = "([{«\"'<", ".,;:!?)]}»\"'>"
_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://\S|mailto:\S|www\.\S"  # a scheme, mailto: or www.
                      r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+$"  # an e-mail address
                      r"|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/",  # a domain followed by a path
                      re.IGNORECASE)


def link_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the links and e-mail addresses in `text`."""
    spans = []
    for word in _WORD.finditer(text):
        start, end = word.span()
        while start < end and text[start] in _OPENING:
            start += 1
        while end > start and text[end - 1] in _CLOSING:
            end -= 1
        if start < end and _ADDRESS.match(text, start, end):
            spans.append((start, end))
    return spans


def blank_links(text: str) -> str:
    """`text` with its links and addresses replaced by spaces: every other offset is kept."""
    pieces, done = [], 0
    for start, end in link_spans(text):
        pieces += [text[done:start], " " * (end - start)]
        done = end
    return "".join(pieces) + text[done:]
