"""What the Markdown and HTML readers share: the input checks (size, encoding), the rules for links, languages and
inline `data:` pictures, and the builders that turn text runs and nested containers into the document model's
blocks (iteratively: deep nesting costs no recursion)."""
from __future__ import annotations

import base64
import binascii
import codecs
import re
from dataclasses import dataclass, field, replace

from ...config import LANGUAGES
from ...errors import DocumentTooLarge, DocumentUnreadable
from .. import limits
from ..model import (
    Block,
    Figure,
    Formula,
    ListBlock,
    ListItem,
    Mark,
    Paragraph,
    Quote,
    Source,
    Table,
    Text,
)

MAX_NESTING = 24  # quotations and lists inside one another; deeper ones are flattened (their words are kept)

# --- input checks ---------------------------------------------------------------------------------------------------


def shown_name(name: str) -> str:
    """The file's name as error messages show it."""
    return name or "sans nom"


def decode_input(data: bytes | str, name: str, *, charset_from_meta: bool = False) -> str:
    """The document's text, after the size check: UTF-8 (a byte-order mark allowed), else, for HTML, the charset
    its `<meta>` names. Binary or undecodable data raises DocumentUnreadable."""
    size = len(data)
    if isinstance(data, str) and size * 4 > limits.MAX_BYTES:  # UTF-8 takes up to 4 bytes a character
        size = len(data.encode("utf-8", "surrogatepass"))
    if size > limits.MAX_BYTES:
        raise DocumentTooLarge(name=shown_name(name), what="octets", size=size, limit=limits.MAX_BYTES)
    text = data.removeprefix("\ufeff") if isinstance(data, str) else _decode_bytes(data, name, charset_from_meta)
    if "\x00" in text:
        raise DocumentUnreadable(name=shown_name(name), detail="il contient des données binaires, pas du texte")
    return text


def _decode_bytes(data: bytes, name: str, charset_from_meta: bool) -> str:
    unreadable = DocumentUnreadable(name=shown_name(name), detail="son texte n'est pas en UTF-8 et il ne dit pas "
                                    "dans quel encodage il est écrit")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise unreadable from None
    if b"\x00" in data:
        raise DocumentUnreadable(name=shown_name(name), detail="il contient des données binaires, pas du texte")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    charset = _meta_charset(data[:4096]) if charset_from_meta else ""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise DocumentUnreadable(name=shown_name(name), detail=f"son texte ne correspond pas à l'encodage "
                                     f"« {charset} » qu'il annonce") from None
    raise unreadable


_META_CHARSET = re.compile(r"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]{1,40})", re.IGNORECASE)


def _meta_charset(head: bytes) -> str:
    match = _META_CHARSET.search(head.decode("latin-1"))
    return match[1] if match else ""


# --- links and languages --------------------------------------------------------------------------------------------

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel", "ftp", "file"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")


def safe_href(href: str) -> str:
    """The link target as written when it is a web, mail, phone or relative address; "" for anything that could run
    (`javascript:`, `vbscript:`, `data:`…)."""
    scheme = _SCHEME.match(_IGNORED_IN_URL.sub("", href))
    return href if scheme is None or scheme[1].lower() in SAFE_SCHEMES else ""


def primary_language(tag: str) -> str:
    """"fr" or "en" from a language tag such as fr-FR or en_GB; "" for any other language."""
    primary = tag.strip().lower().replace("_", "-").split("-")[0]
    return primary if primary in LANGUAGES else ""


# --- text -----------------------------------------------------------------------------------------------------------

_HTML_SPACES = re.compile(r"([ \t\n\r\f]+)")


