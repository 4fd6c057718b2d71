"""Markdown headings and lists map directly to a hierarchy (or to steps, for a numbered list). Code blocks are
skipped (a « # » comment in Python is no heading), and markup never reaches a label: emphasis, code marks,
links, attribute blocks and URLs are taken off, and a label stops at the end of its first sentence
(« **Ligne 1**. On définit un dictionnaire » → « Ligne 1 »)."""

from __future__ import annotations

import re

from ...language.analysis import Analysis
from ..labels import short
from ..model import GraphBuilder
from .common import (
    HEADING,
    MARKDOWN_ITEM,
)


def markdown(analysis: Analysis, builder: GraphBuilder) -> bool:
    lines = analysis.text.splitlines()
    if not any(MARKDOWN_ITEM.match(line) or HEADING.match(line) for line in lines):
        return False
    stack: list[tuple[int, str]] = []  # (level, node id)
    offset = 0
    in_code = False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
        if in_code or line.lstrip().startswith(("```", "~~~")):
            offset += len(line) + 1
            continue
        heading, item = HEADING.match(line), MARKDOWN_ITEM.match(line)
        if heading:
            level, label = len(heading.group(1)), heading.group(2)
        elif item:
            level, label = 10 + len(item.group(1).expandtabs(4)) // 2, item.group(2)
        else:
            offset += len(line) + 1
            continue
        label = plain_label(label)
        if not label:
            offset += len(line) + 1
            continue
        node = builder.add_node(
            label,
            "root" if not stack else "category" if heading else "item",
            start=offset,
            end=offset + len(line),
        )
        while stack and stack[-1][0] >= level:
            stack.pop()
        if stack:
            builder.add_edge(stack[-1][1], node, kind="part_of" if builder.kind == "hierarchy" else "next")
        stack.append((level, node))
        offset += len(line) + 1
    if len(builder.nodes) < MIN_STRUCTURE_NODES:  # a heading over prose: the prose says more than its heading
        builder.nodes.clear()
        builder.edges.clear()
        return False
    if builder.kind == "process":
        steps = [n.id for n in builder.nodes]
        builder.edges.clear()
        for a, b in zip(steps, steps[1:], strict=False):
            builder.add_edge(a, b, kind="next")
    return True


MIN_STRUCTURE_NODES = 3
_FENCE = re.compile(r"(?ms)^[ \t]*(```|~~~).*?(?:^[ \t]*\1[^\n]*$|\Z)")
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_COMMAND = re.compile(r"\\[A-Za-z]+(?:\{[^{}\n]*\})*")  # « \index{liste} » left by a book's build
_HEADING_LINE = re.compile(r"(?m)^[ \t]*#{1,6}[ \t].*$")
_LINE_MARKS = re.compile(r"(?m)^[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|>[ \t]?)")
_LONE_WORD_LINE = re.compile(r"(?m)^[ \t]*[\w-]+[ \t]*$")  # « open-box-def »: a marker line, not a sentence


def prose(text: str) -> str:
    """`text` with its Markdown blanked (code blocks, inline code, commands, line marks, emphasis, the targets of
    links, marker lines), every offset kept, so that its prose can be read like any other text."""
    text = _FENCE.sub(_blank, text)
    text = _HEADING_LINE.sub(_blank, text)  # a heading is the title, not a sentence of the prose
    text = _INLINE_CODE.sub(_blank, text)
    text = _COMMAND.sub(_blank, text)
    text = _LINK.sub(_link_text, text)
    text = _LINE_MARKS.sub(_blank, text)
    text = re.sub(r"[*_~]+", _blank, text)
    text = _EMPTIED_BRACKETS.sub(lambda m: m.group() if re.search(r"\w{3}", m.group()) else _blank(m), text)
    return _LONE_WORD_LINE.sub(lambda m: m.group() if HEADING.match(m.group()) else _blank(m), text)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group())


def _link_text(match: re.Match) -> str:
    """« [structure](http://…) » → « ␣structure␣␣␣… »: the words where they were, the rest blanked."""
    whole, words = match.group(), match.group(1)
    before = whole.index("[") + 1
    return " " * before + words + " " * (len(whole) - before - len(words))


_EMPTIED_BRACKETS = re.compile(r"\([^()\n]*\)")  # « (`a` à `z`) » once its code is blanked: « (    à    ) »


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTRIBUTES = re.compile(r"\{[^}]*\}")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_MARKS = re.compile(r"[*_`~]+|<[^>]*>")


def plain_text(markup: str) -> str:
    """A line's words without Markdown: link texts kept, targets, attributes, URLs and marks taken off."""
    code = _INLINE_CODE.sub(lambda m: m.group() if len(m.group()) <= 17 and " " not in m.group() else "", markup)
    text = _URL.sub("", _ATTRIBUTES.sub("", _LINK.sub(r"\1", code)))  # a name in code stays (« len() »), a line goes
    return re.sub(r"\s+", " ", _MARKS.sub("", text)).strip()


def plain_label(markup: str) -> str:
    """A heading or list item as a label: its words without Markdown, up to the end of its first sentence."""
    text = plain_text(markup)
    first = re.split(r"(?<=[\w)»])(?:\.\s|\s?:\s|\s?;\s|\s\()", text, maxsplit=1)[0]
    return short(first.strip(" .:;,")) if re.search(r"\w", first) else ""
