"""`diagram()`: text → graph (offline or through a backend) → description → DOT, themed for the profile."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from ..backends import get_backend
from ..backends.base import StructuredTask
from ..errors import ConfigurationError, InvalidInput, MissingDependency
from ..language.analysis import Analysis, analyse, clean_text
from ..profiles.model import Profile
from ..results import Notice
from .describe import Description, describe
from .dot import to_dot
from .extract import blank_ignored, extract
from .model import KINDS, MAX_LABEL_WORDS, Graph, GraphBuilder
from .pictograms import pictogram_png, pictograms_for
from .size import DiagramSet, split
from .themes import theme_for

if TYPE_CHECKING:
    from .pictograms import Pictogram


@dataclass(frozen=True)
class DiagramResult:
    graph: Graph  # the whole graph, before any splitting for display
    views: DiagramSet
    description: Description
    dot: str
    backend: str
    notices: list[Notice] = field(default_factory=list)
    pictograms: dict[str, Pictogram] = field(default_factory=dict)  # node id → the picture above its label

    def to_dict(self) -> dict:
        data = self.graph.to_dict()
        return {**data, "nodes": [{**n, "source": _source(n)} for n in data["nodes"]],
                "alt": self.description.alt, "description": self.description.long,
                "outline": self.description.outline, "parts": len(self.views.parts), "backend": self.backend,
                "notices": [n.to_dict(self.graph.lang) for n in self.notices],
                "pictograms": {node_id: {"hexcode": p.hexcode, "annotation": p.annotation}
                               for node_id, p in self.pictograms.items()}}


def _source(node: dict) -> dict:
    return {"sentence": node["sentence"], "start": node["start"], "end": node["end"]}


def diagram(text: str | bytes, profile: Profile, *, lang: str | None = None, kind: str | None = None,
            backend: str | None = None) -> DiagramResult:

    if kind is not None and kind not in KINDS:
        raise InvalidInput(detail=f"type de schéma inconnu ; types possibles : {', '.join(KINDS)}")
    analysis = analyse(blank_ignored(clean_text(text)), lang)  # links, markup, notes to an assistant: never read
    task = GraphTask(analysis, kind)
    outcome = get_backend(backend).run(task)
    graph, notices = task.graph_for(outcome.value)
    if not graph.nodes:
        notices.append(Notice("empty-diagram", fr="Aucune notion ni relation n'a été trouvée dans ce texte.",
                              en="No notion or relation was found in this text."))
    views = split(graph, profile.diagram.max_nodes)
    description = describe(graph, profile.description.depth)
    shown = views.overview
    pictograms, images, drawing = _pictograms(shown) if profile.diagram.pictograms else ({}, None, [])
    dot = to_dot(shown, theme_for(profile.display), direction=profile.diagram.direction, images=images)
    return DiagramResult(graph, views, description, dot, outcome.backend, [*outcome.notices, *notices, *drawing],
                         pictograms)


def _pictograms(graph: Graph) -> tuple[dict[str, Pictogram], dict[str, str] | None, list[Notice]]:
    """The OpenMoji pictogram of each label that has a confident one, and its PNG for DOT. Decoration only: the
    labels and the description stay as they are. None and a notice when pictograms cannot be drawn here."""

    try:
        pictograms = pictograms_for(graph)
        return pictograms, {node_id: str(pictogram_png(p.hexcode)) for node_id, p in pictograms.items()}, []
    except (MissingDependency, ConfigurationError) as error:
        return {}, None, [Notice("pictograms-unavailable", fr=f"Schéma sans pictogrammes : {error.message('fr')}",
                                 en=f"Diagram without pictograms: {error.message('en')}")]


# --- the task a language model may do instead of the offline extraction ------------------------------

class NodeAnswer(BaseModel):
    id: str = Field(max_length=20)
    label: str = Field(max_length=80)


class EdgeAnswer(BaseModel):
    source: str = Field(max_length=20)
    target: str = Field(max_length=20)
    label: str = Field("", max_length=60)


class GraphAnswer(BaseModel):
    kind: str
    title: str = Field("", max_length=120)
    nodes: list[NodeAnswer] = Field(max_length=80)
    edges: list[EdgeAnswer] = Field(default_factory=list, max_length=200)


_EDGE_KIND = {"process": "next", "hierarchy": "part_of", "cause_effect": "causes", "timeline": "before",
              "comparison": "contrast", "concept_map": "relation"}


class GraphTask(StructuredTask[GraphAnswer]):
    name = "diagram"
    schema = GraphAnswer

    def __init__(self, analysis: Analysis, kind: str | None) -> None:
        super().__init__(analysis.text, analysis.lang)
        self.analysis = analysis
        self.kind = kind
        self._offline: Graph | None = None

    def offline_graph(self) -> Graph:
        if self._offline is None:
            self._offline = extract(self.analysis, self.kind)
        return self._offline

    def offline(self) -> GraphAnswer:
        """The offline graph as an answer, built unchecked: the schema's bounds are for a model's answer, while
        the offline graph of a long text may be larger (it is split into parts for display)."""
        graph = self.offline_graph()
        nodes = [NodeAnswer.model_construct(id=n.id, label=n.label) for n in graph.nodes]
        edges = [EdgeAnswer.model_construct(source=e.source, target=e.target, label=e.label) for e in graph.edges]
        return GraphAnswer.model_construct(kind=graph.kind, title=graph.title, nodes=nodes, edges=edges)

    def instructions(self) -> str:
        kinds = ", ".join(KINDS)
        forced = f" Le type est imposé : {self.kind}." if self.kind else ""
        if self.lang == "en":
            return (f"Build the diagram of the document: choose its kind among {kinds}; nodes are short labels "
                    f"(at most {MAX_LABEL_WORDS} words) copied from the document's own words; edges join node ids. "
                    "Invent nothing." + (f" The kind is set: {self.kind}." if self.kind else ""))
        return (f"Construis le schéma du document : choisis son type parmi {kinds} ; les nœuds sont des étiquettes "
                f"courtes ({MAX_LABEL_WORDS} mots au plus) reprises des mots du document ; les liens relient des "
                "identifiants de nœuds. N'invente rien." + forced)

    def problems(self, answer: GraphAnswer) -> list[str]:
        problems = []
        if answer.kind not in KINDS:
            problems.append(f"unknown kind {answer.kind}")
        if not answer.nodes:
            problems.append("no nodes")
        return problems

    def graph_for(self, answer: GraphAnswer) -> tuple[Graph, list[Notice]]:
        """The offline graph itself, or the model's graph with every node grounded in the text."""
        if self._offline is not None and answer == self.offline():
            return self._offline, []
        builder = GraphBuilder(self.kind or answer.kind, self.lang, title=answer.title)
        ids: dict[str, str] = {}
        dropped = []
        for node in answer.nodes:
            span = ground(node.label, self.analysis.text)
            if span is None or len(node.label.split()) > MAX_LABEL_WORDS:
                dropped.append(node.label)
                continue
            sentence = next((n for n, s in enumerate(self.analysis.sentences)
                             if s.start_char <= span[0] < s.end_char), None)
            ids[node.id] = builder.add_node(node.label, "concept", sentence, *span)
        for edge in answer.edges:
            if edge.source in ids and edge.target in ids:
                builder.add_edge(ids[edge.source], ids[edge.target], edge.label, _EDGE_KIND[builder.kind])
        notices = []
        if dropped:
            notices.append(Notice("ungrounded-nodes",
                                  fr="Éléments retirés car absents du texte : " + ", ".join(dropped[:10]) + ".",
                                  en="Elements removed because they are not in the text: " + ", ".join(dropped[:10])
                                  + "."))
        return builder.build(), notices


def ground(label: str, text: str, threshold: float = 0.8) -> tuple[int, int] | None:
    """Where `label` appears in `text`: exactly, nearly (inflection, accents), or with its words close together
    ("récolte les raisins" in "on récolte d'abord les raisins"); None when it does not."""
    lowered, wanted = _plain(text.lower()), _plain(label.lower().strip())
    position = lowered.find(wanted)
    if position >= 0:
        return position, position + len(wanted)
    words = re.findall(r"\w+", wanted)
    tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+", lowered)]
    if not words or not tokens:
        return None
    for width in (len(words), len(words) + 3):
        best = None
        for i in range(0, max(len(tokens) - width + 1, 1)):
            window = tokens[i:i + width]
            matched = sum(any(_close(word, t[2]) for t in window) for word in words)
            if matched == len(words) and (width == len(words) or best is None):
                best = (window[0][0], window[-1][1])
        if best:
            return best
    return None


def _close(a: str, b: str) -> bool:
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def _plain(text: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
