"""The PDF reader on PDFs made here: a two-page course written with PDFium's own API (a title, a bold heading,
a hyphenated line end, a nested list, a picture, two columns, a running footer), a scan made with Pillow, and
hostile files refused with their code."""
import ctypes
import hashlib
import io
import os

import pytest

pdfium = pytest.importorskip("pypdfium2")

import pypdfium2.raw as raw  # noqa: E402

from atypie.documents import limits  # noqa: E402
from atypie.documents.model import Break, Figure, Heading, ListBlock, Paragraph  # noqa: E402
from atypie.documents.readers.pdf import read_pdf  # noqa: E402
from atypie.errors import AtypieError  # noqa: E402

LEFT = ["Dans la colonne de gauche, on", "lit d'abord ce premier texte", "qui parle du noyau et de", "son enveloppe."]
RIGHT = ["Dans la colonne de droite, on", "lit ensuite ce second texte", "qui parle des ribosomes et",
         "des protéines."]


def _text(pdf, page, text: str, x: float, y: float, size: float, font: str = "Times-Roman") -> None:
    handle = raw.FPDFPageObj_NewTextObj(pdf, font.encode(), ctypes.c_float(size))
    buffer = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    raw.FPDFText_SetText(handle, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)))
    raw.FPDFPageObj_Transform(handle, 1, 0, 0, 1, x, y)
    raw.FPDFPage_InsertObject(page, handle)


def _picture(pdf, page, x: float, y: float, width: float, height: float, pixels: tuple[int, int] = (64, 48)) -> None:
    from PIL import Image

    bitmap = pdfium.PdfBitmap.from_pil(Image.new("RGB", pixels, (200, 30, 30)))
    handle = raw.FPDFPageObj_NewImageObj(pdf)
    raw.FPDFImageObj_SetBitmap(None, 0, handle, bitmap)
    raw.FPDFPageObj_Transform(handle, width, 0, 0, height, x, y)
    raw.FPDFPage_InsertObject(page, handle)


def _saved(pdf) -> bytes:
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    return buffer.getvalue()


def course_pdf() -> bytes:
    """Two A4 pages: a 24 pt title, 11 pt body text, a bold heading, a list, a picture, a footer; then two columns
    written line by line across both (so that only the reader's layout puts them in order)."""
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(595, 842)
    _text(pdf, page, "La cellule", 72, 770, 24, "Helvetica-Bold")
    _text(pdf, page, "La cellule est l'unité de base du vivant. Elle est entourée d'une mem-", 72, 730, 11)
    _text(pdf, page, "brane qui la sépare du milieu extérieur.", 72, 716, 11)
    _text(pdf, page, "Les organites", 72, 690, 11, "Times-Bold")
    _text(pdf, page, "Une cellule contient plusieurs organites :", 72, 672, 11)
    _text(pdf, page, "• le noyau, qui garde l'ADN ;", 90, 650, 11)
    _text(pdf, page, "• les mitochondries ;", 90, 636, 11)
    _text(pdf, page, "– la matrice,", 108, 622, 11)
    _text(pdf, page, "• le réticulum.", 90, 608, 11)
    _picture(pdf, page, 72, 450, 128, 96)
    _picture(pdf, page, 300, 450, 10, 10, pixels=(8, 8))  # a dot: too small to be a figure
    _text(pdf, page, "Cours de biologie – page 1", 72, 40, 9)
    raw.FPDFPage_GenerateContent(page)
    page = pdf.new_page(595, 842)
    for row, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
        _text(pdf, page, left, 72, 760 - 14 * row, 11)
        _text(pdf, page, right, 320, 760 - 14 * row, 11)
    _text(pdf, page, "Cours de biologie – page 2", 72, 40, 9)
    raw.FPDFPage_GenerateContent(page)
    return _saved(pdf)


def _pages(count: int) -> bytes:
    pdf = pdfium.PdfDocument.new()
    for _ in range(count):
        pdf.new_page(595, 842)
    return _saved(pdf)


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    state, j = list(range(256)), 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def encrypted_pdf(password: bytes = b"secret") -> bytes:
    """A one-page PDF protected by a user password (standard security handler, revision 2, RC4 40 bits)."""
    file_id, permissions = b"0123456789abcdef", -4
    owner = _rc4(hashlib.md5(_PAD).digest()[:5], (password + _PAD)[:32])
    key = hashlib.md5((password + _PAD)[:32] + owner + permissions.to_bytes(4, "little", signed=True)
                      + file_id).digest()[:5]
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
               f"<< /Filter /Standard /V 1 /R 2 /O <{owner.hex()}> /U <{_rc4(key, _PAD).hex()}> /P {permissions} >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<{file_id.hex()}> "
            f"<{file_id.hex()}>] >>\nstartxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


