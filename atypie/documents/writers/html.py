"""A document as one standalone, accessible HTML5 page: a skip link, one `<main>`, headings that never skip a level,
tables with a linear reading, figures with an alt text, a table of contents from four headings on, the glossary at the
end, and the profile's display as inline CSS. Pure: no I/O, no script, no external resource; every text is escaped,
since document text is hostile input. What the Markdown writer shares with this one is in common.py."""
from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Iterator

from ..model import (
    Break,
    Code,
    Document,
    Figure,
    Formula,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    Text,
    walk,
)
from .common import document_title, figure_alt, heading_levels, inline_tokens, labels, usable_marks

if TYPE_CHECKING:
    from ...profiles.model import DisplayPreferences

MATHML_TAGS = frozenset({"math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace",
                         "mfrac", "msqrt", "mroot", "msub", "msup", "msubsup", "munder", "mover", "munderover",
                         "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mstyle", "mpadded",
                         "mphantom", "menclose", "merror", "mfenced"})
MATHML_ATTRIBUTES = {"*": {"mathvariant", "displaystyle", "scriptlevel", "stretchy", "fence", "separator", "lspace",
                           "rspace", "accent", "accentunder", "columnalign", "rowalign", "notation", "open", "close",
                           "separators", "linethickness", "width", "height", "depth", "form", "largeop",
                           "movablelimits", "symmetric", "encoding"},
                     "math": {"display", "alttext"}}
_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml", "image/avif"})
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF8", "image/gif"))
_UNSAFE_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_LANGUAGE = re.compile(r"[^A-Za-z0-9+#._-]")
_TOC_MIN_HEADINGS = 4
_EXTRA_CSS = (
    ".skip{{position:absolute;left:.5rem;top:-10rem;background:{bg};color:{fg};padding:.5rem;z-index:1}}"
    ".skip:focus{{top:.5rem}}"
    ".visually-hidden{{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
    "clip:rect(0,0,0,0);white-space:nowrap;border:0}}"
    "h3,h4,h5,h6{{color:{fg};line-height:1.3}}ol,blockquote,pre,figure,table,.formula{{margin:0 0 {gap}em}}"
    "table{{border-collapse:collapse}}th,td{{border:1px solid {fg};padding:.4em .6em;text-align:left;"
    "vertical-align:top}}caption{{font-weight:bold;text-align:left;padding-bottom:.3em}}"
    "img{{max-width:100%;height:auto}}pre{{overflow:auto;padding:.75em;border:1px solid {fg}}}"
    "blockquote{{border-left:4px solid {accent};margin-left:0;padding-left:1em}}"
    ".break{{font-size:.875em;border-top:1px solid {fg};padding-top:.25em}}"
)


def to_html(document: Document, glossary: list, display: DisplayPreferences, lang: str, *,
            descriptions: dict[int, str] | None = None) -> str:
    """The whole page. `descriptions` holds alt texts by the figure's index in `walk(document.blocks)`."""
    title = document_title(document, lang)
    title_h1, levels = heading_levels(document, lang)
    page = _Page(lang, labels(lang), descriptions or {}, iter(levels))
    page.toc = _table_of_contents(document, levels, page.labels)
    body = [f"<h1>{_escape(title_h1)}</h1>"] if title_h1 else []
    if title_h1 and page.toc:
        body.append(page.toc)
        page.toc = ""
    body += _blocks(document.blocks, page)
    if page.toc:  # no h1 was written: the contents go first
        body.insert(0, page.toc)
    if glossary:
        body.append(_glossary(glossary, lang, page.labels))
    return ("<!DOCTYPE html>\n"
            f'<html lang="{_escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_escape(title)}</title>\n<style>{_css(display)}</style>\n</head>\n<body>\n"
            f'<a class="skip" href="#main">{_escape(page.labels["skip"])}</a>\n'
            '<main id="main" tabindex="-1">\n' + "\n".join(body) + "\n</main>\n</body>\n</html>\n")


@dataclass
class _Page:
    lang: str
    labels: dict[str, str]
    descriptions: dict[int, str]
    levels: Iterator[int]
    toc: str = ""
    position: int = -1  # the index in `walk` order of the block being written
    headings: int = 0


def _escape(text: str) -> str:
    return escape(_UNSAFE_CHARACTERS.sub("", text), quote=True)


