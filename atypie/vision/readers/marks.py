"""Text that neither reading found: the marks of the normalised page (drawing already erased) that no word covers,
such as the letters a, b, c of a pie chart or the G0 beside an automaton's state. Tesseract's page segmentation drops
a lone short word; cut out and set one under the other, each on its own line of a small sheet, they are read in
one more call."""
from __future__ import annotations

from ...adapters.tesseract import Word, ocr_words
from ..load import png_bytes

INK = 110  # a pixel of the normalised page darker than this is ink (fainter ones are what is left of the drawing)
MAX_MARKS = 40  # at most this many marks are read again (the largest first)
MIN_HEIGHT, MAX_HEIGHT = 0.4, 2.5  # a mark's height, in letter heights (an x-height letter is about half)
MAX_WIDTH = 12  # letters: a wider mark is a line, not a word
MIN_DENSITY = 0.12  # a mark whose ink covers less of its box is a dotted rest of the drawing (a pie's rim)
MIN_CONFIDENCE = 80.0  # a mark read alone is kept from this confidence (arrowheads read as « A » or « v » at 73-77)
PAD = 0.5  # letters of white around each mark on the sheet


def unread_marks(layout, words: list[Word], scale: float, languages: str) -> list[Word]:
    """The words read in the marks that no word of `words` covers, placed where they are on the page."""
    import numpy
    from scipy import ndimage

    page = numpy.asarray(layout.normalised)
    letter = max(layout.letter, 1)
    ink = page < INK
    covered = numpy.zeros_like(ink)
    margin = max(letter // 4, 1)
    for word in words:
        covered[max(word.top - margin, 0):word.top + word.height + margin,
                max(word.left - margin, 0):word.left + word.width + margin] = True
    near = ndimage.binary_dilation(ink, structure=numpy.ones((max(letter // 3, 1), max(letter * 2 // 3, 1))))
    groups, _count = ndimage.label(near)
    marks = []
    for n, found in enumerate(ndimage.find_objects(groups), 1):
        if found is None:
            continue
        inside = ink[found] & (groups[found] == n)
        rows, cols = numpy.nonzero(inside)
        if not len(rows):
            continue
        top, left = found[0].start + rows.min(), found[1].start + cols.min()
        bottom, right = found[0].start + rows.max() + 1, found[1].start + cols.max() + 1
        height, width = bottom - top, right - left
        if not (MIN_HEIGHT * letter <= height <= MAX_HEIGHT * letter and width <= MAX_WIDTH * letter
                and len(rows) >= MIN_DENSITY * height * width):
            continue
        if covered[top:bottom, left:right].any():
            continue
        marks.append((int(inside.sum()), (int(left), int(top), int(right), int(bottom))))
    boxes = [box for _mass, box in sorted(marks, reverse=True)[:MAX_MARKS]]
    return _read_sheet(layout.normalised, sorted(boxes, key=lambda b: (b[1], b[0])), letter, scale, languages)


def _read_sheet(page, boxes: list[tuple[int, int, int, int]], letter: int, scale: float,
                languages: str) -> list[Word]:
    """The marks cut out with some white around them, scaled like the page, set one per line, read at once."""
    from PIL import Image

    if not boxes:
        return []
    pad = max(int(PAD * letter), 2)
    crops = [page.crop((left - pad, top - pad, right + pad, bottom + pad)) for left, top, right, bottom in boxes]
    crops = [c.resize((max(int(c.width * scale), 1), max(int(c.height * scale), 1)), Image.BICUBIC) for c in crops]
    gap = int(letter * scale)
    sheet = Image.new("L", (max(c.width for c in crops) + 2 * gap, sum(c.height + gap for c in crops) + gap), 255)
    starts, y = [], gap
    for crop in crops:
        sheet.paste(crop, (gap, y))
        starts.append(y)
        y += crop.height + gap
    found = []
    for word in ocr_words(png_bytes(sheet), languages=languages, psm=6):
        if word.confidence < MIN_CONFIDENCE or not any(ch.isalnum() for ch in word.text):
            continue
        middle = word.top + word.height / 2
        row = next((k for k, start in enumerate(starts) if start <= middle < start + crops[k].height), None)
        if row is None:
            continue
        left, top = boxes[row][0] - pad, boxes[row][1] - pad
        found.append(Word(word.text, word.confidence, left + round((word.left - gap) / scale),
                          top + round((word.top - starts[row]) / scale), max(round(word.width / scale), 1),
                          max(round(word.height / scale), 1), word.block, word.line))
    return found
