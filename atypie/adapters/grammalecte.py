"""Grammalecte, the French grammar checker behind LibreOffice's (Debian's `python3-grammalecte`, GPL 3), read
in-process: it is pure Python, loaded lazily and once. The Debian package lives outside the virtual environment,
so the package alone is loaded from its folder (never the whole of Debian's dist-packages).

A long batch of sentences (`errors_of_each`) is read by a worker process (`grammalecte_worker`), started once:
pure Python holds the interpreter's lock, so in a thread it would only take turns with the tagger, while in a
process of its own it runs on another core. If the worker cannot start or answer, the batch is read here."""
from __future__ import annotations

import atexit
import importlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import astuple, dataclass
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
WORKER_BATCH = 8  # a shorter batch is read here unless the worker runs: starting it would cost more than it saves
_worker_lock = threading.RLock()  # held while the worker reads a batch; `_stop_worker` waits for it
_worker: subprocess.Popen | None = None
_worker_failed = False
_GIVEN_UP = "given up"


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
    engine = _engine().getGCEngine()
    with _lock:
        found = engine.parse(text, "FR")  # grammar only: not `getParagraphErrors`, which reads the spelling too
    return [GrammarError(e["sType"], e["sRuleId"], e["nStart"], e["nEnd"], e["sMessage"],
                         tuple(e.get("aSuggestions") or ())) for e in found]


def errors_of_each(texts: list[str], claim: Callable[[], bool] | None = None) -> list[list[GrammarError]] | None:
    """`errors` of each text, read by the worker process when the batch is long enough or the worker runs already
    (see the module's note). `claim`, asked when the reading starts (once the worker is free), may give the batch
    up: None then."""
    if len(texts) >= WORKER_BATCH or _worker is not None:
        rows = _ask_worker(texts, claim)
        if rows is _GIVEN_UP:
            return None
        if rows is not None:
            return [[GrammarError(*fields[:5], tuple(fields[5])) for fields in row] for row in rows]
    if claim is not None and not claim():
        return None
    return [errors(text) for text in texts]


def as_rows(found: list[GrammarError]) -> list[list]:
    """Errors as JSON-ready rows (the worker's answer); `errors_of_each` reads them back."""
    return [list(astuple(error)) for error in found]


def _ask_worker(texts: list[str], claim: Callable[[], bool] | None) -> list | str | None:
    """The worker's rows for `texts`; `_GIVEN_UP` when `claim` gave the batch up; None when the worker failed."""
    global _worker, _worker_failed
    with _worker_lock:
        if _worker_failed:
            return None
        if claim is not None and not claim():
            return _GIVEN_UP
        try:
            if _worker is None:
                _engine()  # not installed, or disabled: ImportError here, as for `errors`
                _worker = _start_worker()
            worker = _worker  # stopped meanwhile only at exit: its pipes then fail (OSError, ValueError)
            worker.stdin.write(json.dumps(texts) + "\n")
            worker.stdin.flush()
            answer = json.loads(worker.stdout.readline() or "null")
            if not isinstance(answer, list) or len(answer) != len(texts):
                raise ValueError("no answer")
            return answer
        except (OSError, ValueError):
            _worker_failed = True  # read here from now on
            _stop_worker()
            return None


def _start_worker() -> subprocess.Popen:
    package_parent = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_parent, os.environ.get("PYTHONPATH")]))}
    worker = subprocess.Popen([sys.executable, "-m", "atypie.adapters.grammalecte_worker"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8", env=env)
    atexit.register(_stop_worker)
    return worker


def _stop_worker() -> None:
    """Stop the worker, once the batch it may be reading (for a thread that still runs) is answered."""
    global _worker
    held = _worker_lock.acquire(timeout=5)
    try:
        if _worker is not None:
            worker, _worker = _worker, None
            try:
                worker.stdin.close()
                worker.wait(timeout=2)
            except (OSError, subprocess.TimeoutExpired):
                worker.kill()
    finally:
        if held:
            _worker_lock.release()


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


class _CompiledPatterns:
    """The `re` module for Grammalecte's rule engine, each pattern compiled once and then looked up in one dict: the
    engine calls `re.search(pattern, word)` hundreds of thousands of times for a page, and `re`'s own cache costs
    more per call than the search itself. Same patterns, same results."""

    def __init__(self):
        self._compiled: dict[tuple[str, int], re.Pattern] = {}

    def _pattern(self, pattern, flags: int) -> re.Pattern:
        try:
            return self._compiled[pattern, flags]
        except KeyError:
            compiled = self._compiled[pattern, flags] = re.compile(pattern, flags)
            return compiled

    def search(self, pattern, string, flags=0):
        return self._pattern(pattern, flags).search(string)

    def match(self, pattern, string, flags=0):
        return self._pattern(pattern, flags).match(string)

    def finditer(self, pattern, string, flags=0):
        return self._pattern(pattern, flags).finditer(string)

    def sub(self, pattern, repl, string, count=0, flags=0):
        return self._pattern(pattern, flags).sub(repl, string, count)

    def __getattr__(self, name):  # flags, compile, error…: `re`'s own (the engine calls no other function)
        return getattr(re, name)


def _engine():
    global _checker
    with _lock:
        if _checker is None:
            module = _import()
            checker = module.GrammarChecker("fr")
            engine = checker.getGCEngine()
            engine.setOptions({option: False for option in _OFF})
            for name in ("grammalecte.fr.gc_engine", "grammalecte.fr.gc_functions"):
                sys.modules[name].re = _CompiledPatterns()
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