class TextBuilder:
    """A Text built piece by piece: plain characters, marked runs by offset, and the pictures met on the way. With
    `collapse_spaces`, runs of white space become one space, as a browser shows them."""

    def __init__(self, collapse_spaces: bool = False) -> None:
        self._collapse = collapse_spaces
        self._parts: list[str] = []
        self._length = 0
        self._open: list[list] = []  # [kind, start, href, depth]: a run inside the same run only deepens it
        self._marks: list[Mark] = []
        self._space_pending = False
        self._image_depth = 0
        self.images: list = []  # what the reader needs to make a Figure of each picture, in order
        self.has_words = False  # characters outside pictures' alternative texts

    def add(self, text: str) -> None:
        if not self._collapse:
            self._put(text)
            return
        for piece in _HTML_SPACES.split(text):
            if not piece:
                continue
            if piece[0] in " \t\n\r\f":
                self._space_pending = self._length > 0 and not self._parts[-1].endswith("\n")
            else:
                self._put(piece)

    def _put(self, text: str) -> None:
        if not text:
            return
        if self._space_pending:
            self._space_pending = False
            for mark in self._open:  # a run opened just before the pending space starts after it
                if mark[1] == self._length:
                    mark[1] += 1
            self._parts.append(" ")
            self._length += 1
        self._parts.append(text)
        self._length += len(text)
        if self._image_depth == 0 and not text.isspace():
            self.has_words = True

    def line_break(self) -> None:
        self._space_pending = False
        self._parts.append("\n")
        self._length += 1

    def separate(self) -> None:
        """A boundary between two words (a block ended inside a heading or a table cell)."""
        if self._collapse:
            self._space_pending = self._length > 0 and not self._parts[-1].endswith("\n")
        elif self._length and not self._parts[-1][-1:].isspace():
            self._put(" ")

    def open_mark(self, kind: str, href: str = "") -> None:
        for mark in self._open:
            if mark[0] == kind and mark[2] == href:
                mark[3] += 1
                return
        self._open.append([kind, self._length, href, 1])

    def close_mark(self, kind: str) -> None:
        for position in range(len(self._open) - 1, -1, -1):
            mark = self._open[position]
            if mark[0] == kind:
                mark[3] -= 1
                if mark[3] == 0:
                    del self._open[position]
                    if self._length > mark[1] and (kind != "link" or mark[2]):
                        self._marks.append(Mark(mark[1], self._length, kind, mark[2]))
                return

    def begin_image(self) -> None:
        self._image_depth += 1

    def end_image(self, image) -> None:
        self._image_depth -= 1
        self.images.append(image)

    def is_empty(self) -> bool:
        return not self.images and not self.has_words

    def only_images(self) -> bool:
        return bool(self.images) and not self.has_words

    def build(self) -> Text:
        """The Text so far: outer white space trimmed, runs still open closed at its end."""
        raw = "".join(self._parts)
        text = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        marks = self._marks + [Mark(start, self._length, kind, href) for kind, start, href, _ in self._open
                               if kind != "link" or href]
        kept = []
        for mark in marks:
            start, end = max(mark.start - lead, 0), min(mark.end - lead, len(text))
            if end > start:
                kept.append(Mark(start, end, mark.kind, mark.href))
        kept.sort(key=lambda mark: (mark.start, -mark.end))
        return Text(text, tuple(kept))

    def continuation(self) -> TextBuilder:
        """A new, empty builder with the same runs still open (the text goes on after a block)."""
        following = TextBuilder(self._collapse)
        following._open = [[kind, 0, href, depth] for kind, _, href, depth in self._open]
        return following


# --- blocks ---------------------------------------------------------------------------------------------------------


@dataclass
class _Container:
    kind: str  # root, quote, list, item, group or flat (a quotation or list too deep, read as plain blocks)
    line: int | None = None
    blocks: list = field(default_factory=list)
    items: list = field(default_factory=list)
    ordered: bool = False
    start: int = 1
    text: Text | None = None


