"""Safe image loading: the format is read from the content, sizes are limited in bytes and pixels (so that a
decompression bomb is refused, not run), SVG is parsed without external entities, EXIF orientation is applied,
GIFs give their first frame and PDFs their first pages."""
from __future__ import annotations

import io
from dataclasses import dataclass

from ..errors import InvalidInput, TextTooLong

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_PDF_PAGES = 3
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF87a", "gif"), (b"GIF89a", "gif"),
               (b"%PDF-", "pdf"))


@dataclass
class LoadedImage:
    kind: str  # png, jpeg, webp, gif, svg, pdf
    data: bytes
    image: object | None  # PIL image (RGB) for raster kinds and rendered PDF pages
    svg: str | None = None  # the SVG source, for SVG files
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
        raise InvalidInput(detail="ce fichier n'est pas une image reconnue (PNG, JPEG, WebP, GIF, SVG ou PDF)")
    if kind == "svg":
        return LoadedImage("svg", data, None, svg=_safe_svg(data))
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
            opened.seek(0)  # GIF: first frame
            image = ImageOps.exif_transpose(opened).convert("RGB")
            image.load()
            return image
    except Image.DecompressionBombError:
        raise InvalidInput(detail="l'image annonce une taille démesurée ; elle est refusée par sécurité") from None
    except (OSError, SyntaxError, ValueError):
        raise InvalidInput(detail="l'image est abîmée ou illisible") from None


def _safe_svg(data: bytes) -> str:
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        text = data.decode("utf-8")
        ElementTree.fromstring(text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (UnicodeDecodeError, DefusedXmlException, ElementTree.ParseError):
        raise InvalidInput(detail="le SVG est invalide ou contient des entités externes ; il est refusé") from None
    return text


def _pdf(data: bytes) -> LoadedImage:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        raise InvalidInput(detail="le PDF est abîmé ou protégé") from None
    try:
        count = len(document)
        pages = []
        for index in range(min(count, MAX_PDF_PAGES)):
            page = document[index]
            width, height = page.get_size()
            scale = min(2.0, (MAX_PIXELS / max(width * height, 1)) ** 0.5)
            pages.append(page.render(scale=scale).to_pil().convert("RGB"))
    finally:
        document.close()
    if not pages:
        raise InvalidInput(detail="le PDF n'a aucune page")
    from PIL import Image

    total = sum(p.height for p in pages)
    sheet = Image.new("RGB", (max(p.width for p in pages), total), "white")
    y = 0
    for page in pages:
        sheet.paste(page, (0, y))
        y += page.height
    return LoadedImage("pdf", data, sheet, pages=count)
