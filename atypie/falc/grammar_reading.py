"""Grammalecte's reading of a rewrite, done beside it: the sentences a rewrite wrote itself or cut out of a longer
one are sent to Grammalecte's worker process in batches as the rewrite writes them, so that most are read by the
time the sentence guard asks. A sentence not read yet when the guard asks is read by the guard itself rather than
waited for, and its batch is dropped if the worker has not started it."""
from __future__ import annotations

import re
import threading

from ..adapters import grammalecte
from .rewrite import DiffEntry, Rewrite

STREAMED_BATCH = 24  # sentences sent to Grammalecte at once while the rewrite goes on
_WORD = re.compile(r"\w+")
_LINKING_WORDS = {"cela", "c", "est", "mais", "donc", "puis", "alors", "et", "ou", "parce", "qu", "que", "ainsi",
                  "aussi", "ensuite", "enfin", "or", "this", "that", "is", "because", "but", "so", "then", "and"}


class _Batch:
    """Sentences (each with the source sentence it comes from) read together, by the worker or, once taken, by the
    guard."""

    def __init__(self, sentences: dict[str, str]):
        self.sentences = sentences
        self.state = "waiting"  # then "sent" (the worker reads it) or "taken" (the guard reads it)
        self._lock = threading.Lock()

    def claim(self) -> bool:
        """For the worker, when it is free: whether the batch is still its to read."""
        with self._lock:
            if self.state == "taken":
                return False
            self.state = "sent"
            return True

    def take(self) -> bool:
        """For the guard: whether it may read the batch's sentences itself (the worker has not started it)."""
        with self._lock:
            if self.state == "waiting":
                self.state = "taken"
            return self.state == "taken"


class GrammarReading:
    """Grammalecte's errors for the sentences of a rewrite, read while the rewrite goes on (see the module's note),
    with the source sentences of those that have an error: the guard compares them."""

    def __init__(self, lang: str):
        self._found: dict[str, list] = {}
        self._source_found: dict[str, list] = {}
        self._batch_of: dict[str, _Batch] = {}  # sentence or source sentence → its batch
        self._batches: list[_Batch] = []
        self._waiting: list[tuple[str, str]] = []  # (sentence, the source sentence it comes from)
        self._on = lang == "fr" and grammalecte.available()

    def read_entry(self, entry: DiffEntry) -> None:
        """Note the sentences of one diff entry as the rewrite writes it; a full batch starts being read."""
        if self._on:
            self._waiting += [(s, entry.original) for s in to_read(entry)]
            if len(self._waiting) >= STREAMED_BATCH:
                self._start()

    def read(self, rewrite: Rewrite) -> None:
        """Start reading the sentences of `rewrite` to be read that no batch holds yet."""
        if self._on:
            self._waiting += [(s, entry.original) for entry in rewrite.diff for s in to_read(entry)]
            self._start()

    def errors(self, sentence: str) -> list:
        """The errors of a sentence: as read by its batch, else read now (the guard never waits for the worker, which
        is then dropped from the batch if it has not started it)."""
        found = self._found.get(sentence)
        if found is not None:
            return found
        if (batch := self._batch_of.get(sentence)) is not None:
            batch.take()
        return grammalecte.errors(sentence)

    def source_errors(self, original: str) -> list | None:
        """The errors of a source sentence if its batch read them, else None."""
        return self._source_found.get(original)

    def close(self) -> None:
        """Nothing more will be asked: the batches the worker has not started are dropped."""
        for batch in self._batches:
            batch.take()

    def _start(self) -> None:
        batch = _Batch({s: original for s, original in self._waiting if s not in self._batch_of})
        self._waiting = []
        if batch.sentences:
            for sentence, original in batch.sentences.items():
                self._batch_of[sentence] = batch
                self._batch_of.setdefault(original, batch)
            self._batches.append(batch)
            threading.Thread(target=self._read, args=(batch,), daemon=True).start()

    def _read(self, batch: _Batch) -> None:
        """Read the sentences, then the source sentences of those with an error, unless the guard took the batch."""
        read = grammalecte.errors_of_each(list(batch.sentences), claim=batch.claim)
        if read is None:
            return
        found = dict(zip(batch.sentences, read, strict=True))
        self._found.update(found)
        sources = list(dict.fromkeys(batch.sentences[s] for s, errors in found.items() if errors))
        self._source_found.update(zip(sources, grammalecte.errors_of_each(sources), strict=True))


def to_read(entry: DiffEntry) -> list[str]:
    """The sentences of a diff entry that Grammalecte reads (see `read_for_grammar`)."""
    if entry.start < 0 or entry.plain == [entry.original]:
        return []
    return [s for s in entry.plain if read_for_grammar(s, entry.plain, entry.original)]


def read_for_grammar(sentence: str, sentences: list[str], original: str) -> bool:
    """Whether Grammalecte reads a sentence of a rewrite: one with words of the rewrite's own, or one of several cut
    out of the source (a cut may show a slip that the longer sentence hid)."""
    return len(sentences) > 1 or not copied(sentence, original)


def copied(sentence: str, original: str) -> bool:
    """Whether the sentence is one run of the original's words, after at most two linking words of its own
    ("Cela pèse sur…", "C'est parce que…"): its agreements are then those of the source."""
    words = _WORD.findall(sentence.lower())
    source = " " + " ".join(_WORD.findall(original.lower())) + " "
    for k in range(3):
        if words[k:] and f" {' '.join(words[k:])} " in source:
            return True
        if k < len(words) and words[k] not in _LINKING_WORDS:
            return False
    return False
