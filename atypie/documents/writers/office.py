"""The document model → DOCX or ODT, through pandoc's JSON AST (adapters/pandoc.py). The file says its language
(meta lang) and title; headings are real headings (« Titre 1 », Heading 1…), lists, tables with their header rows,
code and formulas (DisplayMath: Word equations, LibreOffice formulas) stay what they are; every picture has an alt
text (its own, else the one written for it, else « Image sans description »), and its caption under it. Pictures
are written into a private temporary folder (ATYPIE_HOME/tmp/documents) that pandoc reads (`--resource-path`):
nothing remote is ever referenced.
pandoc 2.17 writes no alt text into ODT: it is added afterwards as the frame's `svg:title`. The glossary comes once,
at the end, as a definition list under « Glossaire » / "Glossary"."""
from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

from ...errors import DocumentUnreadable
from ...private import temp_folder, write_private
from ..model import (
    Block,
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
from .common import figure_alt, labels, safe_href

ATTR = ["", [], []]
LANG_TAGS = {"fr": "fr-FR", "en": "en-GB"}
MISSING = {"fr": "Image absente du fichier : {}", "en": "Picture missing from the file: {}"}
CAPTION_STYLE = {"docx": "Image Caption", "odt": "FigureCaption"}
EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/svg+xml": ".svg",
              "image/bmp": ".bmp", "image/tiff": ".tif", "image/webp": ".webp", "image/emf": ".emf",
              "image/x-emf": ".emf", "image/wmf": ".wmf", "image/x-wmf": ".wmf"}
MAGIC = {b"\x89PNG": ".png", b"\xff\xd8\xff": ".jpg", b"GIF8": ".gif", b"BM": ".bmp", b"<svg": ".svg",
         b"<?xml": ".svg"}
ODT_PICTURE = re.compile(r"(<draw:frame\b[^>]*>\s*<draw:image\b[^>]*/>)(\s*</draw:frame>)")


def to_docx(document: Document, glossary: list, lang: str, *, descriptions: dict[int, str] | None = None,
            reference_doc: bytes | None = None) -> bytes:
    """A DOCX file of `document`, in `lang` (fr or en), with `glossary` (GlossaryEntry) at the end."""
    return _write(document, glossary, lang, "docx", descriptions or {}, reference_doc)


def to_odt(document: Document, glossary: list, lang: str, *, descriptions: dict[int, str] | None = None,
           reference_doc: bytes | None = None) -> bytes:
    """An ODT file of `document`, in `lang` (fr or en), with `glossary` (GlossaryEntry) at the end."""
    return _write(document, glossary, lang, "odt", descriptions or {}, reference_doc)


def _write(document: Document, glossary: list, lang: str, fmt: str, descriptions: dict[int, str],
           reference_doc: bytes | None) -> bytes:
    from ...adapters import pandoc

    lang = lang if lang in LANG_TAGS else "fr"
    meta: dict = {"lang": {"t": "MetaString", "c": LANG_TAGS[lang]}}
    if document.title.strip():
        meta["title"] = {"t": "MetaInlines", "c": _words(document.title.strip())}
    with tempfile.TemporaryDirectory(prefix="office-", dir=temp_folder("documents")) as folder:
        writer = _Writer(fmt, lang, descriptions, folder, _latex(document.blocks))
        blocks = writer.blocks(document.blocks) + _glossary(glossary, lang, document.blocks)
        data = pandoc.from_json({"meta": meta, "blocks": blocks}, fmt, reference_doc=reference_doc,
                                resource_path=folder, name=document.name)
    return _odt_alt_texts(data, writer.alts) if fmt == "odt" and writer.alts else data


def _latex(blocks: tuple[Block, ...]) -> dict[int, str]:
    """LaTeX for the MathML formulas, by position in walk() (pandoc's AST holds TeX only)."""
    found = {i: b.text for i, b in enumerate(walk(blocks)) if isinstance(b, Formula) and b.notation == "mathml"}
    if not found:
        return {}
    from ...adapters import pandoc

    try:
        latex = pandoc.mathml_to_latex(list(found.values()))
    except DocumentUnreadable:  # written as MathML code instead
        return {}
    return {i: tex for i, tex in zip(found, latex, strict=True) if tex}


