"""Drawing over a generated picture: where Graphviz put each label and each arrow (`dot -Tjson`), a control image
made from the plain rendering, and the arrows and labels redrawn crisply on top, since diffusion garbles text and
cannot be trusted with the direction of a link."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..adapters.graphviz import run_dot
from ..diagrams.dot import wrap
from ..diagrams.model import Graph
from ..diagrams.themes import DiagramTheme

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEFAULT_PAD_INCHES = 0.0555  # Graphviz's own default margin around a drawing


@dataclass(frozen=True)
class Label:
    text: str  # lines joined by "\n"
    x: float  # centre, in points from the top-left corner of the whole drawing (margin included)
    y: float
    boxed: bool  # node labels sit in a box; the title, group and edge labels on the background


@dataclass(frozen=True)
class Mark:
    """Part of an arrowhead: a polygon (points) or an ellipse (centre and radii), filled or drawn as an outline."""
    shape: str  # "polygon" or "ellipse"
    points: tuple[tuple[float, float], ...]  # the polygon's corners, or the ellipse's (centre, radii)
    filled: bool


@dataclass(frozen=True)
class Arrow:
    """One edge as Graphviz drew it: its line (the Bézier curve, sampled), line style and arrowhead."""
    line: tuple[tuple[float, float], ...]  # points, same frame as `Label`
    head: tuple[Mark, ...]
    style: str  # solid, dashed, dotted or bold: the diagram's line styles carry meaning

    @property
    def dashed(self) -> bool:
        return self.style in ("dashed", "dotted")


@dataclass(frozen=True)
class Layout:
    width: float  # points, margin included
    height: float
    labels: tuple[Label, ...]
    arrows: tuple[Arrow, ...] = ()


@dataclass(frozen=True)
class Placed:
    label: Label
    font_px: int
    box: tuple[int, int, int, int]  # left, top, right, bottom, in pixels


def layout(graph: Graph, dot_source: str) -> Layout:
    """Every label of `graph` (title, groups, nodes, edge labels) where Graphviz lays it out."""
    data = json.loads(run_dot(dot_source, "json"))
    left, bottom, right, top = (float(v) for v in data["bb"].split(","))
    pad = float(data.get("pad", DEFAULT_PAD_INCHES)) * 72

    def at(pos: str) -> tuple[float, float]:
        x, y = (float(v) for v in pos.split(",")[:2])
        return x - left + pad, top - y + pad

    labels: list[Label] = []
    if graph.title and "lp" in data:
        labels.append(Label(graph.title, *at(data["lp"]), boxed=False))
    objects = {obj.get("name"): obj for obj in data.get("objects", [])}
    for group in graph.groups:
        cluster = objects.get("cluster_" + group.id, {})
        if "lp" in cluster:
            labels.append(Label(wrap(group.label), *at(cluster["lp"]), boxed=False))
    for node in graph.nodes:
        if "pos" in objects.get(node.id, {}):
            labels.append(Label(wrap(node.label), *at(objects[node.id]["pos"]), boxed=True))
    names = {obj["_gvid"]: obj.get("name") for obj in data.get("objects", [])}
    spots: dict[tuple[str, str], list[str]] = {}
    for drawn in data.get("edges", []):
        if "lp" in drawn:
            spots.setdefault((names.get(drawn["tail"]), names.get(drawn["head"])), []).append(drawn["lp"])
    for edge in graph.edges:
        if edge.label and spots.get((edge.source, edge.target)):
            labels.append(Label(wrap(edge.label), *at(spots[(edge.source, edge.target)].pop(0)), boxed=False))
    arrows = tuple(_arrow(drawn, lambda x, y: at(f"{x},{y}")) for drawn in data.get("edges", []))
    return Layout(right - left + 2 * pad, top - bottom + 2 * pad, tuple(labels), arrows)


def _arrow(drawn: dict, at) -> Arrow:
    line: list[tuple[float, float]] = []
    style = "solid"
    for op in drawn.get("_draw_", []):
        if op["op"] == "S":
            style = op["style"] if op["style"] in ("dashed", "dotted") else "bold" if "setlinewidth" in op["style"] \
                else style
        elif op["op"] in ("b", "B"):
            line += _bezier([at(*point) for point in op["points"]])
    head = []
    for op in drawn.get("_hdraw_", []):
        if op["op"] in ("p", "P"):
            head.append(Mark("polygon", tuple(at(*point) for point in op["points"]), op["op"] == "P"))
        elif op["op"] in ("e", "E"):
            x, y, rx, ry = op["rect"]
            head.append(Mark("ellipse", (at(x, y), (rx, ry)), op["op"] == "E"))
    return Arrow(tuple(line), tuple(head), style)


def _bezier(points: list[tuple[float, float]], steps: int = 12) -> list[tuple[float, float]]:
    """A piecewise cubic Bézier curve (Graphviz's 1 + 3n control points) as a polyline."""
    out = [points[0]]
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i:i + 4]
        for step in range(1, steps + 1):
            t = step / steps
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3
            out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


def place(layout: Layout, font_pt: float, scale: tuple[float, float], family: str = "DejaVu Sans") -> list[Placed]:
    """Each label's box on a picture drawn at `scale` pixels per point (x, y), in the font `family`."""
    from PIL import Image, ImageDraw

    font_px = max(11, round(font_pt * scale[0]))
    font = _font(font_px, family)
    measure = ImageDraw.Draw(Image.new("L", (1, 1)))
    placed = []
    for label in layout.labels:
        left, top, right, bottom = measure.multiline_textbbox((0, 0), label.text, font=font, spacing=font_px // 4,
                                                              align="center")
        half_w, half_h = (right - left) / 2 + font_px * 0.4, (bottom - top) / 2 + font_px * 0.25
        x, y = label.x * scale[0], label.y * scale[1]
        placed.append(Placed(label, font_px, (round(x - half_w), round(y - half_h), round(x + half_w),
                                              round(y + half_h))))
    return placed


