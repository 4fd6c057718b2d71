"""Safe image loading: the format is read from the content, sizes are limited in bytes and pixels (so that a
decompression bomb is refused, not run), SVG is parsed without external entities, EXIF orientation is applied,
GIFs give their first frame and PDFs their first pages, stacked on one sheet that is bounded as a whole."""
from __future__ import annotations

import io
from dataclasses import dataclass

from ..errors import InvalidInput, PdfPageTooElongated, PdfPageTooLarge, SvgTooComplex, TextTooLong

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_PDF_PAGES = 3
MAX_PDF_PIXELS = 12_000_000  # the sheet of a PDF's first pages: about three A3 pages at 144 dpi
MAX_SIDE = 10_000  # pixels, the longest side of a rendered PDF sheet
MAX_PAGE_RATIO = 20  # a PDF page longer than this many times its width, or wider, is refused
MAX_PAGE_SIDE_PT = 4800  # …and one whose side is over 1.69 m (an A0 poster is 1.19 m): no course page is that big
PDF_SCALE = 2.0  # rendering scale for ordinary pages (144 dpi)
MAX_SVG_ELEMENTS = 200_000
MAX_SVG_DEPTH = 500
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF87a", "gif"), (b"GIF89a", "gif"),
               (b"%PDF-", "pdf"), (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"))


@dataclass
class LoadedImage:
    kind: str  # png, jpeg, webp, gif, tiff, svg, pdf
    data: bytes
    image: object | None  # PIL image (RGB) for raster kinds and rendered PDF pages
    svg_root: object | None = None  # the SVG parsed once (its ElementTree root element), for SVG files
    pages: int = 1

    @property
    def size(self) -> tuple[int, int]:
        return self.image.size if self.image is not None else (0, 0)


def sniff(data: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<?xml") or head.startswith(b"<svg") or b"<svg" in head:
        return "svg"
    return None


def load_image(data: bytes) -> LoadedImage:
    if not data:
        raise InvalidInput(detail="le fichier image est vide")
    if len(data) > MAX_BYTES:
        raise TextTooLong(size=len(data), limit=MAX_BYTES)
    kind = sniff(data)
    if kind is None:
        raise InvalidInput(detail="ce fichier n'est pas une image reconnue (PNG, JPEG, WebP, GIF, TIFF, SVG ou PDF)")
    if kind == "svg":
        return LoadedImage("svg", data, None, svg_root=_safe_svg(data))
    if kind == "pdf":
        return _pdf(data)
    return LoadedImage(kind, data, _raster(data))


def _raster(data: bytes):
    import warnings

    from PIL import Image, ImageOps

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our own, lower limit applies below
            opened = Image.open(io.BytesIO(data))
        with opened:
            width, height = opened.size
            if width * height > MAX_PIXELS:
                raise InvalidInput(detail=f"l'image est trop grande ({width} × {height} pixels ; au plus "
                                          f"{MAX_PIXELS // 1_000_000} millions de pixels)")
            opened.seek(0)  # GIF and TIFF: first frame
            return on_white(ImageOps.exif_transpose(opened))
    except Image.DecompressionBombError:
        raise InvalidInput(detail="l'image annonce une taille démesurée ; elle est refusée par sécurité") from None
    except (OSError, SyntaxError, ValueError):
        raise InvalidInput(detail="l'image est abîmée ou illisible") from None


def png_bytes(image, *, fast: bool = False) -> bytes:
    """A PIL image encoded as PNG; `fast`: light compression (photos encode several times faster, a little
    larger)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", **({"compress_level": 1} if fast else {}))
    return buffer.getvalue()


def on_white(image):
    """RGB, with any transparency laid on white: a transparent PNG's hidden pixels are often black, and dark text
    on them would vanish."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        sheet = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        sheet.alpha_composite(rgba)
        return sheet.convert("RGB")
    image = image.convert("RGB")
    image.load()
    return image


def _safe_svg(data: bytes):
    """The root element, parsed once: UTF-8, without entities or external references, of bounded size."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        data.decode("utf-8")
        events = ElementTree.iterparse(io.BytesIO(data), events=("start", "end"), forbid_dtd=False,
                                       forbid_entities=True, forbid_external=True)
        _check_svg_size(events)
    except (UnicodeDecodeError, DefusedXmlException, ElementTree.ParseError):
        raise InvalidInput(detail="le SVG est invalide ou contient des entités externes ; il est refusé") from None
    return events.root


def _check_svg_size(events) -> None:
    """Runs the parse, refusing too many elements or too deep a nesting before the tree grows further."""
    count = depth = 0
    for event, _element in events:
        if event == "end":
            depth -= 1
            continue
        count, depth = count + 1, depth + 1
        if count > MAX_SVG_ELEMENTS or depth > MAX_SVG_DEPTH:
            raise SvgTooComplex(limit=MAX_SVG_ELEMENTS, depth=MAX_SVG_DEPTH)


def _pdf(data: bytes) -> LoadedImage:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        raise InvalidInput(detail="le PDF est abîmé ou protégé") from None
    try:
        count = len(document)
        pages = [document[index] for index in range(min(count, MAX_PDF_PAGES))]
        if not pages:
            raise InvalidInput(detail="le PDF n'a aucune page")
        scale = sheet_scale([page.get_size() for page in pages])
        rendered = [page.render(scale=scale).to_pil().convert("RGB") for page in pages]
    finally:
        document.close()
    return LoadedImage("pdf", data, _stacked(rendered), pages=count)


def sheet_scale(sizes: list[tuple[float, float]]) -> float:
    """One scale for all pages, chosen before rendering, so that the stacked sheet stays within MAX_PDF_PIXELS
    and MAX_SIDE whatever the pages' sizes; a page too large or too elongated to be read is refused."""
    sizes = [(max(width, 1.0), max(height, 1.0)) for width, height in sizes]
    for number, (width, height) in enumerate(sizes, 1):
        if max(width, height) > MAX_PAGE_SIDE_PT:
            raise PdfPageTooLarge(page=number, size=round(max(width, height) * 2.54 / 72))
        if max(width, height) > MAX_PAGE_RATIO * min(width, height):
            raise PdfPageTooElongated(page=number, ratio=round(max(width, height) / min(width, height)))
    width, height = max(w for w, _ in sizes), sum(h for _, h in sizes)
    rounding = len(sizes)  # each rendered page may be one pixel wider and taller than its size × scale
    by_side = (MAX_SIDE - rounding) / max(width, height)
    by_area = ((MAX_PDF_PIXELS - (rounding + 1) * (MAX_SIDE + 1)) / (width * height)) ** 0.5
    return min(PDF_SCALE, by_side, by_area)


def _stacked(pages: list):
    """The pages one under the other on a white sheet."""
    from PIL import Image

    sheet = Image.new("RGB", (max(p.width for p in pages), sum(p.height for p in pages)), "white")
    y = 0
    for page in pages:
        sheet.paste(page, (0, y))
        y += page.height
    return sheet
