"""Tesseract OCR on a picture whose layout is known first (vision/layout.py): the shapes' text is made black on
white whatever their fill (white on blue included), the drawing is erased, the page is scaled so that letters are
about LETTER_TARGET pixels high and read as sparse text (psm 11); beside it, the picture as it is is read as
Tesseract reads it by default, and the two readings are merged word by word. Each word then goes to the shape that
holds it: a shape's words, line by line, are one label; words outside any shape are grouped into lines and blocks
in reading order, and a short block lying along a connector is that connector's label. bench/vision_images.py,
bench/vision_diagrams_fr.py and bench/vision_ocr.py measure what each step buys."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ...adapters.tesseract import Word, ocr_words
from ..layout import Layout, analyse
from ..load import png_bytes
from .dark_ink import dark_ink
from .marks import unread_marks

PSM = 11  # sparse text: the labels of a diagram, the lines of a slide, wherever they are
PLAIN_PSM = 3  # Tesseract's default page segmentation, for the reading of the picture as it is
MERGE_MARGIN = 5.0  # the plain reading replaces the normalised one's words only when surer by this much
MIN_CONFIDENCE = 30.0
SIGN_CONFIDENCE = 80.0
LETTER_TARGET = 14  # pixels: the median letter height that reads best (measured in bench/vision_diagrams_fr.py)
MAX_SCALE = 3.0
MAX_OCR_PIXELS = 16_000_000  # the image Tesseract reads: larger ones are scaled down (memory stays bounded)
MAX_LAYOUT_PIXELS = 4_000_000  # the layout is found on a copy of at most this size
# Tesseract's word confidence → the share of such words that are right, measured on the tuning half of
# bench/data/images_fr (bench/vision_images.py prints the table): it says 0.58 where 0 of 9 were right.
CALIBRATION = ((93.0, 0.97), (85.0, 0.75), (70.0, 0.4), (50.0, 0.1), (0.0, 0.05))
DOUBTFUL = 0.5  # a word less likely than this to be right is listed as to be checked
EDGE_LABEL_REACH = 2.0  # letter heights between a connector and the text that labels it
EDGE_LABEL_WORDS = 4  # a longer text next to a connector is not its label


@dataclass(frozen=True)
class Arrow:
    source: int  # index in OcrResult.labels
    target: int
    directed: bool
    label: str = ""


@dataclass(frozen=True)
class OcrResult:
    lines: list[str]  # everything read, in reading order: one line per shape label, one per line of other text
    labels: list[str]  # the text of each shape that holds some, in reading order
    free: list[str]  # blocks of text outside any shape (a title, a caption, a slide's lines), in reading order
    confidence: float  # 0-1, the expected share of the kept words that are right (CALIBRATION)
    words: list[Word] = field(default_factory=list)
    arrows: list[Arrow] = field(default_factory=list)  # connectors seen between two labelled shapes
    uncertain_links: int = 0  # lines reaching more than two shapes in no tree-like way (not described)
    doubtful: list[str] = field(default_factory=list)  # words probably misread, to be checked
    size: tuple[int, int] = (0, 0)  # width and height of the picture the words' positions refer to
    letter: int = 0  # median letter height there, in pixels
    rows: tuple[int, ...] = ()  # long horizontal lines (axes, grid lines), as in Layout
    columns: tuple[int, ...] = ()
    bars: int = 0
    loose: list[Word] = field(default_factory=list)  # the words outside every shape

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


LANGUAGES = {"fr": "fra", "en": "eng"}  # one model reads better than two: « fra+eng » lost accents (« générale »)


def read_text(image, lang: str = "fr") -> OcrResult:
    """Two readings side by side, merged word by word: the normalised page (shapes' text black on white, drawing
    erased, letters scaled) as sparse text, and the picture as it is, read as Tesseract reads it by default, so
    that nothing bare Tesseract finds is lost."""
    from concurrent.futures import ThreadPoolExecutor

    from PIL import Image

    shrink = min(1.0, (MAX_LAYOUT_PIXELS / max(image.width * image.height, 1)) ** 0.5)
    if shrink < 1:
        image = image.resize((max(int(image.width * shrink), 1), max(int(image.height * shrink), 1)), Image.BILINEAR)
    layout = analyse(image)
    scale = ocr_scale(layout.letter, image.width, image.height)
    page = layout.normalised
    if scale != 1:
        page = page.resize((int(page.width * scale), int(page.height * scale)), Image.BICUBIC)
    languages = LANGUAGES.get(lang, "fra")
    inked = dark_ink(image, layout.letter)
    if inked is not None and scale != 1:
        inked = inked.resize((int(inked.width * scale), int(inked.height * scale)), Image.BICUBIC)
    with ThreadPoolExecutor(2) as pool:
        normalised = pool.submit(ocr_words, png_bytes(page), languages=languages, psm=PSM)
        plain = pool.submit(ocr_words, png_bytes(image), languages=languages, psm=PLAIN_PSM)
        dark = pool.submit(ocr_words, png_bytes(inked), languages=languages, psm=PSM) if inked is not None else None
        words = _merged([_scaled(w, 1 / scale) for w in normalised.result() if _kept(w)],
                        [w for w in plain.result() if _kept(w)])
        if dark is not None:  # a chart's labels that its coloured curves crossed
            words = _merged(words, [_scaled(w, 1 / scale) for w in dark.result() if _kept(w)], _whole_again)
    words += unread_marks(layout, words, scale, languages)
    return _assemble(_micro_units(_lone_capital_a(words) if lang == "fr" else words), layout)


def _merged(first: list[Word], second: list[Word], completes=None) -> list[Word]:
    """The words of both readings; where two overlap, the one read with more confidence, or the one of `second`
    that `completes` (by default `_completes`) says is whole where the first reading has a piece."""
    completes = completes or _completes
    kept = list(first)
    for word in second:
        rivals = [w for w in kept if _overlaps(w, word)]
        if not rivals:
            if _plain_enough(word):
                kept.append(word)
        elif _plain_enough(word) and (word.confidence > max(w.confidence for w in rivals) + MERGE_MARGIN
                                      or completes(word, rivals)):
            kept = [w for w in kept if not any(w is r for r in rivals)] + [word]
    return kept


def _lone_capital_a(words: list[Word]) -> list[Word]:
    """Tesseract's French model reads a capital A standing alone (« Spécialités A ET B ») as « À ». A capital « À »
    opens a sentence, with a lowercase word after it: any other one is an A."""
    fixed = {}
    for line in group_lines(words):
        for k, word in enumerate(line):
            opens = k == 0 or line[k - 1].text.endswith((".", "!", "?", ":", "…"))
            if word.text == "À" and not (opens and k + 1 < len(line) and line[k + 1].text[:1].islower()):
                fixed[id(word)] = replace(word, text="A")
    return [fixed.get(id(word), word) for word in words]


_MICRO_UNITS = {"um": "µm", "ug": "µg", "ul": "µL", "uL": "µL", "umol": "µmol", "us": "µs"}  # Tesseract reads µ as u


def _micro_units(words: list[Word]) -> list[Word]:
    """« 10 um » on a scale bar is « 10 µm »: a unit after a number on the same line, whose micro sign Tesseract
    read as a « u » (« um » is no word in French; « us », after a number, is microseconds)."""
    fixed = {}
    for line in group_lines(words):
        for before, word in zip(line, line[1:], strict=False):
            if word.text in _MICRO_UNITS and re.fullmatch(r"\d+(?:[.,]\d+)?", before.text):
                fixed[id(word)] = replace(word, text=_MICRO_UNITS[word.text])
    return [fixed.get(id(word), word) for word in words]


DARK_SURE = 80.0  # the confidence a word of the dark-ink reading needs to replace the pieces a curve left


def _whole_again(word: Word, rivals: list[Word]) -> bool:
    """A word of the dark-ink reading, read with confidence, that holds the pieces the other readings made of it
    where a curve crossed it (« Pe » for « Pentium »): the pieces are its start or its end."""
    whole = word.text.lower()
    return word.confidence >= DARK_SURE and len(rivals) == 1 and len(rivals[0].text) >= 2 and (
        whole.startswith(rivals[0].text.lower()) or whole.endswith(rivals[0].text.lower())) and len(whole) > len(
        rivals[0].text)


def _completes(word: Word, rivals: list[Word]) -> bool:
    """The plain reading has the whole of a word whose first or last letters the erased drawing took away (a label
    that touches its arrow: « ranscription » for « transcription »)."""
    if len(rivals) != 1:
        return False
    cut, whole = rivals[0].text.lower(), word.text.lower()
    return len(cut) >= 3 and cut != whole and cut in whole and len(whole) - len(cut) <= 2


def _plain_enough(word: Word) -> bool:
    """A word of the reading of the picture as it is, worth adding or preferring: not a sign alone, nor one character
    read with little confidence (an arrowhead read as « 7 », a line as « - »)."""
    letters = sum(ch.isalnum() for ch in word.text)
    return letters >= 2 or letters == 1 and word.confidence >= SIGN_CONFIDENCE + 10


def _overlaps(a: Word, b: Word) -> bool:
    width = min(a.left + a.width, b.left + b.width) - max(a.left, b.left)
    height = min(a.top + a.height, b.top + b.height) - max(a.top, b.top)
    return width > 0 and height > 0 and width * height >= 0.3 * min(a.width * a.height, b.width * b.height)


def word_probability(confidence: float) -> float:
    """How likely a word read with this Tesseract confidence is to be right (CALIBRATION)."""
    return next(p for floor, p in CALIBRATION if confidence >= floor)


def _kept(word: Word) -> bool:
    """A word with a letter or a digit read with some confidence; a sign alone (« », >=, ?) only when it is read
    with high confidence, since stray marks are read as signs."""
    if any(ch.isalnum() for ch in word.text):
        return word.confidence >= MIN_CONFIDENCE
    return word.confidence >= SIGN_CONFIDENCE and len(word.text) <= 3


def ocr_scale(letter: int, width: int, height: int) -> float:
    """Letters brought to about LETTER_TARGET pixels (never shrunk, at most ×MAX_SCALE), within MAX_OCR_PIXELS."""
    wanted = min(max(LETTER_TARGET / max(letter, 1), 1.0), MAX_SCALE)
    return min(wanted, max((MAX_OCR_PIXELS / max(width * height, 1)) ** 0.5, 0.1))


def _scaled(word: Word, factor: float) -> Word:
    return replace(word, left=round(word.left * factor), top=round(word.top * factor),
                   width=max(round(word.width * factor), 1), height=max(round(word.height * factor), 1))


def _assemble(words: list[Word], layout: Layout) -> OcrResult:
    held: dict[int, list[Word]] = {}
    loose: list[Word] = []
    for word in words:
        x, y = word.left + word.width / 2, word.top + word.height / 2
        owner = next((n for n, shape in enumerate(layout.shapes) if shape.contains(x, y)), None)
        if owner is None:
            loose.append(word)
        else:
            held.setdefault(owner, []).append(word)
    order = [n for n in range(len(layout.shapes)) if n in held]
    index = {shape: k for k, shape in enumerate(order)}
    labels = [_label(group_lines(held[n], split_gaps=False)) for n in order]
    blocks = _blocks(group_lines(loose))
    arrows, used = _arrows(layout, index, blocks)
    free_blocks = [b for k, b in enumerate(blocks) if k not in used]
    free = [_label(block) for block in free_blocks]
    items = [(layout.shapes[n].box[1], layout.shapes[n].box[0], label) for n, label in zip(order, labels, strict=True)]
    items += [(min(w.top for w in line), min(w.left for w in line), " ".join(w.text for w in line))
              for block in blocks for line in block]
    reading = [text for _top, _left, text in sorted(items, key=lambda i: (i[0] // max(layout.letter, 1), i[1]))]
    kept = [w for k in order for w in held[k]] + [w for b in blocks for line in b for w in line]
    confidence = sum(word_probability(w.confidence) for w in kept) / len(kept) if kept else 0.0
    doubtful = [w.text for w in kept if word_probability(w.confidence) < DOUBTFUL]
    return OcrResult(reading, labels, free, round(confidence, 3), kept, arrows, layout.uncertain, doubtful,
                     layout.normalised.size, layout.letter, layout.rows, layout.columns, layout.bars, loose)


def _label(lines: list[list[Word]]) -> str:
    """A shape's lines as one label; a word cut by a hyphen at the end of a line is joined again."""
    text = ""
    for line in lines:
        part = " ".join(w.text for w in line)
        if text.endswith("-") and part[:1].islower():
            text = text[:-1] + part
        else:
            text = f"{text} {part}" if text else part
    return text


