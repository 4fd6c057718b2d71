"""axe-core (WCAG 2.0/2.1, A and AA) on every tab of both pages, in French and in English: no serious or critical
violation; `<html lang>` follows the interface language, whatever the browser's."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from atypie.web.i18n import t

from .conftest import new_page, screenshot
from .ui import STAFF_TABS, STUDENT_TABS, audit, open_page, open_tab, report, staff_sign_in, student_sign_in

pytestmark = [pytest.mark.exe, pytest.mark.browser]
LANGS = ["fr", "en"]


@pytest.mark.parametrize("lang", LANGS)
def test_student_page_has_no_serious_violation(web_server, page, lang):
    """The code screen, then each of the four tabs once a code that allows image generation is in use."""
    open_page(page, web_server.url + "/", lang)
    expect(page).to_have_title(t("student.title", lang))
    found = audit(page, f"student/code/{lang}")
    screenshot(page, f"student-code-{lang}", publish=lang == "fr")
    student_sign_in(page, web_server.codes["etu-images"], lang)
    for key in STUDENT_TABS:
        open_tab(page, key, lang)
        name = key.removeprefix("tab.")
        found += audit(page, f"student/{name}/{lang}")
        screenshot(page, f"student-{name}-{lang}", publish=lang == "fr")
    assert not found, "axe-core found serious or critical violations:\n" + report(found)


@pytest.mark.parametrize("lang", LANGS)
def test_staff_page_has_no_serious_violation(web_server, page, lang):
    """The sign-in screen, then each of the five tabs once signed in."""
    open_page(page, web_server.staff_url, lang)
    expect(page).to_have_title(t("staff.title", lang))
    found = audit(page, f"staff/login/{lang}")
    screenshot(page, f"staff-login-{lang}", publish=lang == "fr")
    staff_sign_in(page, web_server.staff_name, web_server.staff_password, lang)
    expect(page.locator("#atypie-staff-status")).to_contain_text(t("login.done", lang, name=web_server.staff_name))
    for key in STAFF_TABS:
        open_tab(page, key, lang)
        name = key.removeprefix("staff.tab.")
        found += audit(page, f"staff/{name}/{lang}")
        screenshot(page, f"staff-{name}-{lang}", publish=lang == "fr")
    assert not found, "axe-core found serious or critical violations:\n" + report(found)


@pytest.mark.parametrize("where", ["/", "/staff/"])
def test_french_first_whatever_the_browser_language(web_server, browser, where):
    """An English browser still gets `<html lang="fr">` and French text; the switch makes both English."""
    title = "student.title" if where == "/" else "staff.title"
    page = new_page(browser, "en-US")
    try:
        open_page(page, web_server.url + where)
        expect(page.get_by_role("heading", level=1)).to_have_text(t(title, "fr"))
        open_page(page, web_server.url + where, "en")
        expect(page.get_by_role("heading", level=1)).to_have_text(t(title, "en"))
        expect(page).to_have_title(t(title, "en"))
    finally:
        page.context.close()


@pytest.mark.parametrize("profile", ["falc", "basse-vision"])
def test_an_adapted_course_document_has_no_serious_violation(page, profile):
    """A real course note (bench/data/documents_fr, CC BY-SA) adapted whole, as the HTML file a student downloads."""
    from pathlib import Path

    from atypie.documents.pipeline import adapt
    from atypie.profiles.presets import load_preset

    source = Path(__file__).resolve().parents[3] / "bench/data/documents_fr/md01_glassus_cryptographie.md"
    written = adapt(source.read_bytes(), load_preset(profile), name=source.name, describe_figures=False)
    page.set_content(written.files["html"].decode("utf-8"))
    found = audit(page, f"document/{profile}")
    assert not found, "axe-core found serious or critical violations:\n" + report(found)
