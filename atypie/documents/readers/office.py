"""DOCX and ODT → the document model, through pandoc's JSON AST (adapters/pandoc.py). The zip is checked first
(zipped.py) and pandoc gets a clean copy without the pictures, whose bytes are read from the zip here.

DOCX is read with `docx+styles`, so that captions (« Image Caption », « Légende »…) are known by their style. pandoc
2.17's ODT reader loses formulas, picture alt texts, table header rows, code and quotation styles: a pass over
`content.xml` first writes markers where those are (odt_markers.py), and they are turned back into the right pieces
before the AST becomes the model."""
from __future__ import annotations

import mimetypes
import posixpath
import re
from dataclasses import dataclass, replace

from ...adapters import pandoc
from ...config import LANGUAGES
from ...errors import DocumentTooLarge, DocumentUnreadable
from .. import limits
from ..model import (
    Code,
    Document,
    Figure,
    Formula,
    Heading,
    ListBlock,
    ListItem,
    Mark,
    Paragraph,
    Quote,
    Source,
    Table,
    Text,
)
from .odt_markers import CAPTION_STYLE, NS, mark_odt, unmark
from .zipped import Zipped, entry_path, open_zipped, parse_xml

WRAPS = {"Emph": "em", "Strong": "strong", "Underline": "", "Strikeout": "", "Superscript": "", "Subscript": "",
         "SmallCaps": ""}
MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".svg": "image/svg+xml", ".bmp": "image/bmp", ".tif": "image/tiff", ".tiff": "image/tiff",
               ".webp": "image/webp", ".emf": "image/emf", ".wmf": "image/wmf"}


def read_docx(data: bytes, name: str = "") -> Document:
    """The document model of a DOCX file (see the module's docstring)."""

    zipped = open_zipped(data, name, label="DOCX")
    if "word/document.xml" not in zipped.entries:
        raise DocumentUnreadable(name=name, detail="ce n'est pas un fichier DOCX valide")
    ast = pandoc.to_json(zipped.repack(empty_media=True), "docx+styles", name=name)
    title, lang = _properties(zipped.read("docProps/core.xml"), name)
    return _document(ast, _Reader(zipped, name, "word/"), "docx", title, lang)


def read_odt(data: bytes, name: str = "") -> Document:
    """The document model of an ODT file (see the module's docstring)."""

    zipped = open_zipped(data, name, label="ODT")
    if "content.xml" not in zipped.entries:
        raise DocumentUnreadable(name=name, detail="ce n'est pas un fichier ODT valide")
    content, found = mark_odt(zipped, name)
    ast = pandoc.to_json(zipped.repack({"content.xml": content}, empty_media=True), "odt", name=name)
    mathml = [i for i, (_, notation) in enumerate(found.formulas) if notation == "mathml"]
    try:
        latex = pandoc.mathml_to_latex([found.formulas[i][0] for i in mathml])
    except DocumentUnreadable:  # the formulas stay in MathML
        latex = [None] * len(mathml)
    for i, tex in zip(mathml, latex, strict=True):
        if tex:
            found.formulas[i] = (tex, "latex")
    try:
        unmark(ast["blocks"], found)
    except RecursionError:
        raise DocumentUnreadable(name=name, detail="sa structure est trop imbriquée") from None
    title, lang = _properties(zipped.read("meta.xml"), name)
    reader = _Reader(zipped, name, "", found.alts, titles=False)  # pandoc makes svg:title a slug of a title
    return _document(ast, reader, "odt", found.title or title, lang)


def _document(ast: dict, reader: _Reader, kind: str, title: str, lang: str) -> Document:
    try:
        meta = ast.get("meta", {})
        blocks = [b for key in ("subtitle", "abstract") for b in _meta_blocks(meta.get(key), reader)]
        blocks += reader.blocks(ast.get("blocks", []))
        blocks += reader.footnotes()
        title = _meta_text(meta.get("title"), reader) or title
        lang = _lang(_meta_text(meta.get("lang"), reader)) or lang
    except RecursionError:
        raise DocumentUnreadable(name=reader.name, detail="sa structure est trop imbriquée") from None
    return Document(tuple(blocks), title=title, lang=lang, kind=kind, name=reader.name)


@dataclass
class _Caption:
    paragraph: Paragraph


