"""Rendering: SVG (accessible: role="img", <title>, <desc>, aria-labelledby), PNG and PDF through Graphviz.
Every SVG and PNG atypie writes embeds the graph JSON (SVG <metadata>, PNG iTXt chunk), so that the
image → text path can read the graph back exactly. SVG pictograms are inlined (data: URIs) and hidden from
screen readers: they are decoration, the labels say everything."""
from __future__ import annotations

import base64
import io
import json
import re
from html import escape, unescape
from pathlib import Path

from ..adapters.graphviz import run_dot
from .model import Graph
from .pictograms import cache_dir

PNG_KEY = "atypie-graph"
_SVG_METADATA = "{http://www.w3.org/2000/svg}metadata"
_SVG_GRAPH = "{https://atypie.fr/ns/graph}graph"
_IMAGE = re.compile(r"<image\b[^>]*>(?:\s*</image>)?")
_HREF = re.compile(r"\b(?:xlink:)?href=\"([^\"]*)\"")


def render(graph: Graph, dot_source: str, fmt: str, *, alt: str, description: str, dpi: int = 96) -> bytes:
    raw = run_dot(dot_source, fmt, dpi=dpi)
    if fmt == "svg":
        return _accessible_svg(raw.decode("utf-8"), graph, alt, description).encode("utf-8")
    if fmt == "png":
        return png_with_graph(raw, graph, alt)
    return raw


def _accessible_svg(svg: str, graph: Graph, alt: str, description: str) -> str:
    svg = _inline_pictograms(re.sub(r"<!--.*?-->\s*", "", svg, flags=re.DOTALL))
    opening = re.search(r"<svg\b[^>]*>", svg)
    head = opening.group(0)[:-1] + (' role="img" aria-labelledby="atypie-title atypie-desc" '
                                    'xmlns:atypie="https://atypie.fr/ns/graph">')
    payload = escape(json.dumps(graph.to_dict(), ensure_ascii=False), quote=False)
    inserted = (f'\n<title id="atypie-title">{escape(alt)}</title>\n<desc id="atypie-desc">{escape(description)}</desc>'
                f'\n<metadata>\n<atypie:graph format="application/json">{payload}</atypie:graph>\n</metadata>')
    return svg[:opening.start()] + head + inserted + svg[opening.end():]


def _inline_pictograms(svg: str) -> str:
    """Each <image> of a cached pictogram becomes self-contained and aria-hidden; any other <image> is dropped,
    so that no SVG points at a local file."""

    folder = cache_dir() if _IMAGE.search(svg) else None

    def inline(match: re.Match) -> str:
        element = match.group(0)
        href = _HREF.search(element)
        path = Path(unescape(href.group(1))).resolve() if href else None
        if path is None or path.parent != folder or path.suffix != ".png" or not path.is_file():
            return ""
        uri = "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
        inlined = element[:href.start(1)] + uri + element[href.end(1):]
        return '<image aria-hidden="true"' + inlined[len("<image"):]

    return _IMAGE.sub(inline, svg)


def png_with_graph(raw: bytes, graph: Graph, alt: str) -> bytes:
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
        return _graph_from_json(text) if text else None
    root = _parsed_svg(data)
    return svg_graph(root) if root is not None else None


def svg_graph(root) -> Graph | None:
    """The graph in a parsed SVG's <metadata><atypie:graph>, or None."""
    for metadata in root.iter(_SVG_METADATA):
        payload = metadata.find(_SVG_GRAPH)
        if payload is not None and payload.text:
            return _graph_from_json(payload.text)
    return None


def _graph_from_json(text: str) -> Graph | None:
    """The embedded graph, or None when the payload is not one (a foreign or altered file is read otherwise)."""
    try:
        return Graph.from_dict(json.loads(text))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _parsed_svg(data: bytes):
    """The SVG's root element (a real XML parse, linear, no entities or external references), or None."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        return ElementTree.fromstring(data, forbid_entities=True, forbid_external=True)
    except (DefusedXmlException, ElementTree.ParseError):
        return None
