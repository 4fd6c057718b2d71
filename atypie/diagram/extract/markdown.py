"""Markdown headings and lists map directly to a hierarchy (or to steps, for a process)."""

from __future__ import annotations

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
    for line in lines:
        heading, item = HEADING.match(line), MARKDOWN_ITEM.match(line)
        if heading:
            level, label = len(heading.group(1)), heading.group(2)
        elif item:
            level, label = 10 + len(item.group(1).expandtabs(4)) // 2, item.group(2)
        else:
            offset += len(line) + 1
            continue
        node = builder.add_node(
            short(label),
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
    if builder.kind == "process":
        steps = [n.id for n in builder.nodes]
        builder.edges.clear()
        for a, b in zip(steps, steps[1:], strict=False):
            builder.add_edge(a, b, kind="next")
    return bool(builder.nodes)
