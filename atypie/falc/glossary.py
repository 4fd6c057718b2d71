"""The glossary: the text's hard words and acronyms, each explained from a source a reader can trust, in this
order, and each entry says which source it came from (`source`):

1. "text": the text's own definitions (`definitions.py`: acronyms, appositions, « c'est-à-dire », « appelé »…);
2. "course": the glossary the disability service attached to the student's profile (or course);
3. "lexicon": an everyday word in the technical sense of the text's discipline (`lang/<lang>/senses.toml`:
   « manteau » in a text about geology, told by the discipline's terms the text uses), the shipped lexicon of plain
   definitions (`lang/<lang>/glossary.txt`), then the plain words of a hard word that could not be replaced in its
   sentence (`lang/<lang>/plain_words.txt`: « prépondérant : principal »);
3b. "dictionary": the broad dictionary (`lang/<lang>/lexicon.txt`: short definitions from Wiktionary for French,
   CC BY-SA 4.0, built by scripts/build_lexicon.py; from WordNet 3.0 for English, built by
   scripts/build_lexicon_en.py), after the hand-written lexicon, read once on first use;
4. "mistral": a definition asked of the configured language model, grounded on the sentence, and checked
   (no number absent from the sentence, not the word itself, 25 words at most, plain);
5. none: « à expliquer », the last resort; `unexplained()` counts those.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import math
import re
from collections import Counter
from dataclasses import asdict, dataclass

from pydantic import BaseModel, Field

from ..adapters import grammalecte, lexicon
from ..backends.base import StructuredTask
from ..language.data import entries, plain_definitions, sections, settings, toml_table, words
from ..language.definitions import TextDefinition, cues, find_definitions, normalise
from ..language.frequency import zipf
from ..results import Notice
from . import inflect, phrase_terms, plain_words
from .elision import starts_with_vowel, unelided

TO_EXPLAIN = {"fr": "à expliquer", "en": "to be explained"}
_SOURCE_OF_ORIGIN = {"texte": "text", "sigle": "text", "cours": "course", "glossaire": "lexicon",
                     "dictionnaire": "dictionary", "modèle": "mistral"}
_ORIGIN_OF_SOURCE = {"text": "texte", "course": "cours", "lexicon": "glossaire", "dictionary": "dictionnaire",
                     "mistral": "modèle"}
DEFINED_TERM_MARGIN = 1.0  # a term the text defines joins the glossary when a word of it is this close to "rare"
LEXICON_ZIPF = 4.8  # a word of the lexicon rarer than this joins the glossary even when it is not "rare" (4.5 → 4.8
# on the tuning half: hard words explained 85.6 % → 89.4 %, entries 9.8 → 11.2 per 100 words)
DICTIONARY_ZIPF = 4.0  # the same for the broad dictionary, stricter: it holds ten times more words (3.5 → 4.0 on the
# second tuning set, bench/data/courses_fr/tuning2.jsonl, gathered after the first was saturated: hard words explained
# 53.0 % → 57.4 %, entries 8.8 → 9.6 per paragraph; 4.3 gave 59.3 % for 11.0 entries, 4.6 61.9 % for 13.1)
DICTIONARY_FILE = "lexicon.txt"
RARE_ADJECTIVE_ZIPF = 3.7  # an adjective rarer than this keeps its own entry beside its phrases (« hebdomadaire »)
LITERARY_ZIPF = 3.5  # a verb form in the passé simple or the imperfect subjunctive rarer than this gets an entry
_LITERARY_VERB = "forme du verbe « {} » (un temps des livres et des récits)"
MAX_MODEL_TERMS = 30  # the most words one text asks the model to define
MAX_MODEL_DEFINITION_WORDS = 25
_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str
    origin: str  # "texte", "sigle", "cours", "glossaire", "dictionnaire", "modèle" or "à expliquer"
    source: str | None = None  # "text", "course", "lexicon", "dictionary", "mistral", or None for « à expliquer »

    def __post_init__(self) -> None:
        if self.source is None and self.origin in _SOURCE_OF_ORIGIN:
            object.__setattr__(self, "source", _SOURCE_OF_ORIGIN[self.origin])

    @property
    def needs_review(self) -> bool:
        return self.source is None

    def to_dict(self) -> dict:
        return {**asdict(self), "needs_review": self.needs_review}


_DICTIONARY_NOTE = {"fr": " (Wiktionnaire : sens à vérifier)", "en": " (WordNet: check the sense)"}


def shown_definition(entry: GlossaryEntry, lang: str) -> str:
    """The definition as a reader sees it: one taken from the general dictionary says so, since its first sense
    may not be the course's (« contracter » : conclure un contrat, in a text about catching a disease)."""
    if entry.source == "dictionary":
        return entry.definition + _DICTIONARY_NOTE.get(lang, _DICTIONARY_NOTE["fr"])
    return entry.definition


def to_explain(term: str, lang: str) -> GlossaryEntry:
    return GlossaryEntry(term, TO_EXPLAIN.get(lang, TO_EXPLAIN["fr"]), "à expliquer", None)


def unexplained(glossary: list[GlossaryEntry]) -> int:
    """How many hard words are left « à expliquer »."""
    return sum(1 for entry in glossary if entry.needs_review)


def _variants(word: str) -> list[str]:
    word = normalise(word)
    out = [word]
    if len(word) > 4 and word[-1] in "sx" and " " not in word:
        out.append(word[:-1])
    return out


class _TextDefinitions:
    """The text's definitions by term, and by the head word of each term (« îlot » of « îlot de chaleur »)."""

    def __init__(self, found: list[TextDefinition]) -> None:
        self.by_term: dict[str, TextDefinition] = {}
        self.by_head: dict[str, TextDefinition] = {}
        for item in found:
            for key in _variants(item.term):
                self.by_term.setdefault(key, item)
            words = _WORDS.findall(item.key)
            if words and len(words) > 1:
                for key in _variants(words[0]):
                    self.by_head.setdefault(key, item)

    def get(self, keys: list[str]) -> TextDefinition | None:
        for key in keys:
            if key in self.by_term:
                return self.by_term[key]
        for key in keys:
            if key in self.by_head:
                return self.by_head[key]
        return None


