"""The glossary: hard words and acronyms of the text, each with a definition found in the text itself
(parentheses, appositions, "c'est-à-dire", "appelé"), in the shipped glossary, or marked "à expliquer"."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from ..language.data import entries

TO_EXPLAIN = {"fr": "à expliquer", "en": "to be explained"}
_IN_TEXT = [
    r"{term}\s*\(([^()]{{3,160}})\)",
    r"{term}\s*,\s*(?:c'est-à-dire|c’est-à-dire|autrement dit|soit|that is|i\.e\.)\s*,?\s*([^,.;:()]{{3,160}})",
    r"([^,.;:()]{{3,80}}?)\s*,?\s*(?:appel[ée]e?s?|nomm[ée]e?s?|called|known as)\s+(?:«\s*)?{term}",
    r"\b{term}\s+(?:est|sont|is|are)\s+((?:un|une|des|a|an)\s+[^,.;:()]{{3,100}}?)(?=\s+(?:qui|dont|que|which|that)\b|[,.;:(]|$)",
    r"\b{term}\b[^.;]{{0,80}}?\s(?:désigne|signifie|correspond à|means|refers to)\s+([^.;:()]{{3,120}})",
]


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


def definition_in_text(text: str, term: str) -> str | None:
    for pattern in _IN_TEXT:
        match = re.search(pattern.format(term=re.escape(term)), text, re.IGNORECASE)
        if match:
            found = match.group(1).strip(" ,;:")
            if found.lower() != term.lower() and len(found.split()) >= 2:
                return found
    return None


def build_glossary(analysis, moved: dict[str, str]) -> list[GlossaryEntry]:
    """Entries for the text's rare words and acronyms; `moved` holds definitions taken out of sentences."""
    shipped = entries(analysis.lang, "glossary.txt")
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
        in_text = definition_in_text(analysis.text, word.text)
        if in_text:
            found[key] = GlossaryEntry(word.lemma, in_text, "texte")
        elif key in shipped or word.text.lower() in shipped:
            found[key] = GlossaryEntry(word.lemma, (shipped.get(key) or shipped[word.text.lower()])[0], "glossaire")
        else:
            found[key] = GlossaryEntry(word.lemma, TO_EXPLAIN[analysis.lang], "à expliquer")
    for term, definition in shipped.items():  # multi-word terms of the glossary that the text uses
        if " " in term and term not in found and re.search(rf"\b{re.escape(term)}\b", analysis.text, re.IGNORECASE):
            found[term] = GlossaryEntry(term, definition[0], "glossaire")
    return sorted(found.values(), key=lambda e: e.term.lower())


def _strip_article(text: str) -> str:
    return re.sub(r"^(?:l['’]|le |la |les |the )", "", text, flags=re.IGNORECASE)
