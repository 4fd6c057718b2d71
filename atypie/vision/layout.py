"""The layout of a picture: the shapes drawn in it (filled or outlined boxes, rounded boxes, ellipses, diamonds),
the connectors that join them, and a copy of the picture normalised for reading (every shape's text black on
white, whatever its fill, with the drawing itself erased). Pure numpy/scipy on the pixels, no OCR: the reader
puts the words it finds into these shapes. Nothing here guesses a link: a connector is kept only when its ink
touches two shapes, and its direction only when one end carries clearly more ink (an arrowhead)."""
from __future__ import annotations

from dataclasses import dataclass, field

RULE_SHARE = 0.35  # a line across this share of the picture's width (or height) is an axis or a rule
MIN_LETTERS = 3  # a filled shape with fewer letter-sized marks inside holds no text
HULL_SHARE = 0.55  # a fill covering this share of its convex hull is a convex shape whose text was cut out
MIN_SOLIDITY = 0.45  # a diamond fills half its bounding box, a rectangle all of it
MAX_SHAPE_SHARE = 0.5  # a region larger than this share of the picture is a background panel, not a shape
HEAD_RATIO = 1.6  # an end with this much more ink than the other carries the arrowhead
BLOCK_HEAD_RATIO = 1.25  # a block arrow's tail carries this much more of its mass than its point
COLOUR_STEP = 16  # colours are counted in steps of this many levels per channel to find fills
FILL_TOLERANCE = 40  # a fill is the pixels within this distance of its colour (gradients and JPEG noise)
COLOUR_GAP = 24  # two fill colours closer than this are one
INK_DISTANCE = 60  # a pixel this far from the page colour is ink
NOISE = 20  # colour differences below this are noise (JPEG, gradients)
TEXT_CONTRAST = 140  # a pixel this far from its surrounding colour is full black in the normalised image
LINE_LETTERS = 10  # a straight run this many letters long is a line (a grid line, an axis, a rule)
ROW_MARKS = 3  # a piece of a line's component is a letter when it stands in a row of this many letter-sized marks
PLAIN_BORDER = 0.6  # the page has one colour when this share of its border has it


@dataclass(frozen=True)
class Shape:
    box: tuple[int, int, int, int]  # left, top, right, bottom (right and bottom excluded)
    mask: object = field(repr=False, compare=False)  # boolean array over `box`: the shape's inside
    filled: bool

    def contains(self, x: float, y: float) -> bool:
        left, top, right, bottom = self.box
        if not (left <= x < right and top <= y < bottom):
            return False
        return bool(self.mask[int(y) - top, int(x) - left])


@dataclass(frozen=True)
class Connector:
    source: int  # index in Layout.shapes
    target: int
    directed: bool  # an arrowhead was seen at the target
    pixels: object = field(repr=False, compare=False)  # (ys, xs) of its ink, for edge labels


@dataclass(frozen=True)
class Layout:
    shapes: list[Shape]
    connectors: list[Connector]
    letter: int  # median height of a letter, in pixels
    normalised: object = field(repr=False, compare=False)  # PIL "L" image: black text on white, drawing erased
    uncertain: int = 0  # connectors seen that reach more than two shapes in no tree-like way (not described)
    rows: tuple[int, ...] = ()  # y of the long horizontal lines (axes, grid lines, rules)
    columns: tuple[int, ...] = ()  # x of the long vertical lines
    bars: int = 0  # filled shapes without text standing on one baseline (the bars of a bar chart)


