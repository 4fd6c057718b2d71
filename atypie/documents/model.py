"""The document model every reader builds and every writer reads: blocks in reading order, each with where it came
from. Pure data, no I/O. Text that the adaptation may rewrite (headings, paragraphs, list items, table cells) is a
`Text`: plain characters plus marked runs (emphasis, links, inline code or maths) given by their offsets, so that a
rewritten paragraph can keep a link whose words survive. Code and formulas are kept verbatim, never rewritten."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

MARK_KINDS = frozenset({"em", "strong", "code", "link", "math"})


@dataclass(frozen=True)
class Source:
    """Where a block starts in its file: a page or slide number (1-based) for paged formats, a line (1-based) for
    text formats, and the index of the block in the file's own order."""
    page: int | None = None
    line: int | None = None
    index: int = 0


@dataclass(frozen=True)
class Mark:
    """A run of a Text: characters [start, end) are emphasised, strong, inline code, inline maths or a link."""
    start: int
    end: int
    kind: str  # one of MARK_KINDS
    href: str = ""  # for links: the target as written (never followed)


@dataclass(frozen=True)
class Text:
    text: str
    marks: tuple[Mark, ...] = ()

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Heading:
    level: int  # 1-6
    text: Text
    source: Source = field(default_factory=Source)


@dataclass(frozen=True)
class Paragraph:
    text: Text
    source: Source = field(default_factory=Source)


@dataclass(frozen=True)
class ListItem:
    text: Text
    children: tuple[Block, ...] = ()  # nested lists (and any other block inside the item)
    source: Source = field(default_factory=Source)


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...]
    start: int = 1
    source: Source = field(default_factory=Source)


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Text, ...], ...]
    header_rows: int = 0  # how many of the first rows are headers
    caption: str = ""
    source: Source = field(default_factory=Source)


@dataclass(frozen=True)
class Figure:
    image: bytes | None  # the picture's bytes when the file holds them (never fetched from the network)
    media_type: str = ""  # image/png, image/jpeg, image/svg+xml…
    alt: str = ""  # the alt text the file already has
    caption: str = ""
    name: str = ""  # the picture's own name or reference in the file
    source: Source = field(default_factory=Source)


@dataclass(frozen=True)
class Code:
    text: str  # verbatim
    language: str = ""
    source: Source = field(default_factory=Source)


@dataclass(frozen=True)
class Formula:
    text: str  # verbatim
    notation: str = "latex"  # latex or mathml
    source: Source = field(default_factory=Source)


@dataclass(frozen=True)
class Quote:
    blocks: tuple[Block, ...]  # a quotation is kept as written
    source: Source = field(default_factory=Source)


@dataclass(frozen=True)
class Break:
    """The start of a new page or slide (its number, 1-based)."""
    kind: str  # page or slide
    number: int
    source: Source = field(default_factory=Source)


Block = Union[Heading, Paragraph, ListBlock, Table, Figure, Code, Formula, Quote, Break]


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    title: str = ""
    lang: str = ""  # fr or en when the file says so, else empty (the adaptation detects it)
    kind: str = ""  # the format read: markdown, html, docx, odt, pptx, pdf
    name: str = ""  # the file's name, without folders


def walk(blocks: tuple[Block, ...]):
    """Every block, depth first, nested list items' children and quotations included."""
    for block in blocks:
        yield block
        if isinstance(block, ListBlock):
            for item in block.items:
                yield from walk(item.children)
        elif isinstance(block, Quote):
            yield from walk(block.blocks)


def plain_text(document: Document) -> str:
    """The document's words as plain text, one block a paragraph (for language detection and counts)."""
    parts: list[str] = []
    for block in walk(document.blocks):
        if isinstance(block, (Heading, Paragraph)):
            parts.append(block.text.text)
        elif isinstance(block, ListBlock):
            parts.extend(item.text.text for item in block.items)
        elif isinstance(block, Table):
            parts.extend(" ".join(cell.text for cell in row) for row in block.rows)
        elif isinstance(block, Figure) and block.caption:
            parts.append(block.caption)
    return "\n\n".join(p for p in parts if p.strip())
