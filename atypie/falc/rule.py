"""A plain-language rule: stable id, impact, tags, help text, options, `check()`, and its own examples.

Rules are small declared objects (as axe-core and LanguageTool do); one generic test runs every
rule's examples: each incorrect example must raise a finding, each correct one none.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, ClassVar, Literal

Impact = Literal["minor", "moderate", "serious", "critical"]
IMPACTS: tuple[str, ...] = ("minor", "moderate", "serious", "critical")


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
    text: str
    correct: bool
    lang: str = "fr"


def incorrect(text: str, lang: str = "fr") -> Example:
    return Example(text, False, lang)


def correct(text: str, lang: str = "fr") -> Example:
    return Example(text, True, lang)


class Rule:
    id: ClassVar[str]
    impact: ClassVar[Impact]
    tags: ClassVar[tuple[str, ...]] = ()
    help: ClassVar[dict[str, str]]  # {"fr": ..., "en": ...}
    options: ClassVar[dict[str, Any]] = {}
    languages: ClassVar[tuple[str, ...]] = ("fr", "en")
    needs_tags: ClassVar[bool] = False  # needs part-of-speech tags (French pipeline only)
    examples: ClassVar[list[Example]]

    def applies_to(self, analysis) -> bool:
        return analysis.lang in self.languages and (analysis.tagged or not self.needs_tags)

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
