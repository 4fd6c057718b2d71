"""Any Graphviz SVG (not only atypie's): nodes, edges and labels read from its structure."""
from __future__ import annotations

import re
from html import unescape

from ...diagrams.model import Edge, Graph, Node

_SVG = "{http://www.w3.org/2000/svg}"


def read_graphviz_svg(root, lang: str = "fr") -> Graph | None:
    """The graph drawn in a parsed SVG (its root element) whose groups carry Graphviz's node and edge classes."""
    ids: dict[str, str] = {}
    nodes, edges = [], []
    for group in root.iter(f"{_SVG}g"):
        kind = group.get("class")
        title = group.find(f"{_SVG}title")
        if kind not in ("node", "edge") or title is None:
            continue
        texts = [unescape("".join(t.itertext())).strip() for t in group.iter(f"{_SVG}text")]
        label = " ".join(t for t in texts if t)
        name = unescape(title.text or "")
        if kind == "node":
            ids[name] = f"n{len(ids) + 1}"
            nodes.append(Node(ids[name], label or name, "concept", None, None, None))
        else:
            match = re.match(r"(.+?)(?:->|--)(.+)$", name)
            if match:
                edges.append((match.group(1).split(":")[0], match.group(2).split(":")[0], label))
    known = [Edge(ids[a], ids[b], label, "relation") for a, b, label in edges if a in ids and b in ids]
    if not nodes:
        return None
    kind = "process" if _is_chain(known, len(nodes)) else "concept_map"
    return Graph(kind, "", tuple(nodes), tuple(known), (), lang)


def _is_chain(edges: list[Edge], count: int) -> bool:
    outs = {e.source for e in edges}
    ins = {e.target for e in edges}
    return len(edges) == count - 1 and len(outs) == len(edges) and len(ins) == len(edges)