@pytest.fixture(scope="module")
def course():
    return read_pdf(course_pdf(), "cours.pdf")


def test_pages_are_breaks_and_the_big_title_is_a_level_one_heading(course):
    assert (course.kind, course.name, course.title) == ("pdf", "cours.pdf", "La cellule")
    assert [(b.kind, b.number) for b in course.blocks if isinstance(b, Break)] == [("page", 1), ("page", 2)]
    assert course.blocks[1] == Heading(1, course.blocks[1].text, course.blocks[1].source)
    assert course.blocks[1].text.text == "La cellule" and course.blocks[1].source.page == 1
    bold = [b.text.text for b in course.blocks if isinstance(b, Heading) and b.level == 2]
    assert bold == ["Les organites"]


def test_hyphen_joined_and_footer_dropped(course):
    texts = [b.text.text for b in course.blocks if isinstance(b, Paragraph)]
    assert "La cellule est l'unité de base du vivant. Elle est entourée d'une membrane qui la sépare du milieu " \
           "extérieur." in texts
    assert not any("Cours de biologie" in text for text in texts)


def test_bullets_make_a_nested_list(course):
    bullets = next(block for block in course.blocks if isinstance(block, ListBlock))
    assert [item.text.text for item in bullets.items] == ["le noyau, qui garde l'ADN ;", "les mitochondries ;",
                                                         "le réticulum."]
    assert bullets.items[1].children[0].items[0].text.text == "la matrice,"
    assert bullets.source.page == 1


def test_the_picture_is_a_figure_with_png_bytes_and_a_dot_is_not(course):
    figures = [block for block in course.blocks if isinstance(block, Figure)]
    assert len(figures) == 1
    assert figures[0].image.startswith(b"\x89PNG") and figures[0].media_type == "image/png"
    assert figures[0].source.page == 1


def test_two_columns_are_read_left_then_right(course):
    second = course.blocks[[b.number if isinstance(b, Break) else 0 for b in course.blocks].index(2) + 1:]
    assert [b.text.text for b in second] == [" ".join(LEFT), " ".join(RIGHT)]
    assert all(b.source.page == 2 for b in second)


def test_a_page_without_text_is_a_scan_figure_for_the_ocr():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (400, 560), "white").save(buffer, "PDF", resolution=50)  # 576 × 806 points
    document = read_pdf(buffer.getvalue(), "scan.pdf")
    assert [type(block).__name__ for block in document.blocks] == ["Break", "Figure"]
    scan = document.blocks[1]
    assert scan.name == "page 1 (scan)" and scan.source.page == 1
    width, height = Image.open(io.BytesIO(scan.image)).size
    assert width == 1200 and abs(height - 1680) <= 1  # 150 dpi


@pytest.mark.parametrize("data", [os.urandom(3000), b"%PDF-1.4\n" + os.urandom(3000), course_pdf()[:1500], b""])
def test_what_is_not_a_readable_pdf_is_refused_with_a_code(data):
    with pytest.raises(AtypieError) as raised:
        read_pdf(data, "cours.pdf")
    assert raised.value.code == "ATY-E052"


def test_a_password_protected_pdf_says_so():
    with pytest.raises(AtypieError) as raised:
        read_pdf(encrypted_pdf(), "cours.pdf")
    assert raised.value.code == "ATY-E052" and "mot de passe" in raised.value.params["detail"]


def test_too_many_pages_or_bytes_are_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_PAGES", 3)
    assert len([b for b in read_pdf(_pages(3)).blocks if isinstance(b, Break)]) == 3
    with pytest.raises(AtypieError) as raised:
        read_pdf(_pages(4), "long.pdf")
    assert raised.value.code == "ATY-E053" and raised.value.params["what"] == "pages"
    monkeypatch.setattr(limits, "MAX_BYTES", 100)
    with pytest.raises(AtypieError) as raised:
        read_pdf(_pages(1), "long.pdf")
    assert raised.value.code == "ATY-E053"