def control_image(rendering: Any, kind: str, size: tuple[int, int], blanks: list[tuple[float, ...]]) -> Any:
    """White strokes on black, as ControlNet expects: the drawing's edges (canny) or its ink (scribble), with the
    label areas blanked (they are redrawn afterwards)."""
    from PIL import ImageDraw, ImageFilter

    grey = rendering.convert("L").resize(size)
    if kind == "scribble":
        background = grey.getpixel((0, 0))
        strokes = grey.point(lambda v: 255 if abs(v - background) > 48 else 0)
    else:
        strokes = grey.filter(ImageFilter.FIND_EDGES).point(lambda v: 255 if v > 48 else 0)
    draw = ImageDraw.Draw(strokes)
    draw.rectangle((0, 0, size[0] - 1, size[1] - 1), outline=0)
    for box in blanks:
        draw.rectangle(box, fill=0)
    return strokes.convert("RGB")


def draw_arrows(picture: Any, arrows: tuple[Arrow, ...], scale: tuple[float, float], theme: DiagramTheme) -> Any:
    """`picture` with every edge drawn as Graphviz laid it out (its line style and arrowhead kept), on a halo of
    the background colour so that it stays visible on any generated picture."""
    from PIL import ImageDraw

    picture = picture.convert("RGB")
    draw = ImageDraw.Draw(picture)
    base = max(2, round(1.5 * scale[0]))
    for arrow in arrows:
        width = base * 2 if arrow.style == "bold" else base
        line = [(x * scale[0], y * scale[1]) for x, y in arrow.line]
        dash = (2.0 if arrow.style == "dotted" else 6.0) * width
        for colour, stroke in ((theme.background, width * 3), (theme.edge, width)):
            for segment in (_dashes(line, dash) if arrow.dashed else [line]):
                draw.line(segment, fill=colour, width=stroke, joint="curve")
            for mark in arrow.head:
                _draw_mark(draw, mark, scale, colour, theme.edge, stroke)
    return picture


def _draw_mark(draw: Any, mark: Mark, scale: tuple[float, float], colour: str, ink: str, stroke: int) -> None:
    """An arrowhead part: on the halo pass (`colour` is not the ink) a filled shape, then the real one."""
    halo = colour != ink
    inside = colour if (halo or mark.filled) else None
    if mark.shape == "polygon":
        corners = [(x * scale[0], y * scale[1]) for x, y in mark.points]
        if len(corners) >= 3:
            draw.polygon(corners, fill=inside, outline=colour, width=stroke if halo else max(1, stroke // 2))
    else:
        (x, y), (rx, ry) = mark.points
        box = ((x - rx) * scale[0], (y - ry) * scale[1], (x + rx) * scale[0], (y + ry) * scale[1])
        draw.ellipse(box, fill=inside, outline=colour, width=stroke if halo else max(1, stroke // 2))


def _dashes(line: list[tuple[float, float]], length: float) -> list[list[tuple[float, float]]]:
    """The polyline cut into dashes of `length` pixels separated by gaps of the same length."""
    dashes: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = [line[0]] if line else []
    walked, drawing = 0.0, True
    for (x0, y0), (x1, y1) in zip(line, line[1:], strict=False):
        step = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
        walked += step
        if drawing:
            current.append((x1, y1))
        if walked >= length:
            if drawing and len(current) > 1:
                dashes.append(current)
            drawing, walked, current = not drawing, 0.0, [(x1, y1)]
    if drawing and len(current) > 1:
        dashes.append(current)
    return dashes


def draw_labels(picture: Any, placed: list[Placed], theme: DiagramTheme) -> Any:
    """`picture` with every label in the theme's colours (contrast ≥ 7:1), node labels in rounded boxes."""
    from PIL import ImageDraw

    picture = picture.convert("RGB")
    draw = ImageDraw.Draw(picture)
    for item in placed:
        fill = theme.node_fill if item.label.boxed else theme.background
        outline = theme.node_border if item.label.boxed else None
        draw.rounded_rectangle(item.box, radius=item.font_px * 0.35, fill=fill, outline=outline,
                               width=max(1, item.font_px // 8) if outline else 0)
        font = _font(item.font_px, theme.font)
        text_box = draw.multiline_textbbox((0, 0), item.label.text, font=font, spacing=item.font_px // 4,
                                           align="center")
        x = (item.box[0] + item.box[2]) / 2 - (text_box[0] + text_box[2]) / 2
        y = (item.box[1] + item.box[3]) / 2 - (text_box[1] + text_box[3]) / 2
        draw.multiline_text((x, y), item.label.text, font=font, fill=theme.text, spacing=item.font_px // 4,
                            align="center")
    return picture


def _font(size: int, family: str = "DejaVu Sans") -> Any:
    """The profile's font (OpenDyslexic for those who chose it), else DejaVu Sans, else Pillow's own."""
    from PIL import ImageFont

    path = font_file(family) or (FONT if FONT.is_file() else None)
    return ImageFont.truetype(str(path), size) if path else ImageFont.load_default(size)


@cache
def font_file(family: str) -> Path | None:
    """The file fontconfig uses for `family`, when it really is that family (no silent substitution)."""
    import shutil
    import subprocess

    if shutil.which("fc-match") is None:
        return None
    done = subprocess.run(["fc-match", "-f", "%{family}\n%{file}", family], capture_output=True, text=True,
                          timeout=10, check=False)
    lines = done.stdout.splitlines()
    if done.returncode != 0 or len(lines) < 2 or family.lower() not in lines[0].lower():
        return None
    return Path(lines[1])
