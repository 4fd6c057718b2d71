"""The staff page's course-glossary tab, as plain methods: a signed-in session, checked uploads, a table."""
from __future__ import annotations

import pytest

from atypie.errors import AtypieError
from atypie.web import handlers
from atypie.web.sessions import Sessions, StaffCredential
from atypie.web.staff_handlers import StaffDesk
from tests.web.seeding import PASSWORD, STAFF

BROWSER = "cookie-signe-du-navigateur"


def code_of(call) -> str:
    with pytest.raises(AtypieError) as caught:
        call()
    return caught.value.code


@pytest.mark.slow
def test_staff_attach_a_glossary_and_students_get_it(seeded, tmp_path):
    desk = StaffDesk(seeded.store, Sessions(seeded.store))
    token = desk.login(STAFF, PASSWORD, binding=BROWSER)
    upload = tmp_path / "glossaire.csv"
    upload.write_text("terme;définition\nzygomorphisme;forme d'une fleur\n", encoding="utf-8")
    assert desk.import_glossary(token, "etu-texte", str(upload), "", "fr") == 1
    table = desk.glossary_table(token, "etu-texte", "fr")
    assert "zygomorphisme" in table and "forme d" in table
    entries = seeded.store.audit.entries(profile_id="etu-texte")
    assert any(e.operation == "glossary.import" and e.actor == STAFF for e in entries)
    view = handlers.simplify_text(seeded.store, seeded.plain, "Le zygomorphisme des fleurs intrigue les botanistes.",
                                  "fr")
    assert "forme d" in view.page_html


@pytest.mark.slow
def test_uploads_are_checked_and_escaped(seeded, tmp_path):
    desk = StaffDesk(seeded.store, Sessions(seeded.store))
    token = desk.login(STAFF, PASSWORD, binding=BROWSER)
    hostile = tmp_path / "hostile.csv"
    hostile.write_text("terme;définition\nbiome;<script>alert(1)</script>\n", encoding="utf-8")
    assert code_of(lambda: desk.import_glossary(token, "etu-texte", str(hostile), "", "fr")) == "ATY-E027"
    odd = tmp_path / "glossaire.html"
    odd.write_text("<b>x</b>", encoding="utf-8")
    assert code_of(lambda: desk.import_glossary(token, "etu-texte", str(odd), "", "fr")) == "ATY-E039"
    assert code_of(lambda: desk.import_glossary(token, "etu-texte", None, "", "fr")) == "ATY-E010"
    assert code_of(lambda: desk.glossary_table(token, "absent", "fr")) == "ATY-E012"
    quoted = tmp_path / "g.toml"
    quoted.write_text('[termes]\n"a & b" = "x > y"\n', encoding="utf-8")
    assert desk.import_glossary(token, "etu-texte", str(quoted), "Cours 1", "fr") == 1
    table = desk.glossary_table(token, "etu-texte", "fr")
    assert "a &amp; b" in table and "x &gt; y" in table and "<script" not in table


@pytest.mark.slow
def test_glossary_actions_need_a_valid_session(seeded, tmp_path):
    desk = StaffDesk(seeded.store, Sessions(seeded.store))
    upload = tmp_path / "glossaire.csv"
    upload.write_text("terme;définition\nbiome;milieu\n", encoding="utf-8")
    real = desk.login(STAFF, PASSWORD, binding=BROWSER)
    for token in (None, "forged", StaffCredential(real.token, "another-browser")):
        assert code_of(lambda k=token: desk.import_glossary(k, "etu-texte", str(upload), "", "fr")) == "ATY-E037"
        assert code_of(lambda k=token: desk.glossary_table(k, "etu-texte", "fr")) == "ATY-E037"
    assert seeded.store.glossaries.list("etu-texte") == []