def _css(display: DisplayPreferences) -> str:
    from ...falc.html import THEMES, page_css

    theme = THEMES[display.theme]
    return page_css(display, theme) + _EXTRA_CSS.format(bg=theme["bg"], fg=theme["fg"], accent=theme["accent"],
                                                        gap=display.paragraph_spacing_em)


def _blocks(blocks, page: _Page) -> list[str]:
    out = []
    for block in blocks:
        page.position += 1  # the same depth-first order as `walk`
        written = _block(block, page)
        if written:
            out.append(written)
    return out


def _block(block, page: _Page) -> str:
    if isinstance(block, Heading):
        return _heading(block, page)
    if isinstance(block, Paragraph):
        return f"<p>{_inline(block.text)}</p>" if block.text.text.strip() else ""
    if isinstance(block, ListBlock):
        return _list(block, page)
    if isinstance(block, Table):
        return _table(block, page.labels)
    if isinstance(block, Figure):
        return _figure(block, page)
    if isinstance(block, Code):
        language = _LANGUAGE.sub("", block.language)[:30]
        attribute = f' class="language-{language}"' if language else ""
        return f'<pre tabindex="0"><code{attribute}>{_escape(block.text)}</code></pre>'
    if isinstance(block, Formula):
        return _formula(block, page.labels)
    if isinstance(block, Quote):
        return "<blockquote>\n" + "\n".join(_blocks(block.blocks, page)) + "\n</blockquote>"
    if isinstance(block, Break):
        word = page.labels["slide" if block.kind == "slide" else "page"]
        return f'<p class="break">{_escape(word)} {int(block.number)}</p>'
    return ""


def _heading(block: Heading, page: _Page) -> str:
    level = next(page.levels)
    page.headings += 1
    written = f'<h{level} id="section-{page.headings}">{_inline(block.text)}</h{level}>'
    if level == 1 and page.toc:
        written += "\n" + page.toc
        page.toc = ""
    return written


def _inline(text: Text) -> str:
    out = []
    for token in inline_tokens(text, usable_marks(text)):
        if token[0] == "text":
            out.append(_escape(token[1]))
            continue
        mark = token[1]
        tag = {"em": "em", "strong": "strong", "code": "code", "math": "code", "link": "a"}[mark.kind]
        if token[0] == "close":
            out.append(f"</{tag}>")
        elif mark.kind == "link":
            out.append(f'<a href="{_escape(mark.href)}">')
        else:
            out.append('<code class="math">' if mark.kind == "math" else f"<{tag}>")
    return "".join(out)


def _list(block: ListBlock, page: _Page) -> str:
    tag = "ol" if block.ordered else "ul"
    start = f' start="{int(block.start)}"' if block.ordered and block.start != 1 else ""
    items = []
    for item in block.items:
        children = _blocks(item.children, page)
        inner = "\n" + "\n".join(children) + "\n" if children else ""
        items.append(f"<li>{_inline(item.text)}{inner}</li>")
    return f"<{tag}{start}>\n" + "\n".join(items) + f"\n</{tag}>"


def _table(block: Table, words: dict[str, str]) -> str:
    rows = list(block.rows)
    if not any(rows):
        return ""
    heads = min(max(block.header_rows, 0), len(rows))
    caption = f"<caption>{_escape(block.caption)}</caption>" if block.caption.strip() else ""
    head = "".join("<tr>" + "".join(f'<th scope="col">{_inline(cell)}</th>' for cell in row) + "</tr>"
                   for row in rows[:heads])
    body = "".join("<tr>" + "".join(f"<td>{_inline(cell)}</td>" for cell in row) + "</tr>" for row in rows[heads:])
    parts = [f"<table>{caption}", f"<thead>{head}</thead>" if head else "", f"<tbody>{body}</tbody>" if body else "",
             "</table>"]
    return "".join(parts) + _linear_reading(rows, heads, block.caption, words)


