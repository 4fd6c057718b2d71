"""Safe loading: format from content, size limits, decompression bombs, SVG entities, GIF, EXIF, PDF."""
import io
import math

import pytest
from PIL import Image

from atypie.errors import InvalidInput, SvgTooComplex
from atypie.vision.load import (
    MAX_BYTES,
    MAX_PDF_PIXELS,
    MAX_SIDE,
    MAX_SVG_DEPTH,
    MAX_SVG_ELEMENTS,
    load_image,
    sheet_scale,
    sniff,
)
from tests.vision.hostile import pdf_with_pages, run_isolated


def _png(size=(40, 30), colour="white") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def test_format_comes_from_content_not_name():
    assert sniff(_png()) == "png"
    assert sniff(b"<svg xmlns='http://www.w3.org/2000/svg'/>") == "svg"
    assert sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"
    assert sniff(b"MZ\x90\x00 this is an exe") is None


@pytest.mark.parametrize("data", [b"", b"not an image at all", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40])
def test_garbage_and_truncated_files_are_clear_errors(data):
    with pytest.raises(InvalidInput):
        load_image(data)


def test_decompression_bomb_is_refused_without_decoding():
    buffer = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buffer, format="PNG")  # 144 Mpx in a few hundred kB
    with pytest.raises(InvalidInput) as caught:
        load_image(buffer.getvalue())
    assert "pixels" in caught.value.message()


def test_too_many_bytes():
    with pytest.raises(Exception) as caught:
        load_image(b"\x89PNG\r\n\x1a\n" + b"\x00" * (MAX_BYTES + 1))
    assert caught.value.exit_code == 2


@pytest.mark.parametrize("svg", [
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>',
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><svg>&b;</svg>',
    "<svg><unclosed></svg>",
])
def test_hostile_svg_is_refused(svg):
    with pytest.raises(InvalidInput):
        load_image(svg.encode())


def test_gif_gives_its_first_frame():
    frames = [Image.new("RGB", (20, 20), colour) for colour in ("red", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])
    loaded = load_image(buffer.getvalue())
    assert loaded.kind == "gif" and loaded.image.getpixel((5, 5))[0] > 200


def test_exif_orientation_is_applied():
    image = Image.new("RGB", (60, 20), "white")
    exif = image.getexif()
    exif[0x0112] = 6  # rotated 90° clockwise
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    assert load_image(buffer.getvalue()).size == (20, 60)


def test_pdf_first_pages_are_rendered():
    buffer = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(buffer, format="PDF")
    loaded = load_image(buffer.getvalue())
    assert loaded.kind == "pdf" and loaded.image.size[0] > 100


LOAD = """
from atypie.vision.load import load_image

def work(data):
    width, height = load_image(data).size
    return {"width": width, "height": height}
"""


def test_pdf_pages_share_one_scale_and_stack():
    loaded = load_image(pdf_with_pages((595, 842), (842, 595)))  # A4 portrait, then landscape
    assert loaded.kind == "pdf" and loaded.pages == 2
    assert loaded.size == (1684, 1684 + 1190)  # 144 dpi: 2 pixels a point


def test_pdf_with_a_very_wide_and_a_very_tall_page_is_refused_before_rendering():
    # 426 bytes; rendered as before, the stacked sheet took 28 800 × 28 802 pixels (GBs of memory)
    found = run_isolated(LOAD, pdf_with_pages((14400, 1), (1, 14400)))
    assert found.get("code") == "ATY-E057", found
    assert found["seconds"] < 2 and found["rss_mb"] < 600
    assert "page 1" in found["fr"] and "508 cm" in found["fr"] and "Page 1" in found["en"]
    assert "PNG" not in found["fr"] + found["en"]


def test_pdf_with_huge_pages_is_refused_before_rendering():
    found = run_isolated(LOAD, pdf_with_pages(*[(14400, 14400)] * 3))  # 535 bytes, three pages of 5 m × 5 m
    assert found.get("code") == "ATY-E057", found
    assert found["seconds"] < 2 and found["rss_mb"] < 600


def test_a_very_elongated_page_is_refused_whatever_its_size():
    found = run_isolated(LOAD, pdf_with_pages((4000, 100)))
    assert found.get("code") == "ATY-E047", found
    assert "40 fois" in found["fr"] and "PNG" not in found["fr"] + found["en"]


def test_the_largest_accepted_pages_give_a_bounded_sheet():
    found = run_isolated(LOAD, pdf_with_pages(*[(4800, 4800)] * 3))
    assert "code" not in found, found
    assert found["width"] * found["height"] <= MAX_PDF_PIXELS and max(found["width"], found["height"]) <= MAX_SIDE
    assert found["seconds"] < 2 and found["rss_mb"] < 600


@pytest.mark.parametrize("sizes", [[(4800, 4800)] * 3, [(4800, 240)] * 3, [(240, 4800)] * 3,
                                   [(4800, 4800), (595, 842)], [(1, 1)], [(4800, 1000), (1000, 4800)]])
def test_the_sheet_stays_bounded_once_pages_are_rounded_up(sizes):
    scale = sheet_scale(sizes)
    width = max(math.ceil(w * scale) for w, _ in sizes)  # as pypdfium2 sizes its bitmaps
    height = sum(math.ceil(h * scale) for _, h in sizes)
    assert width * height <= MAX_PDF_PIXELS and max(width, height) <= MAX_SIDE


def test_a_long_slide_is_still_read():
    loaded = load_image(pdf_with_pages((1920, 108)))  # 17.8 times wider than tall: under the limit
    assert loaded.size == (3840, 216)


def test_svg_is_parsed_once_and_kept():
    loaded = load_image(b'<svg xmlns="http://www.w3.org/2000/svg"><text>Noyau</text></svg>')
    assert loaded.svg_root.find("{http://www.w3.org/2000/svg}text").text == "Noyau"


@pytest.mark.parametrize("svg", [
    "<svg>" + "<g/>" * (MAX_SVG_ELEMENTS + 1) + "</svg>",
    "<svg>" + "<g>" * (MAX_SVG_DEPTH + 1) + "</g>" * (MAX_SVG_DEPTH + 1) + "</svg>",
])
@pytest.mark.slow
def test_svg_with_too_many_or_too_deep_elements_is_refused(svg):
    with pytest.raises(SvgTooComplex) as caught:
        load_image(svg.encode())
    assert caught.value.code == "ATY-E049"


def test_tiff_is_read_like_any_picture():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, format="TIFF")
    loaded = load_image(buffer.getvalue())
    assert loaded.kind == "tiff" and loaded.image.getpixel((5, 5)) == (255, 0, 0)


def test_transparency_is_laid_on_white_so_dark_text_stays_visible():
    image = Image.new("RGBA", (40, 30), (0, 0, 0, 0))  # transparent black: black once the alpha is dropped
    image.putpixel((5, 5), (0, 0, 0, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    loaded = load_image(buffer.getvalue()).image
    assert loaded.getpixel((20, 20)) == (255, 255, 255) and loaded.getpixel((5, 5)) == (0, 0, 0)