class BlockBuilder:
    """Blocks in reading order, built from open and close events, counted against limits.MAX_BLOCKS (list items and
    table rows included). Quotations and lists nested deeper than MAX_NESTING are read as plain blocks."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._stack = [_Container("root")]
        self._nesting = 0
        self._count = 0

    def count(self, n: int = 1) -> None:
        self._count += n
        if self._count > limits.MAX_BLOCKS:
            raise DocumentTooLarge(name=shown_name(self.name), what="blocs", size=f"plus de {limits.MAX_BLOCKS}",
                                   limit=limits.MAX_BLOCKS)

    def _target(self) -> _Container:
        for container in reversed(self._stack):
            if container.kind != "flat":
                return container
        raise AssertionError("the root is never flat")

    def open_quote(self, line: int | None) -> None:
        self._open_nested(_Container("quote", line))

    def open_list(self, ordered: bool, start: int, line: int | None) -> None:
        self._open_nested(_Container("list", line, ordered=ordered, start=start))

    def _open_nested(self, container: _Container) -> None:
        if self._nesting >= MAX_NESTING:
            self._stack.append(_Container("flat"))
            return
        self.count()
        self._nesting += 1
        self._stack.append(container)

    def open_item(self) -> None:
        """A list item; outside a list (or in a list too deep) its blocks simply follow one another."""
        if self._stack[-1].kind != "list":
            self._stack.append(_Container("flat"))
            return
        self.count()
        self._stack.append(_Container("item"))

    def open_group(self) -> None:
        """Blocks that share a caption (an HTML figure)."""
        self._stack.append(_Container("group"))

    def close(self, caption: str = "") -> None:
        """Ends the innermost open quotation, list, item or group; a group gets `caption`."""
        if len(self._stack) == 1:
            return
        container = self._stack.pop()
        if container.kind in ("quote", "list"):
            self._nesting -= 1
        if container.kind == "quote" and container.blocks:
            self._place(Quote(tuple(container.blocks), Source(line=container.line)))
        elif container.kind == "list" and container.items:
            self._place(ListBlock(container.ordered, tuple(container.items), container.start,
                                  Source(line=container.line)))
        elif container.kind == "item":
            self._stack[-1].items.append(ListItem(container.text or Text(""), tuple(container.blocks),
                                                  Source(line=container.line)))
        elif container.kind == "group":
            for block in _captioned(container.blocks, caption):
                self._place(block)

    def add(self, block: Block) -> None:
        self.count()
        self._place(block)

    def _place(self, block: Block) -> None:
        target = self._target()
        if target.kind == "list":  # a block straight inside a list, outside its items
            self.count()
            target.items.append(ListItem(Text(""), (block,), block.source))
        else:
            target.blocks.append(block)

    def add_text(self, text: Text, line: int | None) -> None:
        """A paragraph, or the text of the list item being read when it has none yet."""
        if not text.text:
            return
        target = self._target()
        if target.kind == "item" and target.text is None and not target.blocks:
            target.text, target.line = text, line
        elif target.kind == "list":
            self.count()
            target.items.append(ListItem(text, source=Source(line=line)))
        elif len(text.marks) == 1 and text.marks[0].kind == "math" and text.marks[0].end - text.marks[0].start == len(
                text.text.strip()):
            self.add(Formula(text.text.strip(), "latex", Source(line=line)))  # a formula standing alone
        else:
            self.add(Paragraph(text, Source(line=line)))

    def finish(self) -> tuple[Block, ...]:
        """Every block, with its index in reading order (what is still open is closed)."""
        while len(self._stack) > 1:
            self.close()
        return _numbered(self._stack[0].blocks)


def _captioned(blocks: list, caption: str) -> list:
    if not caption:
        return blocks
    for position, block in enumerate(blocks):
        if isinstance(block, (Figure, Table)):
            blocks[position] = replace(block, caption=caption)
            return blocks
    return blocks + [Paragraph(Text(caption))]


def _numbered(blocks: list, counter: list[int] | None = None) -> tuple[Block, ...]:
    """Blocks with Source.index set in reading order (depth first); the depth is bounded by MAX_NESTING."""
    counter = counter if counter is not None else [0]
    numbered = []
    for block in blocks:
        source = replace(block.source, index=counter[0])
        counter[0] += 1
        if isinstance(block, ListBlock):
            items = tuple(replace(item, source=replace(item.source, index=source.index),  # the list's own index
                                  children=_numbered(list(item.children), counter)) for item in block.items)
            block = replace(block, items=items)
        elif isinstance(block, Quote):
            block = replace(block, blocks=_numbered(list(block.blocks), counter))
        numbered.append(replace(block, source=source))
    return tuple(numbered)

# --- pictures -------------------------------------------------------------------------------------------------------

_DATA_IMAGE = re.compile(r"data:(image/(?:png|jpeg|jpg|gif|webp))((?:;[^,;]*)*);base64,", re.IGNORECASE)
_SIGNATURES = {"image/png": (b"\x89PNG\r\n\x1a\n",), "image/jpeg": (b"\xff\xd8\xff",),
               "image/gif": (b"GIF87a", b"GIF89a"), "image/webp": (b"RIFF",)}


def data_image(src: str) -> tuple[bytes, str] | None:
    """The bytes and media type of a base64 `data:` PNG, JPEG, GIF or WebP picture no larger than
    limits.MAX_IMAGE_BYTES whose bytes match its type; None otherwise."""
    match = _DATA_IMAGE.match(src.strip())
    if match is None:
        return None
    payload = re.sub(r"\s+", "", src.strip()[match.end():])
    if len(payload) * 3 // 4 > limits.MAX_IMAGE_BYTES:
        return None
    try:
        image = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        return None
    media_type = match[1].lower().replace("image/jpg", "image/jpeg")
    if not image.startswith(_SIGNATURES[media_type]) or (media_type == "image/webp" and image[8:12] != b"WEBP"):
        return None
    return image, media_type
