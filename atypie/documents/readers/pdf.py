"""PDF into the document model, from its text layer read with PDFium: every character with its box, size and
weight goes to the layout logic (pdf_layout.py), which finds lines, columns, headings and lists. The page's
pictures become figures with PNG bytes. A page without text (a scan) becomes one figure, the whole page rendered
at 150 dpi and named « page N (scan) », for the OCR of the image pipeline to read later."""
from __future__ import annotations

import ctypes
import hashlib

from ...errors import DocumentTooLarge, DocumentUnreadable
from ...optional import require
from ...vision.load import on_white, png_bytes, sheet_scale
from .. import limits
from ..model import Block, Break, Document, Figure, Heading, ListBlock, Paragraph, Source, Text, walk
from .pdf_flow import reflowed
from .pdf_layout import Glyph, Page, Piece, layout, lines_of
from .pptx import list_block

SCAN_DPI = 150
MIN_IMAGE_SIDE = 32  # pixels: smaller pictures are rules, bullets and dots, not figures
MAX_IMAGE_PIXELS = 40_000_000  # one picture decoded, as the image loader allows
MAX_SCAN_PIXELS = 12_000_000  # a scanned page rendered: A3 at 150 dpi is 5.6 million
MAX_PAGE_CHARS = 100_000  # characters on one page (a dense A4 page holds about 6,000)
MAX_PAGE_IMAGES = 1_000  # picture objects looked at on one page
MAX_PAGE_OBJECTS = 500_000  # objects (paths, text, pictures, forms) walked on one page to find its pictures
BOLD_WEIGHT = 600
FORCE_BOLD = 1 << 18  # a font descriptor's ForceBold flag
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_JUNK_TITLES = ("microsoft word - ", "microsoft powerpoint - ", "untitled", "sans titre")


def read_pdf(data: bytes, name: str = "") -> Document:
    """The document model of a PDF: for each page a Break, then its headings, paragraphs, lists and figures in
    reading order (Source.page set). A page without a text layer gives a Figure « page N (scan) » of the page
    rendered at 150 dpi, left to the image pipeline's OCR."""
    shown = name or "sans nom"
    if len(data) > limits.MAX_BYTES:
        raise DocumentTooLarge(name=shown, what="octets", size=len(data), limit=limits.MAX_BYTES)
    pdfium = _pdfium()
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        protected = error.err_code == pdfium.raw.FPDF_ERR_PASSWORD
        detail = "il est protégé par un mot de passe" if protected else "ce n'est pas un PDF valide, ou il est abîmé"
        raise DocumentUnreadable(name=shown, detail=detail) from None
    try:
        return _read(pdf, pdfium, name, shown)
    except pdfium.PdfiumError:
        raise DocumentUnreadable(name=shown, detail="une de ses pages est abîmée") from None
    finally:
        pdf.close()


def _pdfium():
    require("pypdfium2.raw", extra="documents")  # the C functions
    return require("pypdfium2", extra="documents")


def _read(pdf, pdfium, name: str, shown: str) -> Document:
    count = len(pdf)
    if count > limits.MAX_PAGES:
        raise DocumentTooLarge(name=shown, what="pages", size=count, limit=limits.MAX_PAGES)
    if count == 0:
        raise DocumentUnreadable(name=shown, detail="il n'a aucune page")
    sheet_scale([pdf.get_page_size(index) for index in range(count)])  # too large or elongated pages: E057, E047
    pages: list[Page] = []
    figures: list[list[tuple[float, Figure]]] = []
    kept = 0
    for index in range(count):
        page = pdf[index]
        try:
            page_text, page_figures = _page(page, index + 1, pdfium, shown, room=limits.MAX_IMAGES - kept)
        finally:
            page.close()
        pages.append(page_text)
        figures.append(page_figures)
        kept += sum(figure.image is not None for _, figure in page_figures)
    figures = _without_repeated(figures)
    blocks: list[Block] = []
    for page, pieces, page_figures in zip(pages, layout(pages), figures, strict=True):
        blocks.append(Break("page", page.number, Source(page=page.number, index=len(blocks))))
        blocks += _page_blocks(pieces, page_figures, page.number, len(blocks))
    blocks = reflowed(blocks)
    _check_blocks(blocks, shown)
    return Document(tuple(blocks), title=_title(pdf, blocks), kind="pdf", name=name)


def _page(page, number: int, pdfium, shown: str, room: int) -> tuple[Page, list[tuple[float, Figure]]]:
    """The page's characters as layout lines, and its figures with their top (points from the page's top)."""

    left, bottom, right, top = page.get_mediabox()
    textpage = page.get_textpage()
    try:
        glyphs = _glyphs(textpage, pdfium.raw, left, top, shown)
    finally:
        textpage.close()
    width, height = right - left, top - bottom
    glyphs = [glyph for glyph in glyphs if not glyph.size  # text off the page is not shown: left out
              or (-height < glyph.top < 2 * height and -width < glyph.left < 2 * width)]
    if not any(glyph.size for glyph in glyphs):
        figure = _scan(page, number, with_image=room > 0)
        return Page(number, width, height, ()), [(0.0, figure)]
    return Page(number, width, height, tuple(lines_of(glyphs))), _pictures(page, pdfium, top, room)