class _Inlines:
    """One Text built from pandoc inlines: spaces folded, marks by offsets; pictures met on the way wait in
    `figures`, footnotes become « [n] » and their text goes to the end of the document."""

    def __init__(self, reader: _Reader) -> None:
        self.reader, self.parts, self.size, self.marks, self.figures = reader, [], 0, [], []

    def put(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.size += len(text)

    def space(self) -> None:
        if self.parts and not self.parts[-1][-1].isspace():
            self.put(" ")

    def marked(self, text: str, kind: str, href: str = "") -> None:
        start = self.size
        self.put(text)
        if self.size > start:
            self.marks.append(Mark(start, self.size, kind, href))

    def add(self, nodes: list) -> _Inlines:
        for node in nodes:
            kind, c = node.get("t"), node.get("c")
            if kind == "Str":
                self.put(c)
            elif kind in ("Space", "SoftBreak"):
                self.space()
            elif kind == "LineBreak":
                self.put("\n")
            elif kind in WRAPS:
                self.wrap(c, WRAPS[kind])
            elif kind == "Quoted":
                quotes = "“”" if c[0].get("t") == "DoubleQuote" else "‘’"
                self.put(quotes[0])
                self.add(c[1])
                self.put(quotes[1])
            elif kind in ("Cite", "Span"):
                self.add(c[1])
            elif kind in ("Code", "Math"):
                self.marked(c[1], kind.lower())
            elif kind == "Link":
                self.wrap(c[1], "link", c[2][0])
            elif kind == "Image":
                self.figures.append(self.reader.figure(c))
            elif kind == "Note":
                self.reader.notes.append(c)
                self.put(f"[{len(self.reader.notes)}]")
        return self

    def wrap(self, nodes: list, kind: str, href: str = "") -> None:
        start = self.size
        self.add(nodes)
        if kind and self.size > start:
            self.marks.append(Mark(start, self.size, kind, href))

    def text(self) -> Text:
        full = "".join(self.parts)
        body = full.strip()
        lead = len(full) - len(full.lstrip())
        marks = []
        for mark in self.marks:
            start, end = max(mark.start - lead, 0), min(mark.end - lead, len(body))
            if end > start:
                marks.append(replace(mark, start=start, end=end))
        return Text(body, tuple(marks))


class _Reader:
    """pandoc's blocks → model blocks, counted against limits.MAX_BLOCKS; pictures read from the zip."""

    def __init__(self, zipped: Zipped, name: str, media_root: str, alts: dict[str, str] | None = None, *,
                 titles: bool = True) -> None:
        self.zipped, self.name, self.media_root, self.alts, self.titles = zipped, name, media_root, alts or {}, titles
        self.count, self.images, self.notes = 0, 0, []

    def tick(self) -> int:
        self.count += 1
        if self.count > limits.MAX_BLOCKS:
            raise DocumentTooLarge(name=self.name, what="blocs", size=f"plus de {limits.MAX_BLOCKS}",
                                   limit=limits.MAX_BLOCKS)
        return self.count - 1

    def source(self) -> Source:
        return Source(index=self.tick())

    def blocks(self, nodes: list) -> list:
        out: list = []
        for node in nodes:
            out.extend(self.block(node))
        return _attach_captions(out)

    def block(self, node: dict) -> list:
        kind, c = node.get("t"), node.get("c")
        if kind in ("Para", "Plain"):
            return self.paragraph(c)
        if kind == "Header":
            run = _Inlines(self).add(c[2])
            text = run.text()
            return ([Heading(min(max(c[0], 1), 6), text, self.source())] if text.text else []) + self.placed(run)
        if kind in ("BulletList", "OrderedList"):
            source = self.source()
            ordered = kind == "OrderedList"
            items = self.items(c[1] if ordered else c)
            return [ListBlock(ordered, items, c[0][0] if ordered else 1, source)] if items else []
        if kind == "DefinitionList":
            return self.definitions(c)
        if kind == "Table":
            return self.table(c)
        if kind == "CodeBlock":
            return [Code(c[1], (c[0][1] or [""])[0], self.source())]
        if kind == "BlockQuote":
            source = self.source()
            inner = self.blocks(c)
            return [Quote(tuple(inner), source)] if inner else []
        if kind == "LineBlock":
            run = _Inlines(self)
            for line in c:
                run.put("\n" if run.size else "")
                run.add(line)
            return self.flush(run)
        if kind == "Div":
            style = dict(c[0][2]).get("custom-style", "")
            inner = self.blocks(c[1])
            if CAPTION_STYLE.search(style):
                return [_Caption(b) if isinstance(b, Paragraph) else b for b in inner]
            return inner
        if kind == "Figure":  # pandoc 3: [attr, caption, blocks]
            caption = self.cell(c[1][1]).text().text
            return [replace(b, caption=b.caption or caption) if isinstance(b, Figure) else b
                    for b in self.blocks(c[2])]
        return []  # RawBlock, HorizontalRule, Null

    def paragraph(self, inlines: list) -> list:
        """A paragraph, split where a display formula stands; its pictures follow it."""
        out, run = [], _Inlines(self)
        for node in inlines:
            if node.get("t") == "Math" and node["c"][0].get("t") == "DisplayMath":
                out += self.flush(run)
                out.append(Formula(node["c"][1], node.get("notation", "latex"), self.source()))
                run = _Inlines(self)
            else:
                run.add([node])
        return out + self.flush(run)

    def flush(self, run: _Inlines) -> list:
        text = run.text()
        return ([Paragraph(text, self.source())] if text.text else []) + self.placed(run)

    def placed(self, run: _Inlines) -> list:
        return [replace(figure, source=self.source()) for figure in run.figures]

    def items(self, items: list) -> tuple[ListItem, ...]:
        out = []
        for blocks in items:
            inner = self.blocks(blocks)
            if inner and isinstance(inner[0], Paragraph):
                out.append(ListItem(inner[0].text, tuple(inner[1:]), inner[0].source))
            elif inner:
                out.append(ListItem(Text(""), tuple(inner), inner[0].source))
        return tuple(out)

    def definitions(self, entries: list) -> list:
        """A definition list as a bulleted list: « term : definition »."""
        source, items = self.source(), []
        for term, definitions in entries:
            text = _Inlines(self).add(term).text()
            inner = [block for definition in definitions for block in self.blocks(definition)]
            if inner and isinstance(inner[0], Paragraph):
                text, inner = _join(text, " : ", inner[0].text), inner[1:]
            items.append(ListItem(text, tuple(inner), source))
        return [ListBlock(False, tuple(items), 1, source)] if items else []

    def table(self, c: list) -> list:
        source, run = self.source(), _Inlines(self)
        caption = self.cell(c[1][1], figures=run).text().text
        head = [r for r in (self.row(row, run) for row in c[3][1]) if any(cell.text for cell in r)]
        body = [self.row(row, run) for part in c[4] for row in part[2] + part[3]] + [self.row(r, run) for r in c[5][1]]
        rows = tuple(head + body)
        return ([Table(rows, len(head), caption, source)] if rows else []) + self.placed(run)

    def row(self, row: list, run: _Inlines) -> tuple[Text, ...]:
        self.tick()
        cells: list[Text] = []
        for cell in row[1]:
            cells.append(self.cell(cell[4], _Inlines(self), run).text())
            cells.extend(Text("") for _ in range(max(cell[3], 1) - 1))  # a merged cell keeps the grid
        return tuple(cells)

    def cell(self, blocks: list, run: _Inlines | None = None, figures: _Inlines | None = None) -> _Inlines:
        """A table cell (or a caption) as one Text: its paragraphs one a line, nested blocks flattened."""
        run = run or _Inlines(self)
        for block in blocks:
            kind, c = block.get("t"), block.get("c")
            if run.size and kind in ("Para", "Plain", "Header", "CodeBlock", "LineBlock"):
                run.put("\n")
            if kind in ("Para", "Plain"):
                run.add(c)
            elif kind == "Header":
                run.add(c[2])
            elif kind == "CodeBlock":
                run.marked(c[1], "code")
            elif kind == "LineBlock":
                run.add([inline for line in c for inline in (*line, {"t": "LineBreak"})])
            elif kind in ("BulletList", "BlockQuote"):
                for inner in (c if kind == "BulletList" else [c]):
                    self.cell(inner, run)
            elif kind in ("OrderedList", "Div"):
                for inner in (c[1] if kind == "OrderedList" else [c[1]]):
                    self.cell(inner, run)
            elif kind == "Table":
                for row in c[3][1] + [row for part in c[4] for row in part[2] + part[3]] + c[5][1]:
                    for inner in row[1]:
                        self.cell(inner[4], run)
        if figures is not None:
            figures.figures.extend(run.figures)
        return run

    def figure(self, c: list) -> Figure:
        """A picture with its bytes from the zip when it is there (never fetched), alt text and caption."""
        _, inlines, (src, title) = c
        alt = self.alts.get(entry_path(src)) or _Inlines(self).add(inlines).text().text
        path = self.resolve(src)
        extension = posixpath.splitext(path or src)[1].lower()
        media_type = MEDIA_TYPES.get(extension) or mimetypes.guess_type(f"x{extension}")[0] or ""
        image = None
        size = self.zipped.size(path) if path else None
        if size is not None and size <= limits.MAX_IMAGE_BYTES and self.images < limits.MAX_IMAGES \
                and media_type.startswith("image/"):  # not a chart's or an OLE object's stand-in
            image = self.zipped.read(path)
            self.images += 1
        caption = (title[4:] if title.startswith("fig:") else title) if self.titles else ""
        return Figure(image, media_type, alt, caption, posixpath.basename(path or src))

    def resolve(self, src: str) -> str | None:
        if src.startswith("//") or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", src):
            return None  # a link to elsewhere, or data: — never fetched
        path = entry_path(src)
        for candidate in (self.media_root + path, path):
            if candidate in self.zipped.entries:
                return candidate
        return None

    def footnotes(self) -> list:
        """The footnotes' text, « [n] … », at the end of the document."""
        out, done = [], 0
        while done < len(self.notes):
            inner = self.blocks(self.notes[done])
            done += 1
            if inner and isinstance(inner[0], Paragraph):
                inner[0] = replace(inner[0], text=_join(Text(f"[{done}]"), " ", inner[0].text))
            out += inner
        return out


def _attach_captions(blocks: list) -> list:
    """A caption paragraph goes to the figure before it, the table next to it, else stays a paragraph."""
    out: list = []
    for i, block in enumerate(blocks):
        if not isinstance(block, _Caption):
            out.append(block)
            continue
        text = block.paragraph.text.text
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        before = out[-1] if out else None
        if isinstance(before, Figure):
            out[-1] = replace(before, caption=text)
        elif isinstance(after, Table) and after.caption in ("", text):
            blocks[i + 1] = replace(after, caption=text)
        elif isinstance(before, Table) and before.caption in ("", text):
            out[-1] = replace(before, caption=text)
        elif isinstance(after, Figure) and not after.caption:
            blocks[i + 1] = replace(after, caption=text)
        else:
            out.append(block.paragraph)
    return out


def _join(first: Text, gap: str, second: Text) -> Text:
    shift = len(first.text) + len(gap)
    return Text(first.text + gap + second.text,
                first.marks + tuple(replace(m, start=m.start + shift, end=m.end + shift) for m in second.marks))


def _lang(code: str) -> str:
    base = re.split(r"[-_]", code.strip().lower())[0]
    return base if base in LANGUAGES else ""


def _meta_text(value: dict | None, reader: _Reader) -> str:
    if not value:
        return ""
    kind, c = value.get("t"), value.get("c")
    if kind == "MetaString":
        return c.strip()
    if kind == "MetaInlines":
        return _Inlines(reader).add(c).text().text
    if kind == "MetaBlocks":
        return reader.cell(c).text().text
    if kind == "MetaList" and c:
        return _meta_text(c[0], reader)
    return ""


def _meta_blocks(value: dict | None, reader: _Reader) -> list:
    """A subtitle or an abstract, which pandoc takes out of the text: put back at the start."""
    if not value:
        return []
    if value.get("t") == "MetaBlocks":
        return reader.blocks(value["c"])
    text = _meta_text(value, reader)
    return [Paragraph(Text(text), reader.source())] if text else []


def _properties(data: bytes | None, name: str) -> tuple[str, str]:
    """Title and language (fr, en or empty) from docProps/core.xml or meta.xml."""
    if not data:
        return "", ""
    root = parse_xml(data, name)
    title = root.findtext(".//dc:title", default="", namespaces=NS)
    return title.strip(), _lang(root.findtext(".//dc:language", default="", namespaces=NS))
