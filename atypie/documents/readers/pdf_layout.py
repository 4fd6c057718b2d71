"""The layout logic of the PDF reader on plain tuples, without a PDF: characters into lines, running headers and
page numbers dropped, columns read one after the other, lines into blocks, and each block told a heading, a list
item or a paragraph by its font size, weight and first characters. Coordinates are in points from the page's
top-left corner (y grows downwards)."""
from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from typing import NamedTuple

HEADING_RATIO = 1.15  # a size this many times the body size, or more, is a heading's
HEADING_MAX_LINES = 3
HEADING_MAX_CHARS = 200
MARGIN_ZONE = 0.1  # running headers and footers live in the top and bottom tenth of the page
RUNNING_SHARE = 0.4  # …and repeat on at least this share of the pages (two at least), or on three in a row
RUNNING_TOLERANCE = 6.0  # points between the positions of one running line on two pages
MAX_WIDTH = 20_000  # points: lines spread wider than this (text far off the page) are not split into columns
HYPHENS = "-\u2010\u00ad\x02"  # pdfium gives a hyphen that ends a line as \x02
BULLET = re.compile(r"^(?:[•◦▪▫●○■□‣⁃∙➢►▶✓\uf0b7\uf0a7\uf0d8\uf076]|[-–—*§ØÏ](?=\s))\s*"  # §, Ø, Ï: mis-read bullets
                    r"|^(\d{1,3}[.)]|\(?[a-z]\)|\(\d{1,3}\))\s+")
PAGE_NUMBER = re.compile(r"^(?:page|p\.)?\s*[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:/|sur|of)\s*\d{1,4})?$",
                         re.IGNORECASE)


class Glyph(NamedTuple):
    text: str
    left: float
    top: float
    right: float
    bottom: float
    size: float  # font size in points, the text matrix applied
    bold: bool = False


class Line(NamedTuple):
    text: str
    left: float
    top: float
    right: float
    bottom: float
    size: float  # the size of most of its characters
    bold: bool = False  # most of its characters are bold


class Page(NamedTuple):
    number: int  # 1-based
    width: float
    height: float
    lines: tuple[Line, ...]


class Piece(NamedTuple):
    """A block of text found on a page: a heading (level 1-6), a paragraph, or a list item (level: its depth from
    0, ordered and start from its marker). `top` places it among the page's figures."""
    kind: str  # heading, paragraph or item
    text: str
    top: float
    level: int = 0
    ordered: bool = False
    start: int = 1


# --- characters into lines ------------------------------------------------------------------------------------------

def lines_of(glyphs: list[Glyph]) -> list[Line]:
    """Glyphs in the file's order into lines: a glyph starts a new line when it is not level with the line, when it
    goes back to the left of the glyph before, or when a gap wider than 1.5 em (a column gutter) separates it from
    the line, unless the line so far is only a list marker. Spaces only separate words; a gap of a fifth of an em
    counts as a space too."""
    lines: list[Line] = []
    current: list[Glyph] = []
    text = ""
    top = bottom = 0.0
    space = False
    for glyph in glyphs:
        if not glyph.text.strip():
            space = space or bool(current)
            continue
        if current and not _continues(current[-1], top, bottom, text, glyph):
            lines.append(_line(current, text))
            current, text, space = [], "", False
        if current:
            text += " " if space or glyph.left - current[-1].right > 0.2 * glyph.size else ""
            top, bottom = min(top, glyph.top), max(bottom, glyph.bottom)
        else:
            top, bottom = glyph.top, glyph.bottom
        current.append(glyph)
        text += glyph.text
        space = False
    if current:
        lines.append(_line(current, text))
    return [line for line in lines if line.text]


def _continues(last: Glyph, top: float, bottom: float, text: str, glyph: Glyph) -> bool:
    overlap = min(bottom, glyph.bottom) - max(top, glyph.top)
    if overlap < 0.5 * min(bottom - top, glyph.bottom - glyph.top):
        return False
    if glyph.left < last.left - 0.5 * glyph.size:  # back to the left (a ligature's letters share one box)
        return False
    if glyph.left - last.right <= 1.5 * glyph.size:
        return True
    return len(text) <= 6 and BULLET.match(text + " ") is not None and not BULLET.sub("", text + " ").strip()


def _line(glyphs: list[Glyph], text: str) -> Line:
    sizes = Counter(round(g.size * 2) / 2 for g in glyphs)
    size = max(sizes, key=lambda s: (sizes[s], s))
    bold = sum(g.bold for g in glyphs) >= 0.8 * len(glyphs)
    return Line(text.strip(), min(g.left for g in glyphs), min(g.top for g in glyphs), max(g.right for g in glyphs),
                max(g.bottom for g in glyphs), size, bold)


# --- running headers, footers and page numbers ----------------------------------------------------------------------

