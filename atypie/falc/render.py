"""Plain text and Markdown renderings of a rewrite."""
from __future__ import annotations


def to_text(blocks, glossary, lang: str = "fr", *, markdown: bool = False) -> str:
    lines: list[str] = []
    for block in blocks:
        if block.kind in ("heading", "section"):
            lines += [("## " if markdown else "") + block.sentences[0], ""]
        elif block.kind == "list":
            lines += block.sentences + [f"- {item}" for item in block.items] + [""]
        else:
            lines += [" ".join(block.sentences) if markdown else "\n".join(block.sentences), ""]
    if glossary:
        title = "Glossary" if lang == "en" else "Glossaire"
        lines += [("## " if markdown else "") + title, ""]
        lines += [f"- {'**' if markdown else ''}{e.term}{'**' if markdown else ''} : {e.definition}" for e in glossary]
    return "\n".join(lines).strip() + "\n"
