"""Allowlist sanitising (nh3) for every piece of HTML the web app shows.

Course text may carry `<script>`, `onerror=`, `javascript:` links or SVG with scripts: whatever is not on the
allowlist is removed. Reading pages go into a sandboxed iframe (no scripts even if something slipped through).

A reading page (atypie's own standalone HTML: `atypie.falc.html`, `atypie.documents.writers.html`) is handled as
data, a `ReadingPage` (language, title, CSS, the markup of its `<main>`), read once by an HTML parser
(`read_page`) and written back sanitised field by field.
"""
from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

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

_SAFE_CSS = re.compile(r"[^<>\\@]*")  # atypie's own CSS: no tag, escape, @import or other at-rule
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


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


class PageShapeError(ValueError):
    """A document that is not a reading page as atypie writes them (it has no `<main>`)."""


@dataclass(frozen=True)
class ReadingPage:
    """A reading page as data, as found in the document (nothing here is trusted yet): `title` is plain text,
    `body` the markup inside `<main>`. `html()` writes it back sanitised field by field."""
    lang: str
    title: str
    css: str
    body: str

    def html(self) -> str:
        """The standalone page: the language only when it is a language tag, the title escaped, the CSS only when
        it is plain rules (no tag, escape, at-rule or `url(`), the body through the allowlist."""
        lang = f' lang="{self.lang}"' if _LANGUAGE_TAG.fullmatch(self.lang) else ""
        css = self.css if _SAFE_CSS.fullmatch(self.css) and "url(" not in self.css else ""
        return (f'<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset="utf-8">\n'
                f"<title>{escape(self.title, quote=False)}</title>\n<style>{css}</style>\n</head>\n<body>\n<main>"
                f"{clean_html(self.body)}</main>\n</body>\n</html>\n")


def read_page(document: str) -> ReadingPage:
    """The parts of a standalone reading page; `PageShapeError` when it has no `<main>` (not one of atypie's)."""
    parser = _PageParser()
    parser.feed(document or "")
    parser.close()
    if not parser.found_main:
        raise PageShapeError("the page has no <main> element: it is not a reading page as atypie writes them")
    return ReadingPage(parser.lang, " ".join("".join(parser.title).split()), "".join(parser.css),
                       "".join(parser.body))


class _PageParser(HTMLParser):
    """Collects `<html lang>`, the `<title>` text, the `<style>` rules outside `<main>`, and the markup inside the
    first `<main>` (rebuilt from the parser's tokens: tags as written, text escaped again, comments left out)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title: list[str] = []
        self.css: list[str] = []
        self.body: list[str] = []
        self.found_main = False
        self._depth = 0  # how many <main> are open (inside the first one)
        self._head_part: str | None = None  # "title" or "style" while inside one

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self._depth:
            if tag == "main":
                self._depth += 1
            self.body.append(self.get_starttag_text() or "")
        elif tag == "main" and not self.found_main:
            self.found_main, self._depth = True, 1
        elif tag == "html" and not self.lang:
            self.lang = dict(attrs).get("lang") or ""
        elif tag in ("title", "style"):
            self._head_part = tag

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if self._depth:
            self.body.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self._depth:
            if tag == "main":
                self._depth -= 1
            if self._depth:
                self.body.append(f"</{tag}>")
        elif tag == self._head_part:
            self._head_part = None

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.body.append(escape(data, quote=False))
        elif self._head_part == "title":
            self.title.append(data)
        elif self._head_part == "style":
            self.css.append(data)


def frame(page: ReadingPage, title: str) -> str:
    """A sandboxed iframe (no scripts, no same origin) showing the reading page, sanitised."""
    return (f'<iframe class="atypie-frame" title="{escape(title)}" sandbox="" '
            f'srcdoc="{escape(page.html())}"></iframe>')
