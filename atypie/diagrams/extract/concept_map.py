"""Concept maps: the text's main terms and the named links between them (`terms`)."""

from __future__ import annotations

import re

from ...language.analysis import Analysis
from ...language.frequency import zipf
from ..model import GraphBuilder
from .common import english_chunks
from .terms import terms_and_links

NEIGHBOUR_WORDS = 4
NODES_PER_SENTENCE, MIN_NODES = 2, 12  # the main terms only: a map a student reads at a glance (a long text's
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
                builder.add_edge(ids[link.source], ids[link.target], link.label, edge_kind, link.sentence)
        _sentence_links(ranked, links, ids, builder, edge_kind, analysis.text)
        return
    _untagged_map(analysis, builder, max(MIN_NODES, round(NODES_PER_SENTENCE * len(analysis.sentences))), edge_kind)


def _sentence_links(ranked, links, ids, builder, edge_kind, text: str) -> None:
    """A term that no named link reaches in a sentence is joined to that sentence's main term, and to the term right
    before it in the same clause (at most `NEIGHBOUR_WORDS` words and no punctuation between them)."""
    by_sentence: dict[int, list] = {}
    for term in ranked:
        for sentence in {m[0] for m in term.mentions}:
            by_sentence.setdefault(sentence, []).append(term)
    linked = {(link.sentence, key) for link in links for key in (link.source, link.target)
              if link.source in ids and link.target in ids}
    for sentence, members in by_sentence.items():
        if len(members) < 2:
            continue
        main = max(members, key=lambda t: t.score)
        for term in members:
            if term is not main and (sentence, term.key) not in linked:
                builder.add_edge(ids[main.key], ids[term.key], "", edge_kind, sentence)
        spans = {t.key: next((m[1], m[2]) for m in t.mentions if m[0] == sentence) for t in members}
        ordered = sorted(members, key=lambda t: spans[t.key])
        for before, after in zip(ordered, ordered[1:]):  # « … fait surgir des conflits et des expédients »
            gap = text[spans[before.key][1]:spans[after.key][0]]
            if (sentence, after.key) not in linked and before is not main and len(gap.split()) <= NEIGHBOUR_WORDS \
                    and not re.search(r"[,;:.()«»]", gap):
                builder.add_edge(ids[before.key], ids[after.key], "", edge_kind, sentence)


def _untagged_map(analysis: Analysis, builder: GraphBuilder, wanted: int, edge_kind: str) -> None:
    """Without tags (English): each sentence's first chunk linked to the others, and each chunk to the one before it
    when at most three words and no stop come between them, labelled with the words between them when they are
    few; the chunks the text uses most, and the most specific, are kept."""
    found = []  # (sentence index, label, start, end)
    for index, sentence in enumerate(analysis.sentences):
        chunks = english_chunks(sentence.text)
        if len(chunks) >= 2:
            found += [(index, label, sentence.start_char + a, sentence.start_char + b) for label, a, b in chunks]
    uses: dict[str, int] = {}
    for _, label, _, _ in found:
        uses[label.lower()] = uses.get(label.lower(), 0) + 1

    def weight(label: str) -> float:
        words = [w for w in re.findall(r"[^\W\d_]+", label) if len(w) > 2]
        return uses[label.lower()] + max((max(0.0, 6.0 - zipf(w, analysis.lang)) / 2 for w in words), default=0.0)

    kept = set(sorted(uses, key=lambda label: -weight(label))[:wanted])
    firsts: dict[int, tuple] = {}
    last = None  # (node, end, sentence) of the chunk before: a chunk is also read with its neighbour
    for index, label, start, end in found:
        if label.lower() not in kept:
            continue
        node = builder.add_node(label, "concept", index, start, end)
        if index not in firsts:
            firsts[index] = (node, end)
            last = (node, end, index)
            continue
        first, first_end = firsts[index]
        between = re.sub(r"\b(?:the|a|an)\b", " ", analysis.text[first_end:start]).split()
        builder.add_edge(first, node, _link_words(between), edge_kind)
        gap = analysis.text[last[1]:start] if last is not None else ""
        if last is not None and last[0] != first and last[2] == index and (words := gap.split()) \
                and len(words) <= _gap_allowed(words) and not re.search(r"[.;:]", gap):
            builder.add_edge(last[0], node, _link_words([w for w in words if w.lower() not in ("the", "a", "an")]),
                             edge_kind)
        last = (node, end, index)


_RELATIVES = {"that", "which", "who", "whom", "whose"}


def _gap_allowed(words: list[str]) -> int:
    """How many words may stand between two chunks that are read together: three, or five when they open on a
    relative pronoun (“BBC which is located in London”), whose verb names the link."""
    opening = [w.lower() for w in words if w != ","][:1]
    return 5 if opening and opening[0] in _RELATIVES - {"whose"} else 3
_CONJUNCTIONS = {"and", "or", "but"}


def _link_words(words: list[str]) -> str:
    """The words between two chunks as the label of their link, when they are one to three plain words with no
    relative among them (but the one they open on: “which has”), and a conjunction only alone (« households and
    firms »): « written in », « for », « has »; "" for « , cutting it, », « or other », « in which households »."""
    words = [w for w in words if w != ","]
    if len(words) > 1 and words[0].lower() in _RELATIVES - {"whose"}:
        words = words[1:]  # “Air Force, which has”: the relative's verb says the link
    lowered = [w.lower() for w in words]
    plain = 0 < len(words) <= 3 and all(re.fullmatch(r"[^\W\d_][\w'-]*", w) for w in words)
    linked = not _RELATIVES & set(lowered) and (len(words) == 1 or not _CONJUNCTIONS & set(lowered))
    return " ".join(words) if plain and linked else ""