class _Writer:
    """Model blocks → pandoc blocks, counting positions as walk() does (for `descriptions`)."""

    def __init__(self, fmt: str, lang: str, descriptions: dict[int, str], folder: str, latex: dict[int, str]) -> None:
        self.fmt, self.lang, self.descriptions, self.folder, self.latex = fmt, lang, descriptions, folder, latex
        self.position, self.alts = -1, []

    def blocks(self, blocks: tuple[Block, ...]) -> list:
        return [node for block in blocks for node in self.block(block)]

    def block(self, block: Block) -> list:
        self.position += 1
        if isinstance(block, Heading):
            return [{"t": "Header", "c": [min(max(block.level, 1), 6), ATTR, _inlines(block.text)]}] \
                if block.text.text.strip() else []
        if isinstance(block, Paragraph):
            return [{"t": "Para", "c": _inlines(block.text)}] if block.text.text.strip() else []
        if isinstance(block, ListBlock):
            items = [([{"t": "Plain", "c": _inlines(item.text)}] if item.text.text.strip() else [])
                     + self.blocks(item.children) for item in block.items]
            items = [item or [{"t": "Plain", "c": []}] for item in items]
            if block.ordered:
                return [{"t": "OrderedList", "c": [[block.start, {"t": "Decimal"}, {"t": "Period"}], items]}]
            return [{"t": "BulletList", "c": items}]
        if isinstance(block, Table):
            return _table(block)
        if isinstance(block, Figure):
            return self.figure(block)
        if isinstance(block, Code):
            return [{"t": "CodeBlock", "c": [["", [block.language] if block.language else [], []], block.text]}]
        if isinstance(block, Formula):
            latex = block.text if block.notation != "mathml" else self.latex.get(self.position)
            if latex is None:
                return [{"t": "CodeBlock", "c": [["", ["mathml"], []], block.text]}]
            return [{"t": "Para", "c": [{"t": "Math", "c": [{"t": "DisplayMath"}, latex]}]}]
        if isinstance(block, Quote):
            return [{"t": "BlockQuote", "c": self.blocks(block.blocks)}]
        if isinstance(block, Break) and block.kind == "slide" and block.number > 1:
            return [{"t": "HorizontalRule"}]
        return []

    def figure(self, figure: Figure) -> list:
        """The picture with its alt text, written to the temporary folder, then its caption."""
        alt = figure_alt(figure, self.descriptions.get(self.position), self.lang)
        extension, image = _extension(figure), figure.image
        if image and extension == ".svg" and self.fmt == "docx":  # pandoc gives Word no PNG beside an SVG
            image, extension = _svg_as_png(image)
        if image and extension:
            filename = f"image-{len(self.alts) + 1}{extension}"
            write_private(Path(self.folder) / filename, image)
            self.alts.append(alt)
            out = [{"t": "Para", "c": [{"t": "Image", "c": [ATTR, _words(alt), [filename, ""]]}]}]
        else:
            out = [{"t": "Para", "c": [{"t": "Emph", "c": _words(MISSING[self.lang].format(alt))}]}]
        if figure.caption.strip():
            style = ["", [], [["custom-style", CAPTION_STYLE[self.fmt]]]]
            out.append({"t": "Div", "c": [style, [{"t": "Para", "c": _words(figure.caption.strip())}]]})
        return out


def _table(table: Table) -> list:
    width = max((len(row) for row in table.rows), default=0)
    if not width:
        return []

    def row(cells: tuple[Text, ...]) -> list:
        cells = cells + (Text(""),) * (width - len(cells))
        return [ATTR, [[ATTR, {"t": "AlignDefault"}, 1, 1, [{"t": "Plain", "c": _inlines(c)}]] for c in cells]]

    head = [row(r) for r in table.rows[:table.header_rows]]
    body = [row(r) for r in table.rows[table.header_rows:]]
    caption = [None, [{"t": "Plain", "c": _words(table.caption)}] if table.caption.strip() else []]
    columns = [[{"t": "AlignDefault"}, {"t": "ColWidthDefault"}] for _ in range(width)]
    return [{"t": "Table", "c": [ATTR, caption, columns, [ATTR, head], [[ATTR, 0, [], body]], [ATTR, []]]}]


def _glossary(glossary: list, lang: str, blocks: tuple[Block, ...]) -> list:
    """The glossary as a definition list under its heading, at the level of the document's top headings."""
    if not glossary:
        return []
    from ...falc.glossary import shown_definition

    level = min((b.level for b in blocks if isinstance(b, Heading)), default=1)
    entries = [[_words(entry.term), [[{"t": "Para", "c": _words(shown_definition(entry, lang))}]]]
               for entry in glossary]
    heading = {"t": "Header", "c": [level, ATTR, _words(labels(lang)["glossary"])]}
    return [heading, {"t": "DefinitionList", "c": entries}]


