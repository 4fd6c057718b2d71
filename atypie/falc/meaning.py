"""The meaning check: a rewrite keeps every number's value, every negated fact negated, and every key
term (present in the text or defined in the glossary). A failure is reported, never hidden."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field

from ..adapters import grammalecte
from ..language import numbers
from ..language.analysis import analyse
from . import sentence_check
from .rewrite import is_note

_NEGATORS = {"fr": {"ne", "n'", "n’", "pas", "jamais", "aucun", "aucune", "sans", "ni", "rien", "personne", "nullement",
                    "guère", "non", "plus"},
             "en": {"not", "n't", "never", "no", "none", "without", "nor", "neither", "nothing", "nobody", "cannot"}}
_MARKERS = {"fr": {"ne", "n'", "n’", "sans", "aucun", "aucune", "jamais", "non", "ni", "nullement"},
            "en": _NEGATORS["en"]}
_SKIP_POS = {"AUX", "PRON", "DET", "ADP", "PUNCT", "SPACE", "CCONJ", "SCONJ", "ADV"}
_STRUCTURE_WORDS = {sentence_check.GLUED: ("mot collé à lui-même", "word glued to itself"),
                    sentence_check.DOUBLED: ("mot répété", "doubled word"),
                    sentence_check.DANGLING: ("phrase coupée", "sentence cut short"),
                    sentence_check.NO_VERB: ("phrase sans verbe", "sentence without a verb"),
                    sentence_check.RUN_ON: ("deux phrases collées", "two clauses run together"),
                    sentence_check.RELATIVE_START: ("phrase coupée de son nom", "clause cut from its noun"),
                    sentence_check.SUBORDINATE_ONLY: ("phrase sans sa proposition principale",
                                                      "clause without its main clause"),
                    sentence_check.LIST_MIXED: ("liste mal découpée", "list cut at the wrong places")}


@dataclass(frozen=True)
class MeaningCheck:
    numbers_missing: list[str] = field(default_factory=list)
    numbers_added: list[str] = field(default_factory=list)
    negations_lost: list[str] = field(default_factory=list)
    terms_missing: list[str] = field(default_factory=list)
    numbers_checked: int = 0
    negations_checked: int = 0
    terms_checked: int = 0
    structure_added: list[str] = field(default_factory=list)  # sentence problems the output has and the source not
    not_applicable: list[str] = field(default_factory=list)  # checks that could not run: never counted as passed

    @property
    def ok(self) -> bool:
        return not (self.numbers_missing or self.numbers_added or self.negations_lost or self.terms_missing
                    or self.structure_added)

    def to_dict(self) -> dict:
        return {"ok": self.ok, **asdict(self)}

    def problems(self, lang: str = "fr") -> list[str]:
        fr = lang != "en"
        out = []
        if self.numbers_missing:
            out.append(("nombres perdus : " if fr else "numbers lost: ") + ", ".join(self.numbers_missing))
        if self.numbers_added:
            out.append(("nombres ajoutés : " if fr else "numbers added: ") + ", ".join(self.numbers_added))
        if self.negations_lost:
            out.append(("négations perdues : " if fr else "negations lost: ") + ", ".join(self.negations_lost))
        if self.terms_missing:
            out.append(("mots clés absents : " if fr else "key terms missing: ") + ", ".join(self.terms_missing))
        if self.structure_added:
            out.append(("phrases abîmées : " if fr else "broken sentences: ") + ", ".join(
                _STRUCTURE_WORDS[problem][0 if fr else 1] for problem in self.structure_added))
        return out


def key_terms(analysis) -> list[str]:
    """Terms a faithful rewrite must keep: acronyms, rare words, and nouns the text repeats."""
    terms = {a.text for a in analysis.acronyms}
    terms |= {w.lemma for w in analysis.rare_words}
    if analysis.tagged:
        from spacy.attrs import LEMMA, LENGTH, POS  # spaCy is loaded already: this text was parsed with it
        from spacy.symbols import NOUN

        strings = analysis.doc.vocab.strings  # read as arrays: no Token object per word of a long text
        nouns = Counter(strings[lemma].lower() for pos, length, lemma in
                        analysis.doc.to_array([POS, LENGTH, LEMMA]).tolist() if pos == NOUN and length > 3)
        terms |= {noun for noun, count in nouns.items() if count >= 2}
    return sorted(terms)


def negated_predicates(analysis) -> Counter:
    """What each negation bears on, read the same way in both texts: the first content word after a
    negation ("n'a jamais recommandé" → "recommander"; "sans aucune crise" → "crise"). The second half of
    "ne … pas / jamais / plus / rien" belongs to the "ne" before it and is not counted twice."""
    found: Counter = Counter()
    starters = _MARKERS[analysis.lang]
    for sentence in analysis.sentences:
        tokens = [t for t in sentence if not t.is_space]
        last_ne = -10
        for k, token in enumerate(tokens):
            lower = token.text.lower()
            if lower not in starters:
                continue
            if lower not in ("ne", "n'", "n’") and k - last_ne <= 6:
                continue  # "pas", "jamais", "aucun" completing a "ne"
            if lower in ("ne", "n'", "n’"):
                last_ne = k
            predicate = _next_content(tokens, k, analysis)
            if predicate is not None:
                found[predicate] += 1
    return found


def _next_content(tokens: list, k: int, analysis) -> str | None:
    for candidate in tokens[k + 1:k + 8]:
        if candidate.text.lower() in _NEGATORS[analysis.lang] or not candidate.is_alpha:
            continue
        if analysis.tagged and candidate.pos_ in _SKIP_POS:
            continue
        return _lemma(candidate)
    return None


def check_meaning(source, output_text: str, glossary_terms: list[str], explanatory: set[str],
                  output=None, replaced: frozenset[str] = frozenset(),
                  not_applicable: tuple[str, ...] = ()) -> MeaningCheck:
    """`output` may be passed when the caller has already analysed `output_text`; `replaced` holds the words
    of expressions the rewrite replaced on purpose (idioms, formal phrases), which are not key terms."""

    if output is None and output_text.strip():
        output = analyse(output_text, source.lang, full=False)
    source_values = {m.value for m in source.numbers}
    output_values = numbers.values(output_text, source.lang)
    missing = sorted(source_values - output_values)
    added = sorted(output_values - source_values - explanatory)
    lost = []
    negated = negated_predicates(source)
    if output is not None:
        kept = negated_predicates(output)
        renamed = []  # « n'occasionne pas » → « ne cause pas »: the verb was replaced on purpose, not its negation
        for predicate, count in negated.items():
            if kept[predicate] < count:
                (renamed if predicate in replaced else lost).append(predicate)
        new_ones = sum(max(0, n - negated[predicate]) for predicate, n in kept.items())
        if sum(negated[p] - kept[p] for p in renamed) > new_ones:
            lost += renamed
    output_lemmas = {_lemma(t) for t in output.doc} if output is not None else set()
    lowered = output_text.lower()
    glossary = {term.lower() for term in glossary_terms}
    terms = [term for term in key_terms(source) if term.lower() not in replaced]
    terms_missing = [term for term in terms if term.lower() not in output_lemmas and term.lower() not in glossary
                     and not re.search(rf"\b{re.escape(term.lower())}", lowered)]
    structure, skipped = _structure_added(source, output)
    return MeaningCheck(missing, added, sorted(lost), terms_missing, len(source_values),
                        sum(negated.values()), len(terms), structure,
                        sorted({*not_applicable, *skipped}))


def _structure_added(source, output) -> tuple[list[str], list[str]]:
    """The sentence problems (verb lost, clauses run together, sentence cut, glued or doubled word) that the
    output has more of than the source. The subject and object need a dependency parse of the output, which
    is not made: they are reported as not checked."""
    skipped = ["subject-object"]
    if output is None:
        return [], skipped
    tagged = source.tagged and output.tagged
    if not tagged:
        skipped.append("structure")

    conjugated = grammalecte.could_be_conjugated if source.lang == "fr" and grammalecte.available() else None

    def sentences(analysis) -> list:
        return [s for s in analysis.sentences if not _not_a_sentence(s.text.strip(), source.lang)]

    def total(chosen: list, copied: Counter) -> Counter:
        left, found = Counter(copied), Counter()
        for sentence in chosen:
            text = sentence.text.strip()
            if left[text]:
                left[text] -= 1  # the same words with the same tags on both sides: the same problems, which cancel
                continue
            found += sentence_check.problems(sentence, tagged=tagged, conjugated=conjugated)
        return found

    ours, theirs = sentences(source), sentences(output)
    copied = Counter(s.text.strip() for s in ours) & Counter(s.text.strip() for s in theirs)
    before, after = total(ours, copied), total(theirs, copied)
    return sorted(problem for problem, count in after.items() if count > before[problem]), skipped


def _not_a_sentence(text: str, lang: str) -> bool:
    """A note made of an aside, a list's introduction (« … sont : ») or one of its items (« - L'eau. ») is not a
    sentence; the guard checks lists as lists."""
    return is_note(text, lang) or text.startswith("- ") or text.endswith(":")


def _lemma(token) -> str:
    return (token.lemma_ or token.text).lower()
