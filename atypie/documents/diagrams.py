"""A diagram per section, on request (`atypie adapt --diagrams`): the plain text of each section that has enough
prose goes through the diagram pipeline, and the picture (PNG, with the diagram's own alt text and its long
description as caption) is put at the end of the section. A section whose text gives no diagram keeps none."""
from __future__ import annotations

from dataclasses import replace

from ..diagrams.pipeline import diagram
from ..diagrams.render import render
from ..errors import AtypieError
from ..profiles.model import Profile
from .model import Block, Document, Figure, Heading, ListBlock, Paragraph

MIN_WORDS = 40  # a shorter section is read faster than its diagram


def with_diagrams(document: Document, profile: Profile, *, backend: str | None = None) -> Document:
    """The document with a diagram at the end of each section (cut at its top level of headings)."""
    top = min((b.level for b in document.blocks if isinstance(b, Heading)), default=0)
    sections: list[list[Block]] = [[]]
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == top and sections[-1]:
            sections.append([])
        sections[-1].append(block)
    blocks: list[Block] = []
    for number, section in enumerate(sections, 1):
        blocks.extend(section)
        figure = _diagram(section, profile, document.lang, backend, number)
        if figure is not None:
            blocks.append(figure)
    return replace(document, blocks=tuple(blocks))


def _diagram(section: list[Block], profile: Profile, lang: str, backend: str | None, number: int) -> Figure | None:
    text = "\n\n".join(_prose(section))
    if len(text.split()) < MIN_WORDS:
        return None
    try:
        result = diagram(text, profile, lang=lang or None, backend=backend)
        png = render(result.views.overview, result.dot, "png", alt=result.description.alt,
                     description=result.description.long)
    except AtypieError:  # too few notions, or Graphviz missing: the section keeps its text only
        return None
    title = next((b.text.text for b in section if isinstance(b, Heading)), "")
    caption = (f"Schéma de la section « {title} »" if lang != "en" else f"Diagram of the section “{title}”") \
        if title else ""
    return Figure(png, "image/png", alt=result.description.alt, caption=caption, name=f"schema-{number}.png")


def _prose(section: list[Block]) -> list[str]:
    out: list[str] = []
    for block in section:
        if isinstance(block, Paragraph):
            out.append(block.text.text)
        elif isinstance(block, ListBlock):
            out.extend(item.text.text for item in block.items)
    return out