def drop_running(pages: list[Page]) -> list[Page]:
    """The pages without their running headers and footers and without page numbers. A running line sits in the
    top or bottom tenth of the page, and its text, digits ignored, comes back at the same height on at least 40 %
    of the pages (two at least), or on three pages in a row when it is no larger than the body text (a slide
    deck's section name; not a slide title repeated by overlays). A page number is alone on its line in those
    margins (« 3 », « page 3 », « 3 / 12 », « – iv – »)."""
    seen: dict[str, list[tuple[int, float]]] = {}
    for index, page in enumerate(pages):
        for line in page.lines:
            if _in_margin(line, page):
                seen.setdefault(_running_key(line.text), []).append((index, line.top))
    needed = max(2, RUNNING_SHARE * len(pages))
    body = body_size(pages)

    def running(index: int, page: Page, line: Line) -> bool:
        if not _in_margin(line, page):
            return False
        if PAGE_NUMBER.match(line.text.strip()):
            return True
        places = seen.get(_running_key(line.text), [])
        found = {i for i, top in places if abs(top - line.top) <= RUNNING_TOLERANCE}
        in_a_row = line.size <= body + 0.5 and any({start, start + 1, start + 2} <= found
                                                   for start in range(index - 2, index + 1))
        return len(found) >= needed or in_a_row

    return [page._replace(lines=tuple(line for line in page.lines if not running(index, page, line)))
            for index, page in enumerate(pages)]


def _in_margin(line: Line, page: Page) -> bool:
    return line.bottom <= MARGIN_ZONE * page.height or line.top >= (1 - MARGIN_ZONE) * page.height


def _running_key(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text.casefold()).split())


# --- columns --------------------------------------------------------------------------------------------------------

def reading_order(lines: list[Line] | tuple[Line, ...], depth: int = 2) -> list[Line]:
    """The lines in reading order. Lines that split into two x-ranges around an empty gutter in the middle half of
    their width (two lines on each side at least, side by side) are read column by column, left first, and each
    column is looked at again (three columns); lines that cross the gutter (a title above the columns) cut the page
    into bands read one after the other. Otherwise top to bottom, and left to right on one row."""
    ordered = _rows(lines)
    gutter = _gutter(ordered) if depth > 0 else None
    if gutter is None:
        return ordered
    middle = sum(gutter) / 2
    result: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for line in ordered + [None]:
        if line is None or line.left < middle < line.right:
            result += reading_order(left, depth - 1) + reading_order(right, depth - 1)
            result += [line] if line is not None else []
            left, right = [], []
        else:
            (left if line.right <= middle else right).append(line)
    return result


def _rows(lines) -> list[Line]:
    """Top to bottom; lines whose tops are within 2 points form a row, read left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda line: line.top):
        if rows and line.top - rows[-1][0].top <= 2:
            rows[-1].append(line)
        else:
            rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda line: line.left)]


def _gutter(lines: list[Line]) -> tuple[float, float] | None:
    """The widest band crossed by the fewest lines (a quarter of them at most) in the middle half of the lines'
    width, at least an em wide, with columns on both sides; None for text in one column."""
    if len(lines) < 4:
        return None
    origin = min(line.left for line in lines)
    steps = int(max(line.right for line in lines) - origin) + 2
    if steps > MAX_WIDTH:
        return None
    crossing = [0] * (steps + 1)
    for line in lines:  # how many lines cover each point of the width
        start, end = int(line.left - origin) + 1, min(steps, int(line.right - origin) + 1)
        if start < end:
            crossing[start] += 1
            crossing[end] -= 1
    covered, count = [], 0
    for delta in crossing:
        count += delta
        covered.append(count)
    low, high = steps // 4, 3 * steps // 4
    fewest = min(covered[low:high + 1])
    if fewest > max(1, len(lines) // 4):
        return None
    best, start = (0, 0), None
    for x in range(low, high + 2):
        if x <= high and covered[x] == fewest:
            start = x if start is None else start
        elif start is not None:
            best = max(best, (start, x), key=lambda band: band[1] - band[0])
            start = None
    sizes = sorted(line.size for line in lines)
    if best[1] - best[0] < max(6.0, sizes[len(sizes) // 2]):
        return None
    middle = origin + sum(best) / 2
    left = [line for line in lines if line.right <= middle]
    right = [line for line in lines if line.left >= middle]
    if min(len(left), len(right)) < max(2, 0.15 * (len(left) + len(right))):
        return None
    side_by_side = (min(line.top for line in right) < max(line.bottom for line in left)
                    and min(line.top for line in left) < max(line.bottom for line in right))
    return (origin + best[0], origin + best[1]) if side_by_side else None


# --- blocks ---------------------------------------------------------------------------------------------------------

def body_size(pages: list[Page]) -> float:
    """The document's body size: the size of most characters (0 when there is no text)."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            sizes[line.size] += len(line.text)
    return max(sizes, key=lambda s: (sizes[s], -s)) if sizes else 0.0


def layout(pages: list[Page]) -> list[list[Piece]]:
    """Every page's pieces in reading order: running lines dropped, columns read in turn, lines grouped into
    blocks, and blocks told apart. Headings: a short block clearly larger than the body (levels by its distinct
    larger sizes, the largest 1), or a bold line of body size alone, followed by text that is not bold (the level
    under those)."""
    pages = drop_running(pages)
    body = body_size(pages)
    ordered = [reading_order(page.lines) for page in pages]
    gap = _line_gap(ordered, body)
    blocks = [_blocks(lines, gap) for lines in ordered]
    levels = _heading_levels([block for page in blocks for block in page], body)
    return [_pieces(page, body, levels) for page in blocks]