def _arrows(layout: Layout, index: dict[int, int], blocks: list) -> tuple[list[Arrow], set[int]]:
    """The connectors between two labelled shapes, each with the free block lying along it as its label."""
    import numpy

    arrows: list[Arrow] = []
    used: set[int] = set()
    reach = EDGE_LABEL_REACH * layout.letter
    for connector in layout.connectors:
        if connector.source not in index or connector.target not in index:
            continue
        ys, xs = connector.pixels
        label = ""
        for k, block in enumerate(blocks):
            if k in used or len(block) > 2 or sum(len(line) for line in block) > EDGE_LABEL_WORDS \
                    or sum(ch.isalnum() for ch in _label(block)) < 2:  # a stray mark is no label
                continue
            left, top, right, bottom = _box([w for line in block for w in line])
            dx = numpy.maximum(numpy.maximum(left - xs, 0), xs - right)
            dy = numpy.maximum(numpy.maximum(top - ys, 0), ys - bottom)
            if float(numpy.min(dx * dx + dy * dy)) <= reach * reach:
                label = _label(block)
                used.add(k)
                break
        arrow = Arrow(index[connector.source], index[connector.target], connector.directed, label)
        if all((a.source, a.target) != (arrow.source, arrow.target) for a in arrows):
            arrows.append(arrow)
    return arrows, used


def _box(words: list[Word]) -> tuple[int, int, int, int]:
    return (min(w.left for w in words), min(w.top for w in words), max(w.left + w.width for w in words),
            max(w.top + w.height for w in words))


def group_lines(words: list[Word], *, split_gaps: bool = True) -> list[list[Word]]:
    """Words whose vertical centres agree form a line, left to right (a tall « Â » or a descender does not start a
    line of its own); with `split_gaps`, a line is also cut where a gap wider than 1.5 letter heights separates two
    columns. Lines top to bottom."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.top + w.height / 2):
        centre = word.top + word.height / 2
        for row in rows:
            middle = sum(w.top + w.height / 2 for w in row) / len(row)
            if abs(centre - middle) < 0.5 * max(max(w.height for w in row), word.height):
                row.append(word)
                break
        else:
            rows.append([word])
    lines: list[list[Word]] = []
    for row in rows:
        row.sort(key=lambda w: w.left)
        line = [row[0]]
        for word in row[1:]:
            previous = line[-1]
            if split_gaps and word.left - (previous.left + previous.width) > 1.5 * max(previous.height, word.height):
                lines.append(line)
                line = []
            line.append(word)
        lines.append(line)
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