def analyse(image) -> Layout:
    import numpy
    from PIL import Image

    rgb = numpy.asarray(image.convert("RGB")).astype(numpy.int32)
    lum = _luminance(rgb)
    background, plain = _background(rgb)
    if plain:  # one page colour: ink is whatever stands out from it, dark or light
        ink = _distance(rgb, background) > INK_DISTANCE
    else:  # a photo or a gradient behind the text: dark ink on a light page, light ink on a dark one
        ink = lum < _otsu(lum) if _luminance(background) >= 128 else lum > _otsu(lum)
    letter, drawing = _letters_and_drawing(ink)
    fills = _filled_shapes(rgb, background, letter)
    outlined = _outlined_shapes(drawing, letter, fills)
    shapes = _innermost(_without_enclosures([*fills, *outlined], ink.shape, letter))
    erased = drawing & ~_letters_on_lines(ink, drawing, letter)  # a label over a grid line stays readable
    normalised = _normalised(rgb, lum, background, plain, erased, shapes)
    shapes, textless, drawing = _block_arrows(shapes, drawing, normalised, letter)
    connectors, uncertain = _connectors(drawing, shapes, letter)
    connectors += [c for c in _block_connectors(textless, shapes, drawing.shape, letter)
                   if all({c.source, c.target} != {d.source, d.target} for d in connectors)]
    rows, columns = _rules(drawing)
    return Layout(shapes, connectors, letter, Image.fromarray(normalised), uncertain, rows, columns,
                  _bars(textless, letter))


