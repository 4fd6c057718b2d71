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
    if scores[best] >= 2 or (scores[best] >= 1 and best == "hierarchy"):
        return best
    return "concept_map"


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
            nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN") and t.text.lower() not in _VAGUE]
            if nouns:
                def depth(token) -> int:
                    steps = 0
                    while token.head.i != token.i and steps < 50:
                        token, steps = token.head, steps + 1
                    return steps
                return noun_label(min(nouns, key=lambda t: (depth(t), t.i)))
    return _clean(short(fallback))


_NAMING = {"c'", "c’", "vient", "viennent", "arrive", "commence"}
_DURING = {"pendant", "lors", "cours", "durant", "moment"}


def _step_name(span):
    """The noun that names a step: "c'est l'évaporation", "vient l'anaphase", "pendant la prophase", or the
    noun phrase the step starts with ("la récolte des raisins a lieu …")."""
    tokens = [t for t in span if not t.is_space]
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
    for token in nouns:
        before = [t.text.lower() for t in tokens if token.i - 3 <= t.i < token.i]
        if any(word in _NAMING for word in before) and ("est" in before or "c'" not in before):
            return token
    for token in nouns:
        before = [t.text.lower() for t in tokens if token.i - 3 <= t.i < token.i]
        if any(word in _DURING for word in before):
            return token
    commas = [k for k, t in enumerate(tokens[:6]) if t.text == ","]
    opening = tokens[commas[0] + 1:] if commas else tokens  # "Après quelques semaines, le pressurage …"
    start = [t for t in opening if not t.is_punct and t.pos_ not in ("ADV", "CCONJ", "SCONJ")][:2]
    if len(start) == 2 and start[0].pos_ == "DET" and _action_noun(start[1]):
        return start[1]
    return next((t for t in nouns if t.dep_.startswith("nsubj") and _action_noun(t)), None)


_ACTION = re.compile(r"(?:tion|sion|age|ment|ure|ance|ence|aison|ée|ise|isme|ing)s?$")


def _action_noun(token) -> bool:
    """A noun that names an action ("la récolte", "l'éraflage", "la fermentation"), which can name a step;
    "le jus" or "l'eau" cannot."""
    return token.pos_ == "NOUN" and (bool(_ACTION.search(token.text.lower())) or token.lemma_.lower() in _STEP_NOUNS)


_STEP_NOUNS = {"récolte", "vote", "dépôt", "examen", "tri", "lavage", "choix", "étape", "phase", "analyse", "test",
               "contrôle", "vérification", "saisie", "lecture", "écriture", "cuisson", "semis", "recherche"}


_VAGUE = {"hausse", "baisse", "augmentation", "diminution", "part", "partie", "cas", "fois", "phénomène",
          "phénomènes", "conséquence", "conséquences", "terme", "cause", "causes", "quantité", "quantités", "nombre",
          "série", "ensemble", "multitude", "niveau", "number", "lack", "decline", "collapse", "explosion", "amount",
          "rise", "fall", "increase", "decrease", "loss", "result", "consequence", "consequences", "large part",
          "growth"}


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
            named = _step_name(span) if analysis.tagged and span is not None else None
            if named is not None:
                label = noun_label(named, 4)  # "pendant la prophase, …", "la récolte a lieu …", "c'est l'évaporation"
            elif analysis.tagged and span is not None:
                label = clause_label(span, skip)
            else:
                label = _clean(short(re.sub(r"^(?:if|when|once)\b[^,]*,\s*", "", piece, flags=re.IGNORECASE)))
            node = builder.add_node(label, "step", index, sentence.start_char + start, sentence.start_char + end)
            if previous is not None:
                builder.add_edge(previous, node, kind="next")
            previous = node


# --- hierarchy: classifications and lists after a colon ----------------------------------------------

_COUNTED = (r"(?:(?:deux|trois|quatre|cinq|six|sept|plusieurs|nombreux|two|three|four|five|six|several|many|\d+)\s+"
            r"(?:grandes?\s+|main\s+|principales?\s+)?(?:\w+\s+(?:de|d['’]|des|of)\s*)?)?")
_NOT_ITEM = re.compile(r"^(?:qui|que|qu['’]|où|lequel|laquelle|lesquels|lesquelles|which|that|who|whose|where)\b",
                       re.IGNORECASE)
