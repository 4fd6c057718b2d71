"""Concept maps: the text's main terms and the named links between them (`terms`)."""

from __future__ import annotations

from ...language.analysis import Analysis
from ..model import GraphBuilder
from .common import english_chunks
from .terms import terms_and_links

NODES_PER_SENTENCE, MIN_NODES = 2, 8  # the main terms only: a map a student reads at a glance (a long text's
# map is cut into an overview and parts later, by the profile's size)


def concept_map(analysis: Analysis, builder: GraphBuilder, edge_kind: str = "relation") -> None:
    """`edge_kind` "causes" for a cause-and-effect text: its links are read the same way, drawn as causes."""
    if analysis.tagged:
        terms, links = terms_and_links(analysis)
        wanted = max(MIN_NODES, round(NODES_PER_SENTENCE * len(analysis.sentences)))
        ranked = sorted(terms.values(), key=lambda t: (-t.score, t.mentions[0][1]))[:wanted]
        ids = {}
        for term in sorted(ranked, key=lambda t: t.mentions[0][1]):  # in the order the text names them
            sentence, start, end = term.mentions[0]
            ids[term.key] = builder.add_node(term.label, "concept", sentence, start, end)
        for link in links:
            if link.source in ids and link.target in ids:
                builder.add_edge(ids[link.source], ids[link.target], link.label, edge_kind)
        return
    for index, sentence in enumerate(analysis.sentences):
        chunks = english_chunks(sentence.text)
        if len(chunks) < 2:
            continue
        first = builder.add_node(
            chunks[0][0], "concept", index, sentence.start_char + chunks[0][1], sentence.start_char + chunks[0][2]
        )
        for label, start, end in chunks[1:]:
            other = builder.add_node(label, "concept", index, sentence.start_char + start, sentence.start_char + end)
            builder.add_edge(first, other, "", "relation")
