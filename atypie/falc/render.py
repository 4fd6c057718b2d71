"""Plain text and Markdown renderings of a rewrite.

In Markdown, the course text is inert: characters that would open raw HTML (`<`, `&`) or a link or image (`[`, `]`)
are escaped, so a `<script>`, an `onerror=` or a `javascript:` link in the source stays visible text in any viewer.
"""
from __future__ import annotations

import re

from .glossary import shown_definition

_MARKDOWN_ACTIVE = re.compile(r"[\\<>&\[\]`*_]")
_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def to_text(blocks, glossary, lang: str = "fr", *, markdown: bool = False) -> str:
    shown = _inert if markdown else str
    lines: list[str] = []
    for block in blocks:
        if block.kind in ("heading", "section"):
            lines += [("## " if markdown else "") + shown(block.sentences[0]), ""]
        elif block.kind == "list":
            lines += [shown(s) for s in block.sentences] + [f"- {shown(item)}" for item in block.items] + [""]
        else:
            lines += [" ".join(map(shown, block.sentences)) if markdown else "\n".join(block.sentences), ""]
    if glossary:
        title = "Glossary" if lang == "en" else "Glossaire"
        lines += [("## " if markdown else "") + title, ""]
        lines += [f"- {'**' if markdown else ''}{shown(e.term)}{'**' if markdown else ''} : {shown(shown_definition(e, lang))}"
                  for e in glossary]
        left = sum(1 for e in glossary if getattr(e, "needs_review", False))
        if left:
            lines += ["", still_to_explain(left, lang)]
    return "\n".join(lines).strip() + "\n"


def still_to_explain(count: int, lang: str = "fr") -> str:
    """The line that says how many hard words have no explanation yet."""
    if lang == "en":
        return f"{count} hard word{'s' if count > 1 else ''} still to be explained."
    return f"{count} mot{'s' if count > 1 else ''} difficile{'s' if count > 1 else ''} encore à expliquer."


def _inert(text: str) -> str:
    """`text` as Markdown that renders exactly as written: no HTML, link, image, code or emphasis from the source."""
    return _MARKDOWN_ACTIVE.sub(lambda m: _ENTITIES.get(m.group(0), "\\" + m.group(0)), text)
