"""PPTX into the document model with python-pptx: each slide is a Break, its title a level-2 heading, then its
shapes in reading order (top to bottom, then left to right): text as paragraphs or lists, tables, pictures with
their alt text, groups opened; the speaker notes close the slide as a paragraph « Notes : … »."""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import replace

from ...config import LANGUAGES
from ...errors import DocumentTooLarge, DocumentUnreadable
from ...optional import require
from .. import limits
from ..model import (
    Block,
    Break,
    Document,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Mark,
    Paragraph,
    Source,
    Table,
    Text,
    walk,
)
from .zipped import open_zipped

_SKIPPED_PLACEHOLDERS = ("DATE", "FOOTER", "SLIDE_NUMBER")  # repeated on every slide, like a PDF's running footer
_BULLETED_PLACEHOLDERS = ("BODY", "OBJECT")  # their paragraphs have bullets unless they say otherwise
_NS_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_PLACEHOLDER_TITLE = re.compile(r"^(?:diapositive|slide) ?\d*$|^(?:présentation|presentation) powerpoint$"
                                r"|^powerpoint presentation$|^(?:sans titre|untitled)\b", re.IGNORECASE)
_NOT_PPTX = "ce n'est pas une présentation PowerPoint (.pptx) valide, ou elle est abîmée"


def read_pptx(data: bytes, name: str = "") -> Document:
    """The document model of a PPTX deck: for each slide a Break, its title (Heading level 2), its shapes, its
    notes; Source.page is the slide's number. The title is the deck's own (core properties) unless PowerPoint
    left its placeholder there (« Diapositive 1 », « Présentation PowerPoint »), else the first slide title. The
    zip is checked first (zipped.py)."""

    shown = name or "sans nom"
    zipped = open_zipped(data, shown, label="PPTX")  # size, password, zip bomb: E052, E053
    if "ppt/presentation.xml" not in zipped.entries:
        raise DocumentUnreadable(name=shown, detail=_NOT_PPTX)
    files = [info for info in zipped.archive.infolist() if not info.is_dir()]
    if len(files) > len(zipped.entries):  # entries named with `..` or an absolute path: left out, never read
        data = zipped.repack()
    pptx = _python_pptx()
    from lxml.etree import LxmlError

    try:
        deck = pptx.Presentation(io.BytesIO(data))
        return _Reader(shown, name).read(deck)
    except (KeyError, ValueError, TypeError, AttributeError, IndexError, LxmlError, pptx.exc.PythonPptxError):
        raise DocumentUnreadable(name=shown, detail=_NOT_PPTX) from None


def list_block(entries: list[tuple[int, Text, bool, int]], source: Source) -> ListBlock:
    """A list from its items in order, each (level, text, ordered, start): an item deeper than the one before
    it goes into a list inside that one; a list is ordered, and starts, as its first item says."""
    def build(index: int, depth: int) -> tuple[ListBlock, int]:
        items: list[ListItem] = []
        _, _, ordered, start = entries[index]
        while index < len(entries) and entries[index][0] >= depth:
            level, text = entries[index][0], entries[index][1]
            if level > depth and items:
                child, index = build(index, level)
                items[-1] = replace(items[-1], children=items[-1].children + (child,))
            else:
                items.append(ListItem(text, source=source))
                index += 1
        return ListBlock(ordered, tuple(items), start), index

    lowest = min(entry[0] for entry in entries)
    block, _ = build(0, lowest)
    return ListBlock(block.ordered, block.items, block.start, source)


def _python_pptx():
    require("pptx.exc", extra="documents", what="python-pptx")  # pptx.exc.PythonPptxError
    return require("pptx", extra="documents", what="python-pptx")


