"""A document as CommonMark with GFM tables: headings that never skip a level, nested lists, tables, figures with an
alt text, fenced code, `$$` formulas, quotations, page breaks and the glossary at the end. Pure: no I/O. Document text
is hostile input: every character that could open markup is escaped, so text never turns into HTML, a link, an image,
emphasis, a list or a heading; code and formulas are kept verbatim inside fences that their text cannot close."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Break, Code, Document, Figure, Formula, Heading, ListBlock, Mark, Paragraph, Quote, Table, Text
from .common import figure_alt, heading_levels, inline_tokens, labels, safe_href, usable_marks

_ACTIVE = re.compile(r"[\\`*_\[\]<>&|~$]")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}  # as falc/render.py writes them: never raw HTML
_LINE_START = re.compile(r"^(?:([#+=-])|(\d{1,9})([.)]))")  # a heading, a list item, a rule, « 1. » or « 1) »
_BACKTICKS = re.compile(r"`+")
_LANGUAGE = re.compile(r"[^A-Za-z0-9+#._-]")
_PUNCTUATION = re.compile(r"[^\w\s]")


def to_markdown(document: Document, glossary: list, lang: str, *, descriptions: dict[int, str] | None = None) -> str:
    """The whole document. `descriptions` holds alt texts by the figure's index in `walk(document.blocks)`."""
    title_h1, levels = heading_levels(document, lang)
    writer = _Writer(lang, labels(lang), descriptions or {}, iter(levels))
    parts = [f"# {_escape(_one_line(title_h1), line_start=True, heading=True)}"] if title_h1 else []
    parts += writer.blocks(document.blocks)
    if glossary:
        parts.append(_glossary(glossary, lang, writer.labels))
    return "\n\n".join(parts) + "\n"


@dataclass
class _Writer:
    lang: str
    labels: dict[str, str]
    descriptions: dict[int, str]
    levels: Iterator[int]
    position: int = -1  # the index in `walk` order of the block being written

    def blocks(self, blocks) -> list[str]:
        """Each block as Markdown; two lists in a row get different markers, so that they stay two lists."""
        out, previous, alternate = [], None, False
        for block in blocks:
            self.position += 1  # the same depth-first order as `walk`
            if isinstance(block, ListBlock):
                follows = isinstance(previous, ListBlock) and previous.ordered == block.ordered
                alternate = not alternate if follows else False
            written = self.list(block, alternate) if isinstance(block, ListBlock) else self.block(block)
            if written:
                out.append(written)
                previous = block
        return out

    def block(self, block) -> str:
        if isinstance(block, Heading):
            level = next(self.levels)
            return "#" * level + " " + inline(block.text, heading=True)
        if isinstance(block, Paragraph):
            return inline(block.text)
        if isinstance(block, Table):
            return _table(block, self.labels)
        if isinstance(block, Figure):
            return _figure(block, figure_alt(block, self.descriptions.get(self.position), self.lang))
        if isinstance(block, Code):
            return _fenced(block.text, _LANGUAGE.sub("", block.language)[:30])
        if isinstance(block, Formula):
            return _formula(block)
        if isinstance(block, Quote):
            inner = "\n\n".join(self.blocks(block.blocks))
            return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n")) if inner else ""
        if isinstance(block, Break):
            word = self.labels["slide" if block.kind == "slide" else "page"]
            return f"***\n\n*{word} {int(block.number)}*"  # not « --- »: first in a file, it opens front matter
        return ""

    def list(self, block: ListBlock, alternate: bool) -> str:
        """Items with their marker, nested blocks indented under them; ordered lists keep their start."""
        items, loose = [], False
        for number, item in enumerate(block.items, start=max(block.start, 0)):
            marker = (f"{number}{')' if alternate else '.'} " if block.ordered else ("* " if alternate else "- "))
            children = self.blocks(item.children)
            spaced = bool(item.children) and (not _can_follow_a_line(item.children[0]) or any(
                not isinstance(child, ListBlock) for child in item.children))
            loose = loose or spaced
            body = inline(item.text)
            if children:
                body += ("\n\n" if spaced else "\n") + "\n\n".join(children)
            items.append(marker + _indent(body, len(marker)))
        return ("\n\n" if loose else "\n").join(items)