def build_glossary(analysis, moved: dict[str, str], course_glossary: dict[str, str] | None = None,
                   replaced: list[tuple[int, int]] = ()) -> list[GlossaryEntry]:
    """Entries for the text's rare words and acronyms; `moved` holds definitions taken out of sentences, and
    `replaced` the (start, end) of the words the rewrite replaced by plainer ones (they need no entry)."""
    lang = analysis.lang
    shipped = plain_definitions(lang)
    plain = plain_words.meanings(lang)
    dictionary = entries(lang, DICTIONARY_FILE)  # read once, on the first glossary (cached)
    found_in_text = find_definitions(analysis)
    in_text = _TextDefinitions(found_in_text)
    course = {normalise(term): definition for term, definition in (course_glossary or {}).items()}
    found: dict[str, GlossaryEntry] = {}
    covered: set[str] = set()

    def add(key: str, entry: GlossaryEntry) -> None:
        found[key] = entry
        covered.update(_variants(entry.term))

    def explain(term: str, keys: list[str], at: int = -1) -> GlossaryEntry:
        defined = in_text.get(keys)
        if defined is not None:
            covered.update(_variants(defined.term))
            return GlossaryEntry(defined.term, defined.definition, "sigle" if defined.cue == "acronym" else "texte",
                                 "text")
        for key in keys:
            if key in course:
                return GlossaryEntry(term, course[key], "cours", "course")
        for key in keys:  # the lexicon's own spelling of the word, not the parser's lemma (« coudée », not « couder »)
            if key in shipped:
                return GlossaryEntry(key, shipped[key][0], "glossaire", "lexicon")
        for key in _dictionary_keys(keys):  # a hard word kept as written: its plain words (« vestige : reste »)
            if key in plain:
                return GlossaryEntry(key, plain[key], "glossaire", "lexicon")
        for key in _dictionary_keys(keys):  # « usitée » → « usité », « approximatives » → « approximatif »
            if key in dictionary:
                return GlossaryEntry(key, _sense(dictionary[key], key, _context(analysis, at)), "dictionnaire",
                                     "dictionary")
        again = _again(keys, lang)
        if again is not None and not (base := explain(again[1], _dictionary_keys(_variants(again[1])))).needs_review:
            return GlossaryEntry(again[0], f"« {again[2]}- » : {AGAIN[lang]} ; « {base.term} » : {base.definition}",
                                 "glossaire", base.source)  # « réidentifier »: identifier, again
        for noun, verb in _action_verbs(keys, lang):  # « ressassement »: the act of « ressasser »
            known = verb in shipped or verb in plain or verb in dictionary
            if known and not (base := explain(verb, [verb], at)).needs_review:
                return GlossaryEntry(noun, f"{_act_of(verb, lang)} ; « {base.term} » : {base.definition}", "glossaire",
                                     base.source)
        return to_explain(term, lang)

    by_definition = {normalise(item.definition): item for item in found_in_text}
    for term, definition in moved.items():  # parentheticals the rewrite moved out of their sentence
        definition = without_cue(definition, lang)
        same = by_definition.get(normalise(definition))
        if same is not None and same.cue != "acronym" and normalise(term) not in same.key.split():
            term = same.term  # the text's reading of which words the parenthesis defines
        add(term.lower(), GlossaryEntry(term, definition, "texte", "text"))
    for acronym in analysis.acronyms:
        key = acronym.text.lower()
        if key in found or key in covered:
            continue
        entry = explain(acronym.text, [key])
        if entry.needs_review and acronym.expansion:
            entry = GlossaryEntry(acronym.text, _strip_article(acronym.expansion), "sigle", "text")
        add(key, entry)
    for compound, first, second in _compounds(analysis.text, lang):  # « rétro-cæcale »: by its two parts
        key = normalise(compound)
        if key in found or key in covered or any(k in shipped or k in dictionary for k in _variants(key)):
            continue
        meaning = _parts(lang)[first.lower()]
        known = max([zipf(second.lower(), lang)] + [_family_zipf(k, lang) for k in _dictionary_keys([second.lower()])
                                                    if k.endswith("er")])
        if known >= DICTIONARY_ZIPF:  # « sous-représentées »: « représentées » is known; the
            # dictionary's first sense of it (« présenter de nouveau ») would mislead
            add(key, GlossaryEntry(compound.lower(), f"« {first}- » ({meaning}) + « {second} »", "glossaire",
                                   "lexicon"))
            covered.update(_variants(first.lower()) + _variants(second.lower()))
            continue
        part = explain(second, _dictionary_keys(_variants(second)))
        if part.needs_review:
            continue
        shown = part.term if part.source in ("lexicon", "dictionary") else second
        add(key, GlossaryEntry(compound.lower(), f"« {first}- » : {meaning} ; « {shown} » : {part.definition}",
                               "glossaire", "lexicon"))
        covered.update(_variants(first.lower()) + _variants(second.lower()))
    starts = sorted(replaced)

    def gone(at: int) -> bool:
        k = bisect.bisect_right(starts, (at, float("inf"))) - 1
        return k >= 0 and starts[k][0] <= at < starts[k][1]

    for item in found_in_text:  # a term the text names on purpose (« … est appelée méthode »): its own words first
        if item.cue in _NAMING_CUES and item.key not in found and item.key not in covered:
            add(item.key, GlossaryEntry(item.term, item.definition, "sigle" if item.cue == "acronym" else "texte",
                                        "text"))
    lexicon_terms = _terms_used(analysis.text, _lexicon_terms(lang))
    if lang == "fr" and analysis.tagged and grammalecte.available():
        for key, span in _verbal_locutions_used(analysis).items():  # « se fonde sur »: « se fonder sur », not
            lexicon_terms.setdefault(key, span)  # « fondre » (the parser's lemma)
    dictionary_terms = _terms_used(analysis.text, _dictionary_terms(lang))
    in_terms = {word for term in [*lexicon_terms, *dictionary_terms] for word in _TERM_WORD.findall(term)}
    inside_terms = _inside_terms(analysis.text, [*lexicon_terms, *dictionary_terms], lang)  # « système
    # d'exploitation », « par convention »: not also « exploitation — utilisation d'une ressource … »
    for key, (discipline, definition) in _course_senses(analysis, in_terms).items():  # « manteau » in geology
        if key in found or key in covered:
            continue
        entry = explain(key, [key])  # the text's own definition, or the course's, comes first
        if entry.source not in ("text", "course"):
            entry = GlossaryEntry(key, f"{_IN_DISCIPLINE[lang].format(discipline)}{definition}", "glossaire",
                                  "lexicon")
        add(key, entry)
    for word in analysis.rare_words:
        keys = list(dict.fromkeys(_variants(word.lemma) + _variants(word.text)))
        bases = set(_dictionary_keys(keys))
        if any(k in found or k in covered for k in bases) or gone(word.start) or word.start in inside_terms or any(
                entry.needs_review and bases & set(_dictionary_keys([key])) for key, entry in found.items()):
            continue  # « tokénisé » and « tokénisée »: one entry for the word
        entry = explain(word.lemma, keys + _infinitives(word.text.lower()), word.start)  # « dérivent »: « dériver »
        if entry.needs_review and _inside_a_name(analysis, word.text, word.start):
            continue  # « Monty Python's Flying Circus »: « Flying » is part of a name, not a word to explain
        add(normalise(entry.term), entry)
    for token in analysis.doc:  # a verb in a tense of written narrative, rare as written: which verb it is
        form = token.text.lower()
        if lang != "fr" or not token.is_alpha or gone(token.idx) or zipf(form, lang) >= LITERARY_ZIPF \
                or any(k in found or k in covered for k in [form, *_keys(token)]):
            continue
        infinitive = inflect.literary_verb(form) if grammalecte.available() else None
        if infinitive is not None and infinitive not in found and infinitive not in covered:
            add(form, GlossaryEntry(form, _LITERARY_VERB.format(infinitive), "glossaire", "lexicon"))
    locutions = {at for key, (start, end) in lexicon_terms.items() if key in _academic_locutions(lang)
                 for at in range(start, end)}  # « mise à disposition »: not also « disposition — règle … »
    locutions |= inside_terms
    for token in analysis.doc:  # less rare words that the lexicon explains: still hard for many readers
        if not token.is_alpha or len(token.text) < 4 or gone(token.idx) or token.idx in locutions or (
                analysis.tagged and token.pos_ == "PROPN" and not token.text.islower()):  # « shell » tagged PROPN
            continue
        keys = _keys(token) + (_infinitives(token.text.lower()) if token.pos_ != "NOUN" else []) + _verb_keys(token)
        key = next((k for k in keys if k in shipped), None)
        if key is None or any(k in found or k in covered for k in keys) or zipf(key, lang) >= LEXICON_ZIPF:
            continue
        add(key, GlossaryEntry(key, shipped[key][0], "glossaire", "lexicon"))
    for token in analysis.doc:  # hard words that could not be replaced in the sentence: their plain words
        if not plain or not token.is_alpha or len(token.text) < 4 or gone(token.idx) or token.pos_ == "PROPN" \
                or token.idx in locutions:
            continue
        keys = _dictionary_keys(_keys(token))
        key = next((k for k in keys if k in plain), None)
        if key is None or any(k in found or k in covered for k in keys):
            continue
        add(key, GlossaryEntry(key, plain[key], "glossaire", "lexicon"))
    in_phrases = {at for key, (start, end) in [*lexicon_terms.items(), *dictionary_terms.items()] if " " in key
                  for at in range(start, end)}
    for token in analysis.doc:  # the same for the broad dictionary, with a lower frequency ceiling
        if token.idx in in_phrases and token.pos_ != "NOUN" or token.idx in locutions:
            continue  # « consentement éclairé » is explained as a whole: not « éclairer — apporter de la lumière »
        if not dictionary or not token.is_alpha or len(token.text) < 4 or gone(token.idx) or (
                analysis.tagged and token.pos_ == "PROPN" and not token.text.islower()) or _inside_a_name(
                analysis, token.text, token.idx):  # « basalte » tagged PROPN; « les Bourbons », a name
            continue
        if zipf(token.text.lower(), lang) >= DICTIONARY_ZIPF:  # a common form, even of a rarer lemma: « devons »
            continue
        keys = _dictionary_keys(_no_verb(token, _keys(token)))  # « dissipé » is skipped once « dissiper » is explained
        verb_keys = _verb_keys(token)
        key = next((k for k in [*verb_keys, *keys] if k in dictionary), None)  # « est dégradé »: « dégrader »
        if any(k in found or k in covered for k in keys):
            continue
        if key is None:  # « transcription », which the dictionary lacks: the act of « transcrire », which it has
            if token.pos_ == "NOUN" and not (derived := explain(token.lemma_, keys, token.idx)).needs_review:
                add(normalise(derived.term), derived)
            continue
        as_verb = key in verb_keys or token.pos_ == "VERB"
        if (_family_zipf(key, lang) if as_verb else zipf(key, lang)) >= DICTIONARY_ZIPF:
            continue
        add(key, GlossaryEntry(key, _sense(dictionary[key], key, _context(analysis, token.idx)), "dictionnaire",
                               "dictionary"))
    threshold = analysis.config["rare_zipf"] + DEFINED_TERM_MARGIN
    for item in found_in_text:  # terms the text itself takes the trouble to define
        if any(k in found or k in covered for k in _variants(item.key)) or not _hard(item, lang, threshold):
            continue  # « bidonvilles, un habitat précaire »: « bidonville » is explained already
        add(item.key, GlossaryEntry(item.term, item.definition, "sigle" if item.cue == "acronym" else "texte",
                                    "text"))
    for key, (start, end) in _terms_used(analysis.text, course).items():  # the course's own terms
        if key not in found and key not in covered:
            add(key, GlossaryEntry(analysis.text[start:end], course[key], "cours", "course"))
    for key, (start, _end) in lexicon_terms.items():  # multi-word terms of the lexicon that the text uses
        if key not in found and not gone(start):  # « en matière de », replaced by « pour les questions de »
            add(key, GlossaryEntry(key, shipped[key][0], "glossaire", "lexicon"))
    taken = list(lexicon_terms.values())
    for key, (start, end) in dictionary_terms.items():  # « biologie moléculaire »
        if any(start < last and first < end for first, last in taken):
            continue  # the same words as a term of the lexicon (« base de données »): its definition is the one kept
        if key not in found and key not in covered and key not in lexicon_terms:
            add(key, GlossaryEntry(key, _sense(dictionary[key], key, _context(analysis, start)), "dictionnaire",
                                   "dictionary"))
    if lang == "fr" and analysis.tagged:
        _phrased(found, analysis)
    for key in [k for k, entry in found.items() if entry.needs_review]:  # « PEP » when « PEP 8 » is explained
        if any(other.startswith(key + " ") and not found[other].needs_review for other in found):
            del found[key]
    return sorted(found.values(), key=lambda e: e.term.lower())


