"""What a PDF's pages cut and a reader would not: a paragraph that runs on to the next page is one paragraph again
(the page break then follows it), and the file's own table of contents (titles, dot leaders, page numbers) is left
out, since the page numbers no longer hold in the adapted document, which makes its own."""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, Break, Heading, Mark, Paragraph, Text

_ENDS_SENTENCE = re.compile(r"[.!?:;…»\")\]]\s*$")
_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}\b")  # « Définition ............ 11 »
_CONTENTS = re.compile(r"^\s*(?:table des matières|sommaire|contents|table of contents)\s*$", re.IGNORECASE)
_ENTRY = re.compile(r"(?:\.\s?){4,}|(?:^|\s)\d{1,4}\.?\s*$")  # in a table of contents: a leader, or a page number last
MIN_LEADERS = 2  # a paragraph with this many dot leaders followed by a page number is a table of contents


def reflowed(blocks: list[Block]) -> list[Block]:
    return _without_contents(_joined_across_pages(blocks))


def _joined_across_pages(blocks: list[Block]) -> list[Block]:
    """A paragraph that ends a page without ending its sentence, followed on the next page by a paragraph that
    starts in lower case, is one paragraph: « … Shockley, Bardeen » + « et Brattain inventent … »."""
    out: list[Block] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        after = blocks[k + 1] if k + 1 < len(blocks) else None
        if (isinstance(block, Break) and block.kind == "page" and out and isinstance(out[-1], Paragraph)
                and isinstance(after, Paragraph) and _continues(out[-1].text.text, after.text.text)):
            out[-1] = replace(out[-1], text=_concatenated(out[-1].text, after.text))
            out.append(block)
            k += 2
            continue
        out.append(block)
        k += 1
    return out


def _continues(before: str, text: str) -> bool:
    first = text.lstrip()[:1]
    return bool(first) and first.isalpha() and first.islower() and not _ENDS_SENTENCE.search(before)


def _concatenated(first: Text, second: Text) -> Text:
    joined = first.text.rstrip()
    if joined.endswith("-") and not joined.endswith(" -"):  # a word cut at the end of the page: « trans- » « istor »
        joined, gap = joined[:-1], ""
    else:
        gap = " "
    offset = len(joined) + len(gap)
    marks = tuple(m for m in first.marks if m.end <= len(joined)) + tuple(
        Mark(m.start + offset, m.end + offset, m.kind, m.href) for m in second.marks)
    return Text(joined + gap + second.text.lstrip(), marks)


def _without_contents(blocks: list[Block]) -> list[Block]:
    """The blocks less the table of contents: every paragraph of dot leaders, and under a heading « Table des
    matières » (or « Sommaire »), each entry ending on its page number; the heading goes when nothing is left
    under it."""
    out: list[Block] = []
    contents_at = None  # where the heading of a table of contents is in `out`, while its section lasts
    for block in blocks:
        if isinstance(block, Heading):
            _drop_if_empty(out, contents_at)
            contents_at = len(out) if _CONTENTS.match(block.text.text) else None
        elif isinstance(block, Paragraph) and (len(_LEADER.findall(block.text.text)) >= MIN_LEADERS or (
                contents_at is not None and _ENTRY.search(block.text.text))):
            continue
        out.append(block)
    _drop_if_empty(out, contents_at)
    return out


def _drop_if_empty(out: list[Block], at: int | None) -> None:
    if at is not None and all(isinstance(block, Break) for block in out[at + 1:]):
        del out[at]
