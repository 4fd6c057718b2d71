"""Node labels made of the text's own words, shortened to at most six words."""
from __future__ import annotations

import re

from .model import MAX_LABEL_WORDS

_DROP_POS = {"DET", "PUNCT", "SPACE", "CCONJ", "SCONJ"}


_NOUN_PARTS = {"amod", "nmod", "flat", "flat:name", "flat:foreign", "compound", "nummod", "fixed", "case"}


def noun_label(token) -> str:
    """A noun with its adjectives and complements ("respiration cellulaire", "énergie de la cellule")."""
    words, pending = [token], [token]
    while pending:
        current = pending.pop()
        for child in current.children:
            if child.dep_ in _NOUN_PARTS and child.pos_ not in _DROP_POS and (
                    child.dep_ != "case" or current.i != token.i):
                words.append(child)
                pending.append(child)
    words.sort(key=lambda t: t.i)
    return tidy(" ".join(t.text for t in words[:MAX_LABEL_WORDS])) or token.text


def clause_label(tokens, skip: frozenset[str] = frozenset()) -> str:
    """A step or event: its main verb in the infinitive with what it acts on ("récolter les raisins")."""
    words = [t for t in tokens if not t.is_space]
    verbs = [t for t in words if t.pos_ == "VERB"]
    if verbs:
        roots = [t for t in verbs if t.dep_ == "ROOT"]
        verb = roots[0] if roots else verbs[0]
        rest = []
        for token in words:
            if token.i <= verb.i or token.text.lower() in skip or token.pos_ in ("SCONJ", "CCONJ"):
                continue
            if token.is_punct:
                break
            rest.append(token.text)
            if len(rest) >= MAX_LABEL_WORDS - 1:
                break
        return tidy(" ".join([verb.lemma_ or verb.text] + rest))
    return short(" ".join(t.text for t in words if not t.is_punct))


def short(text: str) -> str:
    words = re.findall(r"\S+", text)
    return tidy(" ".join(words[:MAX_LABEL_WORDS]))


def tidy(text: str) -> str:
    text = re.sub(r"\s+([,.;:)])", r"\1", text).strip(" ,;:.-")
    text = re.sub(r"\s*['’]\s*", "'", text)
    return text[:1].upper() + text[1:] if text else text
