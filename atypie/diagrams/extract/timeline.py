"""Timelines: dated events in date order."""

from __future__ import annotations

import re

from ...language.analysis import Analysis
from ...language.numbers import roman_value
from ..labels import short, tidy
from ..model import MAX_LABEL_WORDS, GraphBuilder
from .common import CENTURY, DECADE, ORDINAL, clean, decade_year, english_chunks, is_year
from .terms import terms_and_links

DETAILS_PER_EVENT = 2  # the other terms of an event's sentence, drawn next to it


def timeline(analysis: Analysis, builder: GraphBuilder) -> None:
    """Dated events in date order. With tags, each event is named by the main term of its sentence (« 1957 :
    traité de Rome »), and the sentence's other terms hang from it as details; else by its first words."""
    named, links = _terms_by_sentence(analysis) if analysis.tagged else ({}, [])
    drawn: dict[str, str] = {}  # term key → its node: the event it names, or a detail
    events = []
    for index, sentence in enumerate(analysis.sentences):
        dated = [(m.value if m.kind == "date" else f"date:{m.text}", m.text, m.start, m.end) for m in analysis.numbers
                 if sentence.start_char <= m.start < sentence.end_char
                 and (m.kind == "date" or (m.kind == "number" and is_year(m.text)))]
        dated += [(f"{100 * (roman_value(m.group(1).upper()) - 1):04d}", m.group(0), sentence.start_char + m.start(),
                   sentence.start_char + m.end()) for m in CENTURY.finditer(sentence.text)]  # « au xe siècle »
        dated += [(decade_year(m), m.group(0), sentence.start_char + m.start(), sentence.start_char + m.end())
                  for m in DECADE.finditer(sentence.text)]  # « à la fin des années 50 »
        for key, date, start, end in dated[:1]:
            rest = sentence.text[: start - sentence.start_char] + " " + sentence.text[end - sentence.start_char:]
            rest = re.sub(r"\b(?:en|le|au|à|in|on|the)\s*$", "", rest.strip(" ,.")).strip(" ,.")
            rest = re.sub(r"^(?:en|le|au|in|on)\s+", "", rest.strip(" ,."), flags=re.IGNORECASE)
            events.append((key, date, short(clean(rest)).split()[:4], index, start, end))
    previous = None
    separator = " : " if analysis.lang == "fr" else ": "
    event_nodes: dict[int, str] = {}  # sentence index → its event's node
    for _key, date, words, index, start, end in sorted(events, key=lambda e: e[0]):
        terms = [t for t in named.get(index, []) if date not in t.label and not CENTURY.search(t.label)
                 and not ORDINAL.fullmatch(t.label)  # « xiie siècle » is the date, not the event
                 and not any(s == index and a < end and start < b for s, a, b in t.mentions)]  # « fin des années »
        unnamed = analysis.tagged or not (name := _name_in(analysis.sentences[index].text))
        event = terms[0].label if terms else tidy(" ".join(words)) if unnamed else name
        dated_name = re.search(rf"{re.escape(event)} (?:of|de|du) {re.escape(date)}\b",
                               analysis.sentences[index].text, re.IGNORECASE)
        label = f"{date[:1].upper()}{date[1:]}{separator}{event}"
        if dated_name and len(dated_name.group(0).split()) <= MAX_LABEL_WORDS:
            label = dated_name.group(0)[:1].upper() + dated_name.group(0)[1:]
        node = builder.add_node(label, "event", index, start, end)  # « Civil Rights Act of 1964 » holds its date
        event_nodes[index] = node
        if terms:
            drawn.setdefault(terms[0].key, node)
        _details(builder, node, terms[1:1 + DETAILS_PER_EVENT], drawn)
        if previous is not None:
            builder.add_edge(previous, node, kind="before")
        previous = node
    for index, terms in sorted(named.items()):  # a sentence with no date tells more of the event before it
        if index not in event_nodes and event_nodes:
            event = event_nodes[max((i for i in event_nodes if i < index), default=min(event_nodes))]
            _details(builder, event, [t for t in terms if not CENTURY.search(t.label)][:DETAILS_PER_EVENT], drawn)
    for link in links:  # « Python — a été créé par → Guido van Rossum »: what the text says of the drawn terms
        if link.source in drawn and link.target in drawn:
            builder.add_edge(drawn[link.source], drawn[link.target], link.label, "relation", link.sentence)


def _details(builder: GraphBuilder, event: str, terms: list, drawn: dict[str, str]) -> None:
    for term in terms:
        sentence, start, end = term.mentions[0]
        drawn[term.key] = builder.add_node(term.label, "detail", sentence, start, end)
        builder.add_edge(event, drawn[term.key], kind="relation")


def _name_in(text: str) -> str:
    """Without tags: the first chunk that the text writes with a capital inside the sentence (« For example, the
    Equal Pay Act of 1963 … » → « Equal Pay Act »), a name rather than the sentence's first words; "" if none."""
    return next((label for label, start, _ in english_chunks(text) if start > 0 and text[start].isupper()), "")


def _terms_by_sentence(analysis: Analysis) -> tuple[dict[int, list], list]:
    """{sentence index: its terms, the most important first}, and the named links between terms."""
    terms, links = terms_and_links(analysis)
    found: dict[int, list] = {}
    for term in sorted(terms.values(), key=lambda t: -t.score):
        for sentence in dict.fromkeys(index for index, _, _ in term.mentions):
            found.setdefault(sentence, []).append(term)
    return found, links
