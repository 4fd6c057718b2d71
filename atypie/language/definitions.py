"""Definitions a text gives itself: acronyms with their expansion, appositions, « c'est-à-dire », « appelé »,
« désigne », « on appelle », « est un … qui », « se définit comme », « signifie », colon definitions.

The cue words come from `lang/<lang>/definition_cues.txt`. Everything here is linear in the length of the text:
each sentence is cut once into words by a regular expression with no nested repetition, the cues are literal
alternatives, and each cue looks only at a bounded window of words around it. The spaCy parse of the analysis
(part of speech) is used where it is reliable: to refuse pronoun or proper-noun subjects, and to check that an
apposition starts with a noun.
"""
from __future__ import annotations

import re
import unicodedata
import weakref
from dataclasses import dataclass
from functools import cache, lru_cache

from .data import entries
from .data import words as word_list
from .frequency import zipf

# Words: an elided article or pronoun ("l'", "qu'"), a word (with hyphens), a number, or one sign.
_TOKEN = re.compile(r"[^\W\d_]{1,5}['’](?=[^\W\d_])|[^\W\d_]+(?:-[^\W\d_]+)*|\d+(?:[.,]\d+)*|[^\w\s]")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,9}s?")
_MAX_TERM_WORDS = 5
_MAX_DEFINITION_WORDS = 40
_MAX_SHOWN_WORDS = 30  # longer than this, what follows a cue is a clause, not a definition
_MAX_WINDOW = 60  # words looked at on each side of a cue
_QUOTES_OPEN = {"«", "“", '"', "‹", "'"}
_QUOTES_CLOSE = {"»", "”", '"', "›", "'"}
_ACRONYM_SKIPPED = {"et", "and", "&", "la", "le", "les", "l'", "du", "des", "d'", "aux", "au", "pour", "sur", "of",
                    "the", "for", "in", "on", "par"}
_INNER_ARTICLES = {"la", "l'", "les", "the"}
_CLAUSE_END = {",", ";", ":", ".", "!", "?", ")", "]", "…"}
_CUE_KINDS = ("reformulation", "appele", "on_appelle", "on_l_appelle", "designe", "designe_nomme", "copule")
_BE = {"est", "sont", "été", "is", "are", "was", "were"}  # « est appelée », « a été appelé », "is called"
_SUBJECT_ARTICLES = {"le", "la", "l'", "les", "un", "une", "des", "the", "a", "an"}


@dataclass(frozen=True)
class TextDefinition:
    term: str  # as written in the text, without its article
    definition: str
    cue: str  # acronym, parenthesis, that-is, called, we-call, designates, is-a, apposition, colon
    start: int  # where the term is in the text

    @property
    def key(self) -> str:
        return normalise(self.term)

    def to_dict(self) -> dict:
        return {"term": self.term, "definition": self.definition, "cue": self.cue, "start": self.start}


@dataclass(frozen=True)
class _Word:
    text: str
    lower: str
    start: int
    end: int


_LEADING_ARTICLE = re.compile(r"^(?:l'|le |la |les |un |une |des |the |a |an )")


@lru_cache(maxsize=1 << 16)
def normalise(term: str) -> str:
    """The key of a term: lowercase, straight apostrophes, single spaces, no leading article."""
    key = " ".join(term.lower().replace("’", "'").split())
    return _LEADING_ARTICLE.sub("", key)


