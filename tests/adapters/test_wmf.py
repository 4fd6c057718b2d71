"""The WMF adapter: a Windows metafile built here (placeable header, one rectangle) is drawn as a PNG of the size
its header states; what is not a metafile, or a broken one, gives None and no exception."""
import io
import struct

import pytest
from PIL import Image

from atypie.adapters import wmf

needs_wmf2gd = pytest.mark.skipif(not wmf.available(), reason="wmf2gd is not installed (apt install libwmf-bin)")


def metafile(width: int = 2880, height: int = 1440, per_inch: int = 1440) -> bytes:
    """A placeable WMF, `width` × `height` units at `per_inch` units per inch, holding one outlined rectangle."""
    def record(function: int, *params: int) -> bytes:
        return struct.pack("<IH", 3 + len(params), function) + struct.pack(f"<{len(params)}h", *params)

    records = (record(0x020B, 0, 0) + record(0x020C, height, width)  # window origin and extent
               + record(0x041B, height - 10, width - 10, 10, 10) + record(0x0000))  # rectangle, end of file
    header = struct.pack("<HHHIHIH", 1, 9, 0x0300, (18 + len(records)) // 2, 0, 7, 0)
    placeable = struct.pack("<IHhhhhHI", 0x9AC6CDD7, 0, 0, 0, width, height, per_inch, 0)
    checksum = 0
    for word in struct.unpack("<10H", placeable):
        checksum ^= word
    return placeable + struct.pack("<H", checksum) + header + records


def test_a_metafile_is_recognised_by_its_first_bytes():
    assert wmf.is_wmf(metafile())
    assert not wmf.is_wmf(b"\x89PNG\r\n\x1a\n") and not wmf.is_wmf(b"")


@needs_wmf2gd
def test_a_metafile_is_drawn_at_twice_its_size_on_paper():
    png = wmf.to_png(metafile(width=2880, height=1440))  # 2 × 1 inches
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.size == (2 * 96 * 2, 1 * 96 * 2)
        assert image.convert("L").getextrema()[0] < 64  # the rectangle's outline is drawn


@needs_wmf2gd
def test_a_huge_metafile_is_drawn_within_the_largest_side():
    png = wmf.to_png(metafile(width=30000, height=1440, per_inch=300))
    with Image.open(io.BytesIO(png)) as image:
        assert max(image.size) <= wmf.MAX_SIDE


def test_what_cannot_be_drawn_gives_none():
    assert wmf.to_png(b"not a metafile") is None
    assert wmf.to_png(metafile()[:30]) is None  # cut after its header
