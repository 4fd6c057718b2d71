"""A document adapted block by block, driven by a profile. The paragraphs and list items are simplified together, in
one pass of the plain-language engine over the whole document (so there is one glossary, placed at the end); each
plain sentence goes back to the block its source sentence came from, found by its offsets. The author's headings
stay as written; tables, code, formulas, quotations and figures are kept; a block the engine did not give back
stays as it was. Links and emphasis are kept on the words that survive. Nothing here reads or writes files."""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from ..errors import EmptyText
from ..falc.simplify import simplify
from ..language.data import settings
from ..profiles.model import Profile
from ..results import Notice
from .model import Block, Document, Heading, ListBlock, Mark, Paragraph, Quote, Text

PARAGRAPH_GAP = "\n\n"


@dataclass(frozen=True)
class AdaptedDocument:
    document: Document  # the same blocks, their texts in plain language
    glossary: list = field(default_factory=list)  # GlossaryEntry, one list for the whole document
    notices: list[Notice] = field(default_factory=list)
    lang: str = "fr"
    blocks: int = 0  # paragraphs and list items given to the engine
    changed: int = 0  # of those, how many the engine rewrote
    unexplained: int = 0  # hard words of the glossary still « à expliquer »
    seconds: float = 0.0

    def report(self) -> dict:
        return {"name": self.document.name, "kind": self.document.kind, "lang": self.lang, "blocks": self.blocks,
                "changed": self.changed, "unexplained": self.unexplained, "seconds": round(self.seconds, 2),
                "notices": [n.to_dict(self.lang) for n in self.notices]}


def adapt_document(document: Document, profile: Profile, *, backend: str | None = None,
                   course_glossary: dict[str, str] | None = None) -> AdaptedDocument:
    """The document with its prose in plain language (see the module's docstring)."""

    start = time.perf_counter()
    texts = _prose(document.blocks)
    if not texts:
        return AdaptedDocument(document, lang=document.lang or profile.language, seconds=time.perf_counter() - start)
    joined, ranges = _joined(texts)
    whole = profile.model_copy(update={"text": profile.text.model_copy(update={"chunking": False})})
    try:
        result = simplify(joined, whole, document.lang or None, backend, course_glossary)
    except EmptyText:
        return AdaptedDocument(document, lang=document.lang or profile.language, seconds=time.perf_counter() - start)
    plain = _plain_by_text(result.diff, ranges)
    rewritten = {key: _rewritten(texts[key], sentences) for key, sentences in plain.items()}
    rewritten = {key: _colon_kept(texts[key], text) for key, text in rewritten.items()}
    blocks = _replaced(document.blocks, rewritten)
    if profile.text.chunking:
        blocks = _chunked(blocks, profile.text.max_words_per_section, result.lang)
    changed = sum(1 for key, text in rewritten.items() if text.text != texts[key].text)
    return AdaptedDocument(replace(document, blocks=blocks, lang=result.lang), result.glossary, result.notices,
                           result.lang, len(texts), changed, result.unexplained, time.perf_counter() - start)


def _prose(blocks: tuple[Block, ...]) -> dict[tuple, Text]:
    """The texts the engine rewrites, keyed by their place: paragraphs and list items, in reading order (not the
    headings, tables, code, formulas, quotations or figures)."""
    found: dict[tuple, Text] = {}
    for path, text in _places(blocks, ()):
        if text.text.strip():
            found[path] = text
    return found


def _places(blocks: tuple[Block, ...], prefix: tuple):
    for n, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            yield prefix + (n,), block.text
        elif isinstance(block, ListBlock):
            for k, item in enumerate(block.items):
                yield prefix + (n, k), item.text
                yield from _places(item.children, prefix + (n, k, "children"))


def _joined(texts: dict[tuple, Text]) -> tuple[str, list[tuple[int, int, tuple]]]:
    """One text, a paragraph per block (line breaks inside a block become spaces), and where each block lies."""
    parts, ranges, offset = [], [], 0
    for key, text in texts.items():
        body = " ".join(text.text.split())
        parts.append(body)
        ranges.append((offset, offset + len(body), key))
        offset += len(body) + len(PARAGRAPH_GAP)
    return PARAGRAPH_GAP.join(parts), ranges


