"""HTML pieces the pages show, all built from escaped text or passed through the sanitiser."""
from __future__ import annotations

from html import escape

from ..profiles.model import DisplayPreferences
from ..results import Notice
from .i18n import t
from .sanitize import clean_html, clean_svg, frame, png_img


def reading_frame(paragraphs: list[str], display: DisplayPreferences, lang: str, title: str) -> str:
    """Plain paragraphs shown with the profile's display (font, spacing, theme, syllables) in a sandboxed frame."""
    from ..falc.html import page
    from ..falc.rewrite import Block

    blocks = [Block("paragraph", [line]) for line in paragraphs if line.strip()]
    return frame(page(blocks, [], display, lang, title), title)


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
