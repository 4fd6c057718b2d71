"""The glossary: hard words and acronyms of the text, each with a definition found in the text itself
(parentheses, appositions, "c'est-à-dire", "appelé"), in the shipped glossary, or marked "à expliquer"."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from ..language.data import entries

TO_EXPLAIN = {"fr": "à expliquer", "en": "to be explained"}
_TERM = r"([^\W\d_][\w'’-]*)"
_IN_TEXT = [  # (pattern, group of the term, group of the definition)
    (re.compile(_TERM + r"\s*\(([^()]{3,160})\)"), 1, 2),
    (re.compile(_TERM + r"\s*,\s*(?:c'est-à-dire|c’est-à-dire|autrement dit|that is|i\.e\.)\s*,?\s*([^,.;:()]{3,160})",
                re.IGNORECASE), 1, 2),
    (re.compile(_TERM + r"\s+(?:est|sont|is|are)\s+((?:un|une|des|a|an)\s+[^,.;:()]{3,100}?)"
                r"(?=\s+(?:qui|dont|que|which|that)\b|[,.;:(]|$)", re.IGNORECASE), 1, 2),
    (re.compile(_TERM + r"\s+(?:désigne|signifie|correspond à|means|refers to)\s+([^.;:()]{3,120})", re.IGNORECASE),
     1, 2),
]


_NAMED = re.compile(r"\s*,?\s*(?:appel[ée]e?s?|nomm[ée]e?s?|called|known as)\s+(?:«\s*)?" + _TERM, re.IGNORECASE)


def definitions_in_text(text: str) -> dict[str, str]:
    """Definitions the text gives itself, by the word they define (lowercase)."""
    found: dict[str, str] = {}
    for match in _NAMED.finditer(text):  # "une substance … appelée chlorophylle"
        before = re.split(r"[,.;:()]", text[max(0, match.start() - 80):match.start()])[-1].strip()
        if len(before.split()) >= 2:
            found.setdefault(match.group(1).lower(), before)
    for pattern, term_group, definition_group in _IN_TEXT:
        for match in pattern.finditer(text):
            term = match.group(term_group).lower()
            definition = match.group(definition_group).strip(" ,;:")
            if term not in found and definition.lower() != term and len(definition.split()) >= 2:
                found[term] = definition
    return found


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    definition: str
    origin: str  # "texte", "glossaire", "sigle" or "à expliquer"

    @property
    def needs_review(self) -> bool:
        return self.origin == "à expliquer"

    def to_dict(self) -> dict:
        return {**asdict(self), "needs_review": self.needs_review}


def build_glossary(analysis, moved: dict[str, str]) -> list[GlossaryEntry]:
    """Entries for the text's rare words and acronyms; `moved` holds definitions taken out of sentences."""
    shipped = entries(analysis.lang, "glossary.txt")
    in_text = definitions_in_text(analysis.text)
    found: dict[str, GlossaryEntry] = {}
    for term, definition in moved.items():
        found[term.lower()] = GlossaryEntry(term, definition, "texte")
    for acronym in analysis.acronyms:
        key = acronym.text.lower()
        if key in found:
            continue
        if acronym.expansion:
            found[key] = GlossaryEntry(acronym.text, _strip_article(acronym.expansion), "sigle")
        elif key in shipped:
            found[key] = GlossaryEntry(acronym.text, shipped[key][0], "glossaire")
        else:
            found[key] = GlossaryEntry(acronym.text, TO_EXPLAIN[analysis.lang], "à expliquer")
    for word in analysis.rare_words:
        key = word.lemma
        if key in found or word.text.lower() in found:
            continue
        defined = in_text.get(word.text.lower()) or in_text.get(key)
        if defined:
            found[key] = GlossaryEntry(word.lemma, defined, "texte")
        elif key in shipped or word.text.lower() in shipped:
            found[key] = GlossaryEntry(word.lemma, (shipped.get(key) or shipped[word.text.lower()])[0], "glossaire")
        else:
            found[key] = GlossaryEntry(word.lemma, TO_EXPLAIN[analysis.lang], "à expliquer")
    lowered = analysis.text.lower()
    for term, definition in shipped.items():  # multi-word terms of the glossary that the text uses
        if " " in term and term not in found and term in lowered and re.search(rf"\b{re.escape(term)}\b", lowered):
            found[term] = GlossaryEntry(term, definition[0], "glossaire")
    return sorted(found.values(), key=lambda e: e.term.lower())


def merged(glossaries: list[list[GlossaryEntry]]) -> list[GlossaryEntry]:
    """One entry per term from the glossaries of a text's parts, preferring one that needs no review."""
    kept: dict[str, GlossaryEntry] = {}
    for entry in (e for glossary in glossaries for e in glossary):
        key = entry.term.lower()
        if key not in kept or (kept[key].needs_review and not entry.needs_review):
            kept[key] = entry
    return sorted(kept.values(), key=lambda e: e.term.lower())


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:l['’]|le |la |les |the )", "", text, flags=re.IGNORECASE)
