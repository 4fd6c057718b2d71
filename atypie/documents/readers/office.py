"""DOCX and ODT → the document model, through pandoc's JSON AST (adapters/pandoc.py). The zip is checked first
(zipped.py) and pandoc gets a clean copy without the pictures, whose bytes are read from the zip here.

DOCX is read with `docx+styles`, so that captions (« Image Caption », « Légende »…) are known by their style. pandoc
2.17's ODT reader loses formulas, picture alt texts, table header rows, code and quotation styles: a pass over
`content.xml` first writes markers (private-use characters) where those are, pandoc carries them into the AST, and
they are turned back into Math, CodeBlock, BlockQuote, captions and header rows before the AST becomes the model."""
from __future__ import annotations

import mimetypes
import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from urllib.parse import unquote

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
from .zipped import Zipped, open_zipped

WRAPS = {"Emph": "em", "Strong": "strong", "Underline": "", "Strikeout": "", "Superscript": "", "Subscript": "",
         "SmallCaps": ""}
MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".svg": "image/svg+xml", ".bmp": "image/bmp", ".tif": "image/tiff", ".tiff": "image/tiff",
               ".webp": "image/webp", ".emf": "image/emf", ".wmf": "image/wmf"}
CAPTION_STYLE = re.compile(r"caption(?!ed)|l[ée]gende", re.IGNORECASE)  # not pandoc's « Captioned Figure »
MARK, END = "\ue000atypie-", "\ue001"
MARKER = re.compile("\ue000atypie-([a-z]+)([0-9]*)\ue001")
ODT_STYLES = {"Preformatted_20_Text": "c", "Quotations": "q", "Title": "title", "Caption": "cap",
              "FigureCaption": "cap", "TableCaption": "cap", "Illustration": "cap", "Figure": "cap", "Table": "cap",
              "Definition_20_Term": "dt", "Definition_20_Definition": "dd"}
NS = {"style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
      "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
      "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", "xlink": "http://www.w3.org/1999/xlink",
      "dc": "http://purl.org/dc/elements/1.1/", "m": "http://www.w3.org/1998/Math/MathML"}
TEX = ("tex", "latex", "application/x-tex", "application/x-latex")


def read_docx(data: bytes, name: str = "") -> Document:
    """The document model of a DOCX file (see the module's docstring)."""
    from ...adapters import pandoc

    zipped = open_zipped(data, name, label="DOCX")
    if "word/document.xml" not in zipped.entries:
        raise DocumentUnreadable(name=name, detail="ce n'est pas un fichier DOCX valide")
    ast = pandoc.to_json(zipped.repack(empty_media=True), "docx+styles", name=name)
    title, lang = _properties(zipped.read("docProps/core.xml"), name)
    return _document(ast, _Reader(zipped, name, "word/"), "docx", title, lang)


def read_odt(data: bytes, name: str = "") -> Document:
    """The document model of an ODT file (see the module's docstring)."""
    from ...adapters import pandoc

    zipped = open_zipped(data, name, label="ODT")
    if "content.xml" not in zipped.entries:
        raise DocumentUnreadable(name=name, detail="ce n'est pas un fichier ODT valide")
    content, found = _mark_odt(zipped, name)
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
        _unmark(ast["blocks"], found)
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
                out.append(ListItem(inner[0].text, tuple(inner[1:])))
            elif inner:
                out.append(ListItem(Text(""), tuple(inner)))
        return tuple(out)

    def definitions(self, entries: list) -> list:
        """A definition list as a bulleted list: « term : definition »."""
        source, items = self.source(), []
        for term, definitions in entries:
            text = _Inlines(self).add(term).text()
            inner = [block for definition in definitions for block in self.blocks(definition)]
            if inner and isinstance(inner[0], Paragraph):
                text, inner = _join(text, " : ", inner[0].text), inner[1:]
            items.append(ListItem(text, tuple(inner)))
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
        alt = self.alts.get(_clean(src)) or _Inlines(self).add(inlines).text().text
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
        path = _clean(src)
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


def _clean(src: str) -> str:
    return posixpath.normpath(unquote(src).lstrip("/")).removeprefix("./")


def _lang(code: str) -> str:
    base = re.split(r"[-_]", code.strip().lower())[0]
    return base if base in ("fr", "en") else ""


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


