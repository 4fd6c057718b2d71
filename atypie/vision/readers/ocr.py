"""Tesseract OCR prepared for diagrams and slides: the drawing's lines and shapes (connected components much
larger than a letter) are erased so that only letters remain, the image is upscaled ×2 (a large one is scaled to
at most MAX_OCR_PIXELS instead), then Tesseract reads it as one block (psm 6) and as sparse text (psm 11); words
found only by the second are added. Words are grouped into lines and blocks in reading order. bench/vision_ocr.py measures what each step buys."""
from __future__ import annotations

import io
from dataclasses import dataclass, field

from ...adapters.tesseract import Word, ocr_words

PSM_ORDER = (6, 11)  # one block first (reading order), then sparse text for what it missed
MIN_CONFIDENCE = 30.0
SCALE = 2.0
MAX_OCR_PIXELS = 16_000_000  # the image Tesseract reads: larger ones are scaled down (memory stays bounded)
LETTER_HEIGHTS = 2.5  # a dark component taller than this many median letter heights is a drawing, not text
LETTER_WIDTHS = 4.0


@dataclass(frozen=True)
class OcrResult:
    lines: list[str]
    blocks: list[str]  # lines close together: one box of a diagram, one paragraph of a slide
    confidence: float  # 0-1, mean confidence of the kept words
    psm: int
    scale: float
    words: list[Word] = field(default_factory=list)
    arrows: list[tuple[int, int]] = field(default_factory=list)  # (from block, to block), rebuilt from the drawing

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def prepare(image, scale: float = SCALE):
    """Black letters on white: the drawing and any background fill erased (see the module docstring)."""
    return _separate(image, scale)[0]


def _separate(image, scale: float = SCALE):
    """(letters image, drawing components as (ys, xs) pixel arrays)."""
    import numpy
    from PIL import Image
    from scipy import ndimage

    grey = image.convert("L")
    if scale != 1:
        grey = grey.resize((int(grey.width * scale), int(grey.height * scale)), Image.BICUBIC)
    pixels = numpy.asarray(grey)
    dark = pixels < _otsu(grey.histogram())
    labels, _count = ndimage.label(dark, structure=numpy.ones((3, 3)))
    boxes = ndimage.find_objects(labels)
    heights = sorted(box[0].stop - box[0].start for box in boxes if box is not None)
    if not heights:
        return grey, []
    letter = heights[len(heights) // 2]
    drawing = [index for index, box in enumerate(boxes, 1) if box is not None and (
        box[0].stop - box[0].start > LETTER_HEIGHTS * letter or box[1].stop - box[1].start > LETTER_WIDTHS * letter)]
    letters = dark & ~numpy.isin(labels, drawing)
    components = []
    for index in drawing:
        box = boxes[index - 1]
        ys, xs = numpy.nonzero(labels[box] == index)
        components.append((ys + box[0].start, xs + box[1].start))
    return Image.fromarray(numpy.where(letters, 0, 255).astype(numpy.uint8)), components  # black on white


def _otsu(histogram: list[int]) -> int:
    """Otsu's threshold between ink and background."""
    total = sum(histogram)
    weighted = sum(i * h for i, h in enumerate(histogram))
    background = below = 0.0
    best, threshold = -1.0, 127
    for level, count in enumerate(histogram):
        background += count
        if background == 0:
            continue
        foreground = total - background
        if foreground == 0:
            break
        below += level * count
        between = background * foreground * (below / background - (weighted - below) / foreground) ** 2
        if between > best:
            best, threshold = between, level
    return threshold


def read_text(image, languages: str = "fra+eng") -> OcrResult:
    scale = ocr_scale(image.width, image.height)
    prepared, drawing = _separate(image, scale)
    buffer = io.BytesIO()
    prepared.save(buffer, format="PNG")
    data = buffer.getvalue()
    found: list[Word] = []
    seen: set[str] = set()
    for psm in PSM_ORDER:
        for word in ocr_words(data, languages=languages, psm=psm):
            key = word.text.lower()
            if word.confidence >= MIN_CONFIDENCE and any(ch.isalnum() for ch in word.text) and key not in seen:
                found.append(word)
                seen.add(key)
    return _assemble(found, PSM_ORDER[0], scale, drawing)


def ocr_scale(width: int, height: int) -> float:
    """×2 for ordinary images; less for large ones, so that the image read has at most MAX_OCR_PIXELS."""
    return min(SCALE, (MAX_OCR_PIXELS / max(width * height, 1)) ** 0.5)


def _assemble(words: list[Word], psm: int, scale: float, drawing: list) -> OcrResult:
    lines = _lines(words)
    texts = [" ".join(w.text for w in line) for line in lines]
    grouped = _blocks(lines)
    blocks = [" ".join(" ".join(w.text for w in line) for line in block) for block in grouped]
    boxes = [_box([w for line in block for w in line]) for block in grouped]
    confidence = sum(w.confidence for w in words) / (100 * len(words)) if words else 0.0
    return OcrResult(texts, blocks, round(confidence, 3), psm, scale, words, _arrows(drawing, boxes))


def _box(words: list[Word]) -> tuple[int, int, int, int]:
    return (min(w.left for w in words), min(w.top for w in words), max(w.left + w.width for w in words),
            max(w.top + w.height for w in words))


def _arrows(drawing: list, boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int]]:
    """Lines of the drawing that join two text blocks. Node outlines are cut away first (the ink within a margin
    around each block), so that each remaining piece is an edge whose two ends land next to two blocks; the end
    with more ink around it (the arrowhead) is the target."""
    import numpy
    from scipy import ndimage

    if not drawing or len(boxes) < 2:
        return []
    height = max(int(max(ys.max() for ys, _ in drawing)) + 1, max(b[3] for b in boxes) + 1)
    width = max(int(max(xs.max() for _, xs in drawing)) + 1, max(b[2] for b in boxes) + 1)
    ink = numpy.zeros((height, width), dtype=bool)
    for ys, xs in drawing:
        ink[ys, xs] = True
    zones = [_zone(box, width, height) for box in boxes]
    for left, top, right, bottom in zones:
        ink[top:bottom, left:right] = False
    labels, count = ndimage.label(ink, structure=numpy.ones((3, 3)))
    found: list[tuple[int, int]] = []
    for index, box in enumerate(ndimage.find_objects(labels), 1):
        if box is None:
            continue
        ys, xs = numpy.nonzero(labels[box] == index)
        if len(ys) < 8:
            continue
        points = numpy.stack([xs + box[1].start, ys + box[0].start], axis=1)
        centre = points.mean(axis=0)
        first = points[numpy.argmax(((points - centre) ** 2).sum(axis=1))]
        second = points[numpy.argmax(((points - first) ** 2).sum(axis=1))]
        ends = [_nearest_block(end, zones) for end in (first, second)]
        if None in ends or ends[0] == ends[1]:
            continue
        near = [int((((points - end) ** 2).sum(axis=1) < 18 ** 2).sum()) for end in (first, second)]
        source, target = (ends[1], ends[0]) if near[0] > near[1] else (ends[0], ends[1])
        if (source, target) not in found:
            found.append((source, target))
    return found


