"""Keeping diagrams readable: a graph larger than the profile's `max_nodes` becomes an overview plus
sub-diagrams, each within the limit."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Edge, Graph, Node


@dataclass(frozen=True)
class DiagramSet:
    overview: Graph
    parts: tuple[Graph, ...]  # empty when the graph fits


def split(graph: Graph, max_nodes: int) -> DiagramSet:
    if len(graph.nodes) <= max_nodes:
        return DiagramSet(graph, ())
    if graph.kind == "hierarchy":
        return _split_tree(graph, max_nodes)
    return _split_sequence(graph, max_nodes)


def _split_tree(graph: Graph, max_nodes: int) -> DiagramSet:
    children: dict[str, list[str]] = {}
    for edge in graph.edges:
        if edge.kind == "part_of":
            children.setdefault(edge.source, []).append(edge.target)
    targets = {e.target for e in graph.edges if e.kind == "part_of"}
    roots = [n.id for n in graph.nodes if n.id not in targets] or [graph.nodes[0].id]
    top = roots + [c for r in roots for c in children.get(r, [])]
    if len(top) > max_nodes:
        return _split_sequence(graph, max_nodes)
    parts = []
    for branch in [c for r in roots for c in children.get(r, [])]:
        members = _descendants(branch, children)
        if len(members) > 1:
            parts.append(_subgraph(graph, members[:max_nodes], graph.node(branch).label))
    return DiagramSet(_subgraph(graph, top, graph.title), tuple(parts))


def _descendants(node_id: str, children: dict[str, list[str]]) -> list[str]:
    out, pending = [], [node_id]
    while pending:
        current = pending.pop(0)
        if current not in out:
            out.append(current)
            pending.extend(children.get(current, []))
    return out


def _split_sequence(graph: Graph, max_nodes: int) -> DiagramSet:
    ordered = sorted(graph.nodes, key=lambda n: n.start if n.start is not None else 10 ** 9)
    chunks = [ordered[i:i + max_nodes] for i in range(0, len(ordered), max_nodes)]
    parts = tuple(_subgraph(graph, [n.id for n in chunk], f"{chunk[0].label} … {chunk[-1].label}")
                  for chunk in chunks)
    overview_nodes = tuple(Node(f"p{n}", part.title, "category", None, chunk[0].start, chunk[-1].end)
                           for n, (part, chunk) in enumerate(zip(parts, chunks, strict=True), 1))
    overview_edges = tuple(Edge(a.id, b.id, "", "next") for a, b in zip(overview_nodes, overview_nodes[1:],
                                                                        strict=False))
    return DiagramSet(Graph(graph.kind, graph.title, overview_nodes, overview_edges, (), graph.lang), parts)


def _subgraph(graph: Graph, node_ids: list[str], title: str) -> Graph:
    keep = set(node_ids)
    return Graph(graph.kind, title, tuple(n for n in graph.nodes if n.id in keep),
                 tuple(e for e in graph.edges if e.source in keep and e.target in keep), (), graph.lang)