def _svg_as_png(svg: bytes) -> tuple[bytes, str]:
    """An SVG drawn as a PNG (cairosvg in its safe mode: no external file, no XML entity); the SVG as it is when it
    cannot be drawn."""
    try:
        import cairosvg

        return cairosvg.svg2png(bytestring=svg, unsafe=False), ".png"
    except Exception:  # cairosvg raises many kinds on a broken SVG: the SVG is kept, Word may not show it
        return svg, ".svg"


def _extension(figure: Figure) -> str:
    if figure.media_type in EXTENSIONS:
        return EXTENSIONS[figure.media_type]
    suffix = os.path.splitext(figure.name)[1].lower()
    if suffix in EXTENSIONS.values() or suffix == ".jpeg":
        return suffix
    head = (figure.image or b"")[:16]
    return next((extension for magic, extension in MAGIC.items() if head.startswith(magic)), "")


def _words(text: str) -> list:
    """Plain text as pandoc inlines: words, spaces, line breaks."""
    out: list = []
    for number, line in enumerate(text.split("\n")):
        if number:
            out.append({"t": "LineBreak"})
        for token in re.split(r"( +)", line):
            if token:
                out.append({"t": "Space"} if token[0] == " " else {"t": "Str", "c": token})
    return out


def _inlines(text: Text) -> list:
    """A Text with its marks as pandoc inlines: the text cut where marks start or end, each piece wrapped by its
    marks (link outside, then strong, then emphasis; code and maths verbatim), neighbours of one mark merged."""
    size = len(text.text)
    marks = [m if m.kind != "link" else replace(m, href=safe_href(m.href) or "") for m in text.marks
             if 0 <= m.start < m.end <= size]
    marks = [m for m in marks if m.kind != "link" or m.href]  # never javascript:, file:…
    cuts = sorted({0, size, *(m.start for m in marks), *(m.end for m in marks)})
    out: list = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        active = [m for m in marks if m.start <= start and end <= m.end]
        kinds = {m.kind for m in active}
        piece = text.text[start:end]
        if "math" in kinds:
            nodes = [{"t": "Math", "c": [{"t": "InlineMath"}, piece]}]
        elif "code" in kinds:
            nodes = [{"t": "Code", "c": [ATTR, piece]}]
        else:
            nodes = _words(piece)
        for kind, node in (("em", "Emph"), ("strong", "Strong")):
            if kind in kinds:
                nodes = [{"t": node, "c": nodes}]
        link = next((m for m in active if m.kind == "link"), None)
        if link:
            nodes = [{"t": "Link", "c": [ATTR, nodes, [link.href, ""]]}]
        out = _merge(out, nodes)
    return out


def _merge(out: list, nodes: list) -> list:
    """Appends `nodes`, joining a node to the one before it when both are the same mark (one link, not two)."""
    for node in nodes:
        last = out[-1] if out else None
        if last is None or last["t"] != node["t"] or last["t"] not in ("Emph", "Strong", "Link", "Code", "Math"):
            out.append(node)
        elif node["t"] in ("Emph", "Strong"):
            last["c"] = _merge(last["c"], node["c"])
        elif node["t"] == "Link" and last["c"][2] == node["c"][2]:
            last["c"][1] = _merge(last["c"][1], node["c"][1])
        elif node["t"] in ("Code", "Math") and last["c"][0] == node["c"][0]:
            last["c"][1] += node["c"][1]
        else:
            out.append(node)
    return out


def _odt_alt_texts(data: bytes, alts: list[str]) -> bytes:
    """Each picture frame of pandoc's ODT gets its alt text as `svg:title` (pictures are in the AST's order)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    content = source.read("content.xml").decode("utf-8")
    if len(ODT_PICTURE.findall(content)) != len(alts):
        return data  # not the pictures written: leave pandoc's file as it is
    texts = iter(alts)
    content = ODT_PICTURE.sub(lambda m: f"{m.group(1)}<svg:title>{escape(next(texts))}</svg:title>{m.group(2)}",
                              content)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():  # the same order and compression: mimetype first, stored
            target.writestr(info, content.encode("utf-8") if info.filename == "content.xml" else source.read(info))
    return out.getvalue()
