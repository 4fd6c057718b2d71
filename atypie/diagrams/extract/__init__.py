"""Offline extraction: detect the kind of diagram a text calls for, then build the graph with a strategy
per kind. Labels are the text's own words, shortened; nothing is invented."""

from __future__ import annotations

import re
from dataclasses import replace

from ...language.analysis import Analysis, analyse
from ..labels import tidy
from ..model import KINDS, Graph, GraphBuilder
from .cause_effect import cause_effect
from .common import (
    CENTURY,
    DECADE,
    HEADING,
    MARKDOWN_ITEM,
    action_word,
    count,
    decade_year,
    is_year,
    listed_actions,
    markers,
)
from .comparison import comparison
from .concept_map import concept_map
from .hierarchy import hierarchy
from .ignored import blank_ignored
from .markdown import markdown, plain_text, prose
from .process import process
from .timeline import timeline

__all__ = ["blank_ignored", "detect_kind", "extract", "markers"]

MIN_NODES = 3  # a strategy that finds fewer (a timeline: fewer than two dated events) leaves the text to the concept map


def detect_kind(analysis: Analysis) -> str:
    return chosen_kind(analysis)[0]


def chosen_kind(analysis: Analysis) -> tuple[str, str]:
    """The kind of diagram the text calls for, and why, in the text's language: its Markdown structure, its dates,
    the markers found (« entraîne », « alors que »…), or none of them."""
    french = analysis.lang == "fr"
    text = analysis.text.lower()
    table = markers(analysis.lang)
    if any(MARKDOWN_ITEM.match(line) or HEADING.match(line) for line in analysis.text.splitlines()):
        items = [m for line in analysis.text.splitlines() if (m := MARKDOWN_ITEM.match(line))]
        numbered = sum(bool(re.match(r"\s*\d+[.)]", m.group(0))) for m in items)
        if items and numbered > len(items) / 2:  # a numbered list is steps
            return "process", "liste numérotée : des étapes" if french else "numbered list: steps"
        return "hierarchy", "titres et listes du texte" if french else "the text's headings and lists"
    dates = {n.value for n in analysis.numbers if n.kind == "date" or (n.kind == "number" and is_year(n.text))}
    dates |= {m.group(1).lower() for m in CENTURY.finditer(analysis.text)}  # « au xe siècle », « XIXe siècle »
    dates |= {decade_year(m) for m in DECADE.finditer(analysis.text)}  # « au début des années 60 »
    found = {kind: [m for m in table[kind]["markers"] if count(text, [m])]
             for kind in ("process", "hierarchy", "cause_effect", "comparison")}
    signs = content_signs(analysis)
    for kind, words in signs.items():
        found[kind] += [w for w in words if w not in found[kind]]
    scores = {kind: count(text, table[kind]["markers"]) + len(signs[kind]) for kind in found}
    scores["comparison"] *= 2  # one contrast marker is a strong sign
    scores["timeline"] = len(dates) * 1.5 if len(dates) >= table["timeline"]["min_dates"] else 0
    best = max(scores, key=lambda k: (scores[k], k == "hierarchy"))  # a tie goes to a classification
    if scores[best] >= 2 or (scores[best] >= 1 and best == "hierarchy"):
        if best == "timeline":
            return best, f"{len(dates)} dates dans le texte" if french else f"{len(dates)} dates in the text"
        shown = ", ".join(f"« {m} »" if french else f"“{m}”" for m in found[best][:3])
        return best, (f"mots repérés : {shown}" if french else f"words found: {shown}")
    return "concept_map", ("aucun repère d'un autre type : les notions et leurs liens" if french else
                           "no sign of another kind: the notions and their links")


def content_signs(analysis: Analysis) -> dict[str, list[str]]:
    """Signs of each kind found on the parse rather than as written: a sign verb in any of its forms (« l'ont
    entraînée », « a empêché »), counted where its form is not already a marker; and each action of a list of
    actions (« : définir la question, construire un échantillon, … »), a sign of steps, not of parts."""
    table = markers(analysis.lang)
    signs: dict[str, list[str]] = {kind: [] for kind in ("process", "hierarchy", "cause_effect", "comparison")}
    if analysis.tagged:
        for kind in signs:
            lemmas, written = set(table[kind].get("lemmas", [])), {m.lower() for m in table[kind]["markers"]}
            signs[kind] = [token.text for sentence in analysis.sentences for token in sentence
                           if token.lemma_.lower() in lemmas and token.text.lower() not in written]
    acting = []  # sentences that list actions: their list is steps, not parts
    for sentence in analysis.sentences:
        if actions := listed_actions(sentence, analysis.tagged):
            acting.append(sentence)
            signs["process"] += [action_word(action, analysis.tagged).text for action in actions]
    if not analysis.tagged:
        return signs
    signs["hierarchy"] += [f"{m.group(1)} : {m.group(2).split(',')[0].strip()}, …" for sentence in analysis.sentences
                           if sentence not in acting and (m := ENUMERATION.search(sentence.text))]
    return signs


ENUMERATION = re.compile(r"([^\W\d]+)\s*:((?:\s*[^,;:.()]{2,40},){2,}\s*[^,;:.()]{2,40})(?:[.;]|$)")
"""A list announced by a colon: « de nombreux paramètres : la motivation, le bien-être, ses capacités, etc. »."""


def _from_prose(analysis: Analysis, body: str, kind: str | None, title: str) -> Graph:
    """The graph of a Markdown text's prose (its structure gave too few nodes): `body` is its text with the markup
    blanked, so every node keeps its place in the text as written; the first heading is the title."""
    lead = len(body) - len(body.lstrip())
    graph = extract(analyse(body, analysis.lang, max_chars=None), kind)
    nodes = tuple(replace(n, start=None if n.start is None else n.start + lead,
                          end=None if n.end is None else n.end + lead) for n in graph.nodes)
    return replace(graph, title=title or graph.title, nodes=nodes)


def extract(analysis: Analysis, kind: str | None = None) -> Graph:
    asked = kind is not None
    french = analysis.lang == "fr"
    kind, reason = (kind, "type demandé" if french else "kind asked for") if kind else chosen_kind(analysis)
    if kind not in KINDS:
        raise ValueError(kind)
    builder = GraphBuilder(kind, analysis.lang, title=_title(analysis), reason=reason)
    if markdown(analysis, builder):
        return builder.build()
    if analysis.text != (body := prose(analysis.text)) and re.search(r"\w", body):
        return _from_prose(analysis, body, kind if asked else None, builder.title)
    {
        "process": process,
        "hierarchy": hierarchy,
        "cause_effect": cause_effect,
        "timeline": timeline,
        "comparison": comparison,
        "concept_map": concept_map,
    }[kind](analysis, builder)
    found = sum(n.kind == "event" for n in builder.nodes) if kind == "timeline" else len(builder.nodes)
    if found < (2 if kind == "timeline" else MIN_NODES):  # the kind's patterns found (almost) nothing
        builder.nodes.clear()
        builder.edges.clear()
        concept_map(analysis, builder)
        if kind != "concept_map":
            builder.reason += (" ; le texte ne suit pas ce modèle : ses notions et leurs liens" if french else
                               "; the text does not follow this pattern: its notions and their links")
    return builder.build()


def _title(analysis: Analysis) -> str:
    first = analysis.text.strip().splitlines()[0] if analysis.text.strip() else ""
    heading = HEADING.match(first)
    return tidy(plain_text(heading.group(2))) if heading else ""
