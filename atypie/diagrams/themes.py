"""Diagram themes, one per display theme. Meaning is carried by shape and line style as well as colour
(colour-blind safe), and every text colour has a contrast of at least 7:1 with what is behind it."""
from __future__ import annotations

from dataclasses import dataclass

from ..profiles.model import DisplayPreferences


@dataclass(frozen=True)
class DiagramTheme:
    name: str
    background: str
    text: str
    node_fill: str
    node_border: str
    edge: str
    font: str
    font_size: float  # points


_COLOURS = {
    "light": ("#ffffff", "#1a1a1a", "#f2f2f2", "#1a1a1a", "#1a1a1a"),
    "cream": ("#fbf5e6", "#1f1a14", "#f3ead2", "#1f1a14", "#1f1a14"),
    "dark": ("#121212", "#f2f2f2", "#262626", "#f2f2f2", "#f2f2f2"),
    "high-contrast": ("#000000", "#ffffff", "#000000", "#ffff00", "#ffffff"),
}
FONTS = {"system": "DejaVu Sans", "dejavu-sans": "DejaVu Sans", "opendyslexic": "OpenDyslexic"}
MIN_FONT_POINTS = 12.0

# Node kind → (shape, style); edge kind → (style, arrowhead). Shapes and lines tell kinds apart without colour.
NODE_SHAPES = {"concept": ("ellipse", "filled"), "step": ("box", "filled,rounded"), "event": ("note", "filled"),
               "cause": ("hexagon", "filled"), "effect": ("octagon", "filled"), "category": ("tab", "filled"),
               "item": ("box", "filled"), "side": ("folder", "filled"), "root": ("box", "filled,bold")}
EDGE_STYLES = {"next": ("solid", "normal"), "before": ("solid", "normal"), "part_of": ("solid", "empty"),
               "causes": ("bold", "normal"), "relation": ("dashed", "open"), "contrast": ("dotted", "odot"), "arrow": ("solid", "normal")}


def theme_for(display: DisplayPreferences) -> DiagramTheme:
    background, text, fill, border, edge = _COLOURS[display.theme]
    size = max(MIN_FONT_POINTS, round(display.font_size_px * 0.75, 1))
    return DiagramTheme(display.theme, background, text, fill, border, edge, FONTS[display.font], size)