def _zone(box, width: int, height: int) -> tuple[int, int, int, int]:
    """The block with room for the shape drawn around it."""
    left, top, right, bottom = box
    pad_x, pad_y = (right - left) * 0.25 + 24, (bottom - top) * 1.4 + 6
    return (max(int(left - pad_x), 0), max(int(top - pad_y), 0), min(int(right + pad_x), width),
            min(int(bottom + pad_y), height))


def _nearest_block(point, boxes, reach: float = 12.0) -> int | None:
    best = None
    for index, (left, top, right, bottom) in enumerate(boxes):
        dx = max(left - point[0], 0, point[0] - right)
        dy = max(top - point[1], 0, point[1] - bottom)
        distance = (dx * dx + dy * dy) ** 0.5
        if distance <= reach and (best is None or distance < best[0]):
            best = (distance, index)
    return best[1] if best else None


def _lines(words: list[Word]) -> list[list[Word]]:
    """Words with overlapping heights form a line; lines top to bottom, words left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.left)):
        centre = word.top + word.height / 2
        for line in lines:
            reference = min(line, key=lambda w: abs(w.left - word.left))
            if abs(centre - (reference.top + reference.height / 2)) < 0.6 * max(reference.height, word.height) \
                    and max(word.left - (reference.left + reference.width), reference.left - (word.left + word.width)) \
                    < 1.5 * max(reference.height, word.height):
                line.append(word)
                break
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w.left)
    return sorted(lines, key=lambda line: (min(w.top for w in line), min(w.left for w in line)))


def _blocks(lines: list[list[Word]]) -> list[list[list[Word]]]:
    """Lines that follow each other closely and overlap horizontally form a block."""
    blocks: list[list[list[Word]]] = []
    for line in lines:
        top = min(w.top for w in line)
        left, right = min(w.left for w in line), max(w.left + w.width for w in line)
        height = max(w.height for w in line)
        for block in blocks:
            last = block[-1]
            last_bottom = max(w.top + w.height for w in last)
            last_left, last_right = min(w.left for w in last), max(w.left + w.width for w in last)
            if 0 <= top - last_bottom < 1.2 * height and left < last_right and right > last_left:
                block.append(line)
                break
        else:
            blocks.append([line])
    return blocks
