"""HTML pieces the pages show, all built from escaped text or passed through the sanitiser."""
from __future__ import annotations

import logging
from html import escape

from ..falc.html import page
from ..falc.rewrite import Block
from ..profiles.model import DisplayPreferences
from ..results import Notice
from .i18n import t
from .sanitize import PageShapeError, clean_html, clean_svg, frame, png_img, read_page

log = logging.getLogger("atypie.web")


def reading_frame(paragraphs: list[str], display: DisplayPreferences, lang: str, title: str, *,
                  ui_lang: str | None = None) -> str:
    """Plain paragraphs in `lang` shown with the profile's display (font, spacing, theme, syllables) in a sandboxed
    frame titled `title`; `ui_lang` (default `lang`) is the language of the notice `page_frame` may show instead."""

    blocks = [Block("paragraph", [line]) for line in paragraphs if line.strip()]
    return page_frame(page(blocks, [], display, lang, title), title, ui_lang or lang)


def page_frame(document: str, title: str, ui_lang: str) -> str:
    """A standalone reading page made by atypie in a sandboxed frame. A page whose shape is not the expected one
    is never an empty frame: a notice in the interface language takes its place, and the server logs why."""
    try:
        return frame(read_page(document), title)
    except PageShapeError as err:
        log.warning("reading page not shown: %s", err)
        return status(t("preview.unavailable", ui_lang))


def figure(svg: str, alt: str) -> str:
    """The inline, sanitised SVG diagram with its short text alternative as a caption."""
    return f'<figure class="atypie-figure">{clean_svg(svg)}<figcaption>{escape(alt)}</figcaption></figure>'


def image_figure(png: bytes, alt: str) -> str:
    return f'<figure class="atypie-figure">{png_img(png, alt)}<figcaption>{escape(alt)}</figcaption></figure>'


def outline(heading: str, outline_html: str) -> str:
    """The diagram's nested list (for screen readers and for reading in order) under a heading."""
    return f"<h2>{escape(heading)}</h2>{clean_html(outline_html)}"


def notices(items: list[Notice], lang: str) -> str:
    if not items:
        return ""
    rows = "".join(f"<li>{escape(n.message(lang))}</li>" for n in items)
    return f'<div role="status"><p><strong>{escape(t("notices.heading", lang))}</strong></p><ul>{rows}</ul></div>'


def status(message: str) -> str:
    """A short confirmation, announced by screen readers."""
    return f'<div role="status"><p>{escape(message)}</p></div>'


def table(caption: str, headers: list[str], rows: list[list[object]]) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows)
    return clean_html(f'<table class="atypie-table"><caption>{escape(caption)}</caption><thead><tr>{head}</tr>'
                      f"</thead><tbody>{body}</tbody></table>")
