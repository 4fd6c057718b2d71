"""The app launched in-process on a free loopback port, called like any client would (gradio_client, plain HTTP):
codes are resolved on the server, the image gate holds, staff actions need a session, uploads are checked."""
from __future__ import annotations

import html
import json
import os
import urllib.request
from pathlib import Path

import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError

from atypie.store import Store
from atypie.web.app import launch
from tests.services import free_port
from tests.web.seeding import PASSWORD, STAFF, seed

pytestmark = pytest.mark.slow

COURSE = ("La mitose est une division cellulaire. D'abord, la cellule copie son ADN. Ensuite, les chromosomes se "
          "séparent. Enfin, la cellule se divise en deux cellules filles.")
FORGED = "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    """The server (one per module) and what was seeded; the environment is pinned to offline defaults."""
    folder = tmp_path_factory.mktemp("web")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ATYPIE_HOME", str(folder))
        env.setenv("NO_PROXY", "127.0.0.1,localhost")
        for name in ("ATYPIE_DATABASE_URL", "ATYPIE_BACKEND", "ATYPIE_LANG", "ATYPIE_MODEL_SD15",
                     "ATYPIE_MODEL_SD15_CANNY", "MISTRAL_API_KEY", "GRADIO_TEMP_DIR"):
            env.delenv(name, raising=False)
        with Store(f"sqlite:///{folder / 'atypie.db'}") as store:
            seeded = seed(store)
            running = launch(port=free_port(), block=False, store=store)
            try:
                assert Path(os.environ["GRADIO_TEMP_DIR"]).is_relative_to(folder)
                yield running.url, seeded
            finally:
                running.close()


def client(url: str) -> Client:
    return Client(url, verbose=False, download_files=False)


def refused(call) -> str:
    with pytest.raises(AppError) as caught:
        call()
    return str(caught.value)


def raw_call(base: str, api_name: str, data: list) -> tuple[str, list]:
    """A plain HTTP call of an endpoint: the last event ("complete" or "error") and its data, updates included."""
    request = urllib.request.Request(f"{base}/gradio_api/call/{api_name}", data=json.dumps({"data": data}).encode(),
                                     headers={"Content-Type": "application/json"})
    event_id = json.loads(OPENER.open(request, timeout=30).read())["event_id"]
    stream = OPENER.open(f"{base}/gradio_api/call/{api_name}/{event_id}", timeout=60).read().decode()
    events = [block.split("\n") for block in stream.strip().split("\n\n")]
    kind, payload = events[-1][0].removeprefix("event: "), events[-1][1].removeprefix("data: ")
    return kind, json.loads(payload) if payload.startswith("[") else []


def config(url: str) -> dict:
    return json.loads(OPENER.open(f"{url}/config", timeout=30).read())


# --- students ---------------------------------------------------------------------------------------------

def test_student_endpoints_take_a_code_never_a_profile(web):
    url, _ = web
    endpoints = client(url + "/").view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert set(endpoints) == {"/sign_in", "/use_standard", "/read_simplify_file", "/read_diagram_file", "/simplify",
                              "/diagram", "/describe", "/adapt", "/illustrate"}
    names = {p["parameter_name"] for e in endpoints.values() for p in e["parameters"]}
    assert names == {"code", "text", "kind", "mode", "image", "data", "document", "formats", "lang"}


def test_page_structure_french_first_with_stable_ids_and_the_illustration_tab_hidden(web):
    url, _ = web
    components = config(url)["components"]
    by_id = {c["props"].get("elem_id"): c for c in components if c["props"].get("elem_id")}
    for elem_id in ("atypie-lang", "atypie-code", "atypie-code-use", "atypie-code-standard", "atypie-tab-simplify",
                    "atypie-tab-diagram", "atypie-tab-describe", "atypie-tab-illustrate", "atypie-simplify-text",
                    "atypie-simplify-upload", "atypie-simplify-run", "atypie-describe-image"):
        assert elem_id in by_id, elem_id
    assert by_id["atypie-tab-illustrate"]["props"]["visible"] is False
    assert by_id["atypie-tab-simplify"]["props"]["label"] == "Simplifier un texte"
    assert by_id["atypie-lang"]["props"]["value"] == "fr"
    labelled = [c for c in components if c["type"] in ("textbox", "file", "dropdown", "radio", "checkbox", "number")]
    assert labelled and all(c["props"].get("label") for c in labelled)


def test_sign_in_shows_the_illustration_tab_only_for_an_allowed_profile(web):
    url, seeded = web
    kind, (summary, tab) = raw_call(url, "sign_in", [seeded.allowed, "fr"])
    assert kind == "complete" and tab["visible"] is True and "Dyslexie" in summary
    kind, (summary, tab) = raw_call(url, "sign_in", [seeded.plain, "fr"])
    assert kind == "complete" and tab["visible"] is False and "FALC" in summary and "Dyslexie" not in summary
    assert raw_call(url, "sign_in", [FORGED, "fr"])[0] == "error"
    assert raw_call(url, "use_standard", ["fr"])[1][2]["visible"] is False


def test_forged_absent_and_revoked_codes_read_no_profile(web):
    url, seeded = web
    app = client(url + "/")
    assert "ATY-E019" in refused(lambda: app.predict(FORGED, COURSE, "", "fr", api_name="/diagram"))
    assert "does not exist" in refused(lambda: app.predict(FORGED, COURSE, "", "en", api_name="/diagram"))
    assert "ATY-E031" in refused(lambda: app.predict(seeded.revoked, COURSE, "", "fr", api_name="/diagram"))
    assert "ATY-E019" in refused(lambda: app.predict("etu-images", COURSE, "fr", api_name="/simplify"))
    page, diff, notices, files = app.predict(seeded.plain, COURSE + "<script>alert(1)</script>", "fr",
                                             api_name="/simplify")
    assert 'sandbox=""' in page and "<script" not in page and "<script" not in html.unescape(page).split("<main>")[1]
    assert len(files) == 4


def test_no_image_for_a_profile_that_is_not_allowed(web):
    url, seeded = web
    app = client(url + "/")
    for code in ("", FORGED, seeded.revoked, seeded.plain):
        message = refused(lambda code=code: app.predict(code, COURSE, "nodes", "fr", api_name="/illustrate"))
        assert any(c in message for c in ("ATY-E033", "ATY-E019", "ATY-E031")), message
    assert "ATY-E033" in refused(lambda: app.predict(seeded.plain, COURSE, "nodes", "fr", api_name="/illustrate"))
    assert "ATY-E033" in refused(lambda: app.predict("", COURSE, "nodes", "fr", api_name="/illustrate"))
    # The allowed profile passes the gate and stops at the missing model, in plain words.
    assert "ATY-E046" in refused(lambda: app.predict(seeded.allowed, COURSE, "nodes", "fr", api_name="/illustrate"))
    assert "not in the list of choices" in refused(  # checked by Gradio, and again by atypie.api.illustrate
        lambda: app.predict(seeded.allowed, COURSE, "../x", "fr", api_name="/illustrate"))


def test_uploads_over_the_limit_or_of_the_wrong_type_are_refused_in_french(web, tmp_path):
    url, _ = web
    app = client(url + "/")
    good = tmp_path / "cours.md"
    good.write_text("# Cours\n\nLa mitose est une division.", encoding="utf-8")
    assert app.predict(handle_file(str(good)), "fr", api_name="/read_simplify_file").startswith("# Cours")
    big = tmp_path / "gros.txt"
    big.write_bytes(b"a" * 1_000_001)
    message = refused(lambda: app.predict(handle_file(str(big)), "fr", api_name="/read_simplify_file"))
    assert "ATY-E023" in message and "trop long" in message and "300000" in message  # the limit of pasted text
    binary = tmp_path / "cours.pdf"
    binary.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n\x00\x01")
    assert "ATY-E026" in refused(lambda: app.predict(handle_file(str(binary)), "fr", api_name="/read_simplify_file"))
    not_image = tmp_path / "image.png"
    not_image.write_text("pas une image", encoding="utf-8")
    assert "ATY-E010" in refused(lambda: app.predict("", handle_file(str(not_image)), "fr", api_name="/describe"))
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_bytes(b"PK\x03\x04 pas un document")
    assert "ATY-E051" in refused(lambda: app.predict("", handle_file(str(not_pdf)), ["html"], "fr",
                                                     api_name="/adapt"))


def test_a_course_document_comes_back_adapted_in_the_formats_chosen(web, tmp_path):
    url, _ = web
    app = client(url + "/")
    course = tmp_path / "cours.md"
    course.write_text("# La cellule\n\nLa membrane plasmique, qui entoure la cellule, contrôle les échanges entre le "
                      "cytoplasme et le milieu extérieur.\n\nElle contient :\n\n- des lipides ;\n- des protéines.\n",
                      encoding="utf-8")
    preview, summary, _notices, files = app.predict("", handle_file(str(course)), ["html", "docx"], "fr",
                                                    api_name="/adapt")
    assert "iframe" in preview and "La cellule" in preview
    assert "paragraphes" in summary
    assert sorted(Path(f["path"] if isinstance(f, dict) else f).suffix for f in files) == [".docx", ".html"]


# --- staff ------------------------------------------------------------------------------------------------

STAFF_CALLS = {
    "/refresh_profiles": ["fr"], "/create_profile": ["nouveau", "standard", "", "fr"],
    "/delete_profile": ["etu-texte", True, "fr"], "/read_settings": ["etu-texte", "fr"],
    "/save_settings": ["etu-texte", "display.font_size_px = 20", 1, "fr"],
    "/allow_images": ["etu-texte", "raison", 5, "fr"], "/revoke_images": ["etu-images", "fr"],
    "/issue_code": ["etu-texte", 30, "", "fr"], "/list_codes": ["etu-texte", "fr"],
    "/revoke_code": ["ZZZZ", "fr"], "/usage_report": ["", "fr"],
    "/import_glossary": ["etu-texte", None, "", "fr"], "/list_glossary": ["etu-texte", "fr"],
}


def test_staff_actions_need_a_session_of_their_own(web):
    url, seeded = web
    outsider = client(url + "/staff/")
    assert set(STAFF_CALLS) | {"/login", "/logout"} == set(
        outsider.view_api(print_info=False, return_format="dict")["named_endpoints"])
    for api_name, args in STAFF_CALLS.items():
        assert "ATY-E037" in refused(lambda a=args, n=api_name: outsider.predict(*a, api_name=n)), api_name
    assert "ATY-E035" in refused(lambda: outsider.predict(STAFF, "mauvais-mot-de-passe", "fr", api_name="/login"))
    assert [p.id for p in seeded.store.profiles.list()] == ["etu-images", "etu-texte"]

    staff = client(url + "/staff/")
    status, password, choices, table = staff.predict(STAFF, PASSWORD, "fr", api_name="/login")
    assert STAFF in status and password == "" and "etu-texte" in table
    code, codes = staff.predict("etu-texte", 30, "", "fr", api_name="/issue_code")
    assert seeded.store.codes.resolve(code).profile_id == "etu-texte" and code not in codes
    assert "ATY-E037" in refused(lambda: outsider.predict("fr", api_name="/refresh_profiles"))
    usage_table, files = staff.predict("", "fr", api_name="/usage_report")
    assert "<table" in usage_table and len(files) == 2
    for served in files:  # Gradio's copy of the usage CSV: in atypie's private folder, out of other users' reach
        copy = Path(served["path"] if isinstance(served, dict) else served)
        assert copy.is_relative_to(os.environ["GRADIO_TEMP_DIR"]) and not copy.parent.parent.stat().st_mode & 0o077
    staff.predict("fr", api_name="/logout")
    assert "ATY-E037" in refused(lambda: staff.predict("fr", api_name="/refresh_profiles"))


def test_app_serves_both_pages_with_their_titles(web):
    url, _ = web
    assert config(url)["title"].startswith("atypie : adapter")
    assert config(url + "/staff")["title"].startswith("atypie : espace du service handicap")
    for path in ("/", "/staff/"):
        with OPENER.open(url + path, timeout=30) as response:
            assert response.status == 200


def test_a_staff_session_cannot_be_taken_over_with_the_gradio_session_id(web):
    url, seeded = web
    staff = client(url + "/staff/")
    staff.predict(STAFF, PASSWORD, "fr", api_name="/login")
    thief = client(url + "/staff/")  # another browser: its own cookie, the victim's session id
    thief.session_hash = staff.session_hash
    issued = len(seeded.store.codes.for_profile("etu-texte"))
    assert "ATY-E037" in refused(lambda: thief.predict("etu-texte", "fr", api_name="/list_codes"))
    assert "ATY-E037" in refused(lambda: thief.predict("etu-texte", 30, "", "fr", api_name="/issue_code"))
    assert len(seeded.store.codes.for_profile("etu-texte")) == issued
    assert "etu-texte" in staff.predict("fr", api_name="/refresh_profiles")[1]  # the victim goes on

    planted = client(url + "/staff/")  # session fixation: the attacker chooses the id before the victim signs in
    victim = client(url + "/staff/")
    victim.session_hash = planted.session_hash
    victim.predict(STAFF, PASSWORD, "fr", api_name="/login")
    assert "ATY-E037" in refused(lambda: planted.predict("fr", api_name="/refresh_profiles"))
    assert "etu-texte" in victim.predict("fr", api_name="/refresh_profiles")[1]


def test_the_staff_cookie_is_made_by_the_server_httponly_and_strict(web):
    url, _ = web
    with OPENER.open(url + "/staff/config", timeout=30) as response:
        cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("atypie_staff=") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Path=/staff" in cookie and "Secure" not in cookie  # plain HTTP on loopback
    forged = urllib.request.Request(url + "/staff/config", headers={"Cookie": "atypie_staff=choisi.par-moi"})
    with OPENER.open(forged, timeout=30) as response:
        assert response.headers["Set-Cookie"].split(";")[0] != "atypie_staff=choisi.par-moi"
