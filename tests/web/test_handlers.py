"""The web handlers as plain functions: code resolution on every call, uploads, outputs, the image gate, staff."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from atypie.errors import AtypieError
from atypie.web import handlers
from atypie.web.sessions import Sessions, StaffCredential
from atypie.web.staff_handlers import StaffDesk
from tests.web.seeding import PASSWORD, STAFF

pytestmark = pytest.mark.usefixtures("no_illustration_model")

COURSE = ("La photosynthèse est le processus par lequel les plantes fabriquent leur nourriture. D'abord, les "
          "feuilles captent la lumière du soleil. Ensuite, elles absorbent le dioxyde de carbone. Enfin, elles "
          "produisent du glucose et rejettent de l'oxygène.")
BROWSER = "cookie-signe-du-navigateur"
HOSTILE = COURSE + ' <script>alert(1)</script> <img src=x onerror="alert(2)"> <a href="javascript:alert(3)">x</a>'


def code_of(call) -> str:
    with pytest.raises(AtypieError) as caught:
        call()
    return caught.value.code


def srcdoc(frame_html: str) -> str:
    return html.unescape(re.search(r'srcdoc="([^"]*)"', frame_html).group(1))


# --- students ---------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_code_is_resolved_on_the_server_and_bad_codes_are_refused(seeded):
    store = seeded.store
    assert handlers.resolve(store, seeded.allowed).profile.id == "etu-images"
    assert handlers.resolve(store, seeded.plain.lower().replace("-", " ")).profile.id == "etu-texte"
    standard = handlers.resolve(store, "  ")
    assert (standard.profile.id, standard.code_id) == ("standard", None)
    assert code_of(lambda: handlers.resolve(store, "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ")) == "ATY-E019"
    assert code_of(lambda: handlers.resolve(store, "etu-images")) == "ATY-E019"  # a profile id is not a code
    assert code_of(lambda: handlers.resolve(store, seeded.revoked)) == "ATY-E031"


@pytest.mark.slow
def test_sign_in_offers_illustration_only_to_allowed_profiles_without_using_the_quota(seeded):
    store = seeded.store
    first = handlers.sign_in(store, seeded.allowed, "fr")
    assert first.can_illustrate and "3 image(s)" in first.summary_html
    assert handlers.sign_in(store, seeded.allowed, "fr").summary_html == first.summary_html  # quota untouched
    assert not handlers.sign_in(store, seeded.plain, "fr").can_illustrate
    assert not handlers.sign_in(store, "", "en").can_illustrate
    assert "standard profile" in handlers.sign_in(store, "", "en").summary_html


def test_text_uploads_are_checked_for_size_and_type():
    assert handlers.read_text_upload("\ufeffBonjour à tous".encode(), "fr") == "Bonjour à tous"
    for data in (b"%PDF-1.7\n\xff\xfe\x00binary", b"\x89PNG\r\n\x1a\n\x00\x00", b"", None):
        assert code_of(lambda data=data: handlers.read_text_upload(data, "fr")) == "ATY-E026"


def test_a_text_file_has_the_same_limit_as_pasted_text_in_characters():
    from atypie.language.analysis import MAX_CHARS
    from atypie.web.i18n import t

    widest = "𝑥" * MAX_CHARS  # 4 bytes a character in UTF-8: over 1 MB, yet not too long
    assert handlers.read_text_upload(widest.encode(), "fr") == widest
    too_long = b"a" * (MAX_CHARS + 1)  # well under 1 MB
    with pytest.raises(AtypieError) as caught:
        handlers.read_text_upload(too_long, "fr")
    message = caught.value.message("fr")
    assert caught.value.code == "ATY-E023" and f"{MAX_CHARS + 1} caractères" in message and str(MAX_CHARS) in message
    assert "300\u202f000 caractères" in t("text.upload", "fr") and "300,000 characters" in t("text.upload", "en")


@pytest.mark.slow
def test_simplify_shows_the_profiles_display_escapes_the_course_text_and_offers_files(seeded):
    view = handlers.simplify_text(seeded.store, seeded.allowed, HOSTILE, "fr")
    document = srcdoc(view.page_html)
    assert 'sandbox=""' in view.page_html
    assert "letter-spacing:0.12em" in document and "#fbf5e6" in document  # dyslexie: spacing, cream theme
    assert not re.search(r"<(script|img)\b|onerror=|javascript:", document)
    assert "<table" in srcdoc(view.diff_html)
    names = sorted(Path(p).name for p in view.files)
    assert names == ["changements.html", "texte-simplifie.html", "texte-simplifie.md", "texte-simplifie.txt"]
    assert all(Path(p).stat().st_size > 0 for p in view.files)
    assert len({Path(p).parent for p in view.files}) == 1


@pytest.mark.slow
def test_diagram_is_an_inline_accessible_svg_with_description_outline_and_files(seeded):
    view = handlers.diagram_text(seeded.store, seeded.plain, COURSE, "process", "fr")
    assert '<svg' in view.figure_html and 'role="img"' in view.figure_html
    assert '<title id="atypie-title">' in view.figure_html and '<desc id="atypie-desc">' in view.figure_html
    assert "<metadata" not in view.figure_html and "<figcaption>" in view.figure_html
    assert "<h2>Plan du schéma</h2><ul>" in view.outline_html
    assert "processus" in srcdoc(view.description_html)
    assert sorted(Path(p).suffix for p in view.files) == [".json", ".png", ".svg", ".txt"]


@pytest.mark.slow
def test_describe_reads_an_atypie_diagram_and_refuses_oversized_or_empty_uploads(seeded):
    png = next(p for p in handlers.diagram_text(seeded.store, "", COURSE, "", "fr").files if p.endswith(".png"))
    view = handlers.describe_image(seeded.store, seeded.plain, Path(png).read_bytes(), "fr")
    assert view.alt.startswith("Schéma") and "metadata" in view.method and view.files
    too_big = b"\x89PNG\r\n\x1a\n" + b"\0" * handlers.IMAGE_UPLOAD_LIMIT
    assert code_of(lambda: handlers.describe_image(seeded.store, seeded.plain, too_big, "fr")) == "ATY-E026"
    assert code_of(lambda: handlers.describe_image(seeded.store, seeded.plain, None, "fr")) == "ATY-E026"


@pytest.mark.slow
def test_illustration_is_gated_by_the_codes_profile_on_every_call(seeded):
    store = seeded.store
    assert code_of(lambda: handlers.illustrate_text(store, "", COURSE, "fr")) == "ATY-E033"
    assert code_of(lambda: handlers.illustrate_text(store, seeded.plain, COURSE, "fr")) == "ATY-E033"
    assert code_of(lambda: handlers.illustrate_text(store, seeded.revoked, COURSE, "fr")) == "ATY-E031"
    # Allowed: the gate lets it through, and it stops at the missing model (none is configured in tests).
    assert code_of(lambda: handlers.illustrate_text(store, seeded.allowed, COURSE, "fr")) == "ATY-E046"
    store.profiles.revoke_images("etu-images", actor=STAFF)
    assert code_of(lambda: handlers.illustrate_text(store, seeded.allowed, COURSE, "fr")) == "ATY-E033"


# --- staff ------------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_every_staff_action_needs_a_valid_session(seeded):
    desk = StaffDesk(seeded.store, Sessions(seeded.store))
    calls = {
        "profile_ids": (), "profiles_table": ("fr",), "create_profile": ("x1", "standard", ""),
        "delete_profile": ("etu-texte", True, "fr"), "read_settings": ("etu-texte", "fr"),
        "save_settings": ("etu-texte", "display.font_size_px = 20", 1, "fr"),
        "allow_images": ("etu-texte", "raison", 5), "revoke_images": ("etu-images",),
        "issue_code": ("etu-texte", 30, None), "revoke_code": (seeded.plain,), "codes_table": ("etu-texte", "fr"),
        "usage_report": ("", "fr"), "who": (),
    }
    real = desk.login(STAFF, PASSWORD, binding=BROWSER)
    for token in (None, "", "forged-token", 42, StaffCredential("forged", BROWSER), StaffCredential(real.token, None),
                  StaffCredential(real.token, "another-browser")):
        for method, args in calls.items():
            assert code_of(lambda m=method, a=args, k=token: getattr(desk, m)(k, *a)) == "ATY-E037", method
    assert [p.id for p in seeded.store.profiles.list()] == ["etu-images", "etu-texte"]
    assert handlers.resolve(seeded.store, seeded.plain).profile.id == "etu-texte"  # not revoked
    assert code_of(lambda: desk.login(STAFF, "mauvais-mot-de-passe", binding=BROWSER)) == "ATY-E035"
    assert code_of(lambda: desk.login("personne", PASSWORD, binding=BROWSER)) == "ATY-E035"


def test_sessions_expire_when_idle_and_end_at_logout(store):
    now = [0.0]
    sessions = Sessions(store, idle_s=60, lifetime_s=3600, clock=lambda: now[0])
    token = sessions.open(STAFF, BROWSER)
    now[0] = 59
    assert sessions.require(token) == STAFF
    now[0] = 59 + 61
    with pytest.raises(AtypieError):
        sessions.require(token)
    token = sessions.open(STAFF, BROWSER)
    sessions.close(token)
    with pytest.raises(AtypieError):
        sessions.require(token)


@pytest.mark.slow
def test_staff_manage_profiles_settings_images_and_codes(seeded):
    store = seeded.store
    desk = StaffDesk(store, Sessions(store))
    token = desk.login(STAFF, PASSWORD, binding=BROWSER)
    assert desk.create_profile(token, "l2-histoire", "tsa", "L2 histoire « groupe B »") == "l2-histoire"
    assert code_of(lambda: desk.create_profile(token, "", "tsa", "")) == "ATY-E011"
    assert "L2 histoire « groupe B »" in desk.profiles_table(token, "fr")

    read = desk.read_settings(token, "l2-histoire", "fr")
    assert "display.font_size_px = " in read.text and "image_generation" not in read.text
    edited = re.sub(r"display.font_size_px = \d+", "display.font_size_px = 22", read.text)
    version = desk.save_settings(token, "l2-histoire", edited, read.version, "fr")
    assert store.profiles.get("l2-histoire").profile.display.font_size_px == 22
    assert store.profiles.get("l2-histoire").profile.label == "L2 histoire « groupe B »"
    assert code_of(lambda: desk.save_settings(token, "l2-histoire", edited, read.version, "fr")) == "ATY-E015"
    assert code_of(lambda: desk.save_settings(token, "l2-histoire", "image_generation.allowed = oui", version,
                                              "fr")) == "ATY-E034"
    assert code_of(lambda: desk.save_settings(token, "l2-histoire", "pas de signe égal", version, "fr")) == "ATY-E014"

    assert code_of(lambda: desk.allow_images(token, "l2-histoire", "  ", 5)) == "ATY-E010"
    assert desk.allow_images(token, "l2-histoire", "Supports visuels", 4) == 4
    grant = store.profiles.get("l2-histoire").profile.image_generation
    assert (grant.allowed, grant.approved_by, grant.daily_quota) == (True, STAFF, 4)
    desk.revoke_images(token, "l2-histoire")
    assert not store.profiles.get("l2-histoire").profile.image_generation.allowed

    code = desk.issue_code(token, "l2-histoire", 30, "etudiant-1")
    assert handlers.resolve(store, code).profile.id == "l2-histoire"
    assert "etudiant-1" in desk.codes_table(token, "l2-histoire", "fr") and code not in desk.codes_table(
        token, "l2-histoire", "fr")
    desk.revoke_code(token, code)
    assert "désactivé" in desk.codes_table(token, "l2-histoire", "fr")
    assert code_of(lambda: handlers.resolve(store, code)) == "ATY-E031"

    assert code_of(lambda: desk.delete_profile(token, "l2-histoire", False, "fr")) == "ATY-E010"
    desk.delete_profile(token, "l2-histoire", True, "fr")
    assert desk.profile_ids(token) == ["etu-images", "etu-texte"]
    staff_actions = [e for e in store.audit.entries(profile_id="l2-histoire") if e.operation != "code.resolve"]
    assert {e.actor for e in staff_actions} == {STAFF} and len(staff_actions) >= 7


@pytest.mark.slow
def test_usage_report_is_a_table_with_csv_and_json_files(seeded):
    handlers.sign_in(seeded.store, seeded.plain, "fr")
    handlers.diagram_text(seeded.store, seeded.plain, COURSE, "", "fr")
    desk = StaffDesk(seeded.store, Sessions(seeded.store))
    token = desk.login(STAFF, PASSWORD, binding=BROWSER)
    report = desk.usage_report(token, "2020-01-01", "en")
    assert "<caption>Usage by operation and profile</caption>" in report.table_html
    assert "<td>diagram</td><td>etu-texte</td><td>1</td>" in report.table_html
    assert sorted(Path(p).suffix for p in report.files) == [".csv", ".json"]
    assert code_of(lambda: desk.usage_report(token, "hier", "fr")) == "ATY-E010"


@pytest.mark.slow
def test_an_uploaded_document_comes_back_in_the_profiles_display_with_a_safe_file_name(seeded, tmp_path):
    upload = tmp_path / "Cours n°1 <script>.md"
    upload.write_text("# La cellule\n\nLa membrane plasmique, qui entoure la cellule, contrôle les échanges.\n\n"
                      "<script>alert(1)</script>", encoding="utf-8")
    view = handlers.adapt_upload(seeded.store, seeded.allowed, str(upload), ["md", "pdf"], "fr")
    document = srcdoc(view.page_html)
    assert "La cellule" in document and "#fbf5e6" in document  # the profile's display (dyslexie: cream theme)
    assert not re.search(r"<script\b|javascript:", document)
    names = sorted(Path(p).name for p in view.files)
    assert names == ["Cours-n-1-script-adapte.md", "Cours-n-1-script-adapte.pdf"]
    with pytest.raises(AtypieError) as refused:
        handlers.adapt_upload(seeded.store, seeded.allowed, None, ["html"], "fr")
    assert refused.value.code == "ATY-E026"


@pytest.mark.slow
def test_a_document_being_adapted_tells_how_far_it_is_in_the_interface_language(seeded, tmp_path):
    upload = tmp_path / "cours.md"
    upload.write_text("# La cellule\n\nLa membrane plasmique, qui entoure la cellule, contrôle les échanges.\n",
                      encoding="utf-8")
    told: list[tuple[float, str]] = []
    handlers.adapt_upload(seeded.store, seeded.allowed, str(upload), ["md", "odt"], "en",
                          report=lambda share, what: told.append((share, what)))
    shares = [share for share, _ in told]
    assert shares == sorted(shares) and shares[0] == 0.0 and shares[-1] == 1.0
    assert [what for _, what in told][:2] == ["Reading the document", "Simplifying the text"]
    assert told[-1][1] == "Writing the files (3 of 3)"  # the preview's HTML, then the two formats chosen
