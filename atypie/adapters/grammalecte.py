"""Grammalecte, the French grammar checker behind LibreOffice's (Debian's `python3-grammalecte`, GPL 3), read
in-process: it is pure Python, loaded lazily and once. The Debian package lives outside the virtual environment,
so the package alone is loaded from its folder (never the whole of Debian's dist-packages)."""
from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

FIX = "apt-get install -y python3-grammalecte"
_DEBIAN = Path("/usr/lib/python3/dist-packages/grammalecte")
# Only grammar: typography, spacing, capitals, numbers and units are matters of house style, not errors a
# rewrite could add to a sentence.
_OFF = ("typo", "apos", "eepi", "esp", "tab", "nbsp", "tu", "maj", "minis", "num", "virg", "poncfin", "unit", "nf",
        "liga", "mapos", "chim", "ocr", "date", "mc", "idrule", "html", "latex", "md", "redon1", "redon2")

_CONJUGATED = re.compile(r":(?:Ip|Iq|Is|If|K|Sp|Sq)\b")
_lock = threading.Lock()
_checker = None


@dataclass(frozen=True)
class GrammarError:
    kind: str  # Grammalecte's type: gn (noun group agreement), conj, ppas, infi, conf, …
    rule: str
    start: int
    end: int
    message: str
    suggestions: tuple[str, ...]


def available() -> bool:
    try:
        _engine()
    except ImportError:
        return False
    return True


def errors(text: str) -> list[GrammarError]:
    """The grammar errors Grammalecte finds in `text` (one paragraph); ImportError when it is not installed."""
    checker = _engine()
    with _lock:
        found, _spelling = checker.getParagraphErrors(text, bSpellSugg=False)
    return [GrammarError(e["sType"], e["sRuleId"], e["nStart"], e["nEnd"], e["sMessage"],
                         tuple(e.get("aSuggestions") or ())) for e in found]


def could_be_conjugated(word: str) -> bool:
    """Whether the lexicon knows `word` as a conjugated verb form (indicative, conditional, subjunctive)."""
    checker = _engine()
    with _lock:
        readings = checker.getSpellChecker().getMorph(word)
    return any(":V" in reading and _CONJUGATED.search(reading) for reading in readings)


def readings(word: str) -> list[str]:
    """The lexicon's readings of `word`, as Grammalecte writes them (">lemma/:A:f:p/*"); [] for an unknown word."""
    checker = _engine()
    with _lock:
        return list(checker.getSpellChecker().getMorph(word))


def conjugated(infinitive: str, tense: str, who: str) -> str:
    """`infinitive` conjugated by Grammalecte's tables (tense ":Ip", ":Iq", ":Is", ":If", ":K", ":Sp", ":Sq",
    ":E", ":P", ":Q"; who ":3s", ":3p"…, or ":m:s"… for the past participle); "" when it does not know it."""
    _engine()
    conj = importlib.import_module("grammalecte.fr.conj")
    if not conj.isVerb(infinitive):
        return ""
    try:
        return conj.getConj(infinitive, tense, who) or ""
    except (KeyError, IndexError):
        return ""


def error_kinds(text: str) -> Counter:
    return Counter(error.kind for error in errors(text))


def _engine():
    global _checker
    with _lock:
        if _checker is None:
            module = _import()
            checker = module.GrammarChecker("fr")
            engine = checker.getGCEngine()
            engine.setOptions({option: False for option in _OFF})
            _checker = checker
        return _checker


def _import():
    if os.environ.get("ATYPIE_NO_GRAMMALECTE"):  # to run as where it is not installed
        raise ImportError("grammalecte disabled")
    try:
        return importlib.import_module("grammalecte")
    except ImportError:
        pass
    if not (_DEBIAN / "__init__.py").is_file():
        raise ImportError(f"grammalecte is not installed: {FIX}")
    spec = importlib.util.spec_from_file_location("grammalecte", _DEBIAN / "__init__.py",
                                                  submodule_search_locations=[str(_DEBIAN)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["grammalecte"] = module
    try:
        spec.loader.exec_module(module)
    except Exception:
        del sys.modules["grammalecte"]
        raise ImportError("grammalecte could not be loaded") from None
    return module
