"""Scanned pages read as text: the PDF reader keeps a page without a text layer as a figure « page N (scan) »; here
the image pipeline's OCR (vision/readers/ocr.py) reads it, and each block of text it finds becomes a paragraph of
that page, so that the page's words are adapted like any other. A page where nothing legible is read stays a
figure (the writers describe it). The words read this way may hold OCR errors: the result says so."""
from __future__ import annotations

from dataclasses import replace

from ..config import LANGUAGES
from ..errors import AtypieError
from ..results import Notice
from ..vision.load import load_image
from ..vision.readers.ocr import read_text
from .model import Block, Document, Figure, Paragraph, Text

SCAN_SUFFIX = "(scan)"
MIN_WORDS = 5  # a page with fewer words read is kept as a picture


def read_scans(document: Document, lang: str = "fr") -> tuple[Document, list[Notice]]:
    """The document with its scanned pages as paragraphs, and a notice when any page was read by OCR."""
    if not any(_is_scan(block) for block in document.blocks):
        return document, []
    blocks: list[Block] = []
    read = 0
    for block in document.blocks:
        paragraphs = _paragraphs(block, lang) if _is_scan(block) else None
        if paragraphs:
            blocks.extend(paragraphs)
            read += 1
        else:
            blocks.append(block)
    if not read:
        return document, []
    notice = Notice("scanned-pages", fr=f"{read} page(s) scannée(s) lue(s) par reconnaissance de caractères : le texte "
                                        "peut contenir des erreurs, à vérifier.",
                    en=f"{read} scanned page(s) read by character recognition: the text may hold errors, to be "
                       "checked.")
    return replace(document, blocks=tuple(blocks)), [notice]


def _is_scan(block: Block) -> bool:
    return isinstance(block, Figure) and block.image is not None and block.name.endswith(SCAN_SUFFIX)


def _paragraphs(figure: Figure, lang: str) -> list[Paragraph]:
    try:
        result = read_text(load_image(figure.image).image, lang if lang in LANGUAGES else "fr")
    except AtypieError:
        return []
    if sum(len(text.split()) for text in result.free + result.labels) < MIN_WORDS:
        return []
    # each block of text outside a frame, in reading order (its lines already joined), then the framed ones
    return [Paragraph(Text(" ".join(text.split())), figure.source) for text in [*result.free, *result.labels]
            if text.strip()]
