"""A chart's black labels read apart from the coloured curves that cross them."""
import numpy
import pytest
from PIL import Image, ImageDraw, ImageFont

from atypie.vision.readers.dark_ink import dark_ink
from atypie.vision.readers.ocr import read_text

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _chart() -> Image.Image:
    """Three grid lines, two labels, and two coloured trend lines drawn across the labels' last letters."""
    image = Image.new("RGB", (600, 300), "white")
    draw = ImageDraw.Draw(image)
    for y in (50, 150, 250):
        draw.line((40, y, 580, y), fill="black", width=1)
    font = ImageFont.truetype(FONT, 16)
    draw.text((205, 172), "Intel486", font=font, fill="black")
    draw.text((330, 116), "Pentium", font=font, fill="black")
    draw.line((40, 280, 580, 20), fill=(30, 30, 230), width=2)
    draw.line((40, 290, 580, 40), fill=(220, 20, 20), width=2)
    return image


def test_only_the_dark_ink_is_kept_without_the_curves_and_the_grid_lines():
    ink = numpy.asarray(dark_ink(_chart(), 12)) == 0
    assert ink[170:195, 205:280].any()  # the label
    assert not ink[150, 40:580].any()  # a grid line, longer than five letters
    assert not ink[280, 40:60].any()  # the blue curve where it crosses nothing


def test_a_picture_without_coloured_ink_gets_no_extra_reading():
    image = Image.new("RGB", (300, 100), "white")
    ImageDraw.Draw(image).text((10, 30), "Noyau", font=ImageFont.truetype(FONT, 24), fill="black")
    assert dark_ink(image, 20) is None


@pytest.mark.slow
def test_a_label_that_a_coloured_curve_crosses_is_read_whole():
    assert "Intel486" in read_text(_chart()).text.split()