def _parse(data: bytes, name: str) -> ET.Element:
    """XML the file holds, without DTD (no entity expansion); expat also guards against entity bombs."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise DocumentUnreadable(name=name, detail="son XML déclare un DOCTYPE, refusé par sécurité")
    try:
        return ET.fromstring(data)
    except ET.ParseError:
        raise DocumentUnreadable(name=name, detail="son contenu XML est abîmé") from None


def _properties(data: bytes | None, name: str) -> tuple[str, str]:
    """Title and language (fr, en or empty) from docProps/core.xml or meta.xml."""
    if not data:
        return "", ""
    root = _parse(data, name)
    title = root.findtext(".//dc:title", default="", namespaces=NS)
    return title.strip(), _lang(root.findtext(".//dc:language", default="", namespaces=NS))


# --- ODT: the pass over content.xml before pandoc, and back in the AST -------------------------------------------

@dataclass
class _OdtFound:
    formulas: list[tuple[str, str]] = field(default_factory=list)  # (LaTeX or MathML, notation)
    code: list[str] = field(default_factory=list)  # code lines, verbatim
    alts: dict[str, str] = field(default_factory=dict)  # picture path → alt text (svg:title, else svg:desc)
    title: str = ""


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _mark_odt(zipped: Zipped, name: str) -> tuple[bytes, _OdtFound]:
    root = _parse(zipped.read("content.xml") or b"", name)
    parents: dict[str, str] = {}
    for tree in (_parse(zipped.read("styles.xml") or b"<x/>", name), root):
        for style in tree.iter(_q("style:style")):
            parents[style.get(_q("style:name"), "")] = style.get(_q("style:parent-style-name"), "")
    found = _OdtFound()
    parent_of = {child: parent for parent in root.iter() for child in parent}
    for frame in list(root.iter(_q("draw:frame"))):
        image, formula = frame.find(_q("draw:image")), frame.find(_q("draw:object"))
        alt = (frame.findtext(_q("svg:title")) or "").strip() or (frame.findtext(_q("svg:desc")) or "").strip()
        if image is not None and alt:
            found.alts.setdefault(_clean(image.get(_q("xlink:href"), "")), alt)
        if formula is not None and frame in parent_of and _formula(zipped, formula.get(_q("xlink:href"), ""), found):
            _swap(parent_of[frame], frame, f"{MARK}f{len(found.formulas) - 1}{END}")
    for rows in list(root.iter(_q("table:table-header-rows"))):
        table = parent_of[rows]
        at = list(table).index(rows)
        table.remove(rows)
        for offset, row in enumerate(list(rows)):
            _mark_header(row)
            table.insert(at + offset, row)
    for paragraph in root.iter(_q("text:p")):
        kind = _style_kind(paragraph.get(_q("text:style-name"), ""), parents)
        if kind == "c":
            found.code.append(_odt_text(paragraph))
            attributes, tail = dict(paragraph.attrib), paragraph.tail
            paragraph.clear()
            paragraph.attrib.update(attributes)
            paragraph.text, paragraph.tail = f"{MARK}c{len(found.code) - 1}{END}", tail
        elif kind:
            paragraph.text = f"{MARK}{kind}{END}" + (paragraph.text or "")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True), found


def _style_kind(style: str, parents: dict[str, str]) -> str:
    """What a paragraph style (or the style it inherits from) marks: c, q, title, cap or nothing."""
    for _ in range(12):
        if not style or style in ODT_STYLES:
            return ODT_STYLES.get(style, "")
        if CAPTION_STYLE.search(style):
            return "cap"
        style = parents.get(style, "")
    return ""


def _swap(parent: ET.Element, frame: ET.Element, marker: str) -> None:
    span = ET.Element(_q("text:span"))
    span.text, span.tail = marker, frame.tail
    at = list(parent).index(frame)
    parent.remove(frame)
    parent.insert(at, span)


def _mark_header(row: ET.Element) -> None:
    cell = next(iter(row), None)
    if cell is None:
        return
    paragraph = cell.find(".//" + _q("text:p"))
    if paragraph is None:
        paragraph = ET.SubElement(cell, _q("text:p"))
    paragraph.text = f"{MARK}th{END}" + (paragraph.text or "")


def _formula(zipped: Zipped, href: str, found: _OdtFound) -> bool:
    """The formula object's MathML (or its TeX annotation), kept in `found`; False when it is no formula."""
    path = _clean(href).rstrip("/") + "/content.xml"
    size = zipped.size(path)
    if size is None or size > limits.MAX_IMAGE_BYTES:
        return False
    root = _parse(zipped.read(path) or b"", zipped.name)
    math = root if root.tag == _q("m:math") else root.find(".//m:math", NS)
    if math is None:
        return False
    for note in math.iter(_q("m:annotation")):
        if note.get("encoding", "").lower() in TEX and (note.text or "").strip():
            found.formulas.append((note.text.strip(), "latex"))
            return True
    for semantics in math.findall(_q("m:semantics")):
        for note in [n for n in semantics if n.tag in (_q("m:annotation"), _q("m:annotation-xml"))]:
            semantics.remove(note)
    for element in math.iter():  # plain MathML names, as HTML writes them
        element.tag = element.tag.rpartition("}")[2]
        for key in [key for key in element.attrib if key.startswith("{")]:
            del element.attrib[key]
    found.formulas.append((ET.tostring(math, encoding="unicode"), "mathml"))
    return True


