"""The dark ink of a picture alone: on a chart, the labels are black and the curves, markers and bands are in
colour; curves that cross a label (« Intel486 » on the trend line) hide its letters from Tesseract. Keeping only
the dark, uncoloured pixels, less the long straight rules (grid lines, axes), leaves the labels on white."""
from __future__ import annotations

MIN_COLOURED_SHARE = 0.002  # a picture with less coloured ink than this has no curve to take out: no extra reading
MIN_DARK_SHARE = 0.001  # nor one with (almost) no dark ink: its text is in colour
SATURATION = 60  # max - min of the channels above which a pixel is coloured, not grey
DARK = 120  # the brightest channel below which a pixel is dark ink
RULE_LETTERS = 5  # a straight run of dark ink this many letters long is a rule, not text


def dark_ink(image, letter: int):
    """A black-on-white copy of `image` (PIL) with only its dark, uncoloured ink and without its long rules, or None
    when the picture holds too little coloured or dark ink for this reading to add anything. `letter` is the
    height of its letters in pixels."""
    import numpy
    from PIL import Image

    rgb = numpy.asarray(image.convert("RGB"), dtype=numpy.int16)
    high, low = rgb.max(axis=2), rgb.min(axis=2)
    coloured = ((high - low) > SATURATION) & (low < 220)
    dark = high < DARK
    if coloured.mean() < MIN_COLOURED_SHARE or dark.mean() < MIN_DARK_SHARE:
        return None
    length = max(RULE_LETTERS * max(letter, 4), 20)
    inked = dark | coloured  # a grid line stays one rule where a curve crosses it
    rules = _runs(inked, length) | _runs(inked.T, length).T
    return Image.fromarray(numpy.where(dark & ~rules, 0, 255).astype(numpy.uint8))


def _runs(mask, length: int):
    """The pixels of `mask` that lie in a horizontal run of at least `length` set pixels."""
    import numpy

    rows, width = mask.shape
    if width < length:
        return numpy.zeros_like(mask)
    sums = numpy.zeros((rows, width + 1), dtype=numpy.int32)
    numpy.cumsum(mask, axis=1, out=sums[:, 1:])
    full = (sums[:, length:] - sums[:, :-length]) == length  # a run of `length` starts at each True
    starts = numpy.zeros((rows, width + 1), dtype=numpy.int32)
    numpy.cumsum(numpy.pad(full, ((0, 0), (0, length - 1))), axis=1, out=starts[:, 1:])
    covered = numpy.zeros_like(mask)
    covered[:, :] = (starts[:, 1:] - numpy.pad(starts[:, 1:], ((0, 0), (length, 0)))[:, :width]) > 0
    return covered