_AMONG = re.compile(r"^(?:parmi lesquel(?:le)?s|dont|notamment|principalement|essentiellement|surtout|including|"
                    r"among them|mainly|mostly)\s+", re.IGNORECASE)
_EXAMPLE = re.compile(r"^(?:comme|tels? que|telles? que|notamment|par exemple|such as|like|including|e\.g\.)\s+",
                      re.IGNORECASE)
_INTRO = re.compile(r"^(?:on distingue|il existe|il y a|there (?:are|is)|we distinguish)\s+" + _COUNTED,
                    re.IGNORECASE)


def _items(rest: str) -> list[tuple[str, bool]]:
    """The members of an enumeration, each with whether it is an example of the member before it."""
    found = []
    for part in _LIST_SPLIT.split(rest):
        part = _AMONG.sub("", part.strip())
        if not part or _NOT_ITEM.match(part):
            continue
        example = bool(_EXAMPLE.match(part))
        part = re.sub(r"^.*\b(?:de|d['’]|of)\s+(?:nombreux|nombreuses|plusieurs|many|several)\s+\w+$", "", part)
        part = _clean(re.sub(r"^(?:en|in|into)\s+", "", _EXAMPLE.sub("", part), flags=re.IGNORECASE))
        if part and len(part.split()) <= 6:
            found.append((part, example))
    return found


def _hierarchy(analysis: Analysis, builder: GraphBuilder) -> None:
    verbs = sorted(markers(analysis.lang)["hierarchy"]["markers"], key=len, reverse=True)
    pattern = re.compile(r"(?P<whole>[^.:;]*?)\s*\b(?:" + "|".join(re.escape(v) for v in verbs)
                         + r")\b\s*" + _COUNTED + r"(?P<rest>[^.]*)", re.IGNORECASE)
    root = None
    for index, sentence in enumerate(analysis.sentences):
        text = sentence.text
        match = pattern.search(text)
        colon = re.match(r"(?P<whole>[^:]+):\s*(?P<rest>[^.]+)", text)
        found = colon or match
        if not found:
            _described_member(analysis, builder, index, sentence)
            continue
        whole = found.group("whole")
        inside = re.search(r"\b(?:" + "|".join(re.escape(v) for v in verbs) + r")\b", whole, re.IGNORECASE)
        whole = whole[:inside.start()] if inside and inside.start() > 0 else whole
        whole = _clean(_INTRO.sub("", whole.strip()))
        whole = re.sub(r"^(?:en \w+|in \w+),\s*", "", whole, flags=re.IGNORECASE)
        items = _items(found.group("rest"))
        offset = sentence.start_char
        if whole and len(whole.split()) <= 8 and not re.match(r"^(?:on|we|il|there)\b", whole, re.IGNORECASE):
            parent = builder.add_node(short(whole), "root" if root is None else "category", index, offset,
                                      offset + found.start("rest"))
        elif root is not None:
            parent = root
        elif len(items) >= 2:
            parent = builder.add_node(builder.title or short(whole or text), "root", index, offset, offset)
        else:
            continue
        root = root or parent
        last = parent
        for item, example in items:
            position = max(text.find(item.split()[0]), 0)
            child = builder.add_node(short(item), "item", index, offset + position, offset + position + len(item))
            builder.add_edge(last if example and last != parent else parent, child, kind="part_of")
            if not example:
                last = child


_MEMBER = re.compile(r"^(?P<x>.+?)\s+(?:est|sont|is|are|mostly take the form of|take the form of|prend la forme de|"
                     r"prennent la forme de)\s+(?:(?:surtout|principalement|mainly|mostly|typically|often|souvent)\s+)?"
                     r"(?P<y>[^,.;]+)", re.IGNORECASE)


def _described_member(analysis: Analysis, builder: GraphBuilder, index: int, sentence) -> None:
    """"High clouds are mainly cirrus": a member already in the tree gets a child."""
    match = _MEMBER.match(sentence.text)
    if match is None:
        return
    subject = _clean(match.group("x")).lower()
    parent = next((n.id for n in builder.nodes if n.label.lower() == subject), None)
    item = _clean(re.sub(r"^(?:(?:surtout|principalement|mainly|mostly|typically|often)\s+)", "", match.group("y")))
    if parent is not None and item and len(item.split()) <= 5:
        child = builder.add_node(short(item), "item", index, sentence.start_char + match.start("y"),
                                 sentence.start_char + match.end("y"))
        builder.add_edge(parent, child, kind="part_of")