def _line_gap(pages: list[list[Line]], body: float) -> float:
    """The usual space between two lines of one paragraph (the lower quartile of the gaps between body lines)."""
    gaps = sorted(line.top - previous.bottom for lines in pages for previous, line in pairwise(lines)
                  if abs(previous.size - body) < 0.6 and abs(line.size - body) < 0.6 and line.top >= previous.top)
    return max(0.0, gaps[len(gaps) // 4]) if gaps else 0.0


def _blocks(lines: list[Line], gap: float) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    for line in lines:
        previous = blocks[-1][-1] if blocks else None
        if previous is None or _starts_block(blocks[-1], line, gap):
            blocks.append([line])
        else:
            blocks[-1].append(line)
    return blocks


def _starts_block(block: list[Line], line: Line, gap: float) -> bool:
    previous = block[-1]
    size = max(previous.size, line.size)
    if line.top < previous.top - 1 or line.top - previous.bottom > max(0.4 * size, gap + 0.35 * size):
        return True  # a jump to the next column, or a blank between paragraphs
    if abs(previous.size - line.size) > 0.5 or previous.bold != line.bold or is_item(line.text):
        return True
    indented = line.left > previous.left + 0.8 * size  # an indented first line, unless the block's first line hangs
    return indented and len(block) > 1 and not is_item(block[0].text)


def _heading_levels(blocks: list[list[Line]], body: float) -> dict[float, int]:
    larger = sorted({block[0].size for block in blocks if _looks_like_heading(block, body)}, reverse=True)
    levels: dict[float, int] = {}
    for size in larger:  # sizes within half a point share a level
        close = [levels[known] for known in levels if abs(known - size) <= 0.5]
        levels[size] = close[0] if close else min(len(set(levels.values())) + 1, 5)
    return levels


def _looks_like_heading(block: list[Line], body: float) -> bool:
    return (block[0].size >= HEADING_RATIO * body and len(block) <= HEADING_MAX_LINES
            and sum(len(line.text) for line in block) <= HEADING_MAX_CHARS)


def _pieces(blocks: list[list[Line]], body: float, levels: dict[float, int]) -> list[Piece]:
    pieces: list[Piece] = []
    bold_level = min(len(set(levels.values())) + 1, 6)
    for index, block in enumerate(blocks):
        text, top = join_lines([line.text for line in block]), block[0].top
        following = blocks[index + 1][0] if index + 1 < len(blocks) else None
        if _looks_like_heading(block, body):
            pieces.append(Piece("heading", text, top, levels.get(block[0].size, 1)))
        elif is_item(text):
            marker = BULLET.match(text)
            number = marker.group(1) or ""
            digits = number.strip("().")
            start = int(digits) if digits.isdigit() else 1
            pieces.append(Piece("item", text[marker.end():].strip(), top, 0, bool(number), start))
        elif (len(block) == 1 and block[0].bold and block[0].size > body - 0.6 and len(text) <= HEADING_MAX_CHARS
              and following is not None and not following.bold):
            pieces.append(Piece("heading", text, top, bold_level))
        else:
            pieces.append(Piece("paragraph", text, top))
    return _item_depths(pieces, blocks)


def _item_depths(pieces: list[Piece], blocks: list[list[Line]]) -> list[Piece]:
    """List items' depth: within a run of items, the rank of their marker's indentation (3 points apart)."""
    result = list(pieces)
    index = 0
    while index < len(pieces):
        if pieces[index].kind != "item":
            index += 1
            continue
        end = index
        while end < len(pieces) and pieces[end].kind == "item":
            end += 1
        indents: list[float] = []
        for left in sorted(blocks[i][0].left for i in range(index, end)):
            if not indents or left - indents[-1] > 3:
                indents.append(left)
        for i in range(index, end):
            depth = max(n for n, left in enumerate(indents) if left <= blocks[i][0].left + 3)
            result[i] = pieces[i]._replace(level=depth)
        index = end
    return result


def is_item(text: str) -> bool:
    """Whether a line starts with a list marker: a bullet (•, –, -, ▪…) or « 1. », « 2) », « a) », « (b) »."""
    marker = BULLET.match(text)
    return marker is not None and bool(text[marker.end():].strip())


def join_lines(lines: list[str]) -> str:
    """The lines of one block as one text, joined by a space, but a word cut at a line's end by a hyphen is put
    back together: without the hyphen when the next line starts in lower case (« mem- » + « brane » →
    « membrane ») or when it is a soft hyphen, with it otherwise (« Jean- » + « Pierre » → « Jean-Pierre »)."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if text and text[-1] in HYPHENS and text[-2:-1].isalpha() and line[0].isalnum():
            text = text[:-1] + line if line[0].islower() or text[-1] == "\u00ad" else text + line
        else:
            text = f"{text} {line}" if text else line
    return text.replace("\u00ad", "").replace("\x02", "-")
