"""Causes and effects: the notions of each sentence linked in causal order."""

from __future__ import annotations

import re

from ...language.analysis import Analysis
from ..labels import noun_label
from ..model import GraphBuilder
from .common import (
    VAGUE,
    concepts,
    english_chunks,
    same_notion,
)
from .concept_map import concept_map


def cause_effect(analysis: Analysis, builder: GraphBuilder) -> None:
    """Causal texts state their chain in reading order ("A libère B, ce qui renforce C"; "B parce que A" is the
    exception): the notions of each sentence are linked in that order, reversed after "parce que", "car"."""
    reverse = re.compile(
        r"\b(?:parce que|parce qu['’]|car|because|since|due to|à cause de|en raison de)\b", re.IGNORECASE
    )
    if analysis.tagged:  # the terms and the named links between them, drawn as causes
        concept_map(analysis, builder, edge_kind="causes")
        if builder.edges:
            return
        builder.nodes.clear()
    for index, sentence in enumerate(analysis.sentences):
        if analysis.tagged:
            found = []
            for token in concepts(sentence):
                if token.text.lower() in VAGUE:  # "la baisse des rendements" is about "rendements"
                    token = next((c for c in token.children if c.dep_ == "nmod" and c.pos_ == "NOUN"), None)
                if token is not None:
                    found.append((noun_label(token, 4), token.idx, token.idx + len(token.text)))
        else:
            found = [
                (label, sentence.start_char + a, sentence.start_char + b)
                for label, a, b in english_chunks(sentence.text)
            ]
        if len(found) < 2:
            continue
        found = [f for f in found if f[0].lower() not in VAGUE]
        marker = reverse.search(sentence.text)
        if marker is not None:  # "B parce que A": what follows the marker comes first
            cut = sentence.start_char + marker.start()
            found = [f for f in found if f[1] >= cut] + [f for f in found if f[1] < cut]
        ids = []
        for n, (label, start, end) in enumerate(found):
            known = same_notion(builder, label)
            node = known or builder.add_node(label, "cause" if n == 0 else "effect", index, start, end)
            if not ids or ids[-1] != node:
                ids.append(node)
        for a, b in zip(ids, ids[1:], strict=False):
            builder.add_edge(a, b, kind="causes")