def _inside_a_name(analysis, text: str, start: int) -> bool:
    """Whether a word written with a capital, not in capitals, stands inside its sentence (not first): a part of a
    name or a title."""
    if not text[:1].isupper() or text.isupper() or not analysis.tagged:
        return False
    token = analysis.token_at(start)
    return token is not None and not token.is_sent_start and token.i > 0 and analysis.doc[token.i - 1].text not in (
        "«", '"', "“", ":", "(")


def _phrased(found: dict[str, GlossaryEntry], analysis) -> None:
    """A hard adjective's entry becomes the entry of the phrases it makes with its noun (see phrase_terms):
    « juridique » → « cadre juridique : cadre qui concerne le droit et les lois »."""
    phrases: dict[str, list[GlossaryEntry]] = {}
    rarest: dict[str, float] = {}  # the adjective as the reader meets it: « hebdomadaires » is rarer than its lemma
    for noun, adjective in phrase_terms.noun_adjective_pairs(analysis.doc):
        key = next((k for k in _dictionary_keys(_keys(adjective)) if k in found), None)
        entry = found.get(key) if key else None
        if entry is None or entry.source not in ("lexicon", "dictionary") or " " in entry.term:
            continue
        rarest[key] = min(rarest.get(key, zipf(key, "fr")), zipf(adjective.text.lower(), "fr"))
        term = analysis.text[noun.idx:adjective.idx + len(adjective.text)].lower()
        definition = phrase_terms.phrase_definition(noun, entry.definition)
        made = phrases.setdefault(key, [])
        if definition and len(made) < phrase_terms.MAX_PHRASES and term not in {e.term for e in made} \
                and normalise(term) not in found:
            made.append(GlossaryEntry(term, definition, entry.origin, entry.source))
    for key, made in phrases.items():
        if made and rarest[key] >= RARE_ADJECTIVE_ZIPF:
            del found[key]  # a word the reader knows: the phrase is the term (« cadre juridique »)
        for entry in made:
            found[normalise(entry.term)] = entry


