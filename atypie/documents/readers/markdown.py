"""Read a Markdown file into the document model with markdown-it-py: GFM tables and strikethrough, `$…$` and `$$…$$`
maths, YAML front matter (its title and language) and footnotes. Raw HTML never stays markup: HTML blocks go through
the HTML reader (sanitised), inline tags are dropped and their words kept. Pictures are never fetched."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ...optional import require
from .. import limits
from ..model import Code, Document, Figure, Formula, Heading, Source, Table
from .building import BlockBuilder, TextBuilder, data_image, decode_input, primary_language, safe_href
from .html import add_html_blocks

PARSER_NESTING = 100  # markdown-it's own limit; a file nested deeper is read again without quotations and lists

_MARKS = {"em": "em", "strong": "strong", "link": "link"}
_HTML_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)")
_FRONT_MATTER_KEY = re.compile(r"(title|lang)\s*:(.*)")


@cache
def _parser(flat: bool):
    """markdown-it configured for course notes; `flat` leaves out the rules that nest (quotations, lists,
    footnotes), for files nested too deep to read otherwise."""
    MarkdownIt = require("markdown_it", extra="documents", what="markdown-it-py").MarkdownIt
    require("mdit_py_plugins", extra="documents", what="mdit-py-plugins")
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin
    parser = (MarkdownIt("commonmark", {"maxNesting": PARSER_NESTING}).enable(["table", "strikethrough"])
              .use(front_matter_plugin).use(dollarmath_plugin).use(footnote_plugin))
    parser.validateLink = lambda url: True  # every link is read; unsafe targets are dropped here, words kept
    parser.normalizeLink = lambda url: url  # targets and picture names stay as written
    if flat:
        parser.disable(["blockquote", "list", "footnote_def"])
    return parser


def _tokens(text: str) -> list:
    tokens = _parser(False).parse(text)
    if any(token.nesting == 1 and token.level >= PARSER_NESTING - 1 for token in tokens):
        return _parser(True).parse(text)  # markdown-it drops what lies deeper than its limit: read it flat
    return tokens


@dataclass
class _Table:
    line: int | None
    rows: list = field(default_factory=list)
    row: list = field(default_factory=list)
    header_rows: int = 0
    in_head: bool = False


@dataclass(frozen=True)
class _ImageEnd:
    token: object


class _TokenReader:
    """markdown-it's flat token stream to blocks, one token at a time."""

    def __init__(self, builder: BlockBuilder) -> None:
        self.blocks = builder
        self.title = ""
        self.lang = ""
        self.leaf: tuple[str, int | None, int] | None = None  # heading, paragraph or cell; line; heading level
        self.table: _Table | None = None
        self.images_kept = 0

    def read(self, tokens: list) -> None:
        for token in tokens:
            handler = getattr(self, "_" + token.type, None)
            if handler is not None:
                handler(token)

    # containers

    def _blockquote_open(self, token) -> None:
        self.blocks.open_quote(_line(token))

    def _bullet_list_open(self, token) -> None:
        self.blocks.open_list(False, 1, _line(token))

    def _ordered_list_open(self, token) -> None:
        self.blocks.open_list(True, int(token.attrs.get("start", 1)), _line(token))

    def _footnote_block_open(self, token) -> None:
        self.blocks.open_list(True, 1, None)

    def _list_item_open(self, token) -> None:
        self.blocks.open_item()

    def _close(self, token) -> None:
        self.blocks.close()

    _footnote_open = _list_item_open
    _blockquote_close = _bullet_list_close = _ordered_list_close = _list_item_close = _close
    _footnote_block_close = _footnote_close = _close

    # blocks

    def _front_matter(self, token) -> None:
        for line in token.content.splitlines():
            match = _FRONT_MATTER_KEY.match(line)
            if match and match[2].strip() not in ("|", ">", ""):
                value = _unquoted(match[2].strip())
                if match[1] == "title":
                    self.title = value
                else:
                    self.lang = primary_language(value)

    def _heading_open(self, token) -> None:
        self.leaf = ("heading", _line(token), int(token.tag[1:]))

    def _paragraph_open(self, token) -> None:
        self.leaf = ("paragraph", _line(token), 0)

    def _th_open(self, token) -> None:
        self.leaf = ("cell", None, 0)

    _td_open = _th_open

    def _end_leaf(self, token) -> None:
        self.leaf = None

    _heading_close = _paragraph_close = _th_close = _td_close = _end_leaf

    def _inline(self, token) -> None:
        kind, line, level = self.leaf or ("paragraph", _line(token), 0)
        text = _inline_text(token.children or [])
        if kind == "cell":
            self.table.row.append(text.build())
        elif kind == "heading":
            built = text.build()
            if built.text:
                self.blocks.add(Heading(level, built, Source(line=line)))
        elif text.only_images():
            for image in text.images:
                self.blocks.add(self._figure(image, line))
        else:
            self.blocks.add_text(text.build(), line)

    def _figure(self, image, line: int | None) -> Figure:
        """A picture alone in its paragraph; an inline `data:` picture keeps its bytes, no other is fetched."""
        src = image.attrs.get("src", "")
        found = data_image(src) if self.images_kept < limits.MAX_IMAGES else None
        if found:
            self.images_kept += 1
        picture, media_type = found or (None, "")
        name = "" if src.strip().lower().startswith("data:") else safe_href(src)
        return Figure(picture, media_type, _plain(image.children or []), image.attrs.get("title", ""), name,
                      Source(line=line))

    def _fence(self, token) -> None:
        language = token.info.strip().split(maxsplit=1)[0] if token.info.strip() else ""
        self.blocks.add(Code(token.content.removesuffix("\n"), language, Source(line=_line(token))))

    def _code_block(self, token) -> None:
        self.blocks.add(Code(token.content.removesuffix("\n"), "", Source(line=_line(token))))

    def _math_block(self, token) -> None:
        self.blocks.add(Formula(token.content.strip("\n"), "latex", Source(line=_line(token))))

    _math_block_label = _math_block

    def _html_block(self, token) -> None:
        add_html_blocks(self.blocks, token.content, token.map[0] if token.map else 0)

    # tables

    def _table_open(self, token) -> None:
        self.table = _Table(_line(token))

    def _thead_open(self, token) -> None:
        self.table.in_head = True

    def _thead_close(self, token) -> None:
        self.table.in_head = False

    def _tr_open(self, token) -> None:
        self.blocks.count()
        self.table.row = []

    def _tr_close(self, token) -> None:
        self.table.rows.append(tuple(self.table.row))
        if self.table.in_head:
            self.table.header_rows += 1

    def _table_close(self, token) -> None:
        table, self.table = self.table, None
        self.blocks.add(Table(tuple(table.rows), table.header_rows, source=Source(line=table.line)))


