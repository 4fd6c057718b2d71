"""Lone short words that Tesseract's page segmentation drops (the letters of a pie chart's legend) are read again
from the marks no word covers."""
import pytest
from PIL import Image, ImageDraw, ImageFont

from atypie.adapters.tesseract import Word
from atypie.vision.layout import analyse
from atypie.vision.readers.marks import unread_marks
from atypie.vision.readers.ocr import read_text

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _legend():
    image = Image.new("RGB", (1200, 700), "white")
    draw = ImageDraw.Draw(image)
    draw.text((40, 30), "Quelle est la catégorie la plus importante ?", fill="#c00000",
              font=ImageFont.truetype(FONT, 30))
    draw.ellipse((150, 150, 550, 550), fill="#f8766d")
    small = ImageFont.truetype(FONT, 16)
    for n, letter in enumerate("abc"):
        draw.text((850, 305 + 45 * n), letter, fill="black", font=small)
    draw.text((100, 300), "d", fill="#444444", font=small)  # a slice's name beside the pie
    return image


@pytest.mark.slow
@pytest.mark.exe
def test_the_lone_letters_of_a_legend_are_read():
    words = [w.text for w in read_text(_legend()).words]
    assert "importante" in words
    assert {"a", "b", "d"} <= set(words)


@pytest.mark.slow
@pytest.mark.exe
def test_marks_already_covered_by_a_word_are_not_read_twice():
    image = _legend()
    layout = analyse(image)
    covering = [Word("x", 99.0, 840, 290, 40, 150, 1, 1)]  # a word over the three legend letters
    found = unread_marks(layout, covering, 1.4, "fra")
    assert all(not (840 <= w.left < 880 and 290 <= w.top < 440) for w in found)


def test_a_blank_page_has_no_marks_to_read():
    assert unread_marks(analyse(Image.new("RGB", (300, 200), "white")), [], 1.0, "fra") == []