SENSES_FILE = "senses.toml"
MIN_SIGNS = 2  # distinct terms of a discipline a text must use before the discipline's senses are given
EVERYDAY_SIGN = 5.0  # a one-word sign at least this frequent (« loi », « prix », « force ») tells no discipline
_IN_DISCIPLINE = {"fr": "(en {}) ", "en": "(in {}) "}


@functools.cache
def _disciplines(lang: str) -> tuple[tuple[str, dict[str, str]], ...]:
    """(name, {word: definition}) of each discipline of `lang/<lang>/senses.toml`: the everyday words it gives a
    technical sense (« manteau » in geology)."""
    return tuple((d["name"], {word.lower(): definition for word, definition in d.get("senses", {}).items()})
                 for d in toml_table(lang, SENSES_FILE).values())


@functools.cache
def _signs(lang: str) -> tuple[_TermIndex, dict[str, frozenset[int]]]:
    """The terms that show a text is about a discipline, each with the disciplines (indexes in `_disciplines`) it
    points to: the discipline's own signs in `senses.toml`, and the terms of the sections of `glossary.txt` whose
    heading names this discipline and no other; not a word that some discipline gives a sense of its own, nor an
    everyday word."""
    table = list(toml_table(lang, SENSES_FILE).values())
    names = [d["name"] for d in table]
    headed = sections(lang, "glossary.txt")
    owners: dict[str, set[int]] = {}
    ambiguous = {word.lower() for discipline in table for word in discipline.get("senses", {})}  # « fonction »
    for n, discipline in enumerate(table):
        name = discipline["name"]
        signs = [sign.lower() for sign in discipline.get("signs", ())]
        for heading, terms in headed.items():
            if re.search(rf"\b{re.escape(name)}\b", heading) and not any(
                    other != name and other not in name and re.search(rf"\b{re.escape(other)}\b", heading)
                    for other in names):
                signs.extend(terms)
        for sign in signs:
            if " " in sign or sign not in ambiguous and zipf(sign, lang) < EVERYDAY_SIGN:
                owners.setdefault(sign, set()).add(n)
    return _index(dict.fromkeys(owners, ())), {sign: frozenset(found) for sign, found in owners.items()}


def _course_senses(analysis, in_terms: set[str]) -> dict[str, tuple[str, str]]:
    """{word: (discipline, technical sense)} for the words of the text that its discipline uses in a technical
    sense. The discipline is the one whose signs the text uses most (at least MIN_SIGNS of them; on a tie, each of
    them, a word they share taking the first one's sense). A word of `in_terms` (the words of the multi-word terms
    of the lexicons that the text uses) gets no sense of its own: the term is explained as a whole."""
    index, owners = _signs(analysis.lang)
    used = set(_terms_used(analysis.text, index))  # the terms as written, a plural first word allowed
    used.update(key for token in analysis.doc if token.pos_ in ("NOUN", "ADJ", "VERB")  # « urbaines » → « urbain »
                for key in _keys(token) if key in owners)
    scores: Counter = Counter(n for sign in used for n in owners[sign])
    best = max(scores.values(), default=0)
    if best < MIN_SIGNS:
        return {}
    disciplines = _disciplines(analysis.lang)
    chosen_senses = [disciplines[n] for n in sorted(n for n, count in scores.items() if count == best)]
    chosen: dict[str, tuple[str, str]] = {}
    for token in analysis.doc:
        if token.pos_ not in ("NOUN", "ADJ", "VERB"):  # not « bien » the adverb
            continue
        keys = _keys(token)
        for name, senses in chosen_senses:  # « densité » in a geology text is no population density
            key = next((k for k in keys if k in senses and " " not in k), None)
            if key is not None and key not in in_terms:  # not « voie » of « voies respiratoires »
                chosen.setdefault(key, (name, senses[key]))
    for name, senses in chosen_senses:
        for key in _terms_used(analysis.text, {w: d for w, d in senses.items() if " " in w}):
            chosen.setdefault(key, (name, senses[key]))
    return chosen


