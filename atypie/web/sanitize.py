"""Allowlist sanitising (nh3) for every piece of HTML the web app shows.

Course text may carry `<script>`, `onerror=`, `javascript:` links or SVG with scripts: whatever is not on the
allowlist is removed. Reading pages go into a sandboxed iframe (no scripts even if something slipped through).
"""
from __future__ import annotations

import base64
import re
from html import escape

import nh3

_TEXT_TAGS = {"p", "br", "span", "strong", "em", "b", "i", "code", "h2", "h3", "h4", "ul", "ol", "li", "dl", "dt",
              "dd", "section", "div", "table", "caption", "thead", "tbody", "tr", "th", "td", "a", "figure",
              "figcaption", "h1", "main"}
_TEXT_ATTRIBUTES = {"*": {"class", "id", "lang", "dir"}, "a": {"href"}, "th": {"scope", "colspan", "rowspan"},
                    "td": {"colspan", "rowspan"}, "span": {"tabindex"}, "section": {"aria-labelledby"},
                    "div": {"role", "aria-live", "aria-labelledby"}}
_DROPPED_WITH_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "embed", "metadata",
                         "foreignobject", "math"}
_TEXT = nh3.Cleaner(tags=_TEXT_TAGS, attributes=_TEXT_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                    link_rel="noopener noreferrer", clean_content_tags=_DROPPED_WITH_CONTENT,
                    generic_attribute_prefixes=set(), strip_comments=True)

_SVG_SHAPE = {"fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "fill-opacity", "opacity",
              "transform", "class", "id"}
_SVG_ATTRIBUTES = {
    "svg": {"viewBox", "width", "height", "role", "aria-labelledby", "aria-label", "preserveAspectRatio"},
    "g": _SVG_SHAPE, "title": {"id"}, "desc": {"id"},
    "path": _SVG_SHAPE | {"d"}, "polygon": _SVG_SHAPE | {"points"}, "polyline": _SVG_SHAPE | {"points"},
    "ellipse": _SVG_SHAPE | {"cx", "cy", "rx", "ry"}, "circle": _SVG_SHAPE | {"cx", "cy", "r"},
    "rect": _SVG_SHAPE | {"x", "y", "width", "height", "rx", "ry"}, "line": _SVG_SHAPE | {"x1", "y1", "x2", "y2"},
    "text": _SVG_SHAPE | {"x", "y", "text-anchor", "font-family", "font-size", "font-weight", "font-style"},
    "tspan": _SVG_SHAPE | {"x", "y", "dx", "dy", "font-weight", "font-style"},
    # Pictograms above labels: inline PNG only (atypie.diagrams.render inlines them), hidden from screen readers.
    "image": {"href", "x", "y", "width", "height", "preserveAspectRatio", "aria-hidden"},
}
_PNG_DATA = re.compile(r"data:image/png;base64,[A-Za-z0-9+/=]+")
_ACTIVE_VALUE = re.compile(r"url\s*\(|script\s*:|expression\s*\(", re.IGNORECASE)


def _png_links_only(tag: str, attribute: str, value: str) -> str | None:
    """Links may only be inline PNG images; no other value may reference anything (`url(...)`, `javascript:`)."""
    if attribute in ("src", "href", "xlink:href"):
        return value if _PNG_DATA.fullmatch(value) else None
    return None if _ACTIVE_VALUE.search(value) else value


_SVG = nh3.Cleaner(tags=set(_SVG_ATTRIBUTES), attributes=_SVG_ATTRIBUTES, url_schemes={"data"},
                   clean_content_tags=_DROPPED_WITH_CONTENT, generic_attribute_prefixes=set(),
                   strip_comments=True, link_rel=None, attribute_filter=_png_links_only)
_IMG = nh3.Cleaner(tags={"img"}, attributes={"img": {"src", "alt"}}, url_schemes={"data"}, link_rel=None,
                   attribute_filter=_png_links_only)

_DOCUMENT = re.compile(r'<html lang="(?P<lang>[a-z]{2})">.*?<title>(?P<title>.*?)</title>\s*<style>(?P<css>.*?)'
                       r"</style>.*?<main[^>]*>(?P<main>.*)</main>", re.DOTALL)
_SAFE_CSS = re.compile(r"[^<>\\@]*")  # atypie's own CSS: no tag, escape, @import or other at-rule


def clean_html(fragment: str) -> str:
    """A fragment of text markup (paragraphs, lists, tables, safe links) with everything else removed."""
    return _TEXT.clean(fragment or "")


def clean_svg(svg: str) -> str:
    """An inline SVG diagram: shapes and text kept, with role, <title> and <desc>; scripts, links, styles,
    foreign content and event handlers removed."""
    return _SVG.clean(svg or "")


def png_img(png: bytes, alt: str) -> str:
    """An <img> showing `png` inline (data URL), with its alternative text."""
    data = base64.b64encode(png).decode("ascii")
    return _IMG.clean(f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}">')


def reading_document(document: str) -> str:
    """A standalone page made by `atypie.falc.html` rebuilt with a sanitised body (its own CSS is kept)."""
    match = _DOCUMENT.search(document)
    if match is None:
        return ""
    css = match["css"] if _SAFE_CSS.fullmatch(match["css"]) and "url(" not in match["css"] else ""
    return (f'<!DOCTYPE html>\n<html lang="{match["lang"]}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{clean_html(match['title'])}</title>\n<style>{css}</style>\n</head>\n<body>\n<main>"
            f"{clean_html(match['main'])}</main>\n</body>\n</html>\n")


def frame(document: str, title: str) -> str:
    """A sandboxed iframe (no scripts, no same origin) showing a sanitised reading page."""
    return (f'<iframe class="atypie-frame" title="{escape(title)}" sandbox="" '
            f'srcdoc="{escape(reading_document(document))}"></iframe>')
