"""Comparisons: two compared things, each with its own properties."""

from __future__ import annotations

import re

from ...language.analysis import Analysis
from ..labels import noun_label
from ..model import GraphBuilder
from .common import (
    CONCEPT_DEPS,
    english_chunks,
)


def comparison(analysis: Analysis, builder: GraphBuilder) -> None:
    """Two compared things, each with its own properties (the other notions of its clause)."""
    pattern = re.compile(
        r"(?P<a>[^.;]+?),?\s+(?:alors que|alors qu['’]|tandis que|tandis qu['’]|whereas|while)\s+"
        r"(?P<b>[^.;]+)",
        re.IGNORECASE,
    )
    unlike = re.compile(
        r"(?:contrairement (?:à|aux|au)|à la différence (?:de|des|du)|unlike)\s+(?P<a>[^,]+),\s*"
        r"(?P<b>[^.;]+)",
        re.IGNORECASE,
    )
    sides_seen: list[str] = []
    for index, sentence in enumerate(analysis.sentences):
        text = sentence.text.rstrip(".")
        match = pattern.search(text) or unlike.search(text)
        if match is None:
            _properties_of_known_side(analysis, builder, index, sentence, sides_seen)
            continue
        sides = []
        for group in ("a", "b"):
            start, end = sentence.start_char + match.start(group), sentence.start_char + match.end(group)
            notions = _notions(analysis, start, end, match.group(group))
            if not notions:
                continue
            side = builder.add_node(notions[0][0], "side", index, notions[0][1], notions[0][2])
            for label, a, b in notions[1:]:
                builder.add_edge(side, builder.add_node(label, "item", index, a, b), kind="relation")
            sides.append(side)
            sides_seen.append(side)
        if len(sides) == 2 and not any({e.source, e.target} == set(sides) for e in builder.edges):
            builder.add_edge(sides[0], sides[1], kind="contrast")


def _notions(analysis: Analysis, start: int, end: int, text: str) -> list[tuple[str, int, int]]:
    """The notions of a stretch of text, subject first."""
    if analysis.tagged:
        span = analysis.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        tokens = [
            t
            for t in span
            if t.pos_ in ("NOUN", "PROPN")
            and t.dep_ in CONCEPT_DEPS
            and not (t.dep_ == "nmod" and t.head.pos_ in ("NOUN", "PROPN") and t.head.i >= span.start)
        ]
        tokens.sort(key=lambda t: (not t.dep_.startswith("nsubj"), t.i))
        return [(noun_label(t, 4), t.idx, t.idx + len(t.text)) for t in tokens]
    return [(label, start + a, start + b) for label, a, b in english_chunks(text)]


def _properties_of_known_side(
    analysis: Analysis, builder: GraphBuilder, index: int, sentence, sides: list[str]
) -> None:
    """A later sentence about one of the compared things adds properties to it."""
    notions = _notions(analysis, sentence.start_char, sentence.end_char, sentence.text)
    if len(notions) < 2:
        return
    known = {n.label.lower(): n.id for n in builder.nodes if n.id in sides}
    side = known.get(notions[0][0].lower())
    if side is None:
        return
    for label, a, b in notions[1:]:
        builder.add_edge(side, builder.add_node(label, "item", index, a, b), kind="relation")