AGAIN = {"fr": "de nouveau, encore une fois"}
_AGAIN_PREFIXES = {"fr": ("ré", "re")}
MIN_AGAIN_BASE = 5  # letters of the word after « ré- »: « réidentifier » → « identifier », never « rêve » → « ve »


def _again(keys: list[str], lang: str) -> tuple[str, str, str] | None:
    """(word, word without the prefix, prefix) for a word no source knows that is « ré- » or « re- » before a word
    (« réidentifier », « réutilisation »): such a new word means that word, again. Only for words no dictionary has:
    « répartir » or « retenir », which mean something else, are in the dictionary."""
    for key in keys:
        for prefix in _AGAIN_PREFIXES.get(lang, ()):
            if key.startswith(prefix) and len(key) - len(prefix) >= MIN_AGAIN_BASE and key[len(prefix)].isalpha():
                return key, key[len(prefix):], prefix
    return None


_FIRST_GROUP_FORMS = ("er", "e", "es", "ent", "é", "ée", "és", "ées", "ait", "aient", "ant", "ons", "ez")


@functools.lru_cache(maxsize=1 << 14)
def _family_zipf(key: str, lang: str) -> float:
    """How often a verb is read: for one of the first group, all its common forms together (« employer » is rare as
    an infinitive, 3.85, but « emploie », « employé », « employés » make it a common verb); else the word."""
    if lang != "fr" or not key.endswith("er") or " " in key or len(key) < 5:
        return zipf(key, lang)
    stem = key[:-2]
    return math.log10(sum(10 ** zipf(stem + ending, lang) for ending in _FIRST_GROUP_FORMS))


def _action_verbs(keys: list[str], lang: str) -> list[tuple[str, str]]:
    """(noun, verb) guesses for an action noun (« transcription » → « transcrire », « ressassement » →
    « ressasser »), by the endings of `action_nouns.txt`; the caller keeps only a verb a dictionary knows."""
    if lang != "fr":
        return []
    return [(key, key[:-len(ending)] + verb_ending) for key in keys if " " not in key
            for ending, verb_endings in entries(lang, "action_nouns.txt").items()
            if key.endswith(ending) and len(key) - len(ending) >= 3 for verb_ending in verb_endings]


def _act_of(verb: str, lang: str) -> str:
    return f"fait d'{verb}" if starts_with_vowel(verb) else f"fait de {verb}"


_COMPOUND = re.compile(r"(?<![\w-])([^\W\d_]+)-([^\W\d_]{3,})(?![\w-])")


def _compounds(text: str, lang: str) -> list[tuple[str, str, str]]:
    """(compound, first part, second part) of each word made of a learned first part and another word joined by a
    hyphen (« iléo-colique », « rétro-cæcale »), in text order."""
    parts = _parts(lang)
    return [(m.group(0), m.group(1), m.group(2)) for m in _COMPOUND.finditer(text) if m.group(1).lower() in parts]


@functools.cache
def _parts(lang: str) -> dict[str, str]:
    """First parts of learned compounds and their plain meaning (`word_parts.txt`)."""
    return {key: values[0] for key, values in entries(lang, "word_parts.txt").items()}


@functools.cache
def _multiword(lang: str) -> dict[str, tuple[str, ...]]:
    """The dictionary's terms of two or three words (« biologie moléculaire »), built once."""
    return {term: values for term, values in entries(lang, DICTIONARY_FILE).items() if " " in term}


_ENDINGS = (("ives", "if"), ("ive", "if"), ("euses", "eux"), ("euse", "eux"), ("iennes", "ien"), ("ienne", "ien"),
            ("elles", "el"), ("elle", "el"), ("ales", "al"), ("aux", "al"), ("ale", "al"), ("ées", "é"), ("ée", "é"),
            ("ées", "er"), ("ée", "er"), ("és", "er"), ("é", "er"), ("es", "e"), ("es", ""), ("e", ""))


def _dictionary_keys(keys: list[str]) -> list[str]:
    """The keys, then their masculine singular or infinitive guesses (« approximatives » → « approximatif »,
    « usitée » → « usité », « élaborés » → « élaborer »): spaCy's lemma is often the form itself."""
    return list(dict.fromkeys([*keys, *(guess for key in keys for guess in _base_forms(key))]))


@functools.lru_cache(maxsize=1 << 16)
def _base_forms(key: str) -> tuple[str, ...]:
    if " " in key:
        return ()
    return tuple(key[:-len(end)] + base for end, base in _ENDINGS if key.endswith(end) and len(key) - len(end) >= 3)


def _keys(token) -> list[str]:
    """The lookup keys of a word of the text: its lemma and its form, each with and without a plural ending."""
    return list(dict.fromkeys(_variants(token.lemma_ or token.text) + _variants(token.text)))


def _verb_keys(token) -> list[str]:
    """The infinitives a verb form may have, when the word is used as a verb: a past participle after « être » is
    one even when tagged as an adjective (« le glucose est dégradé »: « dégrader », not the noun « un dégradé »)."""
    form = token.text.lower()
    passive = token.pos_ == "ADJ" and form.endswith(("é", "ée", "és", "ées")) and any(
        child.dep_ in ("cop", "aux:pass") for child in token.children)
    if token.pos_ not in ("VERB", "AUX") and not passive:
        return []
    if grammalecte.available():  # « dégradé » is « dégrader »
        return _most_frequent([r.lemma for r in lexicon.readings(form) if r.kind == "V"])
    return [k for k in _dictionary_keys(_keys(token)) if k.endswith(("er", "ir", "re"))]


