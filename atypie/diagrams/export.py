"""Exports: Mermaid (flowchart) and JSON."""
from __future__ import annotations

import json

from .model import Graph

_MERMAID_SHAPES = {"step": ('("', '")'), "category": ('["', '"]'), "root": ('["', '"]'), "cause": ('{{"', '"}}'),
                   "effect": ('[["', '"]]'), "event": ('>"', '"]'), "side": ('[/"', '/]'), "item": ('["', '"]')}
_MERMAID_EDGES = {"causes": "==>", "relation": "-.->", "contrast": "-.-", "part_of": "-->"}


def _mermaid_text(text: str) -> str:
    """Mermaid labels in quotes; quotes and markup characters become entity codes."""
    return (text.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
            .replace("\n", " "))


def to_mermaid(graph: Graph, direction: str = "TB") -> str:
    lines = [f"flowchart {direction if direction in ('TB', 'LR') else 'TB'}"]
    for node in graph.nodes:
        left, right = _MERMAID_SHAPES.get(node.kind, ('("', '")'))
        lines.append(f"    {node.id}{left}{_mermaid_text(node.label)}{right}")
    for edge in graph.edges:
        arrow = _MERMAID_EDGES.get(edge.kind, "-->")
        label = f'|"{_mermaid_text(edge.label)}"|' if edge.label else ""
        lines.append(f"    {edge.source} {arrow}{label} {edge.target}")
    return "\n".join(lines) + "\n"


def to_json(graph: Graph) -> str:
    return json.dumps(graph.to_dict(), ensure_ascii=False, indent=2)
