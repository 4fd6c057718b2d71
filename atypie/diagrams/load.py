"""A graph read back from JSON that a user supplied (an exported diagram): checked, bounded, clear errors."""
from __future__ import annotations

import json
from dataclasses import fields

from ..errors import InvalidInput
from .model import Edge, Graph, Node

MAX_JSON_BYTES = 1_000_000
MAX_NODES = 200
MAX_LABEL_CHARS = 200


def graph_from_json(raw: bytes | str) -> Graph:
    """The graph in an atypie diagram JSON export (`atypie diagram --format json`)."""
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    if len(data) > MAX_JSON_BYTES:
        raise InvalidInput(detail=f"le fichier de schéma dépasse {MAX_JSON_BYTES // 1000} ko")
    try:
        graph = Graph.from_dict(_known_fields(json.loads(data.decode("utf-8"))))
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
        raise InvalidInput(detail="ce fichier n'est pas un schéma atypie au format JSON "
                                  "(créez-le avec `atypie diagram --format json`)") from None
    if len(graph.nodes) > MAX_NODES:
        raise InvalidInput(detail=f"le schéma a trop de notions ({len(graph.nodes)} ; maximum {MAX_NODES})")
    texts = [graph.title, graph.lang, *(n.id for n in graph.nodes), *(n.label for n in graph.nodes),
             *(e.label for e in graph.edges)]
    if not all(isinstance(t, str) and len(t) <= MAX_LABEL_CHARS for t in texts):
        raise InvalidInput(detail=f"une étiquette du schéma n'est pas un texte de {MAX_LABEL_CHARS} caractères au plus")
    return graph


def _known_fields(data: dict) -> dict:
    """The export carries more than the graph (alt text, sources, notices); keep the graph's own fields."""
    keep = lambda item, cls: {f.name: item[f.name] for f in fields(cls) if f.name in item}  # noqa: E731
    return {**data, "nodes": [keep(n, Node) for n in data["nodes"]], "edges": [keep(e, Edge) for e in data["edges"]]}
