"""One generic test runs every rule's own examples (axe-core, LanguageTool)."""
import pytest

from atypie.falc.engine import options_for
from atypie.falc.rule import IMPACTS, all_rules
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
    assert any(not e.correct for e in rule.examples) and any(e.correct for e in rule.examples)
    rule.help["fr"].format(**rule.options)


@pytest.mark.parametrize("rule, example", CASES, ids=lambda c: getattr(c, "id", None) or c.text[:30])
def test_rule_examples(rule, example):
    analysis = analyse(example.text, example.lang)
    findings = rule.check(analysis, options_for(rule, {}))
    if example.correct:
        assert findings == [], [f.message for f in findings]
    else:
        assert findings, f"{rule.id} found nothing in {example.text!r}"
        assert all(f.rule_id == rule.id and 0 <= f.start < f.end <= len(example.text) for f in findings)


def test_a_foreign_word_inside_a_name_is_kept():
    result = simplify("La série est éditée par Focus Home Interactive depuis 2009.", load_preset("falc"), "fr")
    assert "Focus Home Interactive" in result.sentences[0]