# --- cause and effect ----------------------------------------------------------------------------------

def _cause_effect(analysis: Analysis, builder: GraphBuilder) -> None:
    """Causal texts state their chain in reading order ("A libère B, ce qui renforce C"; "B parce que A" is the
    exception): the notions of each sentence are linked in that order, reversed after "parce que", "car"."""
    reverse = re.compile(r"\b(?:parce que|parce qu['’]|car|because|since|due to|à cause de|en raison de)\b",
                         re.IGNORECASE)
    for index, sentence in enumerate(analysis.sentences):
        if analysis.tagged:
            found = []
            for token in _concepts(sentence):
                if token.text.lower() in _VAGUE:  # "la baisse des rendements" is about "rendements"
                    token = next((c for c in token.children if c.dep_ == "nmod" and c.pos_ == "NOUN"), None)
                if token is not None:
                    found.append((noun_label(token, 4), token.idx, token.idx + len(token.text)))
        else:
            found = [(label, sentence.start_char + a, sentence.start_char + b)
                     for label, a, b in _english_chunks(sentence.text)]
        if len(found) < 2:
            continue
        found = [f for f in found if f[0].lower() not in _VAGUE]
        marker = reverse.search(sentence.text)
        if marker is not None:  # "B parce que A": what follows the marker comes first
            cut = sentence.start_char + marker.start()
            found = [f for f in found if f[1] >= cut] + [f for f in found if f[1] < cut]
        ids = []
        for n, (label, start, end) in enumerate(found):
            known = _same_notion(builder, label)
            node = known or builder.add_node(label, "cause" if n == 0 else "effect", index, start, end)
            if not ids or ids[-1] != node:
                ids.append(node)
        for a, b in zip(ids, ids[1:], strict=False):
            builder.add_edge(a, b, kind="causes")


def _same_notion(builder: GraphBuilder, label: str) -> str | None:
    """"Réchauffement" after "réchauffement climatique" names the same notion: the longer label is kept."""
    lowered = label.lower()
    for node in builder.nodes:
        other = node.label.lower()
        if other == lowered or other.startswith(lowered + " ") or lowered.startswith(other + " "):
            return node.id
    return None


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
    """Two compared things, each with its own properties (the other notions of its clause)."""
    pattern = re.compile(r"(?P<a>[^.;]+?),?\s+(?:alors que|alors qu['’]|tandis que|tandis qu['’]|whereas|while)\s+"
                         r"(?P<b>[^.;]+)", re.IGNORECASE)
    unlike = re.compile(r"(?:contrairement (?:à|aux|au)|à la différence (?:de|des|du)|unlike)\s+(?P<a>[^,]+),\s*"
                        r"(?P<b>[^.;]+)", re.IGNORECASE)
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
        tokens = [t for t in span if t.pos_ in ("NOUN", "PROPN") and t.dep_ in _CONCEPT_DEPS
                  and not (t.dep_ == "nmod" and t.head.pos_ in ("NOUN", "PROPN") and t.head.i >= span.start)]
        tokens.sort(key=lambda t: (not t.dep_.startswith("nsubj"), t.i))
        return [(noun_label(t, 4), t.idx, t.idx + len(t.text)) for t in tokens]
    return [(label, start + a, start + b) for label, a, b in _english_chunks(text)]


def _properties_of_known_side(analysis: Analysis, builder: GraphBuilder, index: int, sentence,
                              sides: list[str]) -> None:
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


def _split_subject(clause: str) -> tuple[str, str, str]:
    """"les plantes produisent de l'oxygène" → ("les plantes", " ", "produisent de l'oxygène")."""
    words = clause.split()
    for n, word in enumerate(words[1:], 1):
        if re.search(r"(?:ent|ont|est|sont|ait|aient|a)$", word.lower()) and n <= 5:
            return " ".join(words[:n]), " ", " ".join(words[n:])
    return " ".join(words[:2]), " ", " ".join(words[2:])


