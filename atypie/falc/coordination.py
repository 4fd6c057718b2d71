"""A sentence that ends on three noun phrases or more joined by commas and a last « et » or « ou » (« Les
glucides interviennent dans la signalisation, la reconnaissance des cellules et le stockage. ») is an enumeration
that FALC writes as a bulleted list after an introduction (« Les glucides interviennent dans : »); so is one left
open by « etc. » (« de la population, de la quantité de déchets, du rendement, etc. »).

Found on the surface and the tags, not on the dependency parse (the small French model often chains or
misattaches conjuncts):
- the items are separated by commas and one last « et »/« ou », and the last one ends the sentence;
- each item is a noun phrase: it starts with a determiner or a number (or « de » before one), holds a noun and
  no verb;
- the first item runs back from its comma over the noun phrase and its « de » complements
  (« la signalisation de la cellule »);
- the introduction holds a conjugated verb and no comma after it (« le noyau, qui contient l'ADN, le cytoplasme
  et … » is not a list).
Anything else is left to the sentence splitter.
"""
from __future__ import annotations

from dataclasses import dataclass

MIN_ITEMS = 3
MAX_ITEM_WORDS = 8
MIN_INTRO_WORDS = 3
_JOINERS = {"fr": {"et", "ou"}, "en": {"and", "or"}}
_OF = {"de", "d'", "d’", "des", "du"}
_CONTRACTED = {"du", "des", "au", "aux"}
_NOUN_PHRASE = {"DET", "ADJ", "NOUN", "PROPN", "NUM"}
_STOP_PUNCT = {".", "!", "?", "…"}


@dataclass(frozen=True)
class Enumeration:
    """Character offsets in the text: the introduction, then each item."""
    intro: tuple[int, int]
    items: list[tuple[int, int]]
    open_end: bool = False  # « …, etc. »: the list goes on


def final_enumeration(sentence, lang: str) -> Enumeration | None:
    """The enumeration that ends `sentence` (a tagged span), or None."""
    if lang not in _JOINERS or not sentence.doc.has_annotation("POS"):
        return None
    body = [t for t in sentence if not t.is_space]
    while body and body[-1].is_punct and body[-1].text in _STOP_PUNCT:
        body.pop()
    open_end = len(body) > 2 and body[-1].text.lower().rstrip(".") == "etc" and body[-2].text == ","
    if open_end:  # « …, du rendement d'une culture, etc. »: the last item ends at the comma before « etc. »
        body = body[:-2]
        items, end = [], len(body)
    else:
        joiner = next((k for k in range(len(body) - 1, 0, -1) if body[k].text.lower() in _JOINERS[lang]), None)
        if joiner is None:
            return None
        items = [body[joiner + 1:]]  # from the last item back to the first one, then the first item's comma
        end = joiner - (1 if body[joiner - 1].text == "," else 0)
    while True:
        comma = next((k for k in range(end - 1, -1, -1) if body[k].text == ","), None)
        if comma is None or not _noun_phrase(body[comma + 1:end]):
            break
        items.append(body[comma + 1:end])
        end = comma
    first = _first_item(body, end)
    if first is None:
        return None
    items.append(body[first:end])
    items.reverse()
    if len(items) < MIN_ITEMS or not all(_noun_phrase(item) for item in items):
        return None
    if items[0][0].text.lower() in _OF and not all(item[0].text.lower() in _OF for item in items[1:]):
        if items[0][0].text.lower() in _CONTRACTED:
            return None  # « du pain, le vin et … »: the article cannot be left in the introduction
        items[0] = items[0][1:]
    intro = body[:items[0][0].i - body[0].i]
    if not _introduces(intro):
        return None
    return Enumeration(_offsets(intro), [_offsets(item) for item in items], open_end)


def _first_item(body: list, comma: int) -> int | None:
    """The start of the noun phrase that ends at `comma`, with its « de » complements."""
    k = comma
    while k > 0 and (body[k - 1].pos_ in _NOUN_PHRASE or body[k - 1].text.lower() in _OF):
        k -= 1
    while k < comma and body[k].pos_ not in ("DET", "NUM") and body[k].text.lower() not in _OF:
        k += 1  # « comparer les langues »: the item starts at its determiner
    return k if k < comma else None


def _noun_phrase(tokens: list) -> bool:
    words = [t for t in tokens if not t.is_punct]
    if not words or len(words) > MAX_ITEM_WORDS or len(words) != len(tokens):
        return False
    first = words[1] if words[0].text.lower() in _OF and len(words) > 1 else words[0]
    contracted = words[0].text.lower() in ("du", "des") and first.pos_ in ("NOUN", "ADJ")  # « du rendement »
    return ((first.pos_ in ("DET", "NUM") or contracted) and any(t.pos_ in ("NOUN", "PROPN") for t in words)
            and not any(t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") for t in words))


def _introduces(intro: list) -> bool:
    """An introduction: a few words, a conjugated verb, no comma after it, not ending on a comma."""
    if len([t for t in intro if not t.is_punct]) < MIN_INTRO_WORDS or intro[-1].is_punct:
        return False
    verb = next((n for n, t in enumerate(intro) if t.pos_ == "AUX" or "Fin" in t.morph.get("VerbForm")), None)
    return verb is not None and not any(t.text in ",;:()[]«»" for t in intro[verb:])


def _offsets(tokens: list) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
