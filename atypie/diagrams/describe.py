"""Descriptions generated from the graph itself: a short alt text (≤ 250 characters), a long description
from general to specific, and a nested outline (HTML list) for screen readers. Short sentences, in the
graph's language; the profile's description depth decides how much detail the long text gives."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape

from .model import Graph

MAX_ALT = 250
KIND_NAMES = {
    "fr": {"process": "un processus", "hierarchy": "une classification", "concept_map": "une carte de notions",
           "cause_effect": "des causes et des effets", "timeline": "une frise chronologique",
           "comparison": "une comparaison"},
    "en": {"process": "a process", "hierarchy": "a classification", "concept_map": "a concept map",
           "cause_effect": "causes and effects", "timeline": "a timeline", "comparison": "a comparison"},
}
_EDGE_VERBS = {"fr": {"causes": "entraîne", "next": "puis", "before": "puis", "part_of": "contient",
                      "contrast": "s'oppose à", "relation": "est lié à",
                      "arrow": "a une flèche vers"},
               "en": {"causes": "leads to", "next": "then", "before": "then", "part_of": "contains",
                      "contrast": "differs from", "relation": "is linked to",
                      "arrow": "has an arrow to"}}


@dataclass(frozen=True)
class Description:
    alt: str
    long: str
    outline: str  # HTML <ul>


def describe(graph: Graph, depth: str = "standard") -> Description:
    lang = "en" if graph.lang == "en" else "fr"
    return Description(_alt(graph, lang), _long(graph, lang, depth), _outline(graph, lang))


def _alt(graph: Graph, lang: str) -> str:
    kind = KIND_NAMES[lang][graph.kind]
    count = len(graph.nodes)
    if lang == "en":
        head = f"Diagram: {kind} with {count} elements"
    else:
        head = f"Schéma : {kind} avec {count} éléments"
    if graph.title:
        head += f" ({graph.title})" if lang == "fr" else f" ({graph.title})"
    order = _reading_order(graph)
    if order:
        first, last = graph.node(order[0]).label, graph.node(order[-1]).label
        head += (f", from “{first}” to “{last}”." if lang == "en" else f", de « {first} » à « {last} ».")
    else:
        head += "."
    return head if len(head) <= MAX_ALT else head[:MAX_ALT - 1].rsplit(" ", 1)[0] + "…"


def _long(graph: Graph, lang: str, depth: str) -> str:
    fr = lang == "fr"
    sentences = [f"Ce schéma montre {KIND_NAMES['fr'][graph.kind]}." if fr else
                 f"This diagram shows {KIND_NAMES['en'][graph.kind]}.",
                 f"Il a {len(graph.nodes)} éléments et {len(graph.edges)} liens." if fr else
                 f"It has {len(graph.nodes)} elements and {len(graph.edges)} links."]
    if depth == "short":
        return " ".join(sentences)
    if graph.kind in ("process", "timeline"):
        arrow_labels = {e.target: e.label for e in graph.edges if e.label}
        for n, node_id in enumerate(_reading_order(graph), 1):
            label = graph.node(node_id).label
            if node_id in arrow_labels:
                label += f" (flèche « {arrow_labels[node_id]} »)" if fr else f" (arrow “{arrow_labels[node_id]}”)"
            sentences.append(f"Étape {n} : {label}." if fr and graph.kind == "process" else
                             f"Step {n}: {label}." if graph.kind == "process" else f"{n}. {label}.")
    elif graph.kind == "hierarchy":
        children = _children(graph)
        for parent, kids in children.items():
            names = ", ".join(graph.node(k).label for k in kids)
            sentences.append(f"« {graph.node(parent).label} » contient : {names}." if fr else
                             f"“{graph.node(parent).label}” contains: {names}.")
    else:
        for edge in graph.edges:
            verb = edge.label or _EDGE_VERBS[lang].get(edge.kind, _EDGE_VERBS[lang]["relation"])
            if edge.kind == "arrow" and edge.label:  # a label read beside an arrow is not a verb
                verb = f"a une flèche « {edge.label} » vers" if fr else f"has an arrow “{edge.label}” to"
            sentences.append(f"« {graph.node(edge.source).label} » {verb} « {graph.node(edge.target).label} »."
                             if fr else f"“{graph.node(edge.source).label}” {verb} “{graph.node(edge.target).label}”.")
    if depth == "detailed":
        lonely = [n.label for n in graph.nodes if not any(n.id in (e.source, e.target) for e in graph.edges)]
        if lonely:
            sentences.append(("Éléments sans lien : " if fr else "Elements without links: ") + ", ".join(lonely) + ".")
    return " ".join(sentences)


def _outline(graph: Graph, lang: str) -> str:
    if graph.kind == "hierarchy":
        children = _children(graph)
        roots = [n.id for n in graph.nodes if not any(e.target == n.id and e.kind == "part_of" for e in graph.edges)]

        def branch(node_id: str, seen: frozenset) -> str:
            kids = [k for k in children.get(node_id, []) if k not in seen]
            inner = "".join(branch(k, seen | {k}) for k in kids)
            return f"<li>{escape(graph.node(node_id).label)}" + (f"<ul>{inner}</ul>" if inner else "") + "</li>"
        return "<ul>" + "".join(branch(r, frozenset({r})) for r in roots) + "</ul>"
    items = []
    for node_id in _reading_order(graph) or [n.id for n in graph.nodes]:
        links = [e for e in graph.edges if e.source == node_id]
        sub = "".join(f"<li>{escape(e.label or _EDGE_VERBS[lang].get(e.kind, ''))} → "
                      f"{escape(graph.node(e.target).label)}</li>" for e in links)
        items.append(f"<li>{escape(graph.node(node_id).label)}" + (f"<ul>{sub}</ul>" if sub else "") + "</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _children(graph: Graph) -> dict[str, list[str]]:
    children: dict[str, list[str]] = defaultdict(list)
    for edge in graph.edges:
        if edge.kind == "part_of":
            children[edge.source].append(edge.target)
    return children


def _reading_order(graph: Graph) -> list[str]:
    """Nodes in the order of the text (their source position), which is also the order of a process."""
    return [n.id for n in sorted(graph.nodes, key=lambda n: (n.start if n.start is not None else 10 ** 9))]
