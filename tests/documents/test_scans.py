"""A scanned page (a PDF page without a text layer) is read by OCR and adapted like the rest."""
import io

import pytest
from PIL import Image, ImageDraw, ImageFont

from atypie.documents.model import Figure, Paragraph, walk
from atypie.documents.read import read_document
from atypie.documents.scans import read_scans

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
LINES = ["La photosynthèse permet aux plantes de fabriquer", "leur matière organique grâce à la lumière du",
         "soleil. Elle a lieu dans les chloroplastes."]


def _scanned_pdf() -> bytes:
    page = Image.new("RGB", (1240, 1754), "white")  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    for n, line in enumerate(LINES):
        draw.text((120, 200 + 48 * n), line, fill="black", font=ImageFont.truetype(FONT, 30))
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150)
    return buffer.getvalue()


@pytest.mark.slow
def test_a_scanned_page_becomes_paragraphs_with_a_notice():
    document = read_document(_scanned_pdf(), "scan.pdf")
    assert any(isinstance(b, Figure) and b.name.endswith("(scan)") for b in walk(document.blocks))
    read, notices = read_scans(document, "fr")
    text = " ".join(b.text.text for b in walk(read.blocks) if isinstance(b, Paragraph))
    assert "photosynthèse" in text and "chloroplastes" in text
    assert not any(isinstance(b, Figure) for b in walk(read.blocks))
    assert [n.code for n in notices] == ["scanned-pages"]


@pytest.mark.slow
def test_a_scan_without_legible_text_stays_a_picture():
    buffer = io.BytesIO()
    Image.new("RGB", (1240, 1754), "#d0e4f0").save(buffer, "PDF", resolution=150)
    document = read_document(buffer.getvalue(), "photo.pdf")
    read, notices = read_scans(document, "fr")
    assert read == document and notices == []
