"""`docs/regles.md` is the rule catalogue generated from the rules: it says what the rules say."""
from pathlib import Path

from atypie.falc.catalogue import COMMAND, catalogue_markdown
from atypie.falc.rule import all_rules

CATALOGUE = Path(__file__).resolve().parents[2] / "docs" / "regles.md"


def test_the_catalogue_is_the_generated_one():
    written = CATALOGUE.read_text(encoding="utf-8") if CATALOGUE.exists() else ""
    generated = catalogue_markdown()
    if written != generated:
        old, new = written.splitlines(), generated.splitlines()
        line = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
        raise AssertionError(f"docs/regles.md is not the catalogue the rules give (first difference at line "
                             f"{line + 1}). Regenerate it with:\n  {COMMAND}")


def test_the_catalogue_shows_every_rule_in_french_then_in_english():
    text = catalogue_markdown()
    french, english = text.index("## Français"), text.index("## English")
    assert french < english
    for rule in all_rules():
        heading = f"### `{rule.id}`"
        assert text.index(heading, french) < english < text.index(heading, english)


def test_the_marked_span_and_the_suggestion_are_shown():
    text = catalogue_markdown()
    assert "- Incorrect : Le soleil brille **;** il fait chaud. → « . »" in text
    assert "- Correct : Le soleil brille. Il fait chaud." in text
    assert "une phrase ne dépasse pas 15 mots" in text  # help with its options filled in
    assert "analyse syntaxique (parse)" in text and "dependency parse (parse)" in text
