"""Node labels made of the text's own words, shortened to at most six words."""
from __future__ import annotations

import re

from .model import MAX_LABEL_WORDS

_FUNCTION_WORDS = {"le", "la", "les", "un", "une", "des", "du", "de", "à", "au", "aux", "et", "ou", "mais", "donc",
                   "car", "ni", "que", "qui", "quoi", "dont", "où", "ce", "cet", "cette", "ces", "son", "sa", "ses",
                   "leur", "leurs", "se", "ne", "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "vers",
                   "entre", "chez", "tout", "tel", "tels", "telle", "telles", "the", "a", "an", "of", "to", "in", "on",
                   "at", "by", "for", "with",
                   "from", "and", "or", "but", "that", "which", "who", "as", "its", "their", "his", "her"}
_DROP_POS = {"DET", "PUNCT", "SPACE", "CCONJ", "SCONJ"}
_NOUN_WORDS = {"NOUN", "PROPN", "ADJ", "NUM", "ADP"}


_NOUN_PARTS = {"amod", "nmod", "flat", "flat:name", "flat:foreign", "compound", "nummod", "fixed", "case", "advmod"}


def noun_label(token, max_words: int = MAX_LABEL_WORDS) -> str:
    """A noun with its adjectives and complements ("respiration cellulaire", "énergie de la cellule"): the
    contiguous run of them that contains the noun."""
    words, pending = {token.i: token}, [token]
    while pending:
        current = pending.pop()
        for child in current.children:
            if child.dep_ in _NOUN_PARTS and (child.pos_ in _NOUN_WORDS or (
                    child.pos_ == "ADV" and current.pos_ == "ADJ")) and (child.dep_ != "case" or current.i != token.i):
                words[child.i] = child
                pending.append(child)
    start = end = token.i
    while start - 1 in words:
        start -= 1
    while end + 1 in words or (end + 2 in words and token.doc[end + 1].pos_ == "DET"):
        end += 1
    run = [t for t in token.doc[start:end + 1] if not t.is_punct]
    while run and run[0].pos_ in _DROP_POS | {"ADP"}:
        run = run[1:]  # leading articles and prepositions go; "d'une loi" inside the label stays
    run = run[:min(max_words, MAX_LABEL_WORDS)]
    while run and run[-1].pos_ in _DROP_POS | {"ADP"}:
        run = run[:-1]
    return tidy("".join(t.text + t.whitespace_ for t in run)) or token.text


_MODALS = {"falloir", "devoir", "pouvoir", "sembler", "paraître", "vouloir", "savoir", "aller"}  # « va se diviser »
_CONNECTORS = {"d'abord", "d’abord", "ensuite", "puis", "enfin", "alors", "finalement", "premièrement",
               "deuxièmement", "troisièmement", "then", "finally", "first", "next"}


def clause_label(tokens, skip: frozenset[str] = frozenset()) -> str:
    """A step or event: its main verb in the infinitive with what it acts on (« récolter les raisins »), the
    verb a modal governs (« il faut souligner X » → « souligner X »), « se » kept (« se diviser en deux »); the
    words after the verb are the text's own, in order, up to a linking word or punctuation."""
    words = [t for t in tokens if not t.is_space]
    verbs = [t for t in words if t.pos_ == "VERB"]
    if verbs:
        roots = [t for t in verbs if t.dep_ == "ROOT"]
        verb = roots[0] if roots else verbs[0]
        governed = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if (verb.lemma_ or "").lower() in _MODALS and governed is not None:
            verb = governed
        reflexive = any(c.dep_ in ("expl:comp", "expl:pv", "expl") and c.text.lower() in ("se", "s'", "s’")
                        for c in verb.children)
        rest = []
        for token in words:
            if token.i <= verb.i:
                continue
            lower = token.text.lower()
            if token.is_punct or lower in _CONNECTORS or token.pos_ in ("SCONJ", "CCONJ") or \
                    lower in skip and lower in _CONNECTORS:
                break
            rest.append(token.text)
            if len(rest) >= MAX_LABEL_WORDS - 1 - reflexive:
                break
        passive = "Part" in verb.morph.get("VerbForm") and any(c.dep_ in ("aux:pass", "aux:tense", "aux")
                                                               for c in verb.children)
        lemma = verb.text.lower() if passive else verb.lemma_ or verb.text  # « a été adoptée » → « adoptée »
        head = ("s'" + lemma if re.match(r"[aeiouyéèêh]", lemma) else "se " + lemma) if reflexive else lemma
        return tidy(" ".join([head] + rest))
    return short(" ".join(t.text for t in words if not t.is_punct))


def short(text: str) -> str:
    words = re.findall(r"\S+", text)
    return tidy(" ".join(words[:MAX_LABEL_WORDS]))


def tidy(text: str) -> str:
    """A label with clean edges: no dangling punctuation, and never ending on an elided word or a function word
    (« Contours de l' », « Chercher à produire tout ce qui » lose their last words)."""
    dotted = re.search(r"(?<!\w)(?:[A-Z]\.){2,}\s*$", text) is not None  # « U.K. » keeps its last full stop
    text = re.sub(r"\s+([,.;:)])", r"\1", text).strip(" ,;:.-")
    text = re.sub(r"(?i)(?<!\w)(l|d|j|m|n|s|t|c|qu|lorsqu|puisqu|jusqu|quoiqu|presqu)\s*(['’])\s*", r"\1\2",
                  text)  # an elision is written against its word (« l'eau »); not “Martyrs' Memorial”
    words = text.split(" ")
    while len(words) > 1 and (words[-1].endswith(("'", "’")) or words[-1].lower().replace("’", "'") in
                              _FUNCTION_WORDS):
        words.pop()
    text = " ".join(words).rstrip(" ,;:.-")
    if text.endswith(("'", "’")) and " " in text:
        text = text[:text.rfind(" ")]
    text += "." if dotted and text.endswith(tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) else ""
    return text[:1].upper() + text[1:] if text else text