def _glyphs(textpage, raw, origin_x: float, origin_y: float, shown: str) -> list[Glyph]:
    """Every character of the text layer with its loose box (top-down coordinates), size and boldness."""
    count = raw.FPDFText_CountChars(textpage)
    if count > MAX_PAGE_CHARS:
        raise DocumentTooLarge(name=shown, what="caractères sur une page", size=count, limit=MAX_PAGE_CHARS)
    glyphs: list[Glyph] = []
    styles: dict[int, tuple[float, bool]] = {}
    box = raw.FS_RECTF()
    index = 0
    while index < count:
        code = raw.FPDFText_GetUnicode(textpage, index)
        low = raw.FPDFText_GetUnicode(textpage, index + 1) if 0xD800 <= code < 0xDC00 and index + 1 < count else 0
        if 0xDC00 <= low < 0xE000:  # a surrogate pair: one character beyond the BMP
            code, index = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), index + 1
        char_index, index = index, index + 1
        if code < 32 and code != 2 or 0xD800 <= code < 0xE000:
            if code in (10, 13):
                glyphs.append(Glyph(" ", 0, 0, 0, 0, 0))
            continue
        if raw.FPDFText_IsGenerated(textpage, char_index) or chr(code).isspace():
            glyphs.append(Glyph(" ", 0, 0, 0, 0, 0))
            continue
        if not raw.FPDFText_GetLooseCharBox(textpage, char_index, box):
            continue
        size, bold = _style(textpage, raw, char_index, styles)
        glyphs.append(Glyph(chr(code), box.left - origin_x, origin_y - box.top, box.right - origin_x,
                            origin_y - box.bottom, size, bold))
    return glyphs


def _style(textpage, raw, index: int, styles: dict[int, tuple[float, bool]]) -> tuple[float, bool]:
    """The character's size in points, its text matrix and page transformation applied, and whether its font is
    bold; looked up once per text object."""
    handle = raw.FPDFText_GetTextObject(textpage, index)
    key = ctypes.cast(handle, ctypes.c_void_p).value or 0
    if key in styles:
        return styles[key]
    size = raw.FPDFText_GetFontSize(textpage, index)
    bold = raw.FPDFText_GetFontWeight(textpage, index) >= BOLD_WEIGHT
    if key:
        object_size, matrix = ctypes.c_float(), raw.FS_MATRIX()
        if raw.FPDFTextObj_GetFontSize(handle, object_size):
            size = object_size.value
        if raw.FPDFText_GetMatrix(textpage, index, matrix):
            size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        font = raw.FPDFTextObj_GetFont(handle)
        if font:
            buffer = ctypes.create_string_buffer(256)
            raw.FPDFFont_GetBaseFontName(font, buffer, len(buffer))
            font_name = buffer.value.decode("latin-1").lower().split("+")[-1]
            flags = raw.FPDFFont_GetFlags(font)
            bold = (bold or raw.FPDFFont_GetWeight(font) >= BOLD_WEIGHT or (flags >= 0 and bool(flags & FORCE_BOLD))
                    or any(word in font_name for word in _BOLD_NAMES))
    styles[key] = (round(size, 2), bold)
    return styles[key]


def _pictures(page, pdfium, origin_y: float, room: int) -> list[tuple[float, Figure]]:
    """The page's picture objects (in forms too), 32 pixels a side at least, as figures with PNG bytes while
    there is room for them (without bytes after)."""
    found: list[tuple[float, Figure]] = []
    for number, image in enumerate(_image_objects(page, pdfium)):
        if number >= MAX_PAGE_IMAGES:
            break
        try:
            width, height = image.get_px_size()
            top = origin_y - image.get_bounds()[3]
        except pdfium.PdfiumError:
            continue
        if width < MIN_IMAGE_SIDE or height < MIN_IMAGE_SIDE:
            continue
        png = _png(image, pdfium) if room > 0 and width * height <= MAX_IMAGE_PIXELS else None
        room -= png is not None
        found.append((top, Figure(png, "image/png" if png else "", name=f"image {len(found) + 1}")))
    return found