def _odt_text(element: ET.Element) -> str:
    """The exact characters of an ODT paragraph: `text:s` spaces, tabs and line breaks included."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _q("text:s"):
            parts.append(" " * int(child.get(_q("text:c"), "1") or 1))
        elif child.tag == _q("text:tab"):
            parts.append("\t")
        elif child.tag == _q("text:line-break"):
            parts.append("\n")
        elif child.tag not in (_q("text:note"), _q("draw:frame")):
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _unmark(nodes: list, found: _OdtFound) -> None:
    """Markers back into pandoc nodes, inner lists first: formulas, code, quotations, captions, header rows."""
    for node in nodes:
        if isinstance(node, dict) and isinstance(node.get("c"), list):
            _unmark(node["c"], found)
        elif isinstance(node, list):
            _unmark(node, found)
    if nodes and all(isinstance(node, dict) and "t" in node for node in nodes):
        nodes[:] = _odt_blocks(_odt_inlines(nodes, found), found)


def _odt_inlines(nodes: list, found: _OdtFound) -> list:
    out = []
    for node in nodes:
        text = node.get("c") if node.get("t") == "Str" else None
        if not text or f"{MARK}f" not in text:
            out.append(node)
            continue
        at = 0
        for match in MARKER.finditer(text):
            number = int(match.group(2) or -1)
            if match.group(1) != "f" or not 0 <= number < len(found.formulas):
                continue
            out += [{"t": "Str", "c": text[at:match.start()]}] if match.start() > at else []
            formula, notation = found.formulas[number]
            out.append({"t": "Math", "c": [{"t": "InlineMath"}, formula], "notation": notation})
            at = match.end()
        out += [{"t": "Str", "c": text[at:]}] if at < len(text) else []
    return out


def _odt_blocks(nodes: list, found: _OdtFound) -> list:
    out: list = []
    for node in nodes:
        if node.get("t") == "Table":
            _odt_header_rows(node["c"])
        if node.get("t") not in ("Para", "Plain"):
            out.append(node)
            continue
        inlines = node["c"]
        shown = [n for n in inlines if n.get("t") not in ("Space", "SoftBreak") and n.get("c") != ""]
        if len(shown) == 1 and shown[0].get("t") == "Math":
            shown[0]["c"][0] = {"t": "DisplayMath"}
        kind, number = _strip_marker(inlines, ("title", "c", "q", "cap", "dt", "dd"))
        last = out[-1] if out else None
        if kind == "title" and not found.title:  # the first one is the title; a later one stays in the text
            found.title = _plain(inlines)
        elif kind == "title":
            out.append(node)
        elif kind == "c" and 0 <= number < len(found.code):
            if last and last.get("t") == "CodeBlock" and last.get("odt"):
                last["c"][1] += "\n" + found.code[number]
            else:
                out.append({"t": "CodeBlock", "c": [["", [], []], found.code[number]], "odt": True})
        elif kind == "q":
            if last and last.get("t") == "BlockQuote" and last.get("odt"):
                last["c"].append(node)
            else:
                out.append({"t": "BlockQuote", "c": [node], "odt": True})
        elif kind == "dt":
            if last and last.get("t") == "DefinitionList" and last.get("odt"):
                last["c"].append([inlines, []])
            else:
                out.append({"t": "DefinitionList", "c": [[inlines, []]], "odt": True})
        elif kind == "dd" and last and last.get("t") == "DefinitionList" and last.get("odt"):
            last["c"][-1][1].append([node])
        elif kind == "cap":
            out.append({"t": "Div", "c": [["", [], [["custom-style", "Caption"]]], [node]]})
        else:
            out.append(node)
    return out


def _strip_marker(inlines: list, kinds: tuple[str, ...]) -> tuple[str, int]:
    """The paragraph marker of one of `kinds` at the start of these inlines, removed: ("c", 3)… or ("", -1)."""
    first = inlines[0] if inlines else {}
    match = MARKER.match(first.get("c") or "") if first.get("t") == "Str" else None
    if match is None or match.group(1) not in kinds:
        return "", -1
    rest = first["c"][match.end():]
    if rest:
        first["c"] = rest
    else:
        inlines.pop(0)
    return match.group(1), int(match.group(2) or -1)


def _odt_header_rows(c: list) -> None:
    """Rows marked as header rows move from the table's body to its head (pandoc 2.17 leaves the head empty)."""
    moved = []
    for body in c[4]:
        for part in (2, 3):
            kept = []
            for row in body[part]:
                blocks = row[1][0][4] if row[1] else []
                inlines = blocks[0]["c"] if blocks and blocks[0].get("t") in ("Para", "Plain") else []
                (moved if _strip_marker(inlines, ("th",))[0] else kept).append(row)
            body[part] = kept
    if moved:
        c[3][1] = moved


def _plain(inlines: list) -> str:
    return " ".join("".join(n.get("c", "") if n.get("t") == "Str" else " " for n in inlines).split())