def _plain_by_text(diff, ranges: list[tuple[int, int, tuple]]) -> dict[tuple, list[str]]:
    """The plain sentences of each block: every sentence the engine rewrote belongs to the block holding its
    source offsets. A block whose sentences were not all given back keeps its own text."""
    found: dict[tuple, list[str]] = {}
    for entry in diff:
        if entry.start < 0:
            continue
        key = next((key for low, high, key in ranges if low <= entry.start < high), None)
        if key is not None:
            found.setdefault(key, []).extend(entry.plain)
    return found


def _rewritten(source: Text, sentences: list[str]) -> Text:
    """The block's plain sentences as one text, with the source's marks kept where their words are still there."""
    text = " ".join(s.strip() for s in sentences if s.strip())
    if not text:
        return source
    marks, cursor = [], 0
    for mark in sorted(source.marks, key=lambda m: m.start):
        words = source.text[mark.start:mark.end]
        at = text.find(words, cursor) if words.strip() else -1
        if at >= 0:
            marks.append(Mark(at, at + len(words), mark.kind, mark.href))
            cursor = at + len(words)
    return Text(text, tuple(marks))


def _chunked(blocks: tuple[Block, ...], limit: int, lang: str) -> tuple[Block, ...]:
    """The profile's short sections, only inside an author's section longer than `limit` words: a sub-heading
    (« Partie 2 (1 min de lecture) ») where the next block would pass the limit; the author's headings stay."""
    import math

    per_minute = settings(lang).get("reading", {}).get("words_per_minute", 115)
    out: list[Block] = []
    section: list[Block] = []
    level = 1

    def close() -> None:
        parts: list[list[Block]] = [[]]
        count = 0
        for block in section:
            size = _words(block)
            if parts[-1] and count + size > limit and size:
                parts.append([])
                count = 0
            parts[-1].append(block)
            count += size
        for number, part in enumerate(parts, 1):
            if len(parts) > 1:
                minutes = max(1, math.ceil(sum(_words(b) for b in part) / per_minute))
                title = (f"Part {number} ({minutes} min of reading)" if lang == "en" else
                         f"Partie {number} ({minutes} min de lecture)")
                out.append(Heading(min(level + 1, 6), Text(title)))
            out.extend(part)
        section.clear()

    for block in blocks:
        if isinstance(block, Heading):
            close()
            out.append(block)
            level = block.level
        else:
            section.append(block)
    close()
    return tuple(out)


def _words(block: Block) -> int:
    if isinstance(block, Paragraph):
        return len(block.text.text.split())
    if isinstance(block, ListBlock):
        return sum(len(item.text.text.split()) for item in block.items)
    return 0


def _colon_kept(source: Text, plain: Text) -> Text:
    """A list's introduction keeps its colon (« Elle se compose de trois éléments : »)."""
    if source.text.rstrip().endswith(":") and not plain.text.rstrip().endswith(":"):
        body = plain.text.rstrip().rstrip(".")
        return Text(body + " :", tuple(m for m in plain.marks if m.end <= len(body)))
    return plain


def _replaced(blocks: tuple[Block, ...], rewritten: dict[tuple, Text], prefix: tuple = ()) -> tuple[Block, ...]:
    out: list[Block] = []
    for n, block in enumerate(blocks):
        if isinstance(block, Paragraph) and prefix + (n,) in rewritten:
            block = replace(block, text=rewritten[prefix + (n,)])
        elif isinstance(block, ListBlock):
            items = tuple(replace(item, text=rewritten.get(prefix + (n, k), item.text),
                                  children=_replaced(item.children, rewritten, prefix + (n, k, "children")))
                          for k, item in enumerate(block.items))
            block = replace(block, items=items)
        elif isinstance(block, Quote):
            pass  # a quotation is kept as written
        out.append(block)
    return tuple(out)
