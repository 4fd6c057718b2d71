"""DOT source from a graph: pure and golden-tested. Every piece of course text is escaped, so that quotes,
braces, "<<", backslash escapes such as "\\N", or HTML cannot change the graph's structure or become markup."""
from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from html import escape

from .model import Graph
from .themes import EDGE_STYLES, NODE_SHAPES, DiagramTheme

WRAP = 22


def quote(text: str) -> str:
    """A DOT double-quoted string holding `text` literally (no escape sequence survives)."""
    cleaned = "".join(ch if ch.isprintable() or ch == "\n" else " " for ch in text)
    escaped = cleaned.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n") + '"'


def wrap(label: str) -> str:
    return "\n".join(textwrap.wrap(label, WRAP, break_long_words=False, break_on_hyphens=False)) or label


_SAFE_PATH = re.compile(r"^/[\w./-]+\.png$")


def picture_label(label: str, image: str, size_pt: int) -> str:
    """An HTML-like DOT label: the picture above the label's text (escaped, never markup)."""
    if not _SAFE_PATH.fullmatch(image) or ".." in image:
        raise ValueError(f"unsafe image path for DOT: {image!r}")
    cleaned = "".join(ch if ch.isprintable() or ch == "\n" else " " for ch in wrap(label))
    text = "<BR/>".join(escape(line, quote=True) for line in cleaned.split("\n"))
    return (f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
            f'<TR><TD FIXEDSIZE="TRUE" WIDTH="{size_pt}" HEIGHT="{size_pt}"><IMG SRC="{image}" SCALE="TRUE"/></TD></TR>'
            f'<TR><TD>{text}</TD></TR></TABLE>>')


def to_dot(graph: Graph, theme: DiagramTheme, *, direction: str = "TB", images: Mapping[str, str] | None = None,
           image_size_pt: int = 48) -> str:
    """DOT for `graph`; `images` maps node ids to absolute PNG paths shown above their labels."""
    lines = [
        "digraph atypie {",
        f"  graph [rankdir={direction if direction in ('TB', 'LR') else 'TB'}, bgcolor={quote(theme.background)}, "
        f"fontname={quote(theme.font)}, fontsize={theme.font_size}, label={quote(graph.title)}, "
        f"fontcolor={quote(theme.text)}, labelloc=t, pad=0.3, nodesep=0.4, ranksep=0.5];",
        f"  node [fontname={quote(theme.font)}, fontsize={theme.font_size}, fontcolor={quote(theme.text)}, "
        f"color={quote(theme.node_border)}, fillcolor={quote(theme.node_fill)}, penwidth=1.5, margin=\"0.15,0.08\"];",
        f"  edge [fontname={quote(theme.font)}, fontsize={theme.font_size}, fontcolor={quote(theme.text)}, "
        f"color={quote(theme.edge)}, penwidth=1.5];",
    ]
    for group in graph.groups:
        lines.append(f"  subgraph {quote('cluster_' + group.id)} {{")
        lines.append(f"    label={quote(wrap(group.label))}; style=dashed; color={quote(theme.node_border)};")
        lines += [f"    {quote(member)};" for member in group.members]
        lines.append("  }")
    for node in graph.nodes:
        shape, style = NODE_SHAPES.get(node.kind, NODE_SHAPES["concept"])
        picture = (images or {}).get(node.id)
        label = picture_label(node.label, picture, image_size_pt) if picture else quote(wrap(node.label))
        lines.append(f"  {quote(node.id)} [label={label}, shape={shape}, style={quote(style)}];")
    for edge in graph.edges:
        style, arrow = EDGE_STYLES.get(edge.kind, EDGE_STYLES["relation"])
        label = f", label={quote(wrap(edge.label))}" if edge.label else ""
        lines.append(f"  {quote(edge.source)} -> {quote(edge.target)} [style={style}, arrowhead={arrow}{label}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