class _Reader:
    """One deck's reading: the blocks so far, the pictures kept with their bytes, the languages of the runs."""

    def __init__(self, shown: str, name: str) -> None:
        self.shown, self.name = shown, name
        self.blocks: list[Block] = []
        self.images = 0
        self.langs: Counter[str] = Counter()
        self.slide = 0

    def read(self, deck) -> Document:
        slides = list(deck.slides)
        if len(slides) > limits.MAX_PAGES:
            raise DocumentTooLarge(name=self.shown, what="diapositives", size=len(slides), limit=limits.MAX_PAGES)
        first_title = ""
        for number, slide in enumerate(slides, 1):
            self.slide = number
            self.blocks.append(Break("slide", number, self._source()))
            title = slide.shapes.title
            title_id = title.shape_id if title is not None else None
            if title is not None and title.has_text_frame:
                text = self._frame_text(title.text_frame)
                if text.text:
                    self.blocks.append(Heading(2, text, self._source()))
                    first_title = first_title or text.text
            self._shapes([shape for shape in slide.shapes if shape.shape_id != title_id])
            self._notes(slide)
        self._check_blocks()
        core = deck.core_properties
        title = " ".join((core.title or "").split())
        title = first_title if not title or _PLACEHOLDER_TITLE.match(title) else title
        return Document(tuple(self.blocks), title=title, lang=self._lang(core.language), kind="pptx", name=self.name)

    def _source(self) -> Source:
        return Source(page=self.slide, index=len(self.blocks))

    def _shapes(self, shapes) -> None:
        for shape in sorted(shapes, key=lambda s: (s.top or 0, s.left or 0)):
            self._shape(shape)

    def _shape(self, shape) -> None:
        from pptx.enum.shapes import MSO_SHAPE_TYPE
        from pptx.shapes.picture import Picture

        if shape.is_placeholder and shape.placeholder_format.type.name in _SKIPPED_PLACEHOLDERS:
            return
        if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
            self._shapes(list(shape.shapes))
        elif isinstance(shape, Picture):
            self._picture(shape)
        elif getattr(shape, "has_table", False):
            self._table(shape)
        elif getattr(shape, "has_chart", False):  # no picture to keep, but its alt text says what it shows
            self.blocks.append(Figure(None, alt=_alt(shape), name=shape.name, source=self._source()))
        elif shape.has_text_frame:
            self._text_frame(shape)

    def _picture(self, shape) -> None:
        try:
            image = shape.image
            blob, media_type = image.blob, image.content_type
        except (KeyError, ValueError, AttributeError):  # a linked picture: its bytes are not in the file
            blob, media_type = None, ""
        if blob is not None and (self.images >= limits.MAX_IMAGES or len(blob) > limits.MAX_IMAGE_BYTES):
            blob = None
        self.images += blob is not None
        self.blocks.append(Figure(blob, media_type, alt=_alt(shape), name=shape.name, source=self._source()))

    def _table(self, shape) -> None:
        table = shape.table
        rows = tuple(tuple(self._frame_text(cell.text_frame) for cell in row.cells) for row in table.rows)
        if rows:
            self.blocks.append(Table(rows, header_rows=1 if table.first_row else 0, source=self._source()))

    def _text_frame(self, shape) -> None:
        """Paragraphs with a bullet, or below the first level, are list items (consecutive ones one list, nested by
        level); the others are paragraphs."""
        bulleted = shape.is_placeholder and shape.placeholder_format.type.name in _BULLETED_PLACEHOLDERS
        styles = [shape.text_frame._txBody.find(f"{_NS_A}lstStyle")]
        if shape.is_placeholder:
            base = getattr(shape, "_base_placeholder", None)
            if base is not None and base.has_text_frame:
                styles.append(base.text_frame._txBody.find(f"{_NS_A}lstStyle"))
        items: list[tuple[int, Text, bool, int]] = []
        for paragraph in shape.text_frame.paragraphs:
            text = self._paragraph_text(paragraph)
            if not text.text:
                continue
            bullet = _bullet(paragraph, styles, bulleted)
            if bullet is not None or paragraph.level > 0:
                ordered, start = bullet or (False, 1)
                items.append((paragraph.level, text, ordered, start))
                continue
            self._flush(items)
            self.blocks.append(Paragraph(text, self._source()))
        self._flush(items)

    def _flush(self, items: list[tuple[int, Text, bool, int]]) -> None:
        if items:
            self.blocks.append(list_block(items, self._source()))
            items.clear()

    def _notes(self, slide) -> None:
        if not slide.has_notes_slide:
            return
        frame = slide.notes_slide.notes_text_frame
        text = self._frame_text(frame).text if frame is not None else ""
        if text:
            self.blocks.append(Paragraph(Text(f"Notes : {text}"), self._source()))

    def _frame_text(self, frame) -> Text:
        """A whole text frame as one text, its paragraphs joined by a space."""
        return _joined([self._paragraph_text(paragraph) for paragraph in frame.paragraphs])

    def _paragraph_text(self, paragraph) -> Text:
        """The paragraph's runs, fields and line breaks as one text; bold, italic and hyperlinked runs give marks."""
        from pptx.oxml.text import CT_RegularTextRun, CT_TextLineBreak
        from pptx.text.text import _Run

        pieces: list[tuple[str, tuple[str, ...], str]] = []
        for child in paragraph._p.content_children:
            if isinstance(child, CT_TextLineBreak):
                pieces.append((" ", (), ""))
                continue
            kinds: tuple[str, ...] = ()
            href = ""
            if isinstance(child, CT_RegularTextRun):
                run = _Run(child, paragraph)
                kinds = tuple(kind for kind, on in (("strong", run.font.bold), ("em", run.font.italic)) if on)
                href = run.hyperlink.address or ""
                lang = child.rPr.get("lang", "") if child.rPr is not None else ""
                if lang:
                    self.langs[lang[:2].lower()] += 1
            pieces.append(((child.text or "").replace("\t", " ").replace("\v", " "), kinds, href))
        return _marked(pieces)

    def _lang(self, stated: str | None) -> str:
        lang = (stated or "")[:2].lower() or (self.langs.most_common(1)[0][0] if self.langs else "")
        return lang if lang in LANGUAGES else ""

    def _check_blocks(self) -> None:
        count = sum(len(block.items) if isinstance(block, ListBlock) else len(block.rows) if isinstance(block, Table)
                    else 1 for block in walk(tuple(self.blocks)))
        if count > limits.MAX_BLOCKS:
            raise DocumentTooLarge(name=self.shown, what="blocs", size=count, limit=limits.MAX_BLOCKS)


