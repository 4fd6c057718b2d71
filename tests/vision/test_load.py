"""Safe loading: format from content, size limits, decompression bombs, SVG entities, GIF, EXIF, PDF."""
import io

import pytest
from PIL import Image

from atypie.errors import InvalidInput
from atypie.vision.load import MAX_BYTES, load_image, sniff


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