def _image_objects(page, pdfium):
    """The page's image objects, those inside forms (three deep) too, found with the C functions: a plot drawn with
    a hundred thousand paths is walked without a Python object for each path."""
    raw = pdfium.raw
    pending = [(None, raw.FPDFPage_CountObjects(page), 0)]
    seen = 0
    while pending and seen < MAX_PAGE_OBJECTS:
        form, count, depth = pending.pop()
        for index in range(min(count, MAX_PAGE_OBJECTS - seen)):
            handle = raw.FPDFPage_GetObject(page, index) if form is None else raw.FPDFFormObj_GetObject(form, index)
            seen += 1
            kind = raw.FPDFPageObj_GetType(handle) if handle else None
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                yield pdfium.PdfObject(handle, page=page, pdf=page.pdf)
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 3:
                pending.append((handle, raw.FPDFFormObj_CountObjects(handle), depth + 1))


def _png(image, pdfium) -> bytes | None:
    try:
        bitmap = image.get_bitmap(render=False)
    except pdfium.PdfiumError:
        try:
            bitmap = image.get_bitmap(render=True)
        except pdfium.PdfiumError:
            return None
    try:
        png = png_bytes(on_white(bitmap.to_pil()), fast=True)
    except (OSError, ValueError):
        return None
    return png if len(png) <= limits.MAX_IMAGE_BYTES else None


def _scan(page, number: int, with_image: bool) -> Figure:
    """The whole page rendered at 150 dpi (less for a very large page), for the OCR to read."""

    name = f"page {number} (scan)"
    if not with_image:
        return Figure(None, name=name)
    width, height = page.get_size()
    scale = min(SCAN_DPI / 72, (MAX_SCAN_PIXELS / max(width * height, 1.0)) ** 0.5)
    png = png_bytes(page.render(scale=scale).to_pil().convert("RGB"), fast=True)
    return Figure(png if len(png) <= limits.MAX_IMAGE_BYTES else None, "image/png", name=name)


def _without_repeated(figures: list[list[tuple[float, Figure]]]) -> list[list[tuple[float, Figure]]]:
    """Pictures repeated at the same height on at least 40 % of the pages (two at least), a logo, are dropped."""
    def key(top: float, figure: Figure) -> tuple[str, int] | None:
        return (hashlib.sha256(figure.image).hexdigest(), round(top / 6)) if figure.image else None

    pages: dict[tuple[str, int], set[int]] = {}
    for index, page in enumerate(figures):
        for top, figure in page:
            if (found := key(top, figure)) is not None:
                pages.setdefault(found, set()).add(index)
    needed = max(2, 0.4 * len(figures))
    return [[(top, figure) for top, figure in page if len(pages.get(key(top, figure), ())) < needed]
            for page in figures]


def _page_blocks(pieces: list[Piece], figures: list[tuple[float, Figure]], number: int, first: int) -> list[Block]:
    """The page's pieces as blocks, consecutive list items as one list, each figure before the first piece that
    starts below it."""
    blocks: list[Block] = []
    pending = sorted(figures, key=lambda pair: pair[0])
    items: list[Piece] = []

    def source() -> Source:
        return Source(page=number, index=first + len(blocks))

    def flush_items() -> None:
        if items:
            entries = [(min(item.level, 8), Text(item.text), item.ordered, item.start) for item in items]
            blocks.append(list_block(entries, source()))
            items.clear()

    for piece in pieces:
        while pending and pending[0][0] <= piece.top:
            flush_items()
            blocks.append(_placed(pending.pop(0)[1], source()))
        if piece.kind == "item":
            items.append(piece)
            continue
        flush_items()
        if piece.kind == "heading":
            blocks.append(Heading(piece.level, Text(piece.text), source()))
        else:
            blocks.append(Paragraph(Text(piece.text), source()))
    flush_items()
    for _, figure in pending:
        blocks.append(_placed(figure, source()))
    return blocks


def _placed(figure: Figure, source: Source) -> Figure:
    return Figure(figure.image, figure.media_type, figure.alt, figure.caption, figure.name, source)


def _check_blocks(blocks: list[Block], shown: str) -> None:
    count = sum(len(block.items) if isinstance(block, ListBlock) else 1 for block in walk(tuple(blocks)))
    if count > limits.MAX_BLOCKS:
        raise DocumentTooLarge(name=shown, what="blocs", size=count, limit=limits.MAX_BLOCKS)


def _title(pdf, blocks: list[Block]) -> str:
    """The title the file states, unless it is a file name or a placeholder; else the first level-1 heading."""
    try:
        title = " ".join(pdf.get_metadata_dict(skip_empty=True).get("Title", "").split())
    except (RuntimeError, ValueError, UnicodeDecodeError):  # a damaged info dictionary only costs the title
        title = ""
    lowered = title.lower()
    if lowered.startswith(_JUNK_TITLES) or lowered.endswith((".doc", ".docx", ".pdf", ".tex", ".odt", ".pptx")):
        title = ""
    if not title:
        title = next((block.text.text for block in blocks if isinstance(block, Heading) and block.level == 1), "")
    return title
