"""Concept maps: definitions and relations between the notions of each sentence."""

from __future__ import annotations

from ...language.analysis import Analysis
from ..labels import noun_label
from ..model import GraphBuilder
from .common import (
    concepts,
    english_chunks,
)


def concept_map(analysis: Analysis, builder: GraphBuilder) -> None:
    if analysis.tagged:
        for index, sentence in enumerate(analysis.sentences):
            notions = concepts(sentence)
            if len(notions) < 2:
                continue
            subject = next((c for c in notions if c.dep_.startswith("nsubj")), notions[0])
            source = builder.add_node(
                noun_label(subject, 4), "concept", index, subject.idx, subject.idx + len(subject.text)
            )
            verb = subject.head if subject.head.pos_ in ("VERB", "AUX", "NOUN", "ADJ") else None
            for other in notions:
                if other.i == subject.i:
                    continue
                target = builder.add_node(
                    noun_label(other, 4), "concept", index, other.idx, other.idx + len(other.text)
                )
                label = (
                    "est"
                    if other.i == (verb.i if verb is not None else -1)
                    else (verb.lemma_ if verb is not None and verb.pos_ in ("VERB", "AUX") else "")
                )
                builder.add_edge(source, target, label, "relation")
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