def _inline_text(children: list) -> TextBuilder:
    """The plain text of inline tokens with its marked runs; pictures are their alternative text (and are listed)."""
    text = TextBuilder()
    hidden_until = ""  # the closing tag of raw HTML whose content is not text (script, style)
    pending = [iter(children)]
    while pending:
        token = next(pending[-1], None)
        if token is None:
            pending.pop()
        elif isinstance(token, _ImageEnd):
            text.end_image(token.token)
        elif token.type == "html_inline":
            hidden_until = _raw_html(token.content, hidden_until, text)
        elif hidden_until:
            continue
        elif token.type == "image":
            text.begin_image()
            pending += [iter([_ImageEnd(token)]), iter(token.children or [])]
        else:
            _inline_token(token, text)
    return text


def _inline_token(token, text: TextBuilder) -> None:
    kind = token.type
    if kind == "text":
        text.add(token.content)
    elif kind == "softbreak":
        text.add(" ")
    elif kind == "hardbreak":
        text.line_break()
    elif kind in ("code_inline", "math_inline", "math_inline_double"):
        mark = "code" if kind == "code_inline" else "math"
        text.open_mark(mark)
        text.add(token.content)
        text.close_mark(mark)
    elif kind == "footnote_ref":
        text.add(f"[{token.meta['id'] + 1}]")
    elif kind.endswith("_open") and kind[:-5] in _MARKS:
        text.open_mark(_MARKS[kind[:-5]], safe_href(token.attrs.get("href", "")) if kind == "link_open" else "")
    elif kind.endswith("_close") and kind[:-6] in _MARKS:
        text.close_mark(_MARKS[kind[:-6]])


def _raw_html(tag: str, hidden_until: str, text: TextBuilder) -> str:
    """Inline raw HTML is never kept: `<br>` is a line break, a script's or style's content is hidden, any other tag
    is dropped (its words stay). Returns the closing tag still awaited, if any."""
    match = _HTML_TAG.match(tag)
    if match is None:
        return hidden_until
    closing, name, self_closing = match[1], match[2].lower(), tag.rstrip().endswith("/>")
    if hidden_until:
        return "" if closing and name == hidden_until else hidden_until
    if name in ("script", "style") and not closing and not self_closing:
        return name
    if name == "br":
        text.line_break()
    return ""


def _plain(children: list) -> str:
    """The words of inline tokens, without any markup (a picture's alternative text)."""
    words = []
    pending = [iter(children)]
    while pending:
        token = next(pending[-1], None)
        if token is None:
            pending.pop()
        elif token.type in ("text", "code_inline", "math_inline", "math_inline_double"):
            words.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            words.append(" ")
        elif token.type == "image":
            pending.append(iter(token.children or []))
    return "".join(words).strip()


def _line(token) -> int | None:
    return token.map[0] + 1 if token.map else None


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def read_markdown(data: bytes | str, name: str = "") -> Document:
    """The file's blocks in reading order, with the title and language (fr or en) its front matter gives."""
    text = decode_input(data, name)
    if not text.strip():
        return Document((), kind="markdown", name=name)
    builder = BlockBuilder(name)
    reader = _TokenReader(builder)
    reader.read(_tokens(text))
    return Document(builder.finish(), reader.title, reader.lang, "markdown", name)
