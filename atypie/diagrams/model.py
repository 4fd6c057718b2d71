"""The graph model: pure, typed and serialisable. Every node keeps where it comes from in the text."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = ("process", "hierarchy", "concept_map", "cause_effect", "timeline", "comparison")
MAX_LABEL_WORDS = 6


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str = "concept"  # concept, step, event, cause, effect, category, item, side
    sentence: int | None = None  # index of the source sentence
    start: int | None = None  # character span in the source text
    end: int | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str = ""
    kind: str = "relation"  # next, part_of, causes, relation, contrast, before, arrow (seen in a picture)
    sentence: int | None = None  # index of the source sentence the link was read in, when it was read in one


@dataclass(frozen=True)
class Group:
    id: str
    label: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Graph:
    kind: str
    title: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    groups: tuple[Group, ...] = ()
    lang: str = "fr"
    reason: str = ""  # why this kind, in the graph's language (« 4 dates dans le texte »)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown diagram kind {self.kind!r}")
        ids = [n.id for n in self.nodes]
        if len(ids) != len(set(ids)):
            raise ValueError("node ids must be unique")
        known = set(ids)
        for edge in self.edges:
            if edge.source not in known or edge.target not in known:
                raise ValueError(f"edge {edge.source}->{edge.target} refers to an unknown node")

    def node(self, node_id: str) -> Node:
        return next(n for n in self.nodes if n.id == node_id)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "title": self.title, "lang": self.lang, "reason": self.reason,
                "nodes": [asdict(n) for n in self.nodes], "edges": [asdict(e) for e in self.edges],
                "groups": [{**asdict(g), "members": list(g.members)} for g in self.groups]}

    @classmethod
    def from_dict(cls, data: dict) -> "Graph":
        return cls(kind=data["kind"], title=data.get("title", ""), lang=data.get("lang", "fr"),
                   reason=data.get("reason", ""),
                   nodes=tuple(Node(**n) for n in data["nodes"]), edges=tuple(Edge(**e) for e in data["edges"]),
                   groups=tuple(Group(g["id"], g["label"], tuple(g["members"])) for g in data.get("groups", [])))


@dataclass
class GraphBuilder:
    """Collects nodes (merging the same label) and edges while an extractor reads a text."""
    kind: str
    lang: str = "fr"
    title: str = ""
    reason: str = ""
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def add_node(self, label: str, kind: str = "concept", sentence: int | None = None, start: int | None = None,
                 end: int | None = None) -> str:
        key = label.lower()
        for node in self.nodes:
            if node.label.lower() == key:
                return node.id
        node_id = f"n{len(self.nodes) + 1}"
        self.nodes.append(Node(node_id, label, kind, sentence, start, end))
        return node_id

    def add_edge(self, source: str, target: str, label: str = "", kind: str = "relation",
                 sentence: int | None = None) -> None:
        """`sentence`: where the link was read; by default, the sentence both nodes come from, if they share one. A
        named link takes the place of an unnamed one between the same nodes (a timeline's event and its detail)."""
        same = next((n for n, e in enumerate(self.edges) if e.source == source and e.target == target), None)
        if source == target or same is not None and (self.edges[same].label or not label):
            return
        if sentence is None:
            found = {node.sentence for node in self.nodes if node.id in (source, target)}
            sentence = found.pop() if len(found) == 1 else None
        if same is not None:
            self.edges[same] = Edge(source, target, label, self.edges[same].kind, sentence)
        else:
            self.edges.append(Edge(source, target, label, kind, sentence))

    def build(self) -> Graph:
        return Graph(self.kind, self.title, tuple(self.nodes), tuple(self.edges), (), self.lang, self.reason)
