"""Never worse French than the source. Each rewritten sentence is compared with the sentence it came from, on
its tags (`sentence_check`) and, where the rewrite wrote words of its own, with Grammalecte. A sentence that adds
a problem is repaired when the fix is certain (Grammalecte's single agreement suggestion), else cut in fewer
places (the cuts that broke it taken back), else replaced by the sentence with its word replacements but not
split, else by the source sentence marked « à vérifier »."""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import asdict, dataclass, field, replace

from ..adapters import grammalecte
from ..language.analysis import tag_sentences
from . import sentence_check
from .grammar_reading import GrammarReading, copied, read_for_grammar
from .rewrite import Block, DiffEntry, Rewrite, is_note

log = logging.getLogger(__name__)

TO_CHECK = {"fr": "(à vérifier)", "en": "(to be checked)"}
_CERTAIN_KINDS = {"gn", "ppas", "conj"}  # agreement in the noun group, of the participle, of the verb


@dataclass(frozen=True)
class GuardReport:
    """What the check of every rewritten sentence found and did; `not_applicable` names the checks that could
    not run (never counted as passed)."""
    checked: int = 0
    repaired: int = 0
    regrouped: int = 0  # split in fewer places than planned
    unsplit: int = 0
    rolled_back: int = 0
    problems: list[str] = field(default_factory=list)  # "no-verb: Pour limiter le phénomène."
    not_applicable: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.repaired or self.regrouped or self.unsplit or self.rolled_back)

    def to_dict(self) -> dict:
        return asdict(self)


def guard(analysis, rewrite: Rewrite, after, reading: GrammarReading | None = None) -> tuple[Rewrite, GuardReport]:
    """`after` is the analysis of the plain text that `rewrite` gives (tags, no dependency parse); `reading`, the
    grammar of its sentences if it was started earlier."""
    lang = analysis.lang
    tagged = analysis.tagged
    grammar = lang == "fr" and grammalecte.available()
    not_applicable = ([] if tagged else ["structure"]) + ([] if grammar else ["grammar"])
    located = _locate(after, [s for entry in rewrite.diff for s in entry.plain]) if after is not None else {}
    checker = _Checker(analysis, tagged, grammar, reading)
    new_plain: dict[int, list[str]] = {}
    counts: Counter = Counter()
    found: list[str] = []
    cursor = 0
    for index, entry in enumerate(rewrite.diff):
        sentences = entry.plain
        tokens = [located.get(cursor + n) for n in range(len(sentences))]
        cursor += len(sentences)
        if entry.start < 0 or sentences == [entry.original]:
            continue
        counts["checked"] += 1
        verdict, kept, problems = checker.judge(entry, sentences, tokens)
        if verdict != "kept":
            counts[verdict] += 1
            new_plain[index] = kept
            found += [f"{problem}: {entry.original[:120]}" for problem in problems]
            log.info("falc.guard", extra={"verdict": verdict, "problems": problems})
    report = GuardReport(counts["checked"], counts["repaired"], counts["regrouped"], counts["unsplit"],
                         counts["rolled-back"], found, not_applicable)
    if not new_plain:
        return rewrite, report
    return _with_sentences(rewrite, new_plain), report


