"""Drawing over a generated picture: where Graphviz put each label (`dot -Tjson`), a control image made from the
plain rendering, and the labels redrawn crisply on top, since diffusion garbles text."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..adapters.graphviz import run_dot
from ..diagram.dot import wrap
from ..diagram.model import Graph
from ..diagram.themes import DiagramTheme

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEFAULT_PAD_INCHES = 0.0555  # Graphviz's own default margin around a drawing


@dataclass(frozen=True)
class Label:
    text: str  # lines joined by "\n"
    x: float  # centre, in points from the top-left corner of the whole drawing (margin included)
    y: float
    boxed: bool  # node labels sit in a box; the title, group and edge labels on the background


@dataclass(frozen=True)
class Layout:
    width: float  # points, margin included
    height: float
    labels: tuple[Label, ...]


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
    return Layout(right - left + 2 * pad, top - bottom + 2 * pad, tuple(labels))


def place(layout: Layout, font_pt: float, scale: tuple[float, float]) -> list[Placed]:
    """Each label's box on a picture drawn at `scale` pixels per point (x, y)."""
    from PIL import Image, ImageDraw

    font_px = max(11, round(font_pt * scale[0]))
    font = _font(font_px)
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
        font = _font(item.font_px)
        text_box = draw.multiline_textbbox((0, 0), item.label.text, font=font, spacing=item.font_px // 4,
                                           align="center")
        x = (item.box[0] + item.box[2]) / 2 - (text_box[0] + text_box[2]) / 2
        y = (item.box[1] + item.box[3]) / 2 - (text_box[1] + text_box[3]) / 2
        draw.multiline_text((x, y), item.label.text, font=font, fill=theme.text, spacing=item.font_px // 4,
                            align="center")
    return picture


def _font(size: int) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(str(FONT), size) if FONT.is_file() else ImageFont.load_default(size)
