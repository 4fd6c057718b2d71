"""One analysis of a text, shared by every rule and by the rewriting: sentences, words, lemmas,
numbers, negations, acronyms (with the expansions the text gives), rare words and readability."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from ..errors import EmptyText, NotText, TextTooLong
from . import numbers as numbers_module
from . import syllables
from .data import settings
from .detect import detect
from .frequency import zipf
from .nlp import as_read, has_tags, parse, parse_many, pipeline
from .readability import Readability, score

MAX_CHARS = 300_000
_NEGATION_WORDS = {"fr": {"ne", "n'", "n’", "pas", "jamais", "rien", "aucun", "aucune", "personne", "ni", "sans",
                          "non", "nullement", "guère", "plus"},
                   "en": {"not", "n't", "never", "no", "none", "nothing", "nobody", "neither", "nor", "without",
                          "cannot"}}
_STANDALONE_NEGATIONS = {"fr": {"sans", "aucun", "aucune", "non", "nullement", "jamais", "ni"},
                         "en": _NEGATION_WORDS["en"]}
_WORD_CHAR = re.compile(r"\w")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")  # Unicode category Cc
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,9}s?\b")
_CONNECTING = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "pour", "à", "au", "aux", "of", "the",
               "and", "for", "in", "on", "sur", "par"}


@dataclass(frozen=True)
class Acronym:
    text: str
    start: int
    end: int
    expansion: str | None


@dataclass(frozen=True)
class Negation:
    text: str
    start: int
    end: int
    predicate: str  # the lemma of what is negated
    sentence: int


@dataclass(frozen=True)
class RareWord:
    text: str
    lemma: str
    start: int
    end: int
    zipf: float


def clean_text(raw: str | bytes, max_chars: int | None = MAX_CHARS) -> str:
    """Text ready for analysis, or a clear error: empty, not text (binary), longer than `max_chars`."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise NotText() from None
    controls = sum(1 for ch in _CONTROL.findall(raw) if ch not in "\n\r\t")
    if "\x00" in raw or controls > max(2, len(raw) // 100):
        raise NotText()
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub(lambda m: m.group() if m.group() in "\n\t" else "", text)
    if not re.search(r"\w", text):
        raise EmptyText()
    if max_chars is not None and len(text) > max_chars:
        raise TextTooLong(size=len(text), limit=max_chars)
    return text.strip()


def analyse(text: str | bytes, lang: str | None = None, *, full: bool = True,
            max_chars: int | None = MAX_CHARS) -> "Analysis":
    """`max_chars=None` for a text atypie wrote itself (a plain version may be longer than its source)."""
    text = clean_text(text, max_chars)
    lang = lang or detect(text)
    return Analysis(text, lang, parse(text, lang, full=full))


def analyse_rewrite(text: str, *sources: "Analysis") -> "Analysis":
    """`analyse(text, full=False)` for `text`, a rewrite of the sources' texts, tagging only what changed: a
    sentence copied word for word from a source keeps the tags the model gave it there, and the other sentences
    are tagged in runs. The tokens and the sentences are those `analyse` gives (same tokenizer, same sentence
    rules). The parse of a long text is the slowest step of a rewrite, and much of a plain version is copied:
    from the source as it was, or from the plain version before the sentence guard changed a few of its lines."""
    import numpy  # spaCy is loaded already: the sources were parsed with it
    from spacy.attrs import LEMMA, MORPH, POS, SENT_START, TAG
    from spacy.morphology import Morphology
    from spacy.symbols import SPACE
    from spacy.tokens import Doc

    text = clean_text(text, None)
    lang = sources[0].lang
    if not all(source.tagged for source in sources):
        return analyse(text, lang, full=False, max_chars=None)
    nlp = pipeline(lang, full=False)
    tags = [POS, TAG, MORPH, LEMMA]
    tokenized = nlp.get_pipe("atypie_sentence_guard")(nlp.make_doc(text))  # the sentences `analyse` would cut
    known = [source.known_tags for source in sources]
    rows = numpy.zeros((len(tokenized), len(tags)), dtype="uint64")
    tagged = numpy.zeros(len(tokenized), dtype=bool)
    for token in tokenized:
        if token.is_space:
            rows[token.i] = (SPACE, SPACE, nlp.vocab.strings.add(Morphology.EMPTY_MORPH),
                             nlp.vocab.strings.add(token.text))
            tagged[token.i] = True
    for start, end, line, words in _trimmed(tokenized, _bounds(tokenized)):
        if (found := _known_rows(line, words, known, nlp.vocab)) is not None:
            rows[start:end] = found
            tagged[start:end] = True
    runs = _untagged_runs(tokenized, tagged)
    pieces = (Doc(nlp.vocab, words=[as_read(t.text, lang) for t in tokenized[a:b + 1]],  # as `parse` reads
                  spaces=[bool(t.whitespace_) for t in tokenized[a:b + 1]]) for a, b in runs)
    for (first, last), doc in zip(runs, nlp.pipe(pieces, disable=["senter", "atypie_sentence_guard"]), strict=True):
        rows[first:last + 1] = doc.to_array(tags)  # the sentences are those of `tokenized`: only tags are read
    doc = Doc(nlp.vocab, words=[t.text for t in tokenized], spaces=[bool(t.whitespace_) for t in tokenized])
    doc.from_array(tags + [SENT_START], numpy.hstack([rows, tokenized.to_array([SENT_START]).reshape(-1, 1)]))
    return Analysis(text, lang, doc)


def tag_sentences(sentences: list[str], source: "Analysis") -> list:
    """`parse_many(sentences, full=False)` for sentences of a rewrite of `source`: a sentence copied from it, or
    cut out of one of its sentences as it is, keeps the tags its words have there (see `KnownTags`)."""
    import numpy  # spaCy is loaded already: the source was parsed with it
    from spacy.tokens import Doc

    if not source.tagged:
        return parse_many(sentences, source.lang, full=False)
    nlp = pipeline(source.lang, full=False)
    docs: list = [None] * len(sentences)
    for n, sentence in enumerate(sentences):
        tokens = nlp.make_doc(as_read(sentence, source.lang))
        words = tuple(sentence[t.idx:t.idx + len(t.text)] for t in tokens)
        found = _known_rows(sentence, words, [source.known_tags], nlp.vocab) if words else None
        if found is not None and not any(t.is_space for t in tokens):
            doc = Doc(nlp.vocab, words=list(words), spaces=[bool(t.whitespace_) for t in tokens])
            starts = numpy.array([[1]] + [[-1]] * (len(words) - 1), dtype="int64").astype("uint64")
            doc.from_array(KnownTags.TAGS + ["SENT_START"], numpy.hstack([found, starts]))
            docs[n] = doc
    left = [n for n, doc in enumerate(docs) if doc is None]
    for n, doc in zip(left, parse_many([sentences[n] for n in left], source.lang, full=False), strict=True):
        docs[n] = doc
    return docs


class KnownTags:
    """The tags of a tagged text's sentences, found again for a sentence of a rewrite: a sentence copied word for
    word, or cut out of a sentence as it is, save the capital of its first word and a closing point (« … et la
    méthode repose sur X » → « La méthode repose sur X. »). Such a run keeps the tags it had in its context."""
    TAGS = ["POS", "TAG", "MORPH", "LEMMA"]

    def __init__(self, analysis: "Analysis"):
        self.vocab = analysis.doc.vocab
        self.copied: dict[str, tuple[tuple[str, ...], object]] = {}  # sentence text → (its words, their tags)
        self.cut_from: dict[tuple[str, ...], list] = {}  # three words of a sentence, the first lowercased → where
        self.period = None  # the tags of a point that ends a sentence
        table = analysis.doc.to_array(self.TAGS)
        for start, end, line, words in _trimmed(analysis.doc, analysis.sentences):
            if line in self.copied or not words:
                continue
            self.copied[line] = (words, table[start:end])
            if words[-1] == ".":
                self.period = table[end - 1]
            for k in range(len(words) - 2):
                self.cut_from.setdefault((words[k].lower(), *words[k + 1:k + 3]), []).append(
                    (words, k, table[start:end]))

    def copied_rows(self, line: str, words: tuple[str, ...]):
        found = self.copied.get(line)
        return found[1] if found is not None and found[0] == words else None

    def cut_rows(self, words: tuple[str, ...]):
        """The rows of a run of one of the text's sentences; None when `words` are not one."""
        if len(words) < 3:
            return None
        n = len(words)
        for source_words, k, rows in self.cut_from.get((words[0].lower(), *words[1:3]), ()):
            if source_words[k + 1:k + n] == words[1:]:
                return rows[k:k + n]
            if words[-1] == "." and self.period is not None and n > 3 and source_words[k + 1:k + n - 1] == words[1:-1]:
                import numpy  # loaded with spaCy
                return numpy.vstack([rows[k:k + n - 1], self.period])
        return None


def _known_rows(line: str, words: tuple[str, ...], known: list[KnownTags], vocab):
    """The tags of a sentence's words from the first source that copied it, else from the first that holds it as a
    run; None when no source does. Their strings are made known to `vocab`."""
    for source in known:
        if (rows := source.copied_rows(line, words)) is not None:
            _share_strings(rows, source.vocab, vocab)
            return rows
    for source in known:
        if (rows := source.cut_rows(words)) is not None:
            _share_strings(rows, source.vocab, vocab)
            return rows
    return None


class _Bounds(NamedTuple):
    start: int
    end: int


def _bounds(doc) -> list[_Bounds]:
    """The token ranges of the Doc's sentences, read from its array of sentence starts: `doc.sents` would make a
    Token object per word to find them."""
    from spacy.attrs import SENT_START

    starts = [i for i, flag in enumerate(doc.to_array([SENT_START]).ravel().tolist()) if flag == 1 or i == 0]
    return [_Bounds(start, end) for start, end in zip(starts, [*starts[1:], len(doc)], strict=True) if end > start]


def _trimmed(doc, sentences) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(first token, end token, text, words) of each sentence without the spaces and line breaks around it, read
    from the Doc's arrays (no Token object per word: this runs over every sentence of a long text)."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    text = doc.text
    table = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
    out = []
    for sentence in sentences:
        start, end = sentence.start, sentence.end
        while start < end and table[start][2]:
            start += 1
        while end > start and table[end - 1][2]:
            end -= 1
        words = tuple(text[table[i][0]:table[i][0] + table[i][1]] for i in range(start, end))
        line = text[table[start][0]:table[end - 1][0] + table[end - 1][1]] if words else ""
        out.append((start, end, line, words))
    return out


def _share_strings(rows, vocab, into) -> None:
    """Make the tags and lemmas of `rows` (ids in `vocab`) known to the vocabulary `into`: ids are hashes of
    strings, the same in both, but each pipeline keeps its own table of strings."""
    strings = into.strings
    for value in set(rows[:, 1:].ravel().tolist()):
        if value not in strings:
            strings.add(vocab.strings[value])


def _untagged_runs(doc, tagged) -> list[tuple[int, int]]:
    """(first, last) token indices of each run of untagged words; runs with only spaces between them are one."""
    runs: list[tuple[int, int]] = []
    for i in (~tagged).nonzero()[0].tolist():
        if runs and all(doc[k].is_space for k in range(runs[-1][1] + 1, i)):
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


class Analysis:
    def __init__(self, text: str, lang: str, doc, offset: int = 0) -> None:
        self.text = text
        self.offset = offset  # where this text starts in the text it is a part of (see `parts`)
        self.lang = lang
        self.doc = doc
        self.tagged = has_tags(lang)
        self.config = settings(lang)
        self._words: dict[tuple[int, int], list] = {}

    @cached_property
    def parsed(self) -> bool:
        """Whether the text has its dependency parse (`token.dep_`, `token.head`): not with `full=False`, nor in
        English."""
        return self.doc.has_annotation("DEP")

    @cached_property
    def sentences(self) -> list:
        return [s for s in self.doc.sents if any(not t.is_punct and not t.is_space for t in s)]

    def words(self, span) -> list:
        """The words of a span of this text (no punctuation or space), read once per span: several rules and the
        rewrite ask for the same sentences' words. The list is shared: read it, do not change it."""
        if span.doc is not self.doc:
            return [t for t in span if not t.is_punct and not t.is_space and _WORD_CHAR.search(t.text)]
        key = (span.start, span.end)
        if key not in self._words:
            self._words[key] = [t for t in span if not t.is_punct and not t.is_space and _WORD_CHAR.search(t.text)]
        return self._words[key]

    @cached_property
    def known_tags(self) -> "KnownTags":
        """The tags of its sentences, for those of a rewrite that copies them (see `analyse_rewrite`)."""
        return KnownTags(self)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) character offsets of the paragraphs (separated by blank lines)."""
        spans, start = [], 0
        for match in re.finditer(r"\n\s*\n", self.text):
            spans.append((start, match.start()))
            start = match.end()
        spans.append((start, len(self.text)))
        return [(s, e) for s, e in spans if self.text[s:e].strip()]

    def parts(self, max_chars: int) -> list["Analysis"]:
        """The text cut between paragraphs into parts of at most `max_chars` characters (a longer paragraph is
        cut between sentences), each an analysis sharing this parse; `[self]` when the text is short enough."""
        if len(self.text) <= max_chars:
            return [self]
        spans: list[tuple[int, int]] = []
        for start, end in self._pieces(max_chars):
            if spans and end - spans[-1][0] <= max_chars:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        return [self._part(start, end) for start, end in spans]

    def _pieces(self, max_chars: int) -> list[tuple[int, int]]:
        """The paragraphs, and the sentences of those longer than `max_chars`, as (start, end) offsets."""
        pieces = []
        for start, end in self.paragraphs:
            if end - start <= max_chars:
                pieces.append((start, end))
                continue
            inside = [s for s in self.sentences if start <= s.start_char < end]
            pieces.extend((s.start_char, min(s.end_char, end)) for s in inside)
        return pieces

    def _part(self, start: int, end: int) -> "Analysis":
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return Analysis(span.text, self.lang, span.as_doc(), self.offset + span.start_char)

    @cached_property
    def token_starts(self) -> dict[int, int]:
        """{character offset: token index} of the tokens, read without making a Token object per word."""
        from spacy.attrs import IDX  # spaCy is loaded already: this text was parsed with it

        return {start: i for i, start in enumerate(self.doc.to_array([IDX]).tolist())}

    def token_at(self, start: int):
        """The token that starts at character `start`, or None."""
        i = self.token_starts.get(start)
        return None if i is None else self.doc[i]

    @cached_property
    def nouns(self) -> dict[str, str]:
        """{form: lemma} of the nouns of more than three letters, lowercase; empty when the text is not tagged."""
        if not self.tagged:
            return {}
        from spacy.attrs import LEMMA, ORTH, POS  # spaCy is loaded already: this text was parsed with it
        from spacy.parts_of_speech import NOUN

        strings = self.doc.vocab.strings
        rows = self.doc.to_array([ORTH, LEMMA, POS]).tolist()  # read as numbers: no Token object made per word
        return {text.lower(): strings[lemma].lower() for orth, lemma, pos in rows
                if pos == NOUN and len(text := strings[orth]) > 3}

    @cached_property
    def numbers(self) -> list[numbers_module.NumberMention]:
        return numbers_module.mentions(self.text, self.lang)

    @cached_property
    def negations(self) -> list[Negation]:
        found: dict[tuple[int, int], Negation] = {}
        negators = _NEGATION_WORDS[self.lang]
        for index, sentence in enumerate(self.sentences):
            for token in sentence:
                lower = token.text.lower()
                if lower not in negators and "Polarity=Neg" not in str(token.morph):
                    continue
                if lower == "plus" and not self._after_ne(token):
                    continue  # "plus" negates only with "ne"
                predicate = self._negated(token)
                key = (index, predicate.i)
                start = min(token.idx, predicate.idx, found[key].start if key in found else token.idx)
                end = max(token.idx + len(token.text), predicate.idx + len(predicate.text))
                found[key] = Negation(self.text[start:end], start, end, predicate.lemma_.lower() or
                                      predicate.text.lower(), index)
        return sorted(found.values(), key=lambda n: n.start)

    def _after_ne(self, token) -> bool:
        return any(t.text.lower() in ("ne", "n'", "n’") for t in token.sent if t.i < token.i)

    def _negated(self, token):
        """The word a negation marker bears on: its syntactic head when tagged, else the next word."""
        if self.tagged and token.head is not token and token.head.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            return token.head
        following = [t for t in token.sent if t.i > token.i and t.is_alpha and t.text.lower() not in
                     _NEGATION_WORDS[self.lang]]
        return following[0] if following else token

    @cached_property
    def acronyms(self) -> list[Acronym]:
        found = []
        roman = {(n.start, n.end) for n in self.numbers if n.kind == "roman"}
        for match in _ACRONYM.finditer(self.text):
            if (match.start(), match.end()) in roman or self._in_capitals_run(match.start(), match.end()):
                continue
            found.append((match.group(), match.start(), match.end()))
        expansions = {short: self._expansion(short) for short in {f[0] for f in found}}
        return [Acronym(short, start, end, expansions[short]) for short, start, end in found]

    def _in_capitals_run(self, start: int, end: int) -> bool:
        around = self.text[max(0, start - 30):end + 30]
        return len(re.findall(r"\b[A-ZÀ-Ý]{3,}\b", around)) >= 4

    def _expansion(self, short: str) -> str | None:
        letters = short.rstrip("s").replace("&", "").lower()
        quoted = re.escape(short)
        for match in re.finditer(rf"\(\s*{quoted}\s*\)", self.text):  # "Organisation mondiale de la santé (OMS)"
            before = re.findall(r"[\w'’-]+", self.text[max(0, match.start() - 200):match.start()])
            for size in range(len(letters), min(len(before), len(letters) * 3) + 1):
                candidate = before[-size:]
                if _spells(candidate, letters):
                    return re.sub(r"^(?:l|d)['’]", "", " ".join(candidate), flags=re.IGNORECASE)
        for match in re.finditer(rf"\b{quoted}\s*\(([^()]{{3,120}})\)", self.text):  # "OMS (Organisation …)"
            words = re.findall(r"[\w'’-]+", match.group(1))
            if _spells(words, letters):
                return match.group(1).strip()
        for match in re.finditer(rf"\(\s*{quoted}\s*\)", self.text):  # "l'adénosine triphosphate (ATP)"
            before = re.findall(r"[\w'’-]+", self.text[max(0, match.start() - 80):match.start()])[-4:]
            while before and before[0].lower().split("'")[-1] in _CONNECTING:
                before = before[1:]
            phrase = [w.split("'")[-1].split("’")[-1] for w in before]
            if len(phrase) >= 2 and phrase[0][:1].lower() == letters[:1]:
                return " ".join(phrase)
        return None

    @cached_property
    def rare_words(self) -> list[RareWord]:
        threshold, min_length = self.config["rare_zipf"], self.config["rare_min_length"]
        acronyms = {a.text for a in self.acronyms}
        found = []
        for sentence in self.sentences:
            for token in self.words(sentence):
                if not token.is_alpha or len(token.text) < min_length or token.text in acronyms:
                    continue
                if self.tagged and token.pos_ == "PROPN" and not token.text.islower():
                    continue  # a name; a word in lower case is a word the tagger misread (« l'hyperthyroïdie »)
                if not self.tagged and token.text[0].isupper() and token.i != sentence.start:
                    continue
                lemma = (token.lemma_ or token.text).lower()
                lemma_zipf = zipf(lemma, self.lang)
                if lemma_zipf == 0:
                    lemma = token.text.lower()  # the lemmatiser truncated an unknown word
                frequency = max(zipf(token.text.lower(), self.lang), lemma_zipf)
                if frequency < threshold:
                    found.append(RareWord(token.text, lemma, token.idx, token.idx + len(token.text), frequency))
        return found

    @cached_property
    def readability(self) -> Readability:
        words = [t for s in self.sentences for t in self.words(s)]
        return score(self.lang, words=len(words), sentences=len(self.sentences),
                     syllables=sum(syllables.count(t.text, self.lang) for t in words),
                     rare_words=len(self.rare_words))


def _spells(words: list[str], letters: str) -> bool:
    """Whether the initials of `words` spell `letters` (connecting words may be skipped)."""
    def walk(i: int, j: int) -> bool:
        if j == len(letters):
            return i == len(words)
        if i == len(words):
            return False
        word = words[i].lower().replace("’", "'").split("'")[-1]
        if word and word[0] == letters[j] and walk(i + 1, j + 1):
            return True
        return word in _CONNECTING and walk(i + 1, j)
    return walk(0, 0)
