"""Read an HTML page into the document model. The page is sanitised first (nh3, an allowlist of the structural tags
read here; scripts and styles dropped with their content), then the clean markup is read with the standard library's
event-driven `HTMLParser`, so that deep nesting costs no recursion. Nothing is ever fetched: remote pictures keep
only their address, inline `data:` pictures keep their bytes. What the Markdown reader shares with this one is in
building.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html import escape
from html.parser import HTMLParser

from ...optional import require
from .. import limits
from ..model import (
    Code,
    Document,
    Figure,
    Formula,
    Heading,
    Source,
    Table,
    Text,
)
from .building import SAFE_SCHEMES, BlockBuilder, TextBuilder, data_image, decode_input, primary_language, safe_href

MAX_NESTING = 24  # quotations and lists inside one another; deeper ones are flattened (their words are kept)



# --- sanitising -----------------------------------------------------------------------------------------------------

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_MARKS = {"em": "em", "i": "em", "strong": "strong", "b": "strong", "code": "code", "a": "link"}
_INLINE = {"span", "sub", "sup"}
_SECTIONING = {"article", "main", "section"}
_BOUNDARIES = {"div", "header", "footer", "dl", "dt", "dd", "aside", "details", "summary", "address"}
_TABLE_PARTS = {"caption", "thead", "tbody", "tfoot", "tr", "th", "td"}
_MATHML = {"math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup", "msub",
           "msubsup", "mfrac", "msqrt", "mroot", "mover", "munder", "munderover", "mtable", "mtr", "mtd", "mstyle",
           "mpadded", "mphantom", "menclose", "merror", "mmultiscripts", "mprescripts", "none"}
_KEPT_TAGS = (_HEADINGS | set(_MARKS) | _INLINE | _SECTIONING | _BOUNDARIES | _TABLE_PARTS | _MATHML
              | {"p", "ul", "ol", "li", "table", "figure", "figcaption", "img", "pre", "blockquote", "br", "hr", "nav"})
_KEPT_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "title"}, "ol": {"start"}, "pre": {"class"},
                    "code": {"class"}, "math": {"display", "alttext"}, "annotation": {"encoding"},
                    "mo": {"stretchy", "fence", "separator", "form"}, "mfrac": {"linethickness"},
                    "mstyle": {"displaystyle", "scriptlevel"}, "mspace": {"width"}}
_DROPPED_WITH_CONTENT = {"script", "style", "title", "template", "iframe", "noscript", "textarea", "select", "object",
                         "embed", "svg", "annotation-xml"}
_URL_SCHEMES = SAFE_SCHEMES | {"data"}


@cache
def _cleaner():
    nh3 = require("nh3", extra="documents")
    return nh3.Cleaner(tags=_KEPT_TAGS, attributes=_KEPT_ATTRIBUTES, clean_content_tags=_DROPPED_WITH_CONTENT,
                       url_schemes=_URL_SCHEMES, link_rel=None, strip_comments=True,
                       generic_attribute_prefixes=set())


def sanitise(markup: str) -> str:
    """Only the structural tags this reader reads, with their safe attributes; scripts and styles are gone with
    their content, and so are event handlers and `javascript:` addresses."""
    return _cleaner().clean(markup)


# --- reading --------------------------------------------------------------------------------------------------------


@dataclass
class _Leaf:
    """A heading, paragraph, table cell, caption or figure caption: text only, blocks inside it only separate words."""
    kind: str
    line: int
    text: TextBuilder
    level: int = 0
    header: bool = False


@dataclass
class _Table:
    line: int
    rows: list = field(default_factory=list)
    header_flags: list = field(default_factory=list)
    row: list | None = None
    row_all_headers: bool = True
    in_head: bool = False
    caption: str = ""


@dataclass
class _Code:
    line: int
    language: str
    parts: list = field(default_factory=list)


@dataclass
class _Math:
    line: int
    display: bool
    alttext: str  # a LaTeX version the markup gives itself, if any
    markup: list = field(default_factory=list)
    words: list = field(default_factory=list)
    tex: list = field(default_factory=list)
    in_tex: int = 0


class _PageReader(HTMLParser):
    """Sanitised HTML to blocks, one parser event at a time (no recursion, whatever the nesting)."""

    def __init__(self, builder: BlockBuilder, line_offset: int) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks = builder
        self.line_offset = line_offset
        self.open_elements: list[tuple[str, str]] = []  # (tag, role) of every open element
        self.loose = TextBuilder(collapse_spaces=True)  # text straight inside a container
        self.loose_line: int | None = None
        self.leaf: _Leaf | None = None
        self.table: _Table | None = None
        self.code: _Code | None = None
        self.math: _Math | None = None
        self.skipped_from: int | None = None  # where site chrome (nav, page header or footer) starts
        self.sectioning = 0
        self.captions: list[str] = []
        self.images_kept = 0

    def line(self) -> int:
        return self.getpos()[0] + self.line_offset

    # events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        if tag in ("img", "br", "hr"):
            self._void(tag, attributes)
            return
        self.open_elements.append((tag, self._role(tag, attributes)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("img", "br", "hr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        for position in range(len(self.open_elements) - 1, -1, -1):
            if self.open_elements[position][0] == tag:
                while len(self.open_elements) > position:
                    closed_tag, role = self.open_elements.pop()
                    self._end(closed_tag, role)
                return

    def handle_data(self, data: str) -> None:
        if self.skipped_from is not None:
            return
        if self.math:
            self.math.markup.append(escape(data, quote=False))
            (self.math.tex if self.math.in_tex else self.math.words).append(data)
        elif self.code:
            self.code.parts.append(data)
        elif self.leaf:
            self.leaf.text.add(data)
        elif self.table is None:
            if self.loose.is_empty() and data.strip():
                self.loose_line = self.line() + data[:len(data) - len(data.lstrip())].count("\n")
            self.loose.add(data)

    def finish(self) -> None:
        self.close()
        while self.open_elements:
            tag, role = self.open_elements.pop()
            self._end(tag, role)
        self._flush()

    # opening

    def _role(self, tag: str, attributes: dict[str, str]) -> str:
        if self.skipped_from is not None:
            return "inside"
        if self.math:
            self._math_tag(tag, attributes)
            return "math-inside"
        if self.code:
            if tag == "code" and not self.code.language:
                self.code.language = _language(attributes.get("class", ""))
            return "inside"
        if tag == "code" and "math" in attributes.get("class", "").split():
            self._text().open_mark("math")  # LaTeX in <code class="math"> (atypie's own pages, KaTeX sources)
            return "latex"
        if tag in _MARKS:
            href = safe_href(attributes.get("href", "")) if tag == "a" else ""
            self._text().open_mark(_MARKS[tag], href)
            return "mark"
        if tag == "math":
            self._open_math(attributes)
            return "math"
        if tag in _INLINE or tag in _MATHML:
            return "inside"
        if self.leaf:
            self.leaf.text.separate()
            return "separator"
        if tag == "nav" or (tag in ("header", "footer") and not self.sectioning):
            self._flush()
            self.skipped_from = len(self.open_elements)
            return "chrome"
        if self.table is not None and tag in _TABLE_PARTS | {"table"}:
            return self._table_tag(tag)
        self._flush()
        return self._block(tag, attributes)

    def _block(self, tag: str, attributes: dict[str, str]) -> str:
        line = self.line()
        if tag in _HEADINGS or tag in ("p", "figcaption", "caption", "td", "th"):
            kind = "heading" if tag in _HEADINGS else "paragraph"
            if tag == "figcaption" and self.captions:
                kind = "figcaption"
            self.leaf = _Leaf(kind, line, TextBuilder(collapse_spaces=True), level=int(tag[1]) if tag[0] == "h" else 0)
            return "leaf"
        if tag in ("ul", "ol"):
            self.blocks.open_list(tag == "ol", _start(attributes.get("start", "")), line)
            return "container"
        if tag == "li":
            self.blocks.open_item()
            return "container"
        if tag == "blockquote":
            self.blocks.open_quote(line)
            return "container"
        if tag == "figure":
            self.blocks.open_group()
            self.captions.append("")
            return "figure"
        if tag == "pre":
            self.code = _Code(line, _language(attributes.get("class", "")))
            return "code"
        if tag == "table":
            self.table = _Table(line)
            return "table"
        if tag in _SECTIONING:
            self.sectioning += 1
            return "section"
        return "boundary"

    def _table_tag(self, tag: str) -> str:
        table = self.table
        if tag == "table":
            return "inside"  # a table straight inside a table: its rows are read as the outer table's
        if tag == "caption":
            self.leaf = _Leaf("caption", self.line(), TextBuilder(collapse_spaces=True))
            return "leaf"
        if tag in ("thead", "tbody", "tfoot"):
            self._end_row()
            table.in_head = tag == "thead"
            return "row-group"
        if tag == "tr":
            self._end_row()
            table.row = []
            return "row"
        if table.row is None:
            table.row = []
        self.leaf = _Leaf("cell", self.line(), TextBuilder(collapse_spaces=True), header=tag == "th")
        return "leaf"

    def _void(self, tag: str, attributes: dict[str, str]) -> None:
        if self.skipped_from is not None or self.math:
            return
        if self.code:
            if tag == "br":
                self.code.parts.append("\n")
            return
        if self.leaf is None and self.table is not None:
            return
        text = self._text()
        if tag == "br":
            text.line_break()
        elif tag == "hr" and self.leaf:
            text.separate()
        elif tag == "hr":
            self._flush()
        else:
            if text.is_empty() and self.leaf is None:
                self.loose_line = self.line()
            text.begin_image()
            text.add(attributes.get("alt", ""))
            text.end_image(self._figure(attributes))

    def _figure(self, attributes: dict[str, str]) -> Figure:
        src = attributes.get("src", "")
        found = data_image(src) if self.images_kept < limits.MAX_IMAGES else None
        if found:
            self.images_kept += 1
        image, media_type = found or (None, "")
        name = "" if src.strip().lower().startswith("data:") else src
        return Figure(image, media_type, attributes.get("alt", ""), attributes.get("title", ""), name,
                      Source(line=self.line()))

    def _open_math(self, attributes: dict[str, str]) -> None:
        display = attributes.get("display", "").lower() == "block"
        if display and not (self.leaf and self.leaf.kind in ("heading", "cell", "caption", "figcaption")):
            if self.leaf:  # display maths splits its paragraph: the words before it come first
                self._emit_leaf(self.leaf)
                self.leaf.text = self.leaf.text.continuation()
            else:
                self._flush()
        else:
            display = False
            self._text().open_mark("math")
        self.math = _Math(self.line(), display, attributes.get("alttext", ""))
        self._math_tag("math", attributes)

    def _math_tag(self, tag: str, attributes: dict[str, str]) -> None:
        math = self.math
        shown = "".join(f' {key}="{escape(value)}"' for key, value in attributes.items())
        math.markup.append(f"<{tag}{shown}>")
        if tag == "annotation" and attributes.get("encoding", "").lower() in ("application/x-tex", "tex"):
            math.in_tex += 1
        elif math.in_tex:
            math.in_tex += 1

    # closing

    def _end(self, tag: str, role: str) -> None:
        if role == "chrome" and self.skipped_from == len(self.open_elements):
            self.skipped_from = None
        elif role == "math-inside":
            self.math.markup.append(f"</{tag}>")
            self.math.in_tex = max(self.math.in_tex - 1, 0)
        elif role == "math":
            self._end_math()
        elif role == "code":
            self._end_code()
        elif role == "mark":
            self._text().close_mark(_MARKS[tag])
        elif role == "latex":
            self._text().close_mark("math")
        elif role == "separator" and self.leaf:
            self.leaf.text.separate()
        elif role == "leaf":
            self._end_leaf()
        elif role in ("container", "figure"):
            self._flush()
            self.blocks.close(self.captions.pop() if role == "figure" else "")
        elif role == "boundary":
            self._flush()
        elif role == "section":
            self._flush()
            self.sectioning -= 1
        elif role == "row-group" and tag == "thead":
            self.table.in_head = False
        elif role == "row":
            self._end_row()
        elif role == "table":
            self._end_table()

    def _end_math(self) -> None:
        math, self.math = self.math, None
        math.markup.append("</math>")
        if math.display:
            self.blocks.add(Formula("".join(math.markup), "mathml", Source(line=math.line)))
            return
        text = self._text()
        text.add(math.alttext or "".join(math.tex).strip() or " ".join("".join(math.words).split()))
        text.close_mark("math")

    def _end_code(self) -> None:
        code, self.code = self.code, None
        self.blocks.add(Code("".join(code.parts).removesuffix("\n"), code.language, Source(line=code.line)))

    def _end_leaf(self) -> None:
        leaf = self.leaf
        self.leaf = None
        if leaf.kind == "cell":
            self.table.row.append(leaf.text.build())
            self.table.row_all_headers &= leaf.header
        elif leaf.kind == "caption":
            self.table.caption = leaf.text.build().text
        elif leaf.kind == "figcaption":
            self.captions[-1] = leaf.text.build().text
        else:
            self._emit_leaf(leaf)

    def _emit_leaf(self, leaf: _Leaf) -> None:
        if leaf.kind == "heading":
            text = leaf.text.build()
            if text.text:
                self.blocks.add(Heading(leaf.level, text, Source(line=leaf.line)))
        else:
            self._emit_text(leaf.text, leaf.line)

    def _end_row(self) -> None:
        table = self.table
        if table.row is None:
            return
        if table.row:
            self.blocks.count()
            table.rows.append(tuple(table.row))
            table.header_flags.append(table.in_head or table.row_all_headers)
        table.row, table.row_all_headers = None, True

    def _end_table(self) -> None:
        self._end_row()
        table, self.table = self.table, None
        header_rows = 0
        while header_rows < len(table.header_flags) and table.header_flags[header_rows]:
            header_rows += 1
        if table.rows:
            self.blocks.add(Table(tuple(table.rows), header_rows, table.caption, Source(line=table.line)))
        elif table.caption:
            self.blocks.add_text(Text(table.caption), table.line)

    # text

    def _text(self) -> TextBuilder:
        return self.leaf.text if self.leaf else self.loose

    def _flush(self) -> None:
        """Text straight inside a container ends where a block starts or ends."""
        if not self.loose.is_empty():
            self._emit_text(self.loose, self.loose_line)
            self.loose = self.loose.continuation()

    def _emit_text(self, text: TextBuilder, line: int | None) -> None:
        if text.only_images():
            for figure in text.images:
                self.blocks.add(figure)
        else:
            self.blocks.add_text(text.build(), line)


def _language(classes: str) -> str:
    match = re.search(r"(?:^|\s)(?:language|lang)-([\w+#.-]+)", classes)
    return match[1] if match else ""


def _start(value: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        return 1


def add_html_blocks(builder: BlockBuilder, markup: str, line_offset: int = 0) -> None:
    """Sanitises `markup` and adds its blocks to `builder` where it stands (the Markdown reader's raw HTML)."""
    reader = _PageReader(builder, line_offset)
    reader.feed(sanitise(markup))
    reader.finish()


class _HeadReader(HTMLParser):
    """The page's language (`<html lang>`) and `<title>`, read until the body starts (`body_at`: line, column)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title: list[str] | None = None
        self.in_title = False
        self.in_code = False  # a style or script, whose text is not the page's
        self.body_at: tuple[int, int] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            attributes = dict(attrs)
            self.lang = primary_language(attributes.get("lang") or attributes.get("xml:lang") or "")
        elif tag == "title" and self.title is None:
            self.title, self.in_title = [], True
        elif tag in ("style", "script"):
            self.in_code = True
        elif tag not in ("head", "meta", "link", "base", "style", "script", "noscript"):
            self._body_starts()

    def handle_endtag(self, tag: str) -> None:
        self.in_title = self.in_title and tag != "title"
        self.in_code = self.in_code and tag not in ("style", "script")
        if tag == "head":
            self._body_starts()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif data.strip() and not self.in_code:
            self._body_starts()

    def _body_starts(self) -> None:
        self.body_at = self.body_at or self.getpos()


def _head(text: str) -> tuple[str, str, str]:
    """The title, the language and the markup to read: the head's own lines are kept as empty lines, so that the
    body's line numbers stay those of the file even when the head holds many lines of styles or scripts."""
    reader = _HeadReader()
    for start in range(0, len(text), 65536):
        reader.feed(text[start:start + 65536])
        if reader.body_at:
            break
    line, column = reader.body_at or (text.count("\n") + 1, 0)
    offset = 0
    for _ in range(line - 1):
        offset = text.index("\n", offset) + 1
    body = "\n" * (line - 1) + text[offset + column:]
    return " ".join("".join(reader.title or []).split()), reader.lang, body


def read_html(data: bytes | str, name: str = "") -> Document:
    """The page's blocks in reading order, sanitised; its `<title>` and language (fr or en). Navigation and the
    page's own header and footer are left out; headings in an article's or main part's header are kept."""
    text = decode_input(data, name, charset_from_meta=True)
    if not text.strip():
        return Document((), kind="html", name=name)
    title, lang, body = _head(text)
    builder = BlockBuilder(name)
    add_html_blocks(builder, body)
    return Document(builder.finish(), title, lang, "html", name)
