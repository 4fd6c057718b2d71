"""Offline extraction: detect the kind of diagram a text calls for, then build the graph with a strategy
per kind. Labels are the text's own words, shortened; nothing is invented."""
from __future__ import annotations

import re
from functools import cache

from ..language.analysis import Analysis
from .labels import clause_label, noun_label, short, tidy
from .model import KINDS, Graph, GraphBuilder

_LEADING = re.compile(r"^(?:(?:les|le|la|des|du|de la|une|un|the|an|a|et|and|ou|or)\s+|(?:de l|l|d)['’]\s*)+",
                      re.IGNORECASE)
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\bet\b|\bou\b|\band\b|\bor\b)\s*", re.IGNORECASE)
_MARKDOWN_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


@cache
def markers(lang: str) -> dict:
    import tomllib
    from importlib import resources

    raw = resources.files("atypie.language").joinpath("lang", lang, "diagram.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def detect_kind(analysis: Analysis) -> str:
    text = analysis.text.lower()
    table = markers(analysis.lang)
    if any(_MARKDOWN_ITEM.match(line) or _HEADING.match(line) for line in analysis.text.splitlines()):
        return "hierarchy" if not _count(text, table["process"]["markers"]) else "process"
    dates = {n.value for n in analysis.numbers if n.kind == "date" or (n.kind == "number" and _is_year(n.text))}
    scores = {kind: _count(text, table[kind]["markers"]) for kind in ("process", "hierarchy", "cause_effect",
                                                                    "comparison")}
    scores["comparison"] *= 2  # one contrast marker is a strong sign
    scores["timeline"] = len(dates) * 1.5 if len(dates) >= table["timeline"]["min_dates"] else 0
    best = max(scores, key=scores.get)
    return best if scores[best] >= 2 else "concept_map"


def _count(text: str, words: list[str]) -> int:
    return sum(len(re.findall(rf"(?<![\w']){re.escape(word)}(?![\w'])", text)) for word in words)


def _is_year(raw: str) -> bool:
    return bool(re.fullmatch(r"1\d{3}|20\d{2}", raw))


def extract(analysis: Analysis, kind: str | None = None) -> Graph:
    kind = kind or detect_kind(analysis)
    if kind not in KINDS:
        raise ValueError(kind)
    builder = GraphBuilder(kind, analysis.lang, title=_title(analysis))
    if _markdown(analysis, builder):
        return builder.build()
    {"process": _process, "hierarchy": _hierarchy, "cause_effect": _cause_effect, "timeline": _timeline,
     "comparison": _comparison, "concept_map": _concept_map}[kind](analysis, builder)
    if not builder.nodes:  # nothing matched the kind's patterns: fall back on relations between notions
        _concept_map(analysis, builder)
    return builder.build()


def _title(analysis: Analysis) -> str:
    first = analysis.text.strip().splitlines()[0] if analysis.text.strip() else ""
    heading = _HEADING.match(first)
    return tidy(heading.group(2)) if heading else ""


def _clean(text: str) -> str:
    return tidy(_LEADING.sub("", text.strip()))


def _span_label(analysis: Analysis, start: int, end: int, fallback: str) -> str:
    """The main noun phrase of a stretch of text (the noun nearest the root of the parse), else its words."""
    if analysis.tagged:
        span = analysis.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
            if nouns:
                def depth(token) -> int:
                    steps = 0
                    while token.head.i != token.i and steps < 50:
                        token, steps = token.head, steps + 1
                    return steps
                return noun_label(min(nouns, key=lambda t: (depth(t), t.i)))
    return _clean(short(fallback))


def _subject_noun(analysis: Analysis, start: int, end: int):
    """The noun subject of a clause, when it is a noun and not "on", "il"…"""
    span = analysis.doc.char_span(start, end, alignment_mode="expand") if analysis.tagged else None
    if span is None:
        return None
    return next((t for t in span if t.dep_.startswith("nsubj") and t.pos_ in ("NOUN", "PROPN")), None)


# --- Markdown: headings and lists map directly to a hierarchy ----------------------------------------

def _markdown(analysis: Analysis, builder: GraphBuilder) -> bool:
    lines = analysis.text.splitlines()
    if not any(_MARKDOWN_ITEM.match(line) or _HEADING.match(line) for line in lines):
        return False
    stack: list[tuple[int, str]] = []  # (level, node id)
    offset = 0
    for line in lines:
        heading, item = _HEADING.match(line), _MARKDOWN_ITEM.match(line)
        if heading:
            level, label = len(heading.group(1)), heading.group(2)
        elif item:
            level, label = 10 + len(item.group(1).expandtabs(4)) // 2, item.group(2)
        else:
            offset += len(line) + 1
            continue
        node = builder.add_node(short(label), "root" if not stack else "category" if heading else "item",
                                start=offset, end=offset + len(line))
        while stack and stack[-1][0] >= level:
            stack.pop()
        if stack:
            builder.add_edge(stack[-1][1], node, kind="part_of" if builder.kind == "hierarchy" else "next")
        stack.append((level, node))
        offset += len(line) + 1
    if builder.kind == "process":
        steps = [n.id for n in builder.nodes]
        builder.edges.clear()
        for a, b in zip(steps, steps[1:], strict=False):
            builder.add_edge(a, b, kind="next")
    return bool(builder.nodes)


# --- process: sequence markers and numbered steps ----------------------------------------------------

def _process(analysis: Analysis, builder: GraphBuilder) -> None:
    words = sorted(markers(analysis.lang)["process"]["markers"], key=len, reverse=True)
    cut = re.compile(r"(?:^|[,;:]\s*)(?:" + "|".join(re.escape(w) for w in words) + r")\b[,]?\s*", re.IGNORECASE)
    skip = frozenset(w for w in words if " " not in w) | {"d'abord", "ensuite", "puis", "enfin", "alors"}
    previous = None
    for index, sentence in enumerate(analysis.sentences):
        text = sentence.text
        found = list(cut.finditer(text))
        bounds = [m.end() for m in found]
        starts = sorted(set(bounds)) if found and found[0].start() == 0 else sorted({0, *bounds})
        for start in starts:
            end = next((m.start() for m in cut.finditer(text) if m.start() > start), len(text))
            piece = text[start:end].strip(" ,;.")
            if len(piece.split()) < 2:
                continue
            span = sentence.char_span(start, end, alignment_mode="expand")
            subject = _subject_noun(analysis, sentence.start_char + start, sentence.start_char + end)
            if subject is not None:
                label = noun_label(subject)  # "La récolte a lieu à la main" → "Récolte"
            elif analysis.tagged and span is not None:
                label = clause_label(span, skip)
            else:
                label = _clean(short(piece))
            node = builder.add_node(label, "step", index, sentence.start_char + start, sentence.start_char + end)
            if previous is not None:
                builder.add_edge(previous, node, kind="next")
            previous = node


# --- hierarchy: classifications and lists after a colon ----------------------------------------------

def _hierarchy(analysis: Analysis, builder: GraphBuilder) -> None:
    verbs = sorted(markers(analysis.lang)["hierarchy"]["markers"], key=len, reverse=True)
    pattern = re.compile(r"(?P<whole>[^.:;]*?)\s*\b(?:" + "|".join(re.escape(v) for v in verbs)
                         + r")\b\s*(?:\w+\s+)?(?:types?\s+de\s+|kinds?\s+of\s+)?(?P<rest>[^.]*)", re.IGNORECASE)
    root = None
    for index, sentence in enumerate(analysis.sentences):
        text = sentence.text
        match = pattern.search(text) if ":" not in text else None
        colon = re.match(r"(?P<whole>[^:]+):\s*(?P<rest>[^.]+)", text)
        found = colon or match
        if not found:
            continue
        whole = found.group("whole")
        inside = re.search(r"\b(?:" + "|".join(re.escape(v) for v in verbs) + r")\b", whole, re.IGNORECASE)
        whole = _clean(whole[:inside.start()] if inside and inside.start() > 0 else whole)
        whole = re.sub(r"^(?:on|we|il|there)\b.*$", "", whole, flags=re.IGNORECASE) or whole
        items = [_clean(part) for part in _LIST_SPLIT.split(found.group("rest")) if part.strip()]
        items = [item for item in items if item and len(item.split()) <= 8]
        if len(items) < 2:
            continue
        parent_label = short(whole) if whole and len(whole.split()) <= 10 else (builder.title or short(text))
        parent = builder.add_node(parent_label, "root" if root is None else "category", index,
                                  sentence.start_char, sentence.start_char + found.start("rest"))
        root = root or parent
        for item in items:
            position = text.find(item.split()[0])
            child = builder.add_node(short(item), "item", index, sentence.start_char + max(position, 0),
                                     sentence.start_char + max(position, 0) + len(item))
            builder.add_edge(parent, child, kind="part_of")


# --- cause and effect ----------------------------------------------------------------------------------

def _cause_effect(analysis: Analysis, builder: GraphBuilder) -> None:
    table = markers(analysis.lang)["cause_effect"]
    verbs = [m for m in table["markers"] if m.split()[0] not in ("donc", "therefore", "so", "because", "parce",
                                                                 "car", "c'est", "par", "as", "consequently")]
    verb_pattern = re.compile(r"(?P<cause>[^.;:]+?)\s+(?:" + "|".join(re.escape(v) for v in verbs)
                              + r")\s+(?P<effect>[^.;]+)", re.IGNORECASE)
    because = re.compile(r"(?P<effect>[^.;]+?),?\s+(?:parce que|parce qu['’]|car|puisque|because|since)\s+"
                         r"(?P<cause>[^.;]+)", re.IGNORECASE)
    so = re.compile(r"(?P<cause>[^.;]+?)[,;]?\s+(?:donc|par conséquent|c'est pourquoi|therefore|so|as a result)"
                    r",?\s+(?P<effect>[^.;]+)", re.IGNORECASE)
    previous_effect = None
    for index, sentence in enumerate(analysis.sentences):
        text = sentence.text.rstrip(".")
        match = verb_pattern.search(text) or because.search(text) or so.search(text)
        if match is None:
            if previous_effect is not None and re.match(r"(?:donc|ainsi|therefore|so|as a result)\b", text,
                                                        re.IGNORECASE):
                effect = builder.add_node(_clean(short(re.sub(r"^\W*\w+\W+", "", text))), "effect", index,
                                          sentence.start_char, sentence.end_char)
                builder.add_edge(previous_effect, effect, kind="causes")
                previous_effect = effect
            continue
        offset = sentence.start_char
        cause = builder.add_node(_span_label(analysis, offset + match.start("cause"), offset + match.end("cause"),
                                             match.group("cause")), "cause", index,
                                 offset + match.start("cause"), offset + match.end("cause"))
        effect = builder.add_node(_span_label(analysis, offset + match.start("effect"), offset + match.end("effect"),
                                              match.group("effect")), "effect", index,
                                  offset + match.start("effect"), offset + match.end("effect"))
        builder.add_edge(cause, effect, kind="causes")
        previous_effect = effect


# --- timeline: dates with their events -------------------------------------------------------------------

def _timeline(analysis: Analysis, builder: GraphBuilder) -> None:
    events = []
    for index, sentence in enumerate(analysis.sentences):
        for mention in analysis.numbers:
            if not (sentence.start_char <= mention.start < sentence.end_char):
                continue
            if mention.kind == "date" or (mention.kind == "number" and _is_year(mention.text)):
                key = mention.value if mention.kind == "date" else f"date:{mention.text}"
                rest = (sentence.text[:mention.start - sentence.start_char] + " "
                        + sentence.text[mention.end - sentence.start_char:])
                rest = re.sub(r"\b(?:en|le|au|à|in|on|the)\s*$", "", rest.strip(" ,.")).strip(" ,.")
                rest = re.sub(r"^(?:en|le|au|in|on)\s+", "", rest.strip(" ,."), flags=re.IGNORECASE)
                events.append((key, mention.text, short(_clean(rest)).split()[:4], index, mention))
                break
    previous = None
    for _key, date, words, index, mention in sorted(events, key=lambda e: e[0]):
        separator = " : " if analysis.lang == "fr" else ": "
        node = builder.add_node(f"{date}{separator}{' '.join(words)}", "event", index, mention.start, mention.end)
        if previous is not None:
            builder.add_edge(previous, node, kind="before")
        previous = node


# --- comparison --------------------------------------------------------------------------------------------

def _comparison(analysis: Analysis, builder: GraphBuilder) -> None:
    pattern = re.compile(r"(?P<a>[^.;]+?),?\s+(?:alors que|alors qu['’]|tandis que|tandis qu['’]|whereas|while)\s+"
                         r"(?P<b>[^.;]+)", re.IGNORECASE)
    unlike = re.compile(r"(?:contrairement (?:à|aux|au)|à la différence (?:de|des|du)|unlike)\s+(?P<a>[^,]+),\s*"
                        r"(?P<b>[^.;]+)", re.IGNORECASE)
    for index, sentence in enumerate(analysis.sentences):
        text = sentence.text.rstrip(".")
        match = pattern.search(text) or unlike.search(text)
        if match is None:
            continue
        sides = []
        for group in ("a", "b"):
            clause = match.group(group).strip()
            subject, _, rest = clause.partition(" ") if analysis.lang == "en" else _split_subject(clause)
            noun = _subject_noun(analysis, sentence.start_char + match.start(group), sentence.start_char
                                 + match.end(group))
            if noun is not None:
                subject = noun_label(noun)
                rest = clause[clause.lower().find(noun.text.lower()) + len(noun.text):]
            side = builder.add_node(_clean(short(subject)), "side", index, sentence.start_char + match.start(group),
                                    sentence.start_char + match.end(group))
            if rest.strip():
                prop = builder.add_node(_clean(short(rest)), "item", index, sentence.start_char + match.start(group),
                                        sentence.start_char + match.end(group))
                builder.add_edge(side, prop, kind="relation")
            sides.append(side)
        if not any({e.source, e.target} == {sides[0], sides[1]} for e in builder.edges):
            builder.add_edge(sides[0], sides[1], kind="contrast")


def _split_subject(clause: str) -> tuple[str, str, str]:
    """"les plantes produisent de l'oxygène" → ("les plantes", " ", "produisent de l'oxygène")."""
    words = clause.split()
    for n, word in enumerate(words[1:], 1):
        if re.search(r"(?:ent|ont|est|sont|ait|aient|a)$", word.lower()) and n <= 5:
            return " ".join(words[:n]), " ", " ".join(words[n:])
    return " ".join(words[:2]), " ", " ".join(words[2:])


# --- concept map: definitions and relations between noun phrases ------------------------------------------

def _concept_map(analysis: Analysis, builder: GraphBuilder) -> None:
    if analysis.tagged:
        for index, sentence in enumerate(analysis.sentences):
            for token in sentence:
                subjects = [c for c in token.children if c.dep_.startswith("nsubj") and c.pos_ in ("NOUN", "PROPN")]
                if not subjects:
                    continue
                objects = [c for c in token.children if c.dep_ in ("obj", "obl:arg", "obl:mod", "attr", "xcomp")
                           and c.pos_ in ("NOUN", "PROPN")]
                if token.pos_ in ("NOUN", "PROPN", "ADJ") and any(c.dep_ == "cop" for c in token.children):
                    objects, verb = [token], "est"
                else:
                    verb = token.lemma_ if token.pos_ in ("VERB", "AUX") else ""
                if not objects or not verb:
                    continue
                source = builder.add_node(noun_label(subjects[0]), "concept", index, subjects[0].idx,
                                          subjects[0].idx + len(subjects[0].text))
                targets = [objects[0]] + [c for c in objects[0].children if c.dep_ == "conj" and c.pos_ in (
                    "NOUN", "PROPN")]
                for obj in targets:
                    target = builder.add_node(noun_label(obj), "concept", index, obj.idx, obj.idx + len(obj.text))
                    builder.add_edge(source, target, verb, "relation")
        return
    relation = re.compile(r"(?P<a>[A-Z][^.,;]*?)\s+(?P<verb>is an?|are|produces?|contains?|uses?|needs?|makes?|"
                          r"includes?)\s+(?P<b>[^.,;]+)")
    for index, sentence in enumerate(analysis.sentences):
        for match in relation.finditer(sentence.text):
            source = builder.add_node(_clean(short(match.group("a"))), "concept", index,
                                      sentence.start_char + match.start("a"), sentence.start_char + match.end("a"))
            target = builder.add_node(_clean(short(match.group("b"))), "concept", index,
                                      sentence.start_char + match.start("b"), sentence.start_char + match.end("b"))
            builder.add_edge(source, target, match.group("verb"), "relation")