class _Checker:
    def __init__(self, analysis, tagged: bool, grammar: bool, reading: GrammarReading | None):
        self.analysis, self.tagged, self.grammar, self.reading = analysis, tagged, grammar, reading
        self.lang = analysis.lang
        self._parsed: dict[str, object] = {}
        self._source: dict[str, list] = {}

    def judge(self, entry: DiffEntry, sentences: list[str], tokens: list) -> tuple[str, list[str], list[str]]:
        source = self.analysis.doc.char_span(entry.start, entry.end, alignment_mode="expand")
        before = self._problems(source)
        parsed = [t if t is not None else self._tags(s) for s, t in zip(sentences, tokens)
                  if not is_note(s, self.lang)]
        if "list" in entry.changes:  # an introduction, then items: parallel, and none a piece of a clause
            added = Counter(sentence_check.list_problems(parsed[1:]))
        else:
            added = _added(before, sum((self._problems(t) for t in parsed), Counter()))
        if not added:
            repaired, grammar_added = self._grammar(entry, sentences)
            if not grammar_added:
                return ("repaired" if repaired != sentences else "kept"), repaired, []
            added = Counter(f"grammar-{kind}" for kind in grammar_added)
        if "list" not in entry.changes and entry.regroup is not None:
            versions = entry.regroup()
            self._tag_all([s for version in versions for s in version])
            for version in versions:
                if not _added(before, sum((self._problems(self._tags(s)) for s in version
                                           if not is_note(s, self.lang)), Counter())):
                    fixed, grammar_added = self._grammar(entry, version)
                    if not grammar_added:
                        return "regrouped", fixed, sorted(added)
        if entry.fallback and entry.fallback not in (entry.original, *sentences):
            fallback = [entry.fallback]
            if not _added(before, self._problems(self._tags(entry.fallback))):
                fixed, grammar_added = self._grammar(entry, fallback)
                if not grammar_added:
                    return "unsplit", fixed, sorted(added)
        return "rolled-back", [f"{entry.original} {TO_CHECK.get(self.lang, TO_CHECK['fr'])}"], sorted(added)

    def _problems(self, tokens) -> Counter:
        return sentence_check.problems(tokens, tagged=self.tagged,
                                       conjugated=grammalecte.could_be_conjugated if self.grammar else None)

    def _grammar(self, entry: DiffEntry, sentences: list[str]) -> tuple[list[str], list[str]]:
        """The sentences with certain agreement fixes applied, and the kinds of grammar error still added."""
        if not self.grammar:
            return sentences, []
        out, found = [], Counter()
        source_flagged: set[str] | None = None  # the words Grammalecte flags in the source: never "fixed"
        for sentence in sentences:
            if not read_for_grammar(sentence, sentences, entry.original):
                out.append(sentence)  # a run of the source's own words: the source's grammar
                continue
            as_in_source = copied(sentence, entry.original)
            errors = self.reading.errors(sentence) if self.reading else grammalecte.errors(sentence)
            if errors and source_flagged is None:
                source_flagged = {entry.original[e.start:e.end].lower() for e in self._source_errors(entry.original)}
            fixable = [e for e in errors if e.kind in _CERTAIN_KINDS and len(e.suggestions) == 1
                       and sentence[e.start:e.end].lower() not in source_flagged]
            if fixable:  # a cut may also show a slip of the source that its longer sentence hid (« Les segments
                # sont appelés côtés et les extrémités sont appelés sommets »): fixed when the fix is certain
                for error in sorted(fixable, key=lambda e: -e.start):
                    sentence = sentence[:error.start] + error.suggestions[0] + sentence[error.end:]
                errors = grammalecte.errors(sentence)
            out.append(sentence)
            if not as_in_source:  # what is left in a run of the source's words is the source's grammar
                found.update(e.kind for e in errors)
        if not found:
            return out, []
        return out, sorted(_added(Counter(e.kind for e in self._source_errors(entry.original)), found))

    def _source_errors(self, original: str) -> list:
        """Grammalecte's errors in a source sentence, read once for all the versions of its rewrite."""
        if original not in self._source:
            read = self.reading.source_errors(original) if self.reading else None
            self._source[original] = read if read is not None else grammalecte.errors(original)
        return self._source[original]

    def _tag_all(self, sentences: list[str]) -> None:
        """Tag at once the sentences of every version of a rewrite (one batch costs less than one call each)."""

        new = [s for s in dict.fromkeys(sentences) if s not in self._parsed]
        if len(new) > 1:
            self._parsed.update(zip(new, tag_sentences(new, self.analysis), strict=True))

    def _tags(self, sentence: str):
        """The tags of a sentence (`tag_sentences`), read once: the versions of one sentence share most of their
        parts."""

        if sentence not in self._parsed:
            self._parsed[sentence] = tag_sentences([sentence], self.analysis)[0]
        return self._parsed[sentence]


def _added(before: Counter, after: Counter) -> Counter:
    return Counter({key: count - before[key] for key, count in after.items() if count > before[key]})


def _locate(after, sentences: list[str]) -> dict[int, list]:
    """The tokens of each plain sentence in `after`, found in order; a sentence not found is parsed alone."""
    located, cursor, text = {}, 0, after.text
    for n, sentence in enumerate(sentences):
        start = text.find(sentence, cursor)
        if start < 0:
            continue
        span = after.doc.char_span(start, start + len(sentence), alignment_mode="expand")
        if span is not None:
            located[n] = list(span)
            cursor = start + len(sentence)
    return located


def _with_sentences(rewrite: Rewrite, new_plain: dict[int, list[str]]) -> Rewrite:
    """`rewrite` with the plain sentences of the diff entries in `new_plain` replaced, in its blocks too."""
    replacements: list[list[str] | None] = []
    for index, entry in enumerate(rewrite.diff):
        replacements += [new_plain.get(index) if n == 0 else [] for n in range(len(entry.plain))] \
            if index in new_plain else [None] * len(entry.plain)
    position = 0
    blocks = []
    for block in rewrite.blocks:
        if block.kind == "section":
            blocks.append(block)
            continue
        sentences, items = [], []
        for target, values in ((sentences, block.sentences), (items, block.items)):
            for value in values:
                swap = replacements[position] if position < len(replacements) else None
                target.extend([value] if swap is None else swap)
                position += 1
        blocks.append(Block(block.kind if items or block.kind != "list" else "paragraph", sentences, items))
    diff = [replace(entry, plain=new_plain[index]) if index in new_plain else entry
            for index, entry in enumerate(rewrite.diff)]
    return replace(rewrite, blocks=blocks, diff=diff)
