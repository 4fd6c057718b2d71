"""Rule ids are public (reports, profiles, the API, `docs/regles.md`): adding, removing or renaming one is a
deliberate change, made here too."""
from pathlib import Path

from atypie.falc.rule import all_rules

PINNED = Path(__file__).with_name("rule_ids.txt")
REGENERATE = (".venv/bin/python -c \"from atypie.falc.rule import all_rules; "
              "print(*sorted(r.id for r in all_rules()), sep='\\n')\" > tests/falc/rule_ids.txt")


def test_the_rule_ids_are_the_pinned_ones():
    pinned = [line.strip() for line in PINNED.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = sorted(rule.id for rule in all_rules())
    added, removed = sorted(set(ids) - set(pinned)), sorted(set(pinned) - set(ids))
    assert not added and not removed, (
        f"the rule ids changed: added {added}, removed {removed} (a rename is both). Rule ids are public: if this "
        f"is deliberate, update {PINNED.name} (and the catalogue) with:\n  {REGENERATE}")
    assert pinned == sorted(set(pinned)), f"{PINNED.name} holds each id once, sorted; regenerate it:\n  {REGENERATE}"