def _can_follow_a_line(block) -> bool:
    """Whether a list may start right under an item's text: CommonMark would read « 3. » or an empty item there as
    more of the text."""
    return (isinstance(block, ListBlock) and bool(block.items) and (not block.ordered or block.start == 1)
            and bool(block.items[0].text.text.strip()))


def inline(text: Text, *, heading: bool = False, in_table: bool = False) -> str:
    """A text on one line, its marks as `*`, `**`, code spans, `$`code`$` and links, everything else escaped."""
    content, marks = _trimmed(text)
    out: list[str] = []
    code: list[str] | None = None
    for token in inline_tokens(Text(content, tuple(marks)), marks):
        if token[0] == "text":
            if code is not None:
                code.append(token[1])
            else:
                out.append(_escape(token[1], line_start=token[2] == 0, heading=heading))
            continue
        kind, mark = token[0], token[1]
        if mark.kind in ("code", "math"):
            if kind == "open":
                code = []
            else:
                span = _code_span("".join(code or []), in_table)
                out.append(f"${span}$" if mark.kind == "math" else span)
                code = None
        elif mark.kind == "link":
            out.append("[" if kind == "open" else f"]({_destination(mark.href)})")
        else:
            out.append("**" if mark.kind == "strong" else "*")
    return "".join(out)


def _trimmed(text: Text) -> tuple[str, list[Mark]]:
    """The text on one line without its outer spaces, and the marks Markdown can write: emphasis that starts and
    ends on a visible character next to a word boundary it can open on, nothing inside code or maths."""
    content = _one_line(text.text)
    lead = len(content) - len(content.lstrip())
    content = content.strip()
    shifted = [Mark(m.start - lead, m.end - lead, m.kind, m.href) for m in text.marks]
    marks = usable_marks(Text(content, tuple(shifted)))
    verbatim = [m for m in marks if m.kind in ("code", "math")]
    kept = []
    for mark in marks:
        if mark.kind not in ("code", "math") and any(v.start <= mark.start and mark.end <= v.end for v in verbatim):
            continue
        if mark.kind in ("em", "strong"):
            mark = _tight(mark, content)
            if mark is None or any(_crossing(mark, other) for other in kept if other.kind in ("em", "strong")):
                continue  # `*a **b* c**` reads as neither
        kept.append(mark)
    return content, kept


def _tight(mark: Mark, content: str) -> Mark | None:
    """The emphasis without its outer spaces, or None where `*` could not open or close it (a*(b)*c)."""
    run = content[mark.start:mark.end]
    start = mark.start + len(run) - len(run.lstrip())
    end = mark.end - (len(run) - len(run.rstrip()))
    if start >= end:
        return None
    before = content[start - 1] if start > 0 else " "
    after = content[end] if end < len(content) else " "
    if _PUNCTUATION.match(content[start]) and not (before.isspace() or _PUNCTUATION.match(before)):
        return None
    if _PUNCTUATION.match(content[end - 1]) and not (after.isspace() or _PUNCTUATION.match(after)):
        return None
    return Mark(start, end, mark.kind)


def _crossing(one: Mark, other: Mark) -> bool:
    return one.start < other.start < one.end < other.end or other.start < one.start < other.end < one.end


def _escape(text: str, *, line_start: bool = False, heading: bool = False) -> str:
    """Plain text that renders as written: markup characters escaped, `<`, `>` and `&` as entities."""
    escaped = _ACTIVE.sub(lambda m: _ENTITIES.get(m.group(0), "\\" + m.group(0)), text)
    if heading:
        escaped = escaped.replace("#", "\\#")
    elif line_start:
        escaped = _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}",
                                  escaped, count=1)
    return escaped


