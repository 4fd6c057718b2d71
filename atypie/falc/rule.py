"""A plain-language rule: stable id, impact, tags, help text, options, needs, `check()`, and its own examples.

Rules are small declared objects (as axe-core and LanguageTool do); one generic test runs every
rule's examples: each incorrect example must raise a finding on its marked span, each correct one none.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, ClassVar, Literal

from ..config import LANGUAGES

Impact = Literal["minor", "moderate", "serious", "critical"]
IMPACTS: tuple[str, ...] = ("minor", "moderate", "serious", "critical")
# What a rule may need from the analysis, and the analysis attribute that says whether it has it.
NEEDS: dict[str, str] = {"tags": "tagged", "parse": "parsed"}
MARK = ("[", "]")  # an incorrect example marks the span its rule must report: "Le soleil brille [;] il fait chaud."


@dataclass(frozen=True)
class Finding:
    rule_id: str
    impact: str
    outcome: Literal["violation", "needs-review"]
    message: str
    start: int
    end: int
    excerpt: str
    suggestion: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Example:
    """An example text, without its marks; for an incorrect one, the span its rule reports (`start`, `end`,
    None when unmarked) and the suggestion it gives there (None: no suggestion)."""

    text: str
    correct: bool
    lang: str = "fr"
    start: int | None = None
    end: int | None = None
    suggestion: str | None = None

    @property
    def span(self) -> str | None:
        return None if self.start is None else self.text[self.start:self.end]


def unmark(marked: str) -> tuple[str, int | None, int | None]:
    """"Le soleil brille [;] il fait chaud." → ("Le soleil brille ; il fait chaud.", 17, 18)."""
    opening, closing = MARK
    if opening not in marked and closing not in marked:
        return marked, None, None
    start = marked.find(opening)
    end = marked.find(closing, start) - 1
    text = marked.replace(opening, "", 1).replace(closing, "", 1)
    if end <= start or marked.count(opening) != 1 or marked.count(closing) != 1:
        raise ValueError(f"mark exactly one non-empty span with {opening}…{closing}: {marked!r}")
    return text, start, end


def incorrect(marked: str, lang: str = "fr", *, suggestion: str | None = None) -> Example:
    text, start, end = unmark(marked)
    return Example(text, False, lang, start, end, suggestion)


def correct(text: str, lang: str = "fr") -> Example:
    if any(mark in text for mark in MARK):
        raise ValueError(f"a correct example has no marked span: {text!r}")
    return Example(text, True, lang)


def as_written(suggestion: str, written: str) -> str:
    """A suggestion with the capital of the words it replaces (« A priori » → « Au départ »)."""
    return suggestion[:1].upper() + suggestion[1:] if written[:1].isupper() else suggestion


class Rule:
    id: ClassVar[str]
    impact: ClassVar[Impact]
    tags: ClassVar[tuple[str, ...]] = ()
    help: ClassVar[dict[str, str]]  # {"fr": ..., "en": ...}
    options: ClassVar[dict[str, Any]] = {}
    languages: ClassVar[tuple[str, ...]] = LANGUAGES
    # what `check` reads beyond the text (keys of NEEDS), in every language, or {lang: needs} when they differ
    needs: ClassVar[tuple[str, ...] | dict[str, tuple[str, ...]]] = ()
    examples: ClassVar[list[Example]]

    def needs_in(self, lang: str) -> tuple[str, ...]:
        return self.needs.get(lang, ()) if isinstance(self.needs, dict) else self.needs

    def applies_to(self, analysis) -> bool:
        """Available in the text's language, and the analysis has what the rule reads: not applicable otherwise."""
        return analysis.lang in self.languages and all(getattr(analysis, NEEDS[need])
                                                        for need in self.needs_in(analysis.lang))

    def check(self, analysis, options: dict[str, Any]) -> list[Finding]:
        raise NotImplementedError

    def finding(self, analysis, start: int, end: int, fr: str, en: str, suggestion: str | None = None, *,
                review: bool = False, impact: str | None = None) -> Finding:
        return Finding(self.id, impact or self.impact, "needs-review" if review else "violation",
                       en if analysis.lang == "en" else fr, start, end, analysis.text[start:end], suggestion)


_RULES: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    if cls.id in _RULES:
        raise ValueError(f"duplicate rule id {cls.id}")
    _RULES[cls.id] = cls
    return cls


def all_rules() -> list[Rule]:
    from . import rules  # noqa: F401  (importing the package registers every rule)

    return [cls() for cls in _RULES.values()]
