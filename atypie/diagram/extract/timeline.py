"""Timelines: dated events in date order."""

from __future__ import annotations

import re

from ...language.analysis import Analysis
from ..labels import short
from ..model import GraphBuilder
from .common import (
    clean,
    is_year,
)


def timeline(analysis: Analysis, builder: GraphBuilder) -> None:
    events = []
    for index, sentence in enumerate(analysis.sentences):
        for mention in analysis.numbers:
            if not (sentence.start_char <= mention.start < sentence.end_char):
                continue
            if mention.kind == "date" or (mention.kind == "number" and is_year(mention.text)):
                key = mention.value if mention.kind == "date" else f"date:{mention.text}"
                rest = (
                    sentence.text[: mention.start - sentence.start_char]
                    + " "
                    + sentence.text[mention.end - sentence.start_char :]
                )
                rest = re.sub(r"\b(?:en|le|au|à|in|on|the)\s*$", "", rest.strip(" ,.")).strip(" ,.")
                rest = re.sub(r"^(?:en|le|au|in|on)\s+", "", rest.strip(" ,."), flags=re.IGNORECASE)
                events.append((key, mention.text, short(clean(rest)).split()[:4], index, mention))
                break
    previous = None
    for _key, date, words, index, mention in sorted(events, key=lambda e: e[0]):
        separator = " : " if analysis.lang == "fr" else ": "
        node = builder.add_node(f"{date}{separator}{' '.join(words)}", "event", index, mention.start, mention.end)
        if previous is not None:
            builder.add_edge(previous, node, kind="before")
        previous = node
