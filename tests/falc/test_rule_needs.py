"""A rule whose needs the analysis does not meet (tags, dependency parse) or whose language is not the text's is
« not applicable », never « passes »: a rule that could not look has not checked anything."""
import inspect

import pytest

from atypie.falc.engine import check_analysis
from atypie.falc.rule import NEEDS, all_rules
from atypie.language.analysis import analyse, analyse_rewrite

RULES = all_rules()
TEXT = {"fr": "Le malade est soigné par le médecin, la lave coule, les habitants partent et la ville reste vide.",
        "en": "The patient was treated by the doctor."}


def _unmet(rule, analysis) -> bool:
    return analysis.lang not in rule.languages or not all(getattr(analysis, NEEDS[need])
                                                          for need in rule.needs_in(analysis.lang))


def test_without_the_parser_a_rule_reading_the_parse_is_not_applicable():
    analysis = analyse(TEXT["fr"], "fr", full=False)  # the pipeline without its parser, as rewrites are re-read
    assert analysis.tagged and not analysis.parsed
    report = check_analysis(analysis)
    needing = [rule.id for rule in RULES if "parse" in rule.needs_in("fr")]
    assert {"passive-voice", "several-ideas"} <= set(needing)
    for rule_id in needing:
        assert rule_id in report.not_applicable and rule_id not in report.passes


def test_a_rewrite_read_again_without_the_parser_does_not_pass_the_parse_rules():
    source = analyse(TEXT["fr"], "fr")
    assert source.parsed and check_analysis(source).count("passive-voice") == 1
    report = check_analysis(analyse_rewrite(TEXT["fr"], source))
    assert "passive-voice" in report.not_applicable and "passive-voice" not in report.passes


@pytest.mark.parametrize("lang, full", [("fr", True), ("fr", False), ("en", True)])
def test_a_rule_is_not_applicable_exactly_when_its_language_or_needs_are_unmet(lang, full):
    analysis = analyse(TEXT[lang], lang, full=full)
    report = check_analysis(analysis)
    for rule in RULES:
        checked = rule.id in report.passes or report.count(rule.id) or any(
            f.rule_id == rule.id for f in report.needs_review)
        assert (rule.id in report.not_applicable) == _unmet(rule, analysis), rule.id
        assert bool(checked) != (rule.id in report.not_applicable), rule.id


def test_a_rule_not_available_in_a_language_is_not_applicable_there():
    report = check_analysis(analyse(TEXT["en"], "en"))
    french_only = [rule.id for rule in RULES if "en" not in rule.languages]
    assert {"complex-tense", "nominalisation", "several-ideas"} <= set(french_only)
    assert set(french_only) <= set(report.not_applicable)
    assert "passive-voice" not in report.not_applicable  # English needs no parse: a pattern finds it


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_a_rule_reading_the_parse_or_the_tags_declares_it(rule):
    source = inspect.getsource(inspect.getmodule(type(rule)))
    declared = {need for lang in rule.languages for need in rule.needs_in(lang)}
    if any(attribute in source for attribute in (".dep_", ".head", ".children")):
        assert "parse" in declared, f"{rule.id} reads the dependency parse: declare needs = (..., \"parse\")"
    if any(attribute in source for attribute in (".pos_", ".morph", ".lemma_")) and "analysis.tagged" not in source:
        assert "tags" in declared, f"{rule.id} reads part-of-speech tags: declare needs = (\"tags\", ...)"
