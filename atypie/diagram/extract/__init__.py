"""Offline extraction: detect the kind of diagram a text calls for, then build the graph with a strategy
per kind. Labels are the text's own words, shortened; nothing is invented."""

from __future__ import annotations

import re

from ...language.analysis import Analysis
from ..labels import tidy
from ..model import KINDS, Graph, GraphBuilder
from .cause_effect import cause_effect
from .common import HEADING, MARKDOWN_ITEM, count, is_year, markers
from .comparison import comparison
from .concept_map import concept_map
from .hierarchy import hierarchy
from .ignored import blank_ignored
from .markdown import markdown
from .process import process
from .timeline import timeline

__all__ = ["blank_ignored", "detect_kind", "extract", "markers"]

MIN_NODES = 3  # a strategy that finds fewer leaves the text to the concept map


def detect_kind(analysis: Analysis) -> str:
    text = analysis.text.lower()
    table = markers(analysis.lang)
    if any(MARKDOWN_ITEM.match(line) or HEADING.match(line) for line in analysis.text.splitlines()):
        items = [m for line in analysis.text.splitlines() if (m := MARKDOWN_ITEM.match(line))]
        numbered = sum(bool(re.match(r"\s*\d+[.)]", m.group(0))) for m in items)
        return "process" if items and numbered > len(items) / 2 else "hierarchy"  # a numbered list is steps
    dates = {n.value for n in analysis.numbers if n.kind == "date" or (n.kind == "number" and is_year(n.text))
             or n.kind == "roman" and analysis.text[n.end:n.end + 8].strip().lower().startswith("siècle")}
    scores = {
        kind: count(text, table[kind]["markers"]) for kind in ("process", "hierarchy", "cause_effect", "comparison")
    }
    scores["comparison"] *= 2  # one contrast marker is a strong sign
    scores["timeline"] = len(dates) * 1.5 if len(dates) >= table["timeline"]["min_dates"] else 0
    best = max(scores, key=scores.get)
    if scores[best] >= 2 or (scores[best] >= 1 and best == "hierarchy"):
        return best
    return "concept_map"


def extract(analysis: Analysis, kind: str | None = None) -> Graph:
    kind = kind or detect_kind(analysis)
    if kind not in KINDS:
        raise ValueError(kind)
    builder = GraphBuilder(kind, analysis.lang, title=_title(analysis))
    if markdown(analysis, builder):
        return builder.build()
    {
        "process": process,
        "hierarchy": hierarchy,
        "cause_effect": cause_effect,
        "timeline": timeline,
        "comparison": comparison,
        "concept_map": concept_map,
    }[kind](analysis, builder)
    if len(builder.nodes) < MIN_NODES:  # the kind's patterns found (almost) nothing: the terms and their links
        builder.nodes.clear()
        builder.edges.clear()
        concept_map(analysis, builder)
    return builder.build()


def _title(analysis: Analysis) -> str:
    first = analysis.text.strip().splitlines()[0] if analysis.text.strip() else ""
    heading = HEADING.match(first)
    return tidy(heading.group(2)) if heading else ""