def _one_line(text: str) -> str:
    return re.sub(r"[\x00-\x1f\x7f\u2028\u2029]", " ", text)


def _code_span(content: str, in_table: bool) -> str:
    """A code span its text cannot close: one backtick more than the longest run inside."""
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(content)), default=0) + 1)
    pad = " " if content[:1] == "`" or content[-1:] == "`" or (content[:1] == content[-1:] == " " and
                                                                content.strip()) else ""
    if in_table:
        content = content.replace("|", "\\|")  # GFM splits cells before it reads code spans
    return f"{fence}{pad}{content}{pad}{fence}"


def _destination(href: str) -> str:
    """A link target as Markdown writes it: between `<` and `>` when it holds spaces or brackets."""
    if href and not re.search(r"[\s()<>\\]", href):
        return href
    return "<" + re.sub(r"([<>\\])", r"\\\1", href) + ">"


def _fenced(text: str, info: str = "") -> str:
    """Verbatim text in a backtick fence longer than any backtick run inside."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    body = text[:-1] if text.endswith("\n") else text
    return f"{fence}{info}\n{body}\n{fence}"


def _formula(block: Formula) -> str:
    """LaTeX between `$$` lines (in a ```math fence when it holds `$$` itself); MathML as a fenced source."""
    text = block.text.strip("\n")
    if block.notation == "mathml":
        return _fenced(text, "mathml")
    if "$$" in text or not text.strip():
        return _fenced(text, "math")
    return f"$$\n{text}\n$$"


def _table(block: Table, words: dict[str, str]) -> str:
    """A GFM table; without a header row in the file, the columns are named « Colonne 1 », « Colonne 2 »…"""
    rows = [[inline(cell, in_table=True) for cell in row] for row in block.rows]
    width = max((len(row) for row in rows), default=0)
    if not width:
        return ""
    rows = [row + [""] * (width - len(row)) for row in rows]
    if block.header_rows > 0:
        header, body = rows[0], rows[1:]
    else:
        header, body = [f"{words['column']} {i + 1}" for i in range(width)], rows
    lines = ["| " + " | ".join(row) + " |" for row in (header, ["---"] * width, *body)]
    caption = f"*{_escape(_one_line(block.caption).strip(), line_start=True)}*\n\n" if block.caption.strip() else ""
    return caption + "\n".join(lines)


def _figure(block: Figure, alt: str) -> str:
    """`![alt](name)`, the name only when it is a relative reference (never a remote picture), then the caption."""
    name = safe_href(_one_line(block.name)) or ""
    if re.match(r"^([A-Za-z][A-Za-z0-9+.-]*:|//)", name):
        name = ""
    written = f"![{_escape(alt)}]({_destination(name)})"
    if block.caption.strip():
        written += f"\n\n*{_escape(_one_line(block.caption).strip(), line_start=True)}*"
    return written


def _indent(text: str, width: int) -> str:
    """Every line but the first indented by `width` spaces (blank lines stay empty)."""
    first, *rest = text.split("\n")
    return "\n".join([first, *((" " * width + line) if line else "" for line in rest)])


def _glossary(glossary: list, lang: str, words: dict[str, str]) -> str:
    from ...falc.glossary import shown_definition
    from ...falc.render import still_to_explain

    lines = [f"## {words['glossary']}", ""]
    for entry in glossary:
        term = _escape(_one_line(entry.term).strip())
        if term:
            definition = _escape(_one_line(shown_definition(entry, lang)).strip())
            lines.append(f"- **{term}**{words['colon']}{definition}")
    left = sum(1 for entry in glossary if getattr(entry, "needs_review", False))
    if left:
        lines += ["", _escape(still_to_explain(left, lang))]
    return "\n".join(lines)
