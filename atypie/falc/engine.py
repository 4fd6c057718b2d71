"""Checking a text against every rule, with the options of the reader's profile."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..profiles.model import Profile
from .rule import IMPACTS, Finding, Rule, all_rules


@dataclass(frozen=True)
class Report:
    """Four outcomes, as axe-core reports: violations, passes, needs review, not applicable."""

    lang: str
    violations: list[Finding] = field(default_factory=list)
    needs_review: list[Finding] = field(default_factory=list)
    passes: list[str] = field(default_factory=list)
    not_applicable: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"lang": self.lang, "violations": [f.to_dict() for f in self.violations],
                "needs_review": [f.to_dict() for f in self.needs_review], "passes": self.passes,
                "not_applicable": self.not_applicable}

    def count(self, rule_id: str) -> int:
        return sum(f.rule_id == rule_id for f in self.violations)


def profile_options(profile: Profile | None) -> dict[str, dict]:
    """Rule options that a profile overrides."""
    if profile is None:
        return {}
    return {"long-sentence": {"max_words": profile.text.max_words_per_sentence},
            "long-paragraph": {"max_words": profile.text.max_words_per_section}}


def options_for(rule: Rule, overrides: dict[str, dict]) -> dict:
    return {**rule.options, **overrides.get(rule.id, {})}


def check_analysis(analysis, profile: Profile | None = None, rules: list[Rule] | None = None) -> Report:
    overrides = profile_options(profile)
    report = Report(analysis.lang)
    for rule in rules or all_rules():
        if not rule.applies_to(analysis):  # not in its languages, or the analysis lacks what it needs
            report.not_applicable.append(rule.id)
            continue
        findings = rule.check(analysis, options_for(rule, overrides))
        if profile is not None and rule.id == "idiom" and profile.text.literal_language:
            findings = [_raise_impact(f) for f in findings]
        report.violations.extend(f for f in findings if f.outcome == "violation")
        report.needs_review.extend(f for f in findings if f.outcome == "needs-review")
        if not findings:
            report.passes.append(rule.id)
    report.violations.sort(key=lambda f: (f.start, -IMPACTS.index(f.impact)))
    report.needs_review.sort(key=lambda f: f.start)
    return report


def _raise_impact(finding: Finding) -> Finding:
    from dataclasses import replace

    return replace(finding, impact="critical")