def _bullet(paragraph, styles: list, default: bool) -> tuple[bool, int] | None:
    """(ordered, start) when the paragraph has a bullet or a number, else None: its own properties first, then the
    shape's and its layout's list styles at its level, then the placeholder's habit."""
    level = f"{_NS_A}lvl{paragraph.level + 1}pPr"
    candidates = [paragraph._p.pPr] + [style.find(level) if style is not None else None for style in styles]
    for properties in candidates:
        if properties is None:
            continue
        for child in properties:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == f"{_NS_A}buNone":
                return None
            if tag == f"{_NS_A}buAutoNum":
                start = child.get("startAt", "1")
                return True, int(start) if start.isdigit() else 1
            if tag in (f"{_NS_A}buChar", f"{_NS_A}buBlip"):
                return False, 1
    return (False, 1) if default else None


def _alt(shape) -> str:
    """The shape's alt text: the descr attribute of its p:cNvPr."""
    found = shape._element.xpath("./*/p:cNvPr")
    return " ".join((found[0].get("descr") or "").split()) if found else ""


def _marked(pieces: list[tuple[str, tuple[str, ...], str]]) -> Text:
    """One text from runs (text, mark kinds, link target), outer spaces removed, runs of one mark merged."""
    raw = "".join(text for text, _, _ in pieces)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    marks: list[Mark] = []
    offset = -lead
    for piece, kinds, href in pieces:
        start, end = max(offset, 0), min(offset + len(piece), len(text))
        offset += len(piece)
        spans = [(kind, "") for kind in kinds] + ([("link", href)] if href else [])
        for kind, target in spans:
            if start >= end:
                continue
            previous = next((m for m in reversed(marks) if m.kind == kind and m.href == target), None)
            if previous is not None and previous.end == start:
                marks[marks.index(previous)] = Mark(previous.start, end, kind, target)
            else:
                marks.append(Mark(start, end, kind, target))
    return Text(text, tuple(sorted(marks, key=lambda m: (m.start, m.end))))


def _joined(texts: list[Text]) -> Text:
    """Texts joined by a space, their marks moved along."""
    parts = [text for text in texts if text.text]
    result, marks = "", []
    for text in parts:
        shift = len(result) + (1 if result else 0)
        result = f"{result} {text.text}" if result else text.text
        marks += [Mark(m.start + shift, m.end + shift, m.kind, m.href) for m in text.marks]
    return Text(result, tuple(marks))
