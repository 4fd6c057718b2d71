"""What kind of page the words read in a picture make, from their positions alone: a chart (numbers in a column
beside a long vertical line, or in a row above a long horizontal one), else a slide (a title that stands out at
the top, lines of text, a footer and a page number at the bottom). Pure: words and lines in, structure out; a
number appears here only if it was read."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..adapters.tesseract import Word
from .readers.ocr import OcrResult, group_lines

MIN_TICKS = 3
NUMBER = re.compile(r"^[+\-−]?\d[\d\s.,  ]*%?$")
FOOTER_SHARE = 0.1  # lines in the bottom tenth of a slide are its footer
TITLE_RATIO = 1.2  # a first line this much taller than the others is the slide's title


@dataclass(frozen=True)
class Chart:
    kind: str  # "bars" when bars standing on one baseline were seen, else "" (not told)
    title: str
    x_ticks: list[str]
    y_ticks: list[str]  # bottom to top
    x_title: str = ""
    y_title: str = ""
    other: list[str] = field(default_factory=list)  # legend, series names, notes


@dataclass(frozen=True)
class Slide:
    title: str
    lines: list[str]
    footer: list[str]
    page: str = ""


def chart(result: OcrResult) -> Chart | None:
    """The chart the words make, from ticks outside every shape (a timeline's years in boxes are not ticks)."""
    lines = group_lines(result.words)
    letter = max(result.letter, 1)
    numeric = [line for line in group_lines(result.loose) if all(NUMBER.match(w.text) for w in line)]
    y_ticks = _column(numeric, letter)
    x_ticks = _row(numeric, letter)
    near_axis = (y_ticks and any(abs(c - _right(y_ticks[0])) < 4 * letter for c in result.columns)) or (
        x_ticks and any(abs(r - _top(x_ticks[0])) < 3 * letter for r in result.rows))
    if not near_axis:
        return None
    ticks = {(w.left, w.top, w.text) for line in [*x_ticks, *y_ticks] for w in line}
    words = [line for line in lines if not all((w.left, w.top, w.text) in ticks for w in line)]
    top = min([_top(line) for line in y_ticks] + [r for r in result.rows] or [0])
    above = [line for line in words if _top(line) < top - letter / 2]
    below_x = [line for line in words if x_ticks and _top(line) > _top(x_ticks[0]) and
               _top(line) - _top(x_ticks[0]) <= 5 * letter]
    y_title = [line for line in above if y_ticks and _left(line) <= _right(y_ticks[0]) + letter]
    title = [line for line in above if line not in y_title]
    other = [line for line in words if line not in above and line not in below_x
             and sum(ch.isalnum() for ch in _text([line])) >= 3]  # not a stray mark read as « 7 » or « — »
    return Chart("bars" if result.bars >= MIN_TICKS else "", _text(title), [_text([t]) for t in x_ticks],
                 [_text([t]) for t in reversed(y_ticks)], _text(below_x[:1]), _text(y_title),
                 [_text([o]) for o in other])


def slide(result: OcrResult) -> Slide | None:
    lines = group_lines(result.words)
    if len(lines) < 2:
        return None
    height = result.size[1] or max(w.top + w.height for w in result.words)
    footer = [line for line in lines if _top(line) > (1 - FOOTER_SHARE) * height]
    body = [line for line in lines if line not in footer]
    page = next((_text([line]) for line in footer if len(line) == 1 and line[0].text.isdigit()), "")
    footer = [line for line in footer if _text([line]) != page]
    if not body:
        return None
    first, rest = body[0], body[1:]
    taller = rest and _height(first) >= TITLE_RATIO * sorted(_height(line) for line in rest)[len(rest) // 2]
    ruled = any(_top(first) < r < _top(rest[0]) for r in result.rows) if rest else False
    if not (taller or ruled):
        return None
    return Slide(_text([first]), [_text([line]) for line in rest], [_text([line]) for line in footer], page)


def _column(numeric: list[list[Word]], letter: int) -> list[list[Word]]:
    """The longest set of number lines whose right (or left) edges align, top to bottom."""
    best: list[list[Word]] = []
    for line, edge in ((line, edge) for line in numeric for edge in (_right, _left)):
        aligned = [other for other in numeric if abs(edge(other) - edge(line)) <= letter]
        if len(aligned) >= MIN_TICKS and len({_top(a) // letter for a in aligned}) == len(aligned) and len(
                aligned) > len(best):
            best = sorted(aligned, key=_top)
    return best


def _row(numeric: list[list[Word]], letter: int) -> list[list[Word]]:
    """The longest set of number lines on one row, left to right."""
    best: list[list[Word]] = []
    for line in numeric:
        aligned = [other for other in numeric if abs(_top(other) - _top(line)) <= letter / 2]
        if len(aligned) >= MIN_TICKS and len(aligned) > len(best):
            best = sorted(aligned, key=_left)
    return best


def _text(lines: list[list[Word]]) -> str:
    return " ".join(" ".join(w.text for w in line) for line in lines)


def _top(line: list[Word]) -> int:
    return min(w.top for w in line)


def _left(line: list[Word]) -> int:
    return min(w.left for w in line)


def _right(line: list[Word]) -> int:
    return max(w.left + w.width for w in line)


def _height(line: list[Word]) -> int:
    return max(w.height for w in line)
