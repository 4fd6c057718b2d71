"""Processes: sequence markers ("d'abord … ensuite … enfin") and numbered steps, each step named."""

from __future__ import annotations

import re

from ...language.analysis import Analysis
from ..labels import clause_label, noun_label, short
from ..model import GraphBuilder
from .common import clean, listed_actions, markers

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
    opening = tokens[commas[0] + 1 :] if commas else tokens  # "Après quelques semaines, le pressurage …"
    start = [t for t in opening if not t.is_punct and t.pos_ not in ("ADV", "CCONJ", "SCONJ")][:2]
    if len(start) == 2 and start[0].pos_ == "DET" and _action_noun(start[1]):
        return start[1]
    return next((t for t in nouns if t.dep_.startswith("nsubj") and _action_noun(t)), None)


_ACTION = re.compile(r"(?:tion|sion|age|ment|ure|ance|ence|aison|ée|ise|isme|ing)s?$")


def _action_noun(token) -> bool:
    """A noun that names an action ("la récolte", "l'éraflage", "la fermentation"), which can name a step;
    "le jus" or "l'eau" cannot."""
    return token.pos_ == "NOUN" and (bool(_ACTION.search(token.text.lower())) or token.lemma_.lower() in _STEP_NOUNS)


_STEP_NOUNS = {
    "récolte",
    "vote",
    "dépôt",
    "examen",
    "tri",
    "lavage",
    "choix",
    "étape",
    "phase",
    "analyse",
    "test",
    "contrôle",
    "vérification",
    "saisie",
    "lecture",
    "écriture",
    "cuisson",
    "semis",
    "recherche",
}


def process(analysis: Analysis, builder: GraphBuilder) -> None:
    words = sorted(markers(analysis.lang)["process"]["markers"], key=len, reverse=True)
    cut = re.compile(r"(?:^|[,;:]\s*)(?:" + "|".join(re.escape(w) for w in words) + r")\b[,]?\s*", re.IGNORECASE)
    skip = frozenset(w for w in words if " " not in w) | {"d'abord", "ensuite", "puis", "enfin", "alors"}
    previous = None
    for index, sentence in enumerate(analysis.sentences):
        if actions := listed_actions(sentence, analysis.tagged):  # « les étapes : définir …, construire …, … »
            for action in actions:
                label = clause_label(action, skip) if analysis.tagged else clean(short(action.text))
                node = builder.add_node(label, "step", index, action.start_char, action.end_char)
                if previous is not None:
                    builder.add_edge(previous, node, kind="next")
                previous = node
            continue
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
                label = clean(short(re.sub(r"^(?:if|when|once)\b[^,]*,\s*", "", piece, flags=re.IGNORECASE)))
            steps = [(label, sentence.start_char + start, sentence.start_char + end)]
            if named is None and analysis.tagged and span is not None:
                steps += _coordinated_steps(span, skip)
            for step, step_start, step_end in steps:
                node = builder.add_node(step, "step", index, step_start, step_end)
                if previous is not None:
                    builder.add_edge(previous, node, kind="next")
                previous = node


def _coordinated_steps(span, skip: frozenset[str]) -> list[tuple[str, int, int]]:
    """The actions joined to the piece's first verb (« ils fusionnent, et forment une cellule », « se diviser,
    grandir, pour redonner un animal »): each is a step of its own, in the text's order."""
    verbs = [t for t in span if t.pos_ == "VERB"]
    if not verbs:
        return []
    first = next((t for t in verbs if t.dep_ == "ROOT"), verbs[0])
    chain, steps = {first.i}, []
    for verb in verbs:
        if verb.i <= first.i or verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i not in chain:
            continue
        chain.add(verb.i)
        if verb.dep_ == "xcomp" and verb.head.i == first.i and not any(t.is_punct for t in span.doc[first.i:verb.i]):
            continue  # « va se diviser »: the verb the first one governs is that same step
        end = max(t.i for t in verb.subtree if t.i < span.end) + 1
        steps.append((clause_label(span.doc[verb.i:end], skip), span.doc[verb.i].idx, span.doc[end - 1].idx
                      + len(span.doc[end - 1].text)))
    return steps