def _background(rgb):
    """(the page colour: the median of the border, whether most of the border has that colour)."""
    import numpy

    border = numpy.concatenate([rgb[0], rgb[-1], rgb[:, 0], rgb[:, -1]])
    colour = numpy.median(border, axis=0).astype(numpy.int32)
    return colour, float((_distance(border, colour) <= INK_DISTANCE // 2).mean()) >= PLAIN_BORDER


def _distance(rgb, colour):
    """How far each pixel's colour is from `colour`: the largest difference over the three channels."""
    import numpy

    return numpy.abs(rgb - colour).max(axis=-1)


def _luminance(rgb):
    """Grey level (0-255) of a colour, or of each pixel of an RGB array."""
    return (rgb * (299, 587, 114)).sum(axis=-1) // 1000


def _otsu(values) -> int:
    import numpy

    histogram = numpy.bincount(values.ravel().clip(0, 255), minlength=256).astype(float)
    levels = numpy.arange(256)
    weight = histogram.cumsum()
    mean = (histogram * levels).cumsum()
    total, total_mean = weight[-1], mean[-1]
    with numpy.errstate(divide="ignore", invalid="ignore"):
        between = (total_mean * weight - mean * total) ** 2 / (weight * (total - weight))
    between = numpy.nan_to_num(between)
    return int(numpy.argmax(between))


def _letters_and_drawing(ink):
    """(median letter height, mask of the ink that is drawing rather than letters). Letters are counted in both
    polarities: dark letters are pieces of ink, white letters on a coloured box are pieces of the page colour
    enclosed by ink."""
    import numpy
    from scipy import ndimage

    labels, _count = ndimage.label(ink, structure=numpy.ones((3, 3)))
    boxes = ndimage.find_objects(labels)
    gaps, _count = ndimage.label(~ink)
    highest = ink.shape[0] / 6
    heights = sorted(h for found in (boxes, ndimage.find_objects(gaps)) for b in found if b is not None
                     for h in [b[0].stop - b[0].start] if 4 <= h <= highest)
    letter = int(min(max(heights[len(heights) // 2] if heights else 12, 6), 80))
    large = [n for n, b in enumerate(boxes, 1) if b is not None and (
        b[0].stop - b[0].start > 2.5 * letter or b[1].stop - b[1].start > 4 * letter)]
    return letter, numpy.isin(labels, large)


def _letters_on_lines(ink, drawing, letter: int):
    """The letters that a straight line of the drawing crosses or touches (a chart's label over a grid line): once
    the horizontal and vertical lines are taken out of the drawing, the letter-sized pieces left that stand in a row
    of at least ROW_MARKS letter-sized marks. They are kept when the drawing is erased."""
    import numpy
    from scipy import ndimage

    length = LINE_LETTERS * letter
    lines = _opened_along(drawing, length, 1) | _opened_along(drawing, length, 0)
    pieces, _count = ndimage.label(drawing & ~lines, structure=numpy.ones((3, 3)))
    runs, _count = ndimage.label(lines, structure=numpy.ones((3, 3)))
    small = [n for n, b in enumerate(ndimage.find_objects(pieces), 1) if b is not None and (
        0.4 * letter <= b[0].stop - b[0].start <= 2.5 * letter and b[1].stop - b[1].start <= 4 * letter)
        and len(_touched(runs, pieces, n, b)) < 2]  # a piece joining two lines is a box's side, not a letter
    if not small:
        return numpy.zeros_like(drawing)
    candidates = numpy.isin(pieces, small)
    marks = candidates | (ink & ~drawing)
    rows, _count = ndimage.label(ndimage.binary_dilation(marks, structure=numpy.ones((max(letter // 3, 1), letter))))
    each, _count = ndimage.label(marks, structure=numpy.ones((3, 3)))
    pairs = numpy.unique(numpy.stack([rows[marks], each[marks]]), axis=1)
    in_row = numpy.bincount(pairs[0], minlength=rows.max() + 1)
    return candidates & (in_row[rows] >= ROW_MARKS)


def _touched(labels, pieces, n: int, found) -> set[int]:
    """The labels of `labels` that piece `n` of `pieces` (within its box `found`, grown by a pixel) touches."""
    import numpy
    from scipy import ndimage

    top, left = max(found[0].start - 1, 0), max(found[1].start - 1, 0)
    window = (slice(top, found[0].stop + 1), slice(left, found[1].stop + 1))
    grown = ndimage.binary_dilation(pieces[window] == n, structure=numpy.ones((3, 3)))
    return set(numpy.unique(labels[window][grown])) - {0}


def _opened_along(mask, length: int, axis: int):
    """The runs of `mask` at least `length` pixels long along one axis (1: horizontal lines, 0: vertical)."""
    import numpy
    from scipy import ndimage

    eroded = ndimage.minimum_filter1d(mask.view(numpy.uint8), length, axis=axis, mode="constant", cval=0)
    return ndimage.maximum_filter1d(eroded, length, axis=axis, mode="constant", cval=0).astype(bool)


def _filled_shapes(rgb, background, letter: int) -> list[Shape]:
    """Regions of one fill colour, thick enough to survive an opening that erases strokes and letters. The colours
    tried are the frequent ones, each at least COLOUR_GAP from the page and from those before; each pixel goes to
    the nearest of them within FILL_TOLERANCE, so that two bands of close blues stay two shapes."""
    import numpy

    height, width = rgb.shape[:2]
    quantised = (rgb // COLOUR_STEP).astype(numpy.int32)
    codes = (quantised[..., 0] * 256 + quantised[..., 1]) * 256 + quantised[..., 2]
    values, counts = numpy.unique(codes, return_counts=True)
    minimum = max(3 * letter * letter, height * width // 500)
    order = numpy.argsort(-counts)[:64]
    chosen: list = []
    for code in values[order][counts[order] >= minimum]:
        colour = numpy.array([code // 65536, code // 256 % 256, code % 256]) * COLOUR_STEP + COLOUR_STEP // 2
        if int(numpy.abs(colour - background).max()) > FILL_TOLERANCE and all(
                int(numpy.abs(colour - c).max()) > COLOUR_GAP for c in chosen):
            chosen.append(colour)
    if not chosen:
        return []
    nearest = numpy.zeros((height, width), dtype=numpy.int16)
    closest = _distance(rgb, chosen[0])
    for n, colour in enumerate(chosen[1:], 1):
        distance = _distance(rgb, colour)
        nearer = distance < closest
        nearest[nearer], closest[nearer] = n, distance[nearer]
    shapes: list[Shape] = []
    size = max(3, letter // 2)  # an arrow's shaft goes, a box that holds a line of text stays
    for n in range(len(chosen)):
        mask = (nearest == n) & (closest <= FILL_TOLERANCE)
        shapes += _regions(_opened(mask, size), letter, filled=True)
    return shapes


def _outlined_shapes(drawing, letter: int, fills: list[Shape]) -> list[Shape]:
    """The closed insides of the drawing's lines (a box, an ellipse, a diamond drawn as an outline)."""
    from scipy import ndimage

    inside = ndimage.binary_fill_holes(drawing) & ~drawing
    found = []
    for shape in _regions(inside, letter, filled=False):
        if not any(_overlap(shape, fill) > 0.5 for fill in fills):
            found.append(shape)
    return found


def _regions(mask, letter: int, *, filled: bool, offset: tuple[int, int] = (0, 0), size: tuple[int, int] = (0, 0),
             retry: bool = True) -> list[Shape]:
    """The shapes among the mask's pieces: big enough to hold a line of text and solid enough. A fill whose thick
    arrows make it too sparse is opened again at a letter's size, which leaves the box without its arrows."""
    from scipy import ndimage

    height, width = size if size[0] else mask.shape
    labels, _count = ndimage.label(mask)
    shapes = []
    for n, box in enumerate(ndimage.find_objects(labels), 1):
        if box is None:
            continue
        tall, wide = box[0].stop - box[0].start, box[1].stop - box[1].start
        if tall < 1.2 * letter or wide < 1.5 * letter or tall * wide > MAX_SHAPE_SHARE * height * width:
            continue
        piece = labels[box] == n
        region = _whole(piece) if filled else ndimage.binary_fill_holes(piece)
        top, left = box[0].start + offset[0], box[1].start + offset[1]
        if region.sum() / (tall * wide) < MIN_SOLIDITY and filled and retry:
            body = _opened(piece, letter)
            shapes += _regions(body, letter, filled=True, offset=(top, left), size=(height, width), retry=False)
            continue
        if region.sum() < 3 * letter * letter or region.sum() / (tall * wide) < MIN_SOLIDITY:
            continue
        shapes.append(Shape((left, top, left + wide, top + tall), region, filled))
    return shapes


def _opened(mask, size: int):
    """A square opening, computed as separable minimum and maximum filters (fast for any size)."""
    import numpy
    from scipy import ndimage

    size -= 1 - size % 2  # odd (rounded down), so that the erosion and the dilation share one centre
    eroded = ndimage.minimum_filter(mask.view(numpy.uint8), size=size, mode="constant", cval=0)
    return ndimage.maximum_filter(eroded, size=size, mode="constant", cval=0).astype(bool)


def _whole(piece):
    """A fill made whole again: its convex hull when the fill covers most of it (a box, an ellipse, a diamond, a
    band, whose text the opening cut out, even along its edge), else the fill with its bays spanned (a ring)."""
    import numpy
    from PIL import Image, ImageDraw
    from scipy.spatial import ConvexHull, QhullError

    ys, xs = numpy.nonzero(piece)
    try:
        hull = ConvexHull(numpy.stack([xs, ys], axis=1))
    except (QhullError, ValueError):
        return _spanned(piece)
    canvas = Image.new("1", (piece.shape[1], piece.shape[0]), 0)
    ImageDraw.Draw(canvas).polygon([(float(xs[v]), float(ys[v])) for v in hull.vertices], fill=1, outline=1)
    convex = numpy.asarray(canvas, dtype=bool) | piece
    return convex if piece.sum() >= HULL_SHARE * convex.sum() else _spanned(piece)


def _spanned(region):
    """The region with its bays filled: every pixel with region on both sides of it, across its row and across
    its column. The opening leaves a fill only around the text it holds; the box, the ellipse or the diamond it
    belongs to is whole again."""
    import numpy

    rows = numpy.maximum.accumulate(region, axis=1) & numpy.maximum.accumulate(region[:, ::-1], axis=1)[:, ::-1]
    columns = numpy.maximum.accumulate(region, axis=0) & numpy.maximum.accumulate(region[::-1], axis=0)[::-1]
    return (rows & columns) | region


def _overlap(a: Shape, b: Shape) -> float:
    """Share of the smaller bounding box covered by the other."""
    left, top = max(a.box[0], b.box[0]), max(a.box[1], b.box[1])
    right, bottom = min(a.box[2], b.box[2]), min(a.box[3], b.box[3])
    if right <= left or bottom <= top:
        return 0.0
    return (right - left) * (bottom - top) / min(_area(a), _area(b))


def _without_enclosures(shapes: list[Shape], size: tuple[int, int], letter: int) -> list[Shape]:
    """Without the areas that connectors close off between shapes (a loop of arrows encloses a region as an outline
    does): such an area shares its border with several shapes, while a drawn shape stands apart. The area with the
    most such neighbours goes first, until no area shares its border with two others. Filled areas are painted,
    not closed off: the stacked bands of a pyramid all stay."""
    grow = max(4, letter // 3)
    labels = _shape_labels(shapes, size, 0)
    neighbours = {n: _neighbours(shapes[n], n + 1, labels, grow) for n in range(len(shapes))}
    removed: set[int] = set()
    while True:
        counts = {n: len(found - removed) for n, found in neighbours.items()
                  if n not in removed and not shapes[n].filled}  # a painted area is drawn, never closed off
        worst = max(counts, key=lambda n: (counts[n], _area(shapes[n])), default=None)
        if worst is None or counts[worst] < 2:
            return [shape for n, shape in enumerate(shapes) if n not in removed]
        removed.add(worst)


def _neighbours(shape: Shape, number: int, labels, grow: int) -> set[int]:
    """The shapes (0-based) whose inside lies within `grow` pixels of the shape's border."""
    import numpy
    from scipy import ndimage

    height, width = labels.shape
    left, top, right, bottom = shape.box
    x0, y0, x1, y1 = max(left - grow, 0), max(top - grow, 0), min(right + grow, width), min(bottom + grow, height)
    region = numpy.zeros((y1 - y0, x1 - x0), dtype=bool)
    region[top - y0:bottom - y0, left - x0:right - x0] = shape.mask
    ring = ndimage.binary_dilation(region, iterations=grow) & ~region
    return {int(found) - 1 for found in numpy.unique(labels[y0:y1, x0:x1][ring]) if found and found != number}


def _area(shape: Shape) -> int:
    return (shape.box[2] - shape.box[0]) * (shape.box[3] - shape.box[1])


def _innermost(shapes: list[Shape]) -> list[Shape]:
    """Shapes in reading order, without the containers that hold two or more other shapes (a cluster, a frame),
    nor duplicates."""
    kept: list[Shape] = []
    for shape in shapes:
        inner = [other for other in shapes if other is not shape and _inside(other, shape)]
        if len(inner) >= 2:
            continue
        if any(_overlap(shape, other) > 0.8 for other in kept):
            continue
        kept.append(shape)
    return sorted(kept, key=lambda s: (s.box[1] // 8, s.box[0]))


def _inside(small: Shape, large: Shape) -> bool:
    return (large.box[0] <= small.box[0] and large.box[1] <= small.box[1] and small.box[2] <= large.box[2]
            and small.box[3] <= large.box[3] and small.box != large.box)


def _block_arrows(shapes: list[Shape], drawing, normalised, letter: int) -> tuple[list[Shape], list[Shape], object]:
    """(shapes with text, filled shapes without, drawing): filled shapes without any text inside them, away from
    their edge (a thick block arrow, a bar), are drawing, not boxes: they go to the drawing, where a connector's
    ends are looked for."""
    from scipy import ndimage

    kept, textless = [], []
    drawing = drawing.copy()
    for shape in shapes:
        left, top, right, bottom = shape.box
        core = ndimage.binary_erosion(shape.mask, iterations=max(2, letter // 3))
        dark, _count = ndimage.label((normalised[top:bottom, left:right] < 128) & core)
        letters = sum(1 for b in ndimage.find_objects(dark) if b is not None
                      and letter / 2 <= b[0].stop - b[0].start <= 2 * letter and b[1].stop - b[1].start <= 2 * letter)
        if shape.filled and letters < MIN_LETTERS:
            drawing[top:bottom, left:right] |= shape.mask
            textless.append(shape)
        else:
            kept.append(shape)
    return kept, textless, drawing


def _rules(drawing) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The rows and the columns that a line of the drawing crosses over RULE_SHARE of the picture (an axis, a
    grid line), one position per line."""
    import numpy

    height, width = drawing.shape
    rows = numpy.nonzero(drawing.sum(axis=1) >= RULE_SHARE * width)[0]
    columns = numpy.nonzero(drawing.sum(axis=0) >= RULE_SHARE * height)[0]
    return _runs(rows), _runs(columns)


def _runs(positions) -> tuple[int, ...]:
    """One position (the first) per run of neighbouring positions."""
    found: list[int] = []
    last = -10
    for position in positions.tolist():
        if position - last > 2:
            found.append(position)
        last = position
    return tuple(found)


def _bars(textless: list[Shape], letter: int) -> int:
    """How many textless filled shapes share a baseline with at least two others (within a third of a letter)."""
    bottoms = [shape.box[3] for shape in textless]
    return max((sum(abs(b - other) <= max(2, letter // 3) for other in bottoms) for b in bottoms), default=0) \
        if len(bottoms) >= 3 else 0


def _shape_labels(shape_list: list[Shape], size: tuple[int, int], grow: int):
    """An image of shape numbers (1-based, 0 elsewhere), each shape grown by `grow` pixels (into the nearest
    shape's number where two grow into the same place); one distance transform, whatever the number of shapes."""
    import numpy
    from scipy import ndimage

    labels = numpy.zeros(size, dtype=numpy.int32)
    for n, shape in enumerate(shape_list, 1):
        left, top, right, bottom = shape.box
        window = labels[top:bottom, left:right]
        window[shape.mask & (window == 0)] = n
    if not grow or not shape_list:
        return labels
    distance, (rows, columns) = ndimage.distance_transform_edt(labels == 0, return_indices=True)
    grown = labels[rows, columns]
    grown[distance > grow] = 0
    return grown


def _connectors(drawing, shapes: list[Shape], letter: int) -> tuple[list[Connector], int]:
    """Pieces of the drawing left once the shapes and their outlines are cut away; a piece whose ends reach two
    shapes joins them."""
    import numpy
    from scipy import ndimage

    if len(shapes) < 2:
        return [], 0
    outline = max(3, letter // 4)
    grown = _shape_labels(shapes, drawing.shape, outline)
    lines = drawing & (grown == 0)
    reach = _shape_labels(shapes, drawing.shape, outline + 3)
    labels, _count = ndimage.label(lines, structure=numpy.ones((3, 3)))
    found: list[Connector] = []
    uncertain = 0
    for n, box in enumerate(ndimage.find_objects(labels), 1):
        if box is None:
            continue
        ys, xs = numpy.nonzero(labels[box] == n)
        if len(ys) < letter:
            continue
        ys, xs = ys + box[0].start, xs + box[1].start
        around = _around(reach, ys, xs)
        touched = [int(t) - 1 for t in numpy.unique(around) if t]
        if len(touched) > 2:
            branches = _branches(shapes, touched, ys, xs, around, letter)
            found += branches
            uncertain += not branches
            continue
        if len(touched) != 2:
            continue
        ink = [_ink_near(ys, xs, _contact(around, t), letter) for t in touched]
        if ink[0] > HEAD_RATIO * ink[1]:
            found.append(Connector(touched[1], touched[0], True, (ys, xs)))
        elif ink[1] > HEAD_RATIO * ink[0]:
            found.append(Connector(touched[0], touched[1], True, (ys, xs)))
        else:
            first, second = sorted(touched, key=lambda t: (shapes[t].box[1], shapes[t].box[0]))
            found.append(Connector(first, second, False, (ys, xs)))
    return found, uncertain


def _branches(shapes: list[Shape], touched: list[int], ys, xs, around, letter: int) -> list[Connector]:
    """The links of a connector that reaches several shapes (an org chart's elbow lines): when it leaves one shape
    from its bottom and reaches all the others at their top (or leaves one from its right side and reaches the
    others at their left), that shape is linked to each of the others; else nothing is said."""
    sides = {}
    for t in touched:
        contact = _contact(around, t)
        cy, cx = ys[contact].mean(), xs[contact].mean()
        left, top, right, bottom = shapes[t].box
        sides[t] = min((("bottom", abs(cy - bottom)), ("top", abs(cy - top)), ("left", abs(cx - left)),
                        ("right", abs(cx - right))), key=lambda side: side[1])[0]
    for out, into in (("bottom", "top"), ("right", "left")):
        parents = [t for t in touched if sides[t] == out]
        if len(parents) == 1 and all(sides[t] == into for t in touched if t != parents[0]):
            heads = [_ink_near(ys, xs, _contact(around, t), letter) for t in touched]
            tails = heads[touched.index(parents[0])]
            return [Connector(parents[0], t, heads[touched.index(t)] > HEAD_RATIO * max(tails, 1), (ys, xs))
                    for t in touched if t != parents[0]]
    return []


def _block_connectors(textless: list[Shape], shapes: list[Shape], size: tuple[int, int],
                      letter: int) -> list[Connector]:
    """Block arrows (filled shapes without text) that end within two letters' height of exactly two shapes join
    them; the end where the arrow carries less of its mass (the point of its head; its tail is the full width of
    its shaft) is the target."""
    import numpy

    if len(shapes) < 2 or not textless:
        return []
    reach = _shape_labels(shapes, size, 2 * letter)
    found = []
    for arrow in textless:
        ys, xs = numpy.nonzero(arrow.mask)
        ys, xs = ys + arrow.box[1], xs + arrow.box[0]
        around = _around(reach, ys, xs)
        touched = [int(t) - 1 for t in numpy.unique(around) if t]
        if len(touched) != 2:
            continue
        mass = [_ink_near(ys, xs, _contact(around, t), 2 * letter) for t in touched]
        source, target = (touched[0], touched[1]) if mass[0] > mass[1] else (touched[1], touched[0])
        directed = max(mass) > BLOCK_HEAD_RATIO * max(min(mass), 1)
        found.append(Connector(source, target, directed, (ys, xs)))
    return found


def _around(reach, ys, xs):
    """The shape numbers at each pixel and its eight neighbours: an array of 9 rows, one column per pixel."""
    import numpy

    height, width = reach.shape
    return numpy.stack([reach[numpy.clip(ys + dy, 0, height - 1), numpy.clip(xs + dx, 0, width - 1)]
                        for dy in (-1, 0, 1) for dx in (-1, 0, 1)])


def _contact(around, shape: int):
    """Which of a connector's pixels touch the shape (0-based), from `_around`."""
    return (around == shape + 1).any(axis=0)


def _ink_near(ys, xs, contact, letter: int) -> int:
    """How much of the connector's ink lies within a letter's height of its pixels in `contact` (those next to a
    shape)."""
    if not contact.any():
        return 0
    cy, cx = ys[contact].mean(), xs[contact].mean()
    return int((((ys - cy) ** 2 + (xs - cx) ** 2) < letter * letter).sum())


def _normalised(rgb, lum, background, plain: bool, drawing, shapes: list[Shape]):
    """Grey levels where text is dark and everything it stands on is white: on a one-colour page and in each shape,
    a pixel is as dark as it is far from the colour around it (white or black text on red both come out black);
    on a photo or a gradient, the grey image (inverted on a dark page). The drawing (outlines, connectors) is
    erased."""
    import numpy

    if plain:
        out = _contrast(_distance(rgb, background))
    else:
        out = lum.astype(float) if _luminance(background) >= 128 else 255.0 - lum
    out[drawing] = 255
    for shape in shapes:
        left, top, right, bottom = shape.box
        window = rgb[top:bottom, left:right]
        fill = numpy.median(window[shape.mask], axis=0)
        inside = out[top:bottom, left:right]
        inside[shape.mask] = _contrast(_distance(window, fill))[shape.mask]
    return out.clip(0, 255).astype(numpy.uint8)


def _contrast(distance):
    """255 (white) for the surrounding colour, 0 (black) for a pixel at least TEXT_CONTRAST away from it."""
    import numpy

    return 255.0 - numpy.clip((distance - NOISE) * 255.0 / (TEXT_CONTRAST - NOISE), 0, 255)
