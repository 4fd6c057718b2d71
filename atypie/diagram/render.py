"""Rendering: SVG (accessible: role="img", <title>, <desc>, aria-labelledby), PNG and PDF through Graphviz.
Every SVG and PNG atypie writes embeds the graph JSON (SVG <metadata>, PNG iTXt chunk), so that the
image → text path can read the graph back exactly."""
from __future__ import annotations

import io
import json
import re
from html import escape, unescape

from ..adapters.graphviz import run_dot
from .model import Graph

PNG_KEY = "atypie-graph"
_METADATA = re.compile(r"<metadata>\s*<atypie:graph[^>]*>(.*?)</atypie:graph>", re.DOTALL)


def render(graph: Graph, dot_source: str, fmt: str, *, alt: str, description: str, dpi: int = 96) -> bytes:
    raw = run_dot(dot_source, fmt, dpi=dpi)
    if fmt == "svg":
        return _accessible_svg(raw.decode("utf-8"), graph, alt, description).encode("utf-8")
    if fmt == "png":
        return _png_with_graph(raw, graph, alt)
    return raw


def _accessible_svg(svg: str, graph: Graph, alt: str, description: str) -> str:
    svg = re.sub(r"<!--.*?-->\s*", "", svg, flags=re.DOTALL)
    opening = re.search(r"<svg\b[^>]*>", svg)
    head = opening.group(0)[:-1] + (' role="img" aria-labelledby="atypie-title atypie-desc" '
                                    'xmlns:atypie="https://atypie.fr/ns/graph">')
    payload = escape(json.dumps(graph.to_dict(), ensure_ascii=False), quote=False)
    inserted = (f'\n<title id="atypie-title">{escape(alt)}</title>\n<desc id="atypie-desc">{escape(description)}</desc>'
                f'\n<metadata>\n<atypie:graph format="application/json">{payload}</atypie:graph>\n</metadata>')
    return svg[:opening.start()] + head + inserted + svg[opening.end():]


def _png_with_graph(raw: bytes, graph: Graph, alt: str) -> bytes:
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_itxt(PNG_KEY, json.dumps(graph.to_dict(), ensure_ascii=False), zip=True)
    info.add_itxt("Description", alt)
    out = io.BytesIO()
    with Image.open(io.BytesIO(raw)) as image:
        image.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def embedded_graph(data: bytes) -> Graph | None:
    """The graph an atypie PNG or SVG carries, or None."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            text = getattr(image, "text", {}).get(PNG_KEY)
        return Graph.from_dict(json.loads(text)) if text else None
    match = _METADATA.search(data.decode("utf-8", errors="replace"))
    return Graph.from_dict(json.loads(unescape(match.group(1)))) if match else None
