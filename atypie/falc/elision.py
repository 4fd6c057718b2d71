"""Elision at a replacement's edge: the word before a new first word is elided or written in full as that word
asks (« de » + « augmenter », « d' » + « écarter »), so that a replacement never leaves « de innombrables »."""
from __future__ import annotations

import re
from bisect import bisect_right

H_MUET = ("homme", "histoire", "heure", "habitude", "hiver", "hôpital", "humain", "habitant", "herbe", "hôte",
          "huile", "harmonie", "hypothèse", "honneur", "horizon", "hôtel")


def starts_with_vowel(text: str) -> bool:
    word = text.lstrip().lower()
    return bool(re.match(r"[aeiouyéèêàâîôû]", word)) or word.startswith(H_MUET)


def unelided(phrase: str) -> str:
    """A phrase whose last word is elided, as a lexicon writes it: « en matière d' » → « en matière de »."""
    for elided, full in (("d'", "de"), ("qu'", "que")):
        if phrase.endswith(" " + elided):
            return phrase[:-len(elided)] + full
    return phrase


def elide_before(doc, start: int, text: str | None, gender: str | None = None) -> tuple[int, str | None]:
    """The word before the replacement, elided or not as the new first word asks: "de plein fouet" after
    "subit la crise" is fine, "que" + "a" → "qu'a", "d'" + "bloquer" → "de bloquer". « l' » needs the new
    word's `gender` ("m" or "f"); without it, None says that the replacement cannot be made."""
    if text is None:
        return start, text
    previous = _token_ending_by(doc, start)
    if previous is None or _text_after(doc, previous, start).strip():
        return start, text
    word = previous.text.lower().replace("’", "'")
    vowel = starts_with_vowel(text)
    if vowel and word in ("de", "que", "ne", "je", "me", "te", "se", "le", "la", "lorsque", "puisque", "jusque"):
        return previous.idx, previous.text[:-1] + "'" + text
    if not vowel and word.endswith("'") and len(word) > 1:
        if word == "l'":
            if gender not in ("m", "f"):
                return start, None  # "le" or "la": cannot tell without the noun
            before = _token_ending_by(doc, previous.idx)
            joined = before.text.lower() if before is not None and not between(doc, before, previous).strip() else ""
            if gender == "m" and joined in ("de", "à"):  # « de l'essor » → « du développement »
                word = ("du" if joined == "de" else "au")
                return before.idx, (word.capitalize() if before.text[:1].isupper() else word) + " " + text
            return previous.idx, previous.text[:1] + ("e" if gender == "m" else "a") + " " + text
        full = {"d'": "de", "qu'": "que", "n'": "ne", "j'": "je", "m'": "me", "t'": "te", "s'": "se", "c'": "ce",
                "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque"}.get(word)
        if full is None:
            return start, None
        full = previous.text[:1] + full[1:]
        return previous.idx, f"{full} {text}"
    return start, text


def _token_ending_by(doc, offset: int):
    """The last token of `doc` that ends at or before the character `offset` (a binary search: tokens are in
    order), or None."""
    index = bisect_right(range(len(doc)), offset, key=lambda i: doc[i].idx + len(doc[i].text))
    return doc[index - 1] if index else None


def between(doc, left, right) -> str:
    """The text between two tokens of `doc` (`doc.text` would join the whole text again)."""
    return "".join(t.text_with_ws for t in doc[left.i:right.i])[len(left.text):]


def _text_after(doc, token, offset: int) -> str:
    """The text from the end of `token` to the character `offset`."""
    out = [token.whitespace_]
    for following in doc[token.i + 1:]:
        if following.idx >= offset:
            break
        out.append(following.text_with_ws)
    return "".join(out)[:offset - token.idx - len(token.text)]
