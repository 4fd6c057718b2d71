"""What the HTML and Markdown writers share: the words they add in each language, the rule for links, a figure's
alt text, the document's title and outline (heading levels that never skip), and marks turned into well-nested
open/close/text events. Pure."""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ..model import MARK_KINDS, Document, Figure, Heading, Mark, Text, walk

LABELS = {
    "fr": {"skip": "Aller au contenu", "toc": "Sommaire", "glossary": "Glossaire", "page": "Page",
           "slide": "Diapositive", "no_description": "Image sans description", "formula": "formule",
           "linear": "Lecture linéaire du tableau", "column": "Colonne", "document": "Document",
           "colon": " : ", "semicolon": " ; "},
    "en": {"skip": "Skip to content", "toc": "Contents", "glossary": "Glossary", "page": "Page",
           "slide": "Slide", "no_description": "Image without description", "formula": "formula",
           "linear": "Table read row by row", "column": "Column", "document": "Document",
           "colon": ": ", "semicolon": "; "},
}
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_UNSAFE_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_URL_NOISE = re.compile(r"[\x00-\x1f\x7f]")  # browsers drop tabs and newlines inside a URL: « java\nscript: »
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_NESTING = {"link": 0, "strong": 1, "em": 2, "code": 3, "math": 4}  # outer to inner; code and maths innermost


def labels(lang: str) -> dict[str, str]:
    """The interface words in `lang`, French when the language is not known."""
    return LABELS.get(lang, LABELS["fr"])


def safe_href(href: str) -> str | None:
    """`href` when it is an http, https or mailto link or a relative one, else None (javascript:, data:, file:…)."""
    cleaned = _URL_NOISE.sub("", href).strip()
    scheme = _SCHEME.match(cleaned)
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        return None
    return cleaned


def figure_alt(figure: Figure, description: str | None, lang: str) -> str:
    """The figure's own alt text, else the image pipeline's description, else « Image sans description »."""
    for candidate in (figure.alt, description or ""):
        if candidate.strip():
            return " ".join(candidate.split())
    return labels(lang)["no_description"]


def document_title(document: Document, lang: str) -> str:
    """The document's title, else its file name, else « Document »."""
    return document.title.strip() or document.name.strip() or labels(lang)["document"]


def heading_levels(document: Document, lang: str) -> tuple[str, list[int]]:
    """The level to write each heading at, in `walk` order, so that levels never skip (h1, h3 → h1, h2), and the
    title to write first as the h1 when the document has none ("" when it has one)."""
    headings = [block for block in walk(document.blocks) if isinstance(block, Heading)]
    has_h1 = any(heading.level <= 1 for heading in headings)
    stack = [(0, 0)] if has_h1 else [(1, 1)]  # (level in the file, level written)
    levels = []
    for heading in headings:
        level = min(max(heading.level, 1), 6)
        while len(stack) > 1 and stack[-1][0] >= level:
            stack.pop()
        written = min(stack[-1][1] + 1, 6)
        stack.append((level, written))
        levels.append(written)
    return ("" if has_h1 else document_title(document, lang)), levels


def usable_marks(text: Text) -> list[Mark]:
    """The text's marks within its bounds, of a known kind, touching runs of one kind joined, links with a safe
    target only (an unsafe link keeps its words), and no link inside another."""
    size, seen, marks = len(text.text), set(), []
    for mark in sorted(text.marks, key=lambda m: (m.start, -m.end)):
        start, end = max(mark.start, 0), min(mark.end, size)
        if mark.kind not in MARK_KINDS or start >= end:
            continue
        href = ""
        if mark.kind == "link":
            href = safe_href(mark.href)
            if href is None or any(m.kind == "link" and m.start < end and start < m.end for m in marks):
                continue
        joined = next((m for m in marks if m.kind == mark.kind != "link" and m.start <= start <= m.end), None)
        if joined is not None:  # touching runs of one kind are one run: `a``b` would not read as two code spans
            marks[marks.index(joined)] = Mark(joined.start, max(joined.end, end), mark.kind)
        elif (start, end, mark.kind, href) not in seen:
            seen.add((start, end, mark.kind, href))
            marks.append(Mark(start, end, mark.kind, href))
    return marks


def inline_tokens(text: Text, marks: list[Mark]) -> Iterator[tuple]:
    """("open", mark), ("close", mark) and ("text", characters, offset) in order, always well nested: a mark that
    overlaps another is closed and opened again; code and maths are innermost."""
    content = text.text
    cuts = sorted({0, len(content), *(m.start for m in marks), *(m.end for m in marks)})
    stack: list[Mark] = []
    for start, end in pairwise(cuts):
        wanted = sorted((m for m in marks if m.start <= start and end <= m.end),
                        key=lambda m: (m.kind in ("code", "math"), m.start, -m.end, _NESTING[m.kind]))
        kept = 0
        while kept < min(len(stack), len(wanted)) and stack[kept] is wanted[kept]:
            kept += 1
        for mark in reversed(stack[kept:]):
            yield ("close", mark)
        for mark in wanted[kept:]:
            yield ("open", mark)
        stack = wanted
        yield ("text", content[start:end], start)
    for mark in reversed(stack):
        yield ("close", mark)