def fold(text: str) -> str:
    """Lowercase without accents (to compare an acronym's letters with the initials of its words)."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(ch) != "Mn")


@cache
def cues(lang: str) -> dict[str, frozenset[str]]:
    table = entries(lang, "definition_cues.txt")
    return {kind: frozenset(v.lower().replace("’", "'") for v in values) for kind, values in table.items()}


def not_a_definition(words: list[str], lang: str) -> bool:
    """Whether a bracket's words open on a reference, an origin or a symbol (the language's `pas_definition` cues:
    « (voir … », « (du grec … », « (symbole kWh) »), or hold quoted glosses or another script (« (折り紙?, d'oru,
    « plier ») »): no definition of the word before the bracket."""
    refused = cues(lang).get("pas_definition", frozenset())
    lowered = [w.lower().replace("’", "'") for w in words[:2]]
    opening = " ".join(lowered)
    refused_opening = bool(lowered) and any(o in refused for o in (lowered[0], opening, opening.replace(" .", ".")))
    glossed = any(w in ("«", "»", "“", "”") or re.search(r"[^\W\d_]", w) and not re.search(r"[A-Za-zÀ-ÿŒœ]", w)
                  for w in words)  # quoted glosses, or a word of another script
    return refused_opening or glossed


@cache
def _cue_pattern(lang: str) -> re.Pattern | None:
    table = cues(lang)
    phrases = {phrase: kind for kind in _CUE_KINDS for phrase in table.get(kind, ())}
    if not phrases:
        return None
    alternatives = "|".join(re.escape(p).replace("'", "['’]") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w'’-])", re.IGNORECASE)


def find_definitions(analysis) -> list[TextDefinition]:
    """Every definition the text gives itself, in text order (a term defined twice keeps each); read once per
    analysis (the word replacements and the glossary both ask)."""
    found = _FOUND.get(analysis)
    if found is None:
        found = _FOUND[analysis] = _find(analysis)
    return list(found)


_FOUND: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _find(analysis) -> list[TextDefinition]:
    finder = _Finder(analysis)
    found: list[TextDefinition] = []
    for sentence in analysis.sentences:
        found.extend(finder.sentence(sentence.start_char, sentence.end_char))
    found.extend(finder.colon_lines())
    seen: set[tuple[str, str]] = set()
    unique = []
    for item in sorted(found, key=lambda d: d.start):
        if (item.key, item.definition) not in seen and item.key and item.key != normalise(item.definition):
            seen.add((item.key, item.definition))
            unique.append(item)
    return unique


class _Finder:
    def __init__(self, analysis) -> None:
        self.analysis = analysis
        self.text = analysis.text
        self.lang = analysis.lang
        self.cues = cues(analysis.lang)
        self.pattern = _cue_pattern(analysis.lang)
        self.function = word_list(analysis.lang, "function_words.txt")
        self.rare = analysis.config["rare_zipf"]
        self.closed = (self.cues.get("determinants", frozenset()) | self.cues.get("relatifs", frozenset())
                       | self.cues.get("vides", frozenset()) | self.function)

    # --- words -------------------------------------------------------------------------------------------
    def words(self, start: int, end: int) -> list[_Word]:
        return [_Word(m.group(), m.group().lower().replace("’", "'"), m.start(), m.end())
                for m in _TOKEN.finditer(self.text, start, end)]

    def pos(self, word: _Word) -> str:
        token = self.analysis.token_at(word.start) if self.analysis.tagged else None
        return token.pos_ if token is not None else ""

    def content(self, word: _Word) -> bool:
        """A word that may be part of a term: a letter word that is no article, pronoun or tool word."""
        if not word.text[:1].isalpha() or word.lower in self.closed or word.lower in self.cues.get("liaisons", ()):
            return False
        tag = self.pos(word)
        if tag == "VERB":  # rare nouns are often tagged as verbs: refuse only frequent verbs
            return zipf(word.lower, self.lang) < self.rare
        return tag not in ("AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PUNCT", "NUM")

    def link(self, word: _Word) -> bool:
        return word.lower in self.cues.get("liaisons", ())

    def span(self, words: list[_Word], i: int, j: int) -> str:
        return " ".join(self.text[words[i].start:words[j - 1].end].split()) if j > i else ""

    def term_before(self, words: list[_Word], j: int) -> tuple[int, int] | None:
        """The noun group that ends right before word `j` (quotes allowed): (first, end) word indexes."""
        end = j
        while end > 0 and words[end - 1].text in _QUOTES_CLOSE:
            end -= 1
        if end > 2 and words[end - 1].text == ")" and words[end - 3].text == "(" and _ACRONYM.fullmatch(
                words[end - 2].text):
            end -= 3  # "la pneumonie acquise en communauté (PAC) est …": the acronym is not the end of the term
        i, content = end, 0
        while i > 0 and end - i < 2 * _MAX_TERM_WORDS:
            word = words[i - 1]
            if self.content(word):
                content += 1
                i -= 1
            elif (self.link(word) or word.lower in _INNER_ARTICLES) and i < end and (
                    self.content(words[i]) or words[i].lower in _INNER_ARTICLES) and i - 1 > 0 and (
                    self.content(words[i - 2]) or self.link(words[i - 2])):
                i -= 1  # "îlot de chaleur", "membres de l'équation": tool words only inside the term
            else:
                break
            if content >= _MAX_TERM_WORDS:
                break
        while i < end and (self.link(words[i]) or words[i].lower in _INNER_ARTICLES):
            i += 1
        if i >= end or not content:
            return None
        while i > 0 and words[i - 1].text in _QUOTES_OPEN:
            i -= 1
        return i, end

    def term_after(self, words: list[_Word], i: int, *, stop_at_determiner: bool = True) -> tuple[int, int] | None:
        """The noun group that starts at word `i` (quotes allowed)."""
        start = i
        quoted = start < len(words) and words[start].text in _QUOTES_OPEN
        if quoted:
            close = next((k for k in range(start + 1, min(len(words), start + 12)) if words[k].text in _QUOTES_CLOSE),
                         None)
            if close is not None and close > start + 1:
                return start + 1, close
            start += 1
        if start < len(words) and words[start].lower in self.cues.get("determinants", ()) and not stop_at_determiner:
            start += 1
        j, content = start, 0
        longest = _MAX_TERM_WORDS if self.analysis.tagged else 1  # without tags, a verb cannot be told apart
        while j < len(words) and content < longest:
            word = words[j]
            if self.content(word):
                content += 1
                j += 1
            elif self.link(word) and content and j + 1 < len(words) and self.content(words[j + 1]):
                j += 1
            else:
                break
        return (start, j) if content else None

    def clause_end(self, words: list[_Word], i: int, stops=_CLAUSE_END) -> int:
        j = i
        while j < len(words) and j - i < _MAX_DEFINITION_WORDS and words[j].text not in stops:
            j += 1
        return j

    def acceptable(self, words: list[_Word], i: int, j: int, minimum: int = 2) -> bool:
        inner = [w for w in words[i:j] if w.text[:1].isalnum()]
        return minimum <= len(inner) <= _MAX_DEFINITION_WORDS and inner[0].lower not in self.cues.get("vides", ())

    def definition(self, term: tuple[int, int], words: list[_Word], i: int, j: int, cue: str,
                   *, strip_article: bool = False) -> TextDefinition | None:
        first, end = term
        while first < end and (words[first].text in _QUOTES_OPEN or words[first].lower in
                               self.cues.get("noms_de_terme", ())):
            first += 1
        while end > first and words[end - 1].text in _QUOTES_CLOSE:
            end -= 1
        if first >= end or not self.acceptable(words, i, j):
            return None
        if strip_article and words[i].lower in self.cues.get("determinants", ()):
            i += 1
        pieces = _outside_asides(words, i, j)  # « le mécanisme par lequel les organismes (ceux qui …) convertissent »
        last_start, j = pieces[-1]
        while j > last_start and (words[j - 1].text in _CLAUSE_END or words[j - 1].text in _QUOTES_CLOSE and sum(
                w.text in _QUOTES_OPEN for w in words[last_start:j]) < sum(w.text in _QUOTES_CLOSE for w in words[
                last_start:j])):  # a closing quote goes unless it closes one the definition opened: « tokens »
            j -= 1
        pieces[-1] = (last_start, j)
        if sum(b - a for a, b in pieces) > _MAX_SHOWN_WORDS:
            return None  # a whole clause, not a definition a reader can take in
        text = " ".join(self.span(words, a, b) for a, b in pieces if b > a).replace(" ,", ",").strip(" ,;:")
        opening = words[pieces[0][0]] if pieces and pieces[0][1] > pieces[0][0] else None
        if opening is not None and opening.text[:1].isupper() and not opening.text.isupper() \
                and self.pos(opening) != "PROPN":  # « Une fonction … est appelée méthode »: the sentence's capital
            text = text[:1].lower() + text[1:]
        term_text = self.span(words, first, end)
        if not text or not term_text or normalise(term_text) in normalise(text).split():
            return None
        if self.pos(words[first]) == "PROPN" and words[first].text[:1].isupper() and not _ACRONYM.fullmatch(
                words[first].text) and (first == 0 or words[first - 1].lower not in self.cues.get("determinants", ())):
            return None  # "Paris est une ville …": a name, not a term
        return TextDefinition(term_text, text, cue, words[first].start)

    # --- one sentence ------------------------------------------------------------------------------------
    def sentence(self, start: int, end: int) -> list[TextDefinition]:
        words = self.words(start, end)
        found: list[TextDefinition] = []
        found += self.parentheses(words)
        found += self.appositions(words)
        if self.pattern is not None:
            index = {w.start: k for k, w in enumerate(words)}
            for match in self.pattern.finditer(self.text, start, end):
                k = index.get(match.start())
                if k is None:
                    continue
                j = k
                while j < len(words) and words[j].end <= match.end():
                    j += 1
                phrase = re.sub(r"\s+", " ", self.text[match.start():match.end()].lower().replace("’", "'"))
                for kind in _CUE_KINDS:
                    if phrase in self.cues.get(kind, ()):
                        item = getattr(self, "cue_" + kind)(words, k, j)
                        if item is not None:
                            found.append(item)
                            break
        return found

    def parentheses(self, words: list[_Word]) -> list[TextDefinition]:
        found = []
        for k, word in enumerate(words):
            if word.text != "(":
                continue
            close = next((j for j in range(k + 1, min(len(words), k + _MAX_DEFINITION_WORDS)) if words[j].text in
                          "()"), None)
            if close is None or words[close].text != ")" or close == k + 1:
                continue
            inside = words[k + 1:close]
            item = self.acronym(words, k, close) or self.aside_names(words, k, close)
            if item is None and not (len(inside) == 1 and _ACRONYM.fullmatch(inside[0].text)):
                item = self.parenthesis(words, k, close, inside)  # "(CO2)" that nothing spells: no definition
            if item is not None:
                found.append(item)
        return found

    def acronym(self, words: list[_Word], k: int, close: int) -> TextDefinition | None:
        inside = words[k + 1:close]
        if len(inside) == 1 and _ACRONYM.fullmatch(inside[0].text):  # "îlot de chaleur urbain (ICU)"
            short = inside[0].text
            before = [w for w in words[max(0, k - 3 * len(short) - 3):k] if w.text[:1].isalpha()]
            expansion = _spelled_tail(before, short, self.cues.get("liaisons", frozenset()) | {"l'", "d'"})
            if expansion:
                return TextDefinition(short, self.span(words, words.index(expansion[0]), k), "acronym",
                                      inside[0].start)
        if k > 0 and _ACRONYM.fullmatch(words[k - 1].text):  # "l'ICU (îlot de chaleur urbain)"
            short = words[k - 1].text
            comma = next((n for n, w in enumerate(inside) if w.text == ","), len(inside))  # « BP (Before Present,
            letters = [w for w in inside[:comma] if w.text[:1].isalpha()]  # avant 1950) »: spelled before the comma
            while letters and letters[0].lower in self.cues.get("determinants", ()):
                letters = letters[1:]
            spelled = _spelled_tail(letters, short, self.cues.get("liaisons", frozenset()) | {"l'", "d'"})
            if spelled and spelled[0] is letters[0]:
                return TextDefinition(short, self.span(words, words.index(spelled[0]), close), "acronym",
                                      words[k - 1].start)
        return None

    def parenthesis(self, words: list[_Word], k: int, close: int, inside: list[_Word]) -> TextDefinition | None:
        if any(w.text[:1].isdigit() for w in inside):
            return None  # "(1789)", "(p. 12)": facts or references, not a definition
        if inside[-1].lower.rstrip(".") in ("etc", "…") or (inside[-1].text in (".", "…") and len(inside) > 1
                                                            and inside[-2].lower == "etc"):
            return None  # « (biologie moléculaire, chimie organique, électronique, etc.) »: examples, not a meaning
        opening = " ".join(w.lower for w in inside[:2])
        if not_a_definition([w.text for w in inside], self.analysis.lang):
            return None
        first = inside[0].lower
        if self.analysis.tagged and first not in ("ou", "or") and self.pos(inside[0]) not in (
                "DET", "NOUN", "PROPN", "ADJ", "X"):
            return None  # « (aussi bien en surface que dans la mer) »: a precision, not a name for the word before
        if first in self.cues.get("reformulation", ()) or opening.replace(" ", "") in {
                c.replace(" ", "") for c in self.cues.get("reformulation", ())}:
            return None  # read by the reformulation cue
        if first in ("ou", "or"):  # "grandeur physique (ou dimension)": two names; "(ou dans les 48 h …)": neither
            term = self.term_after(words, k + 2) if len(inside) <= 4 else None
            before = self.term_before(words, k)
            if term and before and term[1] == close:
                return self.definition(term, words, before[0], before[1], "parenthesis")
            return None
        term = self.term_before(words, k)
        if term is None or (self.analysis.tagged and not any(self.pos(w) in ("NOUN", "PROPN", "X")
                                                              for w in words[term[0]:term[1]])):
            return None  # « absorbé et dissipé (échauffement et évapotranspiration) »: causes, not a name of « dissipé »
        return self.definition(term, words, k + 1, close, "parenthesis")

    def appositions(self, words: list[_Word]) -> list[TextDefinition]:
        """« la mitochondrie, organite qui produit l'énergie, … »: a noun group, a comma, a noun group
        without an article (or with « un/une »), which holds a relative clause or a complement."""
        found = []
        determiners = self.cues.get("determinants", frozenset())
        relatives = self.cues.get("relatifs", frozenset())
        for c, word in enumerate(words):
            if word.text != "," or c == 0 or c + 2 >= len(words):
                continue
            head = c + 1
            if words[head].lower in self.cues.get("articles", ()):
                head += 1
            if head >= len(words) or not self.content(words[head]) or words[head].text[:1].isupper():
                continue
            if self.analysis.tagged:
                token = self.analysis.token_at(words[head].start)
                if token is None or (token.pos_ != "NOUN" and token.dep_ != "appos"):
                    continue
            term = self.term_before(words, c)
            if term is None or term[0] == 0 or words[term[0] - 1].lower not in determiners:
                continue
            end = self.clause_end(words, head, _CLAUSE_END - {")"} | {"("})
            inner = words[head:end]
            relative = next((n for n, w in enumerate(inner) if w.lower in relatives), None)
            complement = len(inner) >= 2 and (inner[1].lower in self.cues.get("liaisons", ()) or (
                self.analysis.tagged and self.pos(inner[1]) == "ADJ"))
            if relative is None and not complement:
                continue
            verbs = [n for n, w in enumerate(inner) if self.pos(w) in ("VERB", "AUX")]
            if verbs and (relative is None or verbs[0] < relative):
                continue  # "dans la cellule, mitochondries et ribosomes travaillent": a clause, not an apposition
            if " et " in f" {' '.join(w.lower for w in inner[:relative or len(inner)])} " and relative is None:
                continue  # an enumeration
            item = self.definition(term, words, c + 1, end, "apposition")
            if item is not None:
                found.append(item)
        return found

    # --- cues --------------------------------------------------------------------------------------------
    def cue_reformulation(self, words, k, j):  # "l'aléa, c'est-à-dire la probabilité …,"
        before = k
        while before > 0 and words[before - 1].text in (",", "("):
            before -= 1
        term = self.term_before(words, before)
        start = j
        while start < len(words) and words[start].text == ",":
            start += 1
        end = self.clause_end(words, start)
        return self.definition(term, words, start, end, "that-is") if term else None

    def cue_appele(self, words, k, j):  # "une substance verte appelée chlorophylle"
        if k > 0 and words[k - 1].lower in ("ce", "what"):  # "ce qu'on appelle un espace de noms, propre à …"
            return self.named_then_described(words, j)
        if k > 0 and words[k - 1].lower in _BE:  # "une fonction définie dans une classe est appelée méthode"
            return self.subject_named(words, k - 1, j)
        term = self.term_after(words, j)
        if term is None:
            return None
        before = k
        while before > 0 and words[before - 1].text in (",", "(", "aussi", "également", "encore", "souvent",
                                                         "parfois", "also", "often", "sometimes"):
            before -= 1
        group = self.term_before(words, before)
        if group is None:
            return None
        first = group[0]
        while first > 0 and words[first - 1].lower in self.cues.get("determinants", ()):
            first -= 1  # the definition keeps its article: "une substance verte"
        if first > 0 and words[first - 1].lower in ("ce", "this", "that", "what"):
            return None
        if len([w for w in words[group[0]:group[1]] if w.text[:1].isalpha()]) < 2:
            return None  # "une molécule appelée glucose": one word says too little
        return self.definition(term, words, group[0], group[1], "called")

    def named_then_described(self, words, j):
        """« … ce qu'on appelle un espace de noms, propre à chaque objet » : the term after the cue, described by
        the words after its comma up to the end of the clause."""
        term = self.term_after(words, j, stop_at_determiner=False)
        if term is None or term[1] >= len(words) or words[term[1]].text != ",":
            return None
        end = self.clause_end(words, term[1] + 1, {";", ".", "!", "?", ")"})
        return self.definition(term, words, term[1] + 1, end, "called")

    def subject_named(self, words, verb, j):
        """« Une fonction définie au sein d'une classe est appelée méthode. » : the subject that opens the sentence
        (with an article, not « ce » that points back) is what the term after the cue names."""
        term = self.term_after(words, j)
        if term is None or verb < 3 or words[0].lower not in _SUBJECT_ARTICLES:
            return None
        if any(w.text in _CLAUSE_END for w in words[:verb]):
            return None  # "Dans ce cas, la ligne est appelée …": the sentence does not open with the subject
        after = term[1]
        if after < len(words) and words[after].text not in _CLAUSE_END | {"et", "and"}:
            return None
        return self.definition(term, words, 0, verb, "called")

    def aside_names(self, words, k, close):
        """« … ils fusionnent (c'est la fécondation) » : the clause before the parenthesis, back to the last « : »,
        « ; » or the start of the sentence, is what the term in it names."""
        inside = words[k + 1:close]
        lowered = [w.lower for w in inside]
        if lowered[:2] != ["c'", "est"] or len(inside) < 4 or inside[2].lower not in _SUBJECT_ARTICLES:
            return None
        term = self.term_after(words, k + 4)
        if term is None or term[1] != close:
            return None
        start = k
        while start > 0 and words[start - 1].text not in (":", ";", "(", ")") and k - start < _MAX_SHOWN_WORDS:
            start -= 1
        if start > 0 and words[start - 1].text not in (":", ";"):
            return None  # a clause longer than a reader can take in, or inside brackets
        return self.definition(term, words, start, k, "parenthesis")

    def cue_on_appelle(self, words, k, j):  # "on appelle photosynthèse la fabrication de sucre …"
        if j < len(words) and words[j].lower in self.cues.get("vides", ()):
            return None  # "on appelle cela …"
        term = self.term_after(words, j)
        if term is None:
            return None
        start = term[1]
        while start < len(words) and words[start].text in (",", ":") + tuple(_QUOTES_CLOSE):
            start += 1
        if start >= len(words) or words[start].lower not in (self.cues.get("determinants", frozenset())
                                                              | {"le", "la", "l'", "les", "un", "une"}):
            return None
        end = self.clause_end(words, start, {";", ".", "!", "?"})
        return self.definition(term, words, start, end, "we-call")

    def cue_on_l_appelle(self, words, k, j):  # "lorsque le patient a aspiré du contenu gastrique, on l'appelle …"
        term = self.term_after(words, j)
        if term is None or k < 3 or words[k - 1].text != ",":
            return None
        start = k - 1
        while start > 0 and k - start <= _MAX_SHOWN_WORDS and words[start - 1].text not in (";", ":", "(", ")") \
                and words[start].lower not in self.cues.get("conditions", ()):
            start -= 1
        if words[start].lower not in self.cues.get("conditions", ()):
            return None  # the case it names is said by a « quand », « lorsque », « si » clause, or not at all
        return self.definition(term, words, start, k - 1, "we-call")

    def cue_designe(self, words, k, j, *, named: bool = False):  # "le biome désigne un grand milieu …"
        before = k
        while before > 0 and words[before - 1].lower in ("aussi", "également", "donc", "ici", "also", "here"):
            before -= 1
        relative = before > 0 and words[before - 1].lower in ("qui", "which", "that")
        if relative:
            before -= 1
            while before > 0 and words[before - 1].text == ",":
                before -= 1
        term = self.term_before(words, before)
        if term is None:
            return None
        if named and not (term[0] > 0 and words[term[0]].lower in self.cues.get("noms_de_terme", ()) or
                          term[0] > 0 and words[term[0] - 1].lower in self.cues.get("noms_de_terme", ())):
            return None
        start = j
        while start < len(words) and words[start].text in (",", ":") + tuple(_QUOTES_OPEN):
            start += 1
        if start >= len(words) or words[start].lower in ("que", "qu'", "that", "si", "if", "à", "de"):
            return None  # "cela signifie que …": not a definition of a word
        end = self.clause_end(words, start, {";", ".", "!", "?"} | ({","} if relative else set()))
        if end < len(words) and words[end].text == "," and not relative:
            end = self.clause_end(words, start, {";", ".", "!", "?"})
        return self.definition(term, words, start, end, "designates")

    def cue_designe_nomme(self, words, k, j):
        return self.cue_designe(words, k, j, named=True)

    def cue_copule(self, words, k, j):  # "la lithosphère est une couche rigide qui entoure la Terre"
        term = self.term_before(words, k)
        if term is None or j >= len(words):
            return None
        first = term[0]
        if first > 0 and words[first - 1].lower in self.cues.get("determinants", ()):
            first -= 1
        if first > 0 and words[first - 1].text not in ("«", '"', "“"):
            return None  # the subject must open the sentence
        if first < term[0] and words[first].lower not in ("le", "la", "l'", "les", "un", "une", "the", "a", "an"):
            return None  # "ce résultat est …", "son rôle est …"
        article = words[j].lower
        end = self.clause_end(words, j, {";", ".", "!", "?", ":"})
        inner = words[j:end]
        relatives = self.cues.get("relatifs", frozenset())
        has_relative = any(w.lower in relatives for w in inner[2:])
        has_complement = any(w.lower in self.cues.get("liaisons", ()) for w in inner[2:5])
        if article in self.cues.get("articles", ()):
            if not (has_relative or has_complement) or len(inner) < 3:
                return None
        elif article in self.cues.get("articles_definis", ()):  # « la tokénisation est la segmentation d'un texte … »
            if not (has_relative or has_complement and self._noun(inner[1]) and zipf(
                    words[term[1] - 1].lower, self.analysis.lang) < zipf(inner[1].lower, self.analysis.lang)) \
                    or len(inner) < 4:
                return None  # « le problème est la taille de la salle » says which problem, not what a problem is
        else:
            return None
        if self.analysis.tagged and any(self.pos(w) == "PRON" for w in words[term[0]:term[1]]):
            return None
        return self.definition(term, words, j, end, "is-a")

    def _noun(self, word: _Word) -> bool:
        """Whether the word is a common noun; without tags, whether it is written in lower case."""
        return self.pos(word) == "NOUN" if self.analysis.tagged else word.text.islower()

    # --- lines "Terme : définition" ----------------------------------------------------------------------
    def colon_lines(self) -> list[TextDefinition]:
        found = []
        position = 0
        text = self.text
        labels = self.cues.get("etiquettes", frozenset())
        while position < len(text):
            newline = text.find("\n", position)
            end = len(text) if newline == -1 else newline
            colon = text.find(":", position, min(end, position + 80))
            if colon != -1:
                item = self.colon_line(position, colon, end, labels)
                if item is not None:
                    found.append(item)
            position = end + 1
        return found

    def colon_line(self, start: int, colon: int, end: int, labels) -> TextDefinition | None:
        left = [w for w in self.words(start, colon) if w.text not in ("-", "*", "•", "–", "#")]
        right = self.words(colon + 1, end)
        if not left or not 1 <= len(left) <= _MAX_TERM_WORDS or len([w for w in right if w.text[:1].isalnum()]) < 3:
            return None
        if " ".join(w.lower for w in left) in labels or left[0].lower in labels:
            return None
        if left[0].lower in self.cues.get("determinants", ()):
            left = left[1:]
        if not left or not all(self.content(w) or self.link(w) for w in left) or not self.content(left[-1]):
            return None
        if right[0].lower in self.closed - self.cues.get("determinants", frozenset()) or right[0].text[:1].isdigit():
            return None  # "… : ce sont des masses", "Durée : 2 heures"
        verbs = [w for w in right[:3] if self.pos(w) in ("VERB", "AUX")]
        if verbs:
            return None  # "Attention : lisez …"
        stop = len(right)
        while stop > 0 and right[stop - 1].text in _CLAUSE_END:
            stop -= 1
        if stop > _MAX_DEFINITION_WORDS:
            return None
        text = " ".join(self.text[right[0].start:right[stop - 1].end].split())
        term = " ".join(self.text[left[0].start:left[-1].end].split())
        if normalise(term) in normalise(text).split():
            return None
        return TextDefinition(term, text, "colon", left[0].start)



def _outside_asides(words: list[_Word], i: int, j: int) -> list[tuple[int, int]]:
    """The word ranges of [i, j) outside bracketed asides: an aside inside a definition is left out, the words after
    it kept; a bracket left open ends the definition."""
    pieces, start, n = [], i, i + 1
    while n < j:
        if words[n].text == "(":
            close = next((m for m in range(n + 1, j) if words[m].text == ")"), None)
            pieces.append((start, n))
            if close is None:
                return pieces
            start = n = close + 1
        else:
            n += 1
    pieces.append((start, j))
    return pieces


def _spelled_tail(before: list[_Word], short: str, links: frozenset[str]) -> list[_Word] | None:
    """The shortest run of words ending `before` whose initials spell `short` (tool words may be skipped),
    accents ignored: « îlot de chaleur urbain » spells ICU."""
    letters = fold(short.rstrip("s").replace("&", ""))
    if not letters:
        return None
    for size in range(len(letters), min(len(before), 3 * len(letters)) + 1):
        candidate = before[-size:]
        initials = [fold(w.text.replace("’", "'").split("'")[-1]) for w in candidate]
        if _spells(initials, [w.lower for w in candidate], letters, links):
            while candidate and candidate[0].lower in links:
                candidate = candidate[1:]
            return candidate or None
    return None


def _spells(initials: list[str], lowered: list[str], letters: str, links: frozenset[str]) -> bool:
    # dynamic programming over (word, letter): linear in words × letters, no backtracking
    n, m = len(initials), len(letters)
    reach = [[False] * (m + 1) for _ in range(n + 1)]
    reach[0][0] = True
    for i in range(n):
        for j in range(m + 1):
            if not reach[i][j]:
                continue
            if lowered[i] in links or lowered[i] in _ACRONYM_SKIPPED:
                reach[i + 1][j] = True
            if j < m and initials[i][:1] == letters[j]:
                reach[i + 1][j + 1] = True
    return reach[n][m]
