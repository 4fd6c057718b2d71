"""Course glossaries in the store: attached to a profile (and a course), replaced on import, removed by term."""
from __future__ import annotations

import pytest

from atypie.api import import_glossary, simplify
from atypie.errors import GlossaryTermNotFound, ProfileNotFound
from atypie.profiles.presets import load_preset

CSV = ("terme;définition\nzygomorphisme;forme d'une fleur qu'on peut couper en deux moitiés pareilles\n"
       "biome;grand milieu\n")


def test_import_list_override_by_course_and_remove(store):
    store.profiles.create(load_preset("falc", "l2-bio"))
    assert import_glossary(CSV.encode(), "cours.csv", "l2-bio", store=store, actor="marie") == 2
    assert import_glossary(b"terme;d\xc3\xa9finition\nbiome;milieu du cours B\n", "b.csv", "l2-bio", store=store,
                           course="Bio B") == 1
    assert [(t.term, t.course) for t in store.glossaries.list("l2-bio")] == [("biome", ""), ("zygomorphisme", ""),
                                                                            ("biome", "Bio B")]
    assert store.glossaries.for_simplify("l2-bio")["biome"] == "grand milieu"
    assert store.glossaries.for_simplify("l2-bio", "Bio B")["biome"] == "milieu du cours B"
    assert import_glossary(b"terme;d\xc3\xa9finition\nbiome;nouveau\n", "c.csv", "l2-bio", store=store) == 1
    assert [t.term for t in store.glossaries.list("l2-bio", "")] == ["biome"]  # replaced, not merged
    store.glossaries.remove("l2-bio", "BIOME", course="")
    with pytest.raises(GlossaryTermNotFound):
        store.glossaries.remove("l2-bio", "biome", course="")
    assert sorted(e.operation for e in store.audit.entries(profile_id="l2-bio") if e.operation.startswith("glossary")) \
        == ["glossary.import", "glossary.import", "glossary.import", "glossary.remove"]


def test_unknown_profile_is_refused_and_deleting_a_profile_deletes_its_glossary(store):
    with pytest.raises(ProfileNotFound):
        import_glossary(CSV.encode(), "cours.csv", "absent", store=store)
    store.profiles.create(load_preset("falc", "p"))
    import_glossary(CSV.encode(), "cours.csv", "p", store=store)
    store.profiles.delete("p")
    store.profiles.create(load_preset("falc", "p"))
    assert store.glossaries.list("p") == []


def test_api_simplify_uses_the_profiles_glossary(store):
    store.profiles.create(load_preset("falc", "l2-bio"))
    import_glossary(CSV.encode(), "cours.csv", "l2-bio", store=store)
    result = simplify("Le zygomorphisme des fleurs intrigue les botanistes.", "l2-bio", lang="fr", store=store)
    entry = next(e for e in result.glossary if e.term.startswith("zygomorph"))
    assert entry.source == "course" and entry.definition.startswith("forme d'une fleur")