# --- concept map: definitions and relations between noun phrases ------------------------------------------

_CONCEPT_DEPS = ("nsubj", "nsubj:pass", "obj", "obl", "obl:arg", "obl:mod", "appos", "conj", "attr", "xcomp", "ROOT",
                 "nmod")


def _concepts(sentence) -> list:
    """The notions of a sentence: nouns heading its subjects, objects and complements, in text order, without
    nouns that only complete another one ("de la cellule" stays inside "énergie de la cellule")."""
    found = []
    for token in sentence:
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in _CONCEPT_DEPS or len(token.text) < 2:
            continue
        if token.dep_ == "nmod" and token.head.pos_ in ("NOUN", "PROPN") and token.head.dep_ != "ROOT":
            continue
        found.append(token)
    return found


def _concept_map(analysis: Analysis, builder: GraphBuilder) -> None:
    if analysis.tagged:
        for index, sentence in enumerate(analysis.sentences):
            concepts = _concepts(sentence)
            if len(concepts) < 2:
                continue
            subject = next((c for c in concepts if c.dep_.startswith("nsubj")), concepts[0])
            source = builder.add_node(noun_label(subject, 4), "concept", index, subject.idx,
                                      subject.idx + len(subject.text))
            verb = subject.head if subject.head.pos_ in ("VERB", "AUX", "NOUN", "ADJ") else None
            for other in concepts:
                if other.i == subject.i:
                    continue
                target = builder.add_node(noun_label(other, 4), "concept", index, other.idx,
                                          other.idx + len(other.text))
                label = "est" if other.i == (verb.i if verb is not None else -1) else (
                    verb.lemma_ if verb is not None and verb.pos_ in ("VERB", "AUX") else "")
                builder.add_edge(source, target, label, "relation")
        return
    for index, sentence in enumerate(analysis.sentences):
        chunks = _english_chunks(sentence.text)
        if len(chunks) < 2:
            continue
        first = builder.add_node(chunks[0][0], "concept", index, sentence.start_char + chunks[0][1],
                                 sentence.start_char + chunks[0][2])
        for label, start, end in chunks[1:]:
            other = builder.add_node(label, "concept", index, sentence.start_char + start, sentence.start_char + end)
            builder.add_edge(first, other, "", "relation")


_EN_VERBS = ["have", "has", "make", "use", "contain", "need", "eat", "take", "give", "become", "include", "form",
             "break", "release", "absorb", "read", "execute", "translate", "store", "carry", "reduce", "raise",
             "lower", "create", "help", "keep", "move", "change"]


def _english_chunks(text: str) -> list[tuple[str, int, int]]:
    """Noun-like chunks of an English sentence: runs of content words between function words and
    punctuation, without the verb that often starts them ("translates source code" → "source code")."""
    from ..language.data import words

    verbs = {form for verb in markers("en")["cause_effect"]["cause_verbs"] + _EN_VERBS
             for form in (verb, verb + "s", verb + "es", verb + "ed", verb + "d", verb + "ing")}
    function = words("en", "function_words.txt") | verbs | {"is", "are", "was", "were", "be", "been", "a", "an",
                                                            "the", "of", "to", "in", "on", "by", "with", "and", "or",
                                                            "as", "it", "its", "leads", "led"}
    chunks, current = [], []
    for match in re.finditer(r"[A-Za-z][\w'-]*|[.,;:()]", text):
        word = match.group()
        if word.lower() in function or not word[0].isalnum() or (word.endswith("ly") and word[0].islower()):
            if current:
                chunks.append(current)
            current = []
        else:
            current.append(match)
    if current:
        chunks.append(current)
    out = []
    for chunk in chunks:
        if len(chunk) > 1 and re.search(r"(?:s|es|ed|ing)$", chunk[0].group()) and chunk[0].group()[0].islower():
            chunk = chunk[1:]  # "translates source code" → "source code"
        chunk = chunk[-4:]
        label = tidy(" ".join(m.group() for m in chunk))
        if label and not re.fullmatch(r"(?:s|es|ed|ing|ly)$", label.lower()[-3:]) or len(chunk) > 1:
            out.append((label, chunk[0].start(), chunk[-1].end()))
    return out