def _no_verb(token, keys: list[str]) -> list[str]:
    """The keys without the parser's verb lemma when the lexicon knows the word as no verb at all (« illimitée »,
    tagged as a verb « illimiter »): the lexicon's own lemmas (« illimité ») instead."""
    if token.pos_ != "VERB" or not grammalecte.available():
        return keys
    readings = lexicon.readings(token.text.lower())
    if not readings or any(r.kind == "V" for r in readings):
        return keys
    return [k for k in keys if k != token.lemma_.lower()] + [r.lemma for r in readings]


def _infinitives(form: str) -> list[str]:
    """The verb Grammalecte's lexicon reads `form` as (« élabore » → « élaborer »), the most frequent when it reads
    several: spaCy's lemma of a verb it has not seen is often the form itself, or a non-word (« élabor »)."""
    if not grammalecte.available():
        return []
    readings = lexicon.readings(form)
    if not readings or any(reading.kind != "V" for reading in readings):
        return []  # « une égale évidence »: the adjective « égal », not the verb « égaler »
    return _most_frequent([reading.lemma for reading in readings])


def _most_frequent(verbs: list[str]) -> list[str]:
    """The most frequent of the verbs a form may be, alone: « étaient » is « être », not « étayer » (ils étaient)."""
    return [max(verbs, key=lambda lemma: zipf(lemma, "fr"))] if verbs else []


_STEM_LETTERS = 6


def _stems(text: str, lang: str) -> set[str]:
    """Content words of `text` cut to their first letters, a rough stem (« contagion » ~ « contagieuse »)."""
    small = words(lang, "function_words.txt")
    return {w[:_STEM_LETTERS] for w in (m.lower() for m in _WORDS.findall(text)) if len(w) > 3 and w not in small}


def _sense(senses: tuple[str, ...], term: str, context: str, lang: str = "fr") -> str:
    """The dictionary sense that shares the most word stems with the sentence (and paragraph) using the word;
    the first one on a tie (Wiktionary's main sense)."""
    if len(senses) < 2 or not context:
        return senses[0]
    around = _stems(context, lang) - _stems(term, lang)
    best, score = senses[0], len(_stems(senses[0], lang) & around)
    for sense in senses[1:]:
        shared = len(_stems(sense, lang) & around)
        if shared > score:
            best, score = sense, shared
    return best


def _context(analysis, at: int) -> str:
    """The sentence at character `at` of the text, and its paragraph."""
    text = analysis.text
    if at < 0 or at >= len(text):
        return ""
    start = text.rfind("\n\n", 0, at) + 1
    end = text.find("\n\n", at)
    return text[start:end if end >= 0 else len(text)]



_NAMING_CUES = {"acronym", "called", "we-call"}  # « … est appelé méthode », « on appelle … »: the text names a term


def _hard(item: TextDefinition, lang: str, threshold: float) -> bool:
    """Whether a term the text defines with a weaker cue (« est un … qui », an apposition) joins the glossary: one
    with a rare word. The terms it names on purpose (`_NAMING_CUES`) joined it before the lexicons."""
    words = [w for w in _WORDS.findall(item.key) if len(w) > 3]
    return bool(words) and len(words) <= 4 and any(zipf(w, lang) < threshold for w in words)


_TERM_WORD = re.compile(r"\w+(?:['’]|-\w+)*")


@dataclass(frozen=True, eq=False)
class _TermIndex:
    """Terms to look up in a text, with the words they can start with and their longest length in words."""
    terms: dict
    firsts: frozenset[str]
    longest: int


def _index(terms: dict) -> _TermIndex:
    longest = min(6, max((len(_TERM_WORD.findall(t)) for t in terms), default=1))  # « bloc d'instructions »: 3
    return _TermIndex(terms, frozenset(first.group() for term in terms if (first := _TERM_WORD.match(term))), longest)


@functools.cache
def _lexicon_terms(lang: str) -> _TermIndex:
    """The multi-word terms of the shipped lexicon (« bloc d'instructions »), indexed once."""
    return _index({term: values for term, values in plain_definitions(lang).items() if " " in term})


_LEADING_WORDS = {"fr": {"par", "en", "à", "au", "aux", "de", "du", "des", "sous", "sur", "dans", "pour", "sans",
                         "avec", "selon", "hors"}}


def _inside_terms(text: str, terms: list[str], lang: str) -> set[int]:
    """Where the words of the text's multi-word terms start, but for each term's first word (the word it is about:
    « système » of « système d'exploitation »), unless that first word is a preposition (« par convention »): a
    word inside a term is explained by the term, and alone its sense may be another."""
    several = sorted((t for t in terms if " " in t or "'" in t), key=len, reverse=True)
    if not several:
        return set()
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(_term_pattern(term) for term in several) + r")(?!\w)", re.IGNORECASE)
    leading = _LEADING_WORDS.get(lang, set())
    inside: set[int] = set()
    for match in pattern.finditer(text):  # one pass for all the terms
        starts = [(m.start() + match.start(), m.group().lower()) for m in _WORD_OR_NUMBER.finditer(match.group())]
        inside.update(at for at, _ in (starts if starts[0][1] in leading else starts[1:]))
    return inside


_WORD_OR_NUMBER = re.compile(r"[^\W\d_]+|\d+")


@functools.lru_cache(maxsize=1 << 14)
def _term_pattern(term: str) -> str:
    """A term as a text may write it: either apostrophe, a plural ending on each word."""
    words = re.findall(r"[^\W\d_]+['’]?|\d+", term)
    return r"\s*".join(re.escape(w).replace("'", "['’]") + ("" if w.endswith("'") else r"[sx]?") for w in words)


@functools.cache
def _academic_locutions(lang: str) -> frozenset[str]:
    """The locutions of the academic glossary (« mise à disposition », « prise en charge »): fixed phrases whose
    words mean something else alone, unlike a technical term of glossary.txt (« tectonique des plaques »)."""
    return frozenset(term for term in entries(lang, "glossary_academic.txt") if " " in term)


@functools.cache
def _dictionary_terms(lang: str) -> _TermIndex:
    """The broad dictionary's terms of two or three words (« biologie moléculaire »), indexed once."""
    return _index(_multiword(lang))


