"""One generic test runs every rule's own examples (axe-core, LanguageTool): an incorrect example marks, with
[…], the span its rule must report, and declares the suggestion the rule gives there."""
import pytest

from atypie.falc.engine import options_for
from atypie.falc.rule import IMPACTS, NEEDS, all_rules, correct, incorrect
from atypie.falc.simplify import simplify
from atypie.language.analysis import analyse
from atypie.profiles.presets import load_preset

RULES = all_rules()
CASES = [(rule, example) for rule in RULES for example in rule.examples]


def test_there_are_at_least_twenty_rules_with_unique_ids():
    ids = [rule.id for rule in RULES]
    assert len(ids) >= 20 and len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_is_declared_completely(rule):
    assert rule.impact in IMPACTS
    assert rule.help["fr"] and rule.help["en"] and rule.tags
    assert set(rule.languages) <= {"fr", "en"}
    for lang in rule.languages:
        assert any(not e.correct for e in rule.examples if e.lang == lang), f"no incorrect example in {lang}"
        assert any(e.correct for e in rule.examples if e.lang == lang), f"no correct example in {lang}"
        assert set(rule.needs_in(lang)) <= set(NEEDS)
    assert all(e.lang in rule.languages for e in rule.examples)
    if isinstance(rule.needs, dict):
        assert set(rule.needs) <= set(rule.languages)
    rule.help["fr"].format(**rule.options)


@pytest.mark.parametrize("rule, example", [c for c in CASES if not c[1].correct],
                         ids=lambda c: getattr(c, "id", None) or c.text[:30])
def test_every_incorrect_example_marks_its_span(rule, example):
    assert example.start is not None, f"{rule.id}: mark the span to report with […] in {example.text!r}"
    assert 0 <= example.start < example.end <= len(example.text)


@pytest.mark.parametrize("rule, example", CASES, ids=lambda c: getattr(c, "id", None) or c.text[:30])
def test_rule_examples(rule, example):
    analysis = analyse(example.text, example.lang)
    assert rule.applies_to(analysis)
    findings = rule.check(analysis, options_for(rule, {}))
    if example.correct:
        assert findings == [], [f.message for f in findings]
        return
    assert all(f.rule_id == rule.id and 0 <= f.start < f.end <= len(example.text) for f in findings)
    reported = [(f.start, f.end, f.excerpt, f.suggestion) for f in findings]
    at_span = [f for f in findings if (f.start, f.end) == (example.start, example.end)]
    assert at_span, f"{rule.id} should report {example.span!r} in {example.text!r}; it reports {reported}"
    assert any(f.suggestion == example.suggestion for f in at_span), \
        f"{rule.id} should suggest {example.suggestion!r} for {example.span!r}; it reports {reported}"


def test_the_marking_keeps_the_text_and_its_span():
    example = incorrect("Le soleil brille [;] il fait chaud.", suggestion=".")
    assert (example.text, example.start, example.end, example.span) == ("Le soleil brille ; il fait chaud.",
                                                                       17, 18, ";")
    assert example.suggestion == "." and not example.correct
    assert incorrect("Sans marque.").start is None


@pytest.mark.parametrize("marked", ["[a] et [b]", "a [b", "a ]b[", "a [] b"])
def test_a_malformed_marking_is_refused(marked):
    with pytest.raises(ValueError):
        incorrect(marked)


def test_a_correct_example_has_no_marking():
    with pytest.raises(ValueError):
        correct("Le soleil [brille].")


def test_a_foreign_word_inside_a_name_is_kept():
    result = simplify("La série est éditée par Focus Home Interactive depuis 2009.", load_preset("falc"), "fr")
    assert "Focus Home Interactive" in result.sentences[0]
