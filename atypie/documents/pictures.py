"""Pictures no browser or PDF shows, made PNG once, when the document is read: Windows metafiles (old Word
equations, clip art; by libwmf, adapters/wmf.py), TIFF and BMP (by Pillow). A picture that cannot be converted keeps
its bytes: the writers then show its text (alt text, name) in its place, and nothing is lost. The pixel limit and
the encoding are those of an image to describe (vision/load.py)."""
from __future__ import annotations

import io
from dataclasses import replace

from ..adapters import wmf
from ..vision.load import MAX_PIXELS, on_white, png_bytes
from .model import Block, Document, Figure, ListBlock, Quote

RASTER_TYPES = frozenset({"image/tiff", "image/bmp", "image/x-ms-bmp"})


def shown_pictures(document: Document) -> Document:
    """The document with each WMF, TIFF and BMP figure as a PNG."""
    return replace(document, blocks=_blocks(document.blocks))


def _blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    out = []
    for block in blocks:
        if isinstance(block, Figure) and block.image:
            block = _as_png(block)
        elif isinstance(block, ListBlock):
            block = replace(block, items=tuple(replace(item, children=_blocks(item.children))
                                               for item in block.items))
        elif isinstance(block, Quote):
            block = replace(block, blocks=_blocks(block.blocks))
        out.append(block)
    return tuple(out)


def _as_png(figure: Figure) -> Figure:
    kind = figure.media_type.strip().lower()
    data = figure.image or b""
    if kind in ("image/wmf", "image/x-wmf", "application/x-msmetafile") or wmf.is_wmf(data):
        png = wmf.to_png(data)
    elif kind in RASTER_TYPES or data[:4] in (b"II*\x00", b"MM\x00*") or data[:2] == b"BM":
        png = _raster_png(data)
    else:
        return figure
    return replace(figure, image=png, media_type="image/png") if png else figure


def _raster_png(data: bytes) -> bytes | None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                return None  # a decompression bomb, or a poster: not drawn
            image.seek(0)  # the first page of a multi-page TIFF
            return png_bytes(on_white(image))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