def _terms_used(text: str, terms: dict | _TermIndex) -> dict[str, tuple[int, int]]:
    """{term: (start, end)} of the first use in `text` of each (possibly multi-word) term: one pass over the
    words, looking up runs of up to 6 words (linear in the text, whatever the number of terms)."""
    index = terms if isinstance(terms, _TermIndex) else _index(terms)
    if not index.terms:
        return {}
    terms, firsts, longest = index.terms, index.firsts, index.longest
    words = [(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _TERM_WORD.finditer(text)]
    used: dict[str, tuple[int, int]] = {}
    inside = 0  # the words before this index belong to a multi-word term already found, so that
    # « division du travail social » gives « division du travail » and not also « travail social »
    for i in range(len(words)):
        piece = words[i][0]
        if i < inside or piece not in firsts and (piece[:-1] not in firsts or piece[-1:] not in "sx"):
            continue
        phrase = single = head = ""
        for n in range(longest):
            if i + n >= len(words):
                break
            piece = words[i + n][0]
            lone = piece[:-1] if len(piece) > 3 and piece[-1] in "sx" else piece  # "blocs d'instructions", "durs"
            phrase = piece if not phrase else (phrase + piece if phrase.endswith("'") else phrase + " " + piece)
            single = lone if not single else (single + lone if single.endswith("'") else single + " " + lone)
            head = lone if not head else (head + piece if head.endswith("'") else head + " " + piece)  # only the
            # first word in the singular: « blocs d'instructions » → « bloc d'instructions »
            for candidate in (phrase, single, head):
                key = candidate if candidate in terms else unelided(candidate)
                if key in terms:
                    used.setdefault(key, (words[i][1], words[i + n][2]))
                    inside = max(inside, i + n + 1) if n else inside
    return used


_REFLEXIVE_CLITICS = {"se", "s'", "me", "m'", "te", "t'", "nous", "vous"}
_CONTRACTED = {"à": {"à", "au", "aux"}, "de": {"de", "d'", "du", "des"}}


@functools.cache
def _verbal_locutions(lang: str) -> dict[str, list[tuple[str, bool, tuple[str, ...]]]]:
    """{verb: [(locution, reflexive, the words after the verb)]} for the multi-word entries of atypie's lexicon that
    begin with a verb (« se fonder sur », « rendre compte », « se prêter à »)."""
    found: dict[str, list[tuple[str, bool, tuple[str, ...]]]] = {}
    for key in plain_definitions(lang):
        words = key.replace("s'", "se ").split()
        reflexive = words[0] == "se"
        verb, rest = (words[1], words[2:]) if reflexive else (words[0], words[1:])
        if rest and any(r.kind == "V" and r.lemma == verb for r in lexicon.readings(verb)):  # an infinitive
            found.setdefault(verb, []).append((key, reflexive, tuple(rest)))
    return found


def _verbal_locutions_used(analysis) -> dict[str, tuple[int, int]]:
    """{locution: (start, end)} of the verbal locutions of atypie's lexicon used in a conjugated form: the verb as
    the lexicon reads it, « se » before it when the locution has it, the other words as written (« à » also as
    « au », « aux »; « de » also as « du », « des », « d' »): « se fonde sur », « rend compte des »."""
    index = _verbal_locutions(analysis.lang)
    tokens = [t for t in analysis.doc if not t.is_space]
    used: dict[str, tuple[int, int]] = {}
    for k, token in enumerate(tokens):
        if token.pos_ not in ("VERB", "AUX"):
            continue
        verbs = {r.lemma for r in lexicon.readings(token.text.lower()) if r.kind == "V"}
        for verb in verbs & index.keys():
            for key, reflexive, rest in index[verb]:
                before = tokens[k - 1].text.lower().replace("’", "'") if k else ""
                if (before in _REFLEXIVE_CLITICS) != reflexive and before not in ("nous", "vous") \
                        or k + len(rest) >= len(tokens):
                    continue  # « il se rend compte » (he realises) is not « rendre compte » (to report)
                after = [t.text.lower().replace("’", "'") for t in tokens[k + 1:k + 1 + len(rest)]]
                if all(word == want or word in _CONTRACTED.get(want, ()) for word, want in zip(after, rest,
                                                                                                 strict=True)):
                    start = tokens[k - 1].idx if reflexive else token.idx
                    last = tokens[k + len(rest)]
                    used.setdefault(key, (start, last.idx + len(last.text)))
    return used


def merged(glossaries: list[list[GlossaryEntry]]) -> list[GlossaryEntry]:
    """One entry per term from the glossaries of a text's parts, preferring one that needs no review."""
    kept: dict[str, GlossaryEntry] = {}
    for entry in (e for glossary in glossaries for e in glossary):
        key = entry.term.lower()
        if key not in kept or (kept[key].needs_review and not entry.needs_review):
            kept[key] = entry
    return sorted(kept.values(), key=lambda e: e.term.lower())


def complete(rewrite, analysis, profile, engine=None, course_glossary: dict[str, str] | None = None):
    """The rewrite with its glossary completed from the course glossary (it comes before the shipped lexicon)
    and, when a language model is configured, from checked definitions; and the notices of that step."""
    glossary = list(rewrite.glossary)
    if not glossary and not (profile.text.glossary or profile.text.level == "falc"):
        return rewrite, []
    course = {normalise(term): definition for term, definition in (course_glossary or {}).items()}
    if course:
        present = {normalise(e.term) for e in glossary}
        for n, entry in enumerate(glossary):
            if entry.source in (None, "lexicon", "dictionary") and any(k in course for k in _variants(entry.term)):
                key = next(k for k in _variants(entry.term) if k in course)
                glossary[n] = GlossaryEntry(entry.term, course[key], "cours", "course")
        for key, (start, end) in _terms_used(analysis.text, course).items():
            if key not in present:
                glossary.append(GlossaryEntry(analysis.text[start:end], course[key], "cours", "course"))
    notices: list[Notice] = []
    if engine is not None and getattr(engine, "id", "offline") != "offline" and unexplained(glossary):
        glossary, notices = define_with_model(glossary, analysis, engine)
    glossary.sort(key=lambda e: e.term.lower())
    return dataclasses.replace(rewrite, glossary=glossary), notices


# --- definitions asked of a language model, grounded on the sentence ---------------------------------

class Definition(BaseModel):
    term: str = Field(max_length=120)
    definition: str = Field(max_length=400)


class DefineAnswer(BaseModel):
    definitions: list[Definition] = Field(default_factory=list, max_length=MAX_MODEL_TERMS)


class DefineTask(StructuredTask[DefineAnswer]):
    """Define each word from the numbered sentence where the text uses it. The document holds only those
    sentences; the instructions hold the words (taken from the document) and the rules. Offline: nothing."""

    name = "define"
    schema = DefineAnswer

    def __init__(self, items: list[tuple[str, str]], lang: str = "fr") -> None:
        super().__init__("\n".join(f"{n}. {sentence}" for n, (_, sentence) in enumerate(items, 1)), lang)
        self.items = items

    def instructions(self) -> str:
        listed = "; ".join(f"{n}: « {term} »" for n, (term, _) in enumerate(self.items, 1))
        if self.lang == "en":
            return ("For each word below, write a short definition in plain English (at most "
                    f"{MAX_MODEL_DEFINITION_WORDS} words, everyday words, no brackets), that fits the numbered "
                    "sentence of the document where the word is used. Do not use the word itself in its definition. "
                    "Write no number that is not in that sentence. When you are not sure, leave the word out. "
                    f"Words (sentence number: word): {listed}.")
        return ("Pour chaque mot ci-dessous, écris une définition courte en français facile (FALC) : "
                f"{MAX_MODEL_DEFINITION_WORDS} mots au plus, des mots courants, pas de parenthèses. La définition "
                "doit convenir à la phrase numérotée du document où le mot est employé. N'utilise pas le mot lui-même "
                "dans sa définition. N'écris aucun nombre absent de cette phrase. Si tu n'es pas sûr, laisse le mot "
                f"de côté. Mots (numéro de phrase : mot) : {listed}.")

    def offline(self) -> DefineAnswer:
        return DefineAnswer()  # offline, no definition is invented: the words stay « à expliquer »

    def accepted(self, answer: DefineAnswer) -> dict[str, str]:
        sentences = {normalise(term): sentence for term, sentence in self.items}
        out: dict[str, str] = {}
        for item in answer.definitions:
            key = normalise(item.term)
            if key in sentences and key not in out and not definition_problems(item.term, item.definition,
                                                                               sentences[key], self.lang):
                out[key] = " ".join(item.definition.split()).rstrip(".")
        return out

    def problems(self, answer: DefineAnswer) -> list[str]:
        if not answer.definitions or self.accepted(answer):
            return []
        first = answer.definitions[0]
        sentence = dict((normalise(t), s) for t, s in self.items).get(normalise(first.term), "")
        return definition_problems(first.term, first.definition, sentence, self.lang) or ["unknown words"]


def definition_problems(term: str, definition: str, sentence: str, lang: str = "fr") -> list[str]:
    """Why a model's definition of `term` (used in `sentence`) cannot be shown; empty when it can."""
    text = " ".join((definition or "").split())
    words = _WORDS.findall(text)
    problems = []
    if not words:
        return ["empty definition"]
    if len(text.split()) > MAX_MODEL_DEFINITION_WORDS:
        problems.append(f"more than {MAX_MODEL_DEFINITION_WORDS} words")
    lowered = {w.lower() for w in words}
    term_words = [w.lower() for w in _WORDS.findall(term) if len(w) > 3] or [term.lower()]
    if any(v in lowered for w in term_words for v in _variants(w) + [w + "s"]):
        problems.append("uses the word it defines")
    in_sentence = set(_NUMBER.findall(sentence))
    if any(n not in in_sentence for n in _NUMBER.findall(text)):
        problems.append("a number that is not in the sentence")
    if re.search(r"[()\[\]{}<>;]|https?:|\*\*", text) or text.count(".") > 1:
        problems.append("not plain: brackets, markup or several sentences")
    rare = settings(lang)["rare_zipf"]
    sentence_words = {w.lower() for w in _WORDS.findall(sentence)}
    hard = [w for w in lowered if len(w) > 3 and w not in sentence_words and zipf(w, lang) < rare]
    if len(hard) > 1:
        problems.append("hard words: " + ", ".join(sorted(hard)[:3]))
    return problems


def define_with_model(glossary: list[GlossaryEntry], analysis, engine) -> tuple[list[GlossaryEntry], list[Notice]]:
    """Ask the model for the words left « à expliquer », each with the sentence that uses it; keep the answers
    that pass `definition_problems`."""
    items: list[tuple[str, str]] = []
    sentences = [s.text for s in analysis.sentences]
    lowered = [s.lower() for s in sentences]
    for entry in glossary:
        if not entry.needs_review or len(items) >= MAX_MODEL_TERMS:
            continue
        needle = entry.term.lower()
        sentence = next((sentences[n] for n, s in enumerate(lowered) if needle in s), None)
        if sentence is None and " " not in needle and len(needle) > 5:
            sentence = next((sentences[n] for n, s in enumerate(lowered) if needle[:-1] in s), None)
        if sentence is not None:
            items.append((entry.term, " ".join(sentence.split())[:600]))
    if not items:
        return glossary, []
    task = DefineTask(items, analysis.lang)
    outcome = engine.run(task)
    accepted = task.accepted(outcome.value)
    out = [GlossaryEntry(e.term, accepted[normalise(e.term)], "modèle", "mistral")
           if e.needs_review and normalise(e.term) in accepted else e for e in glossary]
    return out, list(outcome.notices)


def without_cue(definition: str, lang: str) -> str:
    """The words after a reformulation cue that opens them (« c'est-à-dire : de mémoire » → « de mémoire »)."""
    lowered = definition.lower().replace("’", "'")
    for cue in sorted(cues(lang).get("reformulation", ()), key=len, reverse=True):
        if lowered.startswith(cue):
            return definition[len(cue):].strip(" ,:")
    return definition


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:l['’]|le |la |les |the )", "", text, flags=re.IGNORECASE)
