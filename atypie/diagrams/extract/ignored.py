"""What diagram extraction never reads: links, e-mail addresses, markup, and notes in brackets or parentheses
that hold a link or address an assistant. Instructions hidden in a course are data, never part of its diagram."""
from __future__ import annotations

import re
from functools import cache

from ...language.data import LANGUAGES, words
from ...language.links import blank_links, link_spans

_TAG = re.compile(r"</?[a-z][^<>]*>", re.IGNORECASE)
_NOTE = re.compile(r"\[(?:[^\[\]\n]|\n(?!\s*\n))*\]|\((?:[^()\n]|\n(?!\s*\n))*\)|\{(?:[^{}\n]|\n(?!\s*\n))*\}")


def blank_ignored(text: str) -> str:
    """`text` with what extraction never reads replaced by spaces, so that every offset stays that of `text`."""
    text = _NOTE.sub(lambda m: _blank(m) if _is_ignored_note(m.group()) else m.group(), text)
    return _TAG.sub(_blank, _blank_comments(blank_links(text)))


def _is_ignored_note(note: str) -> bool:
    return bool(link_spans(note) or _to_assistant().search(note.replace("’", "'")))


def _blank_comments(text: str) -> str:
    """HTML comments blanked, found with `str.find` (a regex would rescan an unclosed one from every opening)."""
    pieces, done = [], 0
    while (start := text.find("<!--", done)) >= 0 and (end := text.find("-->", start + 4)) >= 0:
        pieces += [text[done:start], re.sub(r"[^\n]", " ", text[start:end + 3])]
        done = end + 3
    return "".join(pieces) + text[done:]


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group())


@cache
def _to_assistant() -> re.Pattern:
    """The words of any language's `assistant_notes.txt`: a note holding one addresses an assistant."""
    phrases = sorted({p for lang in LANGUAGES for p in words(lang, "assistant_notes.txt")}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, phrases))})(?!\w)", re.IGNORECASE)