def _linear_reading(rows, heads: int, caption: str, words: dict[str, str]) -> str:
    """Each body row read as « colonne : valeur ; … », for screen readers (visually hidden, plain text, no link)."""
    if heads >= len(rows):
        return ""
    width = max(len(row) for row in rows)
    names = []
    for column in range(width):
        parts = [" ".join(row[column].text.split()) for row in rows[:heads] if column < len(row)]
        names.append(" – ".join(p for p in parts if p) or f"{words['column']} {column + 1}")
    lines = []
    for row in rows[heads:]:
        pairs = [f"{names[i]}{words['colon']}{' '.join(cell.text.split())}" for i, cell in enumerate(row)]
        lines.append(f"<li>{_escape(words['semicolon'].join(pairs))}</li>")
    title = f"{words['linear']} « {caption.strip()} »" if caption.strip() else words["linear"]
    return (f'\n<div class="visually-hidden"><p>{_escape(title)}</p><ol>' + "".join(lines) + "</ol></div>")


def _figure(block: Figure, page: _Page) -> str:
    alt = _escape(figure_alt(block, page.descriptions.get(page.position), page.lang))
    media_type = _media_type(block)
    if block.image and media_type:
        data = base64.b64encode(block.image).decode("ascii")
        picture = f'<img src="data:{media_type};base64,{data}" alt="{alt}">'
    else:
        name = f' <span class="image-name">({_escape(block.name.strip())})</span>' if block.name.strip() else ""
        picture = f'<p class="image-missing">{alt}{name}</p>'
    caption = f"<figcaption>{_escape(block.caption)}</figcaption>" if block.caption.strip() else ""
    return f"<figure>{picture}{caption}</figure>"


def _media_type(block: Figure) -> str:
    """The picture's media type when it is an image a browser shows from a data: URI, else ""."""
    declared = block.media_type.strip().lower()
    if declared in _IMAGE_TYPES:
        return declared
    head = (block.image or b"")[:16]
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return next((kind for magic, kind in _MAGIC if head.startswith(magic)), "")


def _formula(block: Formula, words: dict[str, str]) -> str:
    """A formula as written, in a group named « formule » (ARIA names no `code` element itself)."""
    inner = _mathml(block.text) if block.notation == "mathml" else f'<code class="math">{_escape(block.text)}</code>'
    return f'<div class="formula" role="group" aria-label="{_escape(words["formula"])}">{inner}</div>'


def _mathml(source: str) -> str:
    """MathML with only MathML tags and presentation attributes left (nh3): no script, event or link survives."""
    import nh3

    if "<math" not in source.lower():
        source = f"<math>{source}</math>"
    return nh3.clean(source, tags=set(MATHML_TAGS), attributes={k: set(v) for k, v in MATHML_ATTRIBUTES.items()},
                     url_schemes=set(), link_rel=None, strip_comments=True)


def _table_of_contents(document: Document, levels: list[int], words: dict[str, str]) -> str:
    """A nested list of links to the headings, when the document has four headings or more."""
    headings = [block for block in walk(document.blocks) if isinstance(block, Heading)]
    if len(headings) < _TOC_MIN_HEADINGS:
        return ""
    base = min(levels) - 1
    out, depth = [], 0
    for number, (heading, level) in enumerate(zip(headings, levels, strict=True), start=1):
        wanted = level - base
        if wanted > depth:
            while depth < wanted:
                out.append("<ul>" if depth == 0 or out[-1].startswith("<li") else "<li><ul>")
                depth += 1
        else:
            out.append("</li>")
            while depth > wanted:
                out.append("</ul></li>")
                depth -= 1
        out.append(f'<li><a href="#section-{number}">{_escape(" ".join(heading.text.text.split()))}</a>')
    out.append("</li>")
    while depth > 1:
        out.append("</ul></li>")
        depth -= 1
    out.append("</ul>")
    return f'<nav aria-label="{_escape(words["toc"])}">' + "".join(out) + "</nav>"


def _glossary(glossary: list, lang: str, words: dict[str, str]) -> str:
    from ...falc.glossary import shown_definition
    from ...falc.render import still_to_explain

    rows = "".join(f"<dt>{_escape(entry.term)}</dt><dd>{_escape(shown_definition(entry, lang))}</dd>"
                   for entry in glossary if entry.term.strip())
    left = sum(1 for entry in glossary if getattr(entry, "needs_review", False))
    note = f'<p class="unexplained">{_escape(still_to_explain(left, lang))}</p>' if left else ""
    return (f'<section aria-labelledby="glossaire"><h2 id="glossaire">{_escape(words["glossary"])}</h2>'
            f"<dl>{rows}</dl>{note}</section>")
