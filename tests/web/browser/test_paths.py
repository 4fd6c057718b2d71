"""One real path per tab, driven with the keyboard where a person would (Tab to a control, Enter to run it)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from playwright.sync_api import expect

from atypie.web.i18n import t

from .conftest import publish_picture, screenshot
from .ui import (
    assert_accessible,
    error_message,
    focus_is_visible,
    focus_style,
    open_page,
    open_tab,
    press,
    settle,
    staff_sign_in,
    student_sign_in,
    tab,
)

pytestmark = [pytest.mark.exe, pytest.mark.browser]
RESULT_TIMEOUT_MS = 60_000  # the first request of each kind loads spaCy or the models in the server

PARAGRAPH = ("La photosynthèse, qui se déroule principalement dans les chloroplastes des cellules des feuilles, "
             "permet aux plantes vertes de transformer l'énergie lumineuse en énergie chimique, en utilisant le "
             "dioxyde de carbone présent dans l'air ainsi que l'eau puisée dans le sol par les racines.")
PROCESS = ("La digestion se fait en plusieurs étapes. D'abord, les dents broient les aliments dans la bouche. "
           "Ensuite, l'estomac mélange les aliments avec des sucs digestifs. Puis l'intestin grêle absorbe les "
           "nutriments. Enfin, le gros intestin absorbe l'eau.")


def test_simplify_a_paragraph_with_the_keyboard(web_server, page):
    """Standard profile, no code: type the text, Tab to « Simplifier », Enter; the plain version shows."""
    open_page(page, web_server.url + "/")
    box = page.get_by_label(t("text.label"), exact=True).first
    box.fill(PARAGRAPH)
    press(page, page.get_by_role("button", name=t("simplify.button"), exact=True))
    result = page.frame_locator("#atypie-simplify-result iframe").locator("main")
    expect(result).to_contain_text("photosynthèse", timeout=RESULT_TIMEOUT_MS)
    expect(page.locator("#atypie-simplify-result iframe")).to_have_attribute("title", t("simplify.result"))
    expect(page.locator("#atypie-simplify-files").get_by_role("cell", name="texte-simplifie.txt")).to_be_visible()
    assert_accessible(page, "simplify result")
    screenshot(page, "path-simplify", publish=True)


def test_text_to_diagram_shows_an_accessible_svg(web_server, page):
    """Enter on the tab, type a process, Enter on « Faire le schéma »: an SVG with role="img" and its alternative
    text as caption and <title>, the outline and the long description."""
    open_page(page, web_server.url + "/")
    tab(page, "tab.diagram").focus()
    page.keyboard.press("Enter")
    expect(tab(page, "tab.diagram")).to_have_attribute("aria-selected", "true")
    settle(page)  # the tab's panel is drawn on first visit: a box filled before that comes back empty
    box = page.locator("#atypie-diagram-text").get_by_label(t("text.label"), exact=True)
    box.fill(PROCESS)
    expect(box).to_have_value(PROCESS)
    page.get_by_role("button", name=t("diagram.button"), exact=True).focus()  # Tab would open the kind list
    page.keyboard.press("Enter")
    figure = page.locator("#atypie-diagram-figure figure")
    svg = figure.locator('svg[role="img"]')
    expect(svg).to_be_visible(timeout=RESULT_TIMEOUT_MS)
    alt = figure.locator("figcaption").inner_text().strip()
    assert alt, "the diagram has no caption"
    expect(svg.locator("> title")).to_have_text(alt)
    expect(figure.get_by_role("img", name=alt)).to_have_count(1)
    expect(page.locator("#atypie-diagram-outline").get_by_role("listitem").first).to_contain_text("Digestion")
    description = page.frame_locator("#atypie-diagram-description iframe").locator("main")
    expect(description).to_contain_text("Digestion")
    assert_accessible(page, "diagram result")
    screenshot(page, "path-diagram", publish=True)


@pytest.fixture(scope="module")
def diagram_png(tmp_path_factory):
    """A PNG diagram made by atypie (it carries its graph), and the alternative text atypie gave it."""
    from atypie import api
    from atypie.diagrams.render import render

    result = api.diagram(PROCESS, "standard", lang="fr", backend="offline")
    png = render(result.views.overview, result.dot, "png", alt=result.description.alt,
                 description=result.description.long)
    path = tmp_path_factory.mktemp("diagram") / "exemple-schema.png"
    path.write_bytes(png)
    publish_picture(path, reduce=False)  # as atypie wrote it, graph included: the docs' example to try image → text
    return path, result.description.alt


def test_image_to_text_reads_an_atypie_diagram(web_server, page, diagram_png):
    """Upload a PNG diagram made by atypie, Enter on « Décrire l'image »: its alternative text comes back."""
    path, alt = diagram_png
    open_page(page, web_server.url + "/")
    open_tab(page, "tab.describe")
    page.locator("#atypie-describe-image input[type=file]").set_input_files(str(path))
    run = page.get_by_role("button", name=t("describe.button"), exact=True)
    run.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label(t("describe.alt"), exact=True)).to_have_value(alt, timeout=RESULT_TIMEOUT_MS)
    expect(page.frame_locator("#atypie-describe-description iframe").locator("main")).to_contain_text("Digestion")
    assert_accessible(page, "describe result")
    screenshot(page, "path-describe", publish=True)


def test_document_tab_speaks_the_pages_language_and_adapts_a_course_note(web_server, browser, tmp_path):
    """In a browser set to German, the drop zone of « Document → document adapté » reads French on the French page
    and English once the switch says English; a Markdown note sent there comes back adapted, with its summary."""
    from .conftest import new_page

    page = new_page(browser, locale="de-DE")
    try:
        open_page(page, web_server.url + "/")
        open_tab(page, "tab.document")
        zone = page.locator("#atypie-document-file [data-testid=upload-text]")
        expect(zone).to_contain_text(t("dropzone.drop"))
        expect(page.locator("#atypie-document-file button.upload-container")).to_have_attribute(
            "aria-label", t("dropzone.button"))
        page.get_by_role("radio", name="English").check()
        expect(zone).to_contain_text(t("dropzone.drop", "en"))
        expect(zone).to_contain_text(t("dropzone.click", "en"))
        note = tmp_path / "cellule.md"
        note.write_text("# La cellule\n\nLa membrane plasmique, qui entoure la cellule, contrôle les échanges "
                        "entre la cellule et son milieu.\n\n- le noyau\n- les mitochondries\n", encoding="utf-8")
        page.locator("#atypie-document-file input[type=file]").set_input_files(str(note))
        page.get_by_role("button", name=t("document.button", "en"), exact=True).click()
        expect(page.locator("#atypie-document-summary")).to_contain_text("paragraphs and list items read",
                                                                        timeout=RESULT_TIMEOUT_MS)
        expect(page.frame_locator("#atypie-document-result iframe").locator("main h1")).to_contain_text("La cellule")
        assert_accessible(page, "document result")
    finally:
        page.context.close()


def test_illustration_tab_only_for_the_allowed_profile(web_server, page):
    """The « Schéma → image » tab: absent without a code and for a profile without the right, present for the
    profile the staff allowed."""
    open_page(page, web_server.url + "/")
    expect(tab(page, "tab.simplify")).to_be_visible()
    expect(tab(page, "tab.illustrate")).to_have_count(0)
    student_sign_in(page, web_server.codes["etu-texte"])
    expect(tab(page, "tab.illustrate")).to_have_count(0)
    student_sign_in(page, web_server.codes["etu-images"])
    expect(tab(page, "tab.illustrate")).to_be_visible()
    expect(page.locator("#atypie-profile-status")).to_contain_text(t("profile.images", left=0).split("(")[0].strip())


def test_illustration_refused_for_a_profile_without_the_right(web_server):
    """A request sent straight to the API (the hidden tab bypassed) is refused with the plain message."""
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    client = Client(web_server.url + "/", verbose=False, analytics_enabled=False, download_files=False)
    with pytest.raises(AppError) as caught:
        client.predict(web_server.codes["etu-texte"], PROCESS, "nodes", "fr", api_name="/illustrate")
    assert "La création d'images n'est pas ouverte" in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_illustration_with_tiny_models(web_server, page):
    """The allowed profile creates a picture with the tiny random-weight pipelines (`atypie models tiny`)."""
    pytest.importorskip("diffusers", reason="the imaging extra is not installed")
    if not web_server.tiny_models:
        pytest.skip("the model registry has no tiny-sd entry to point the app at")
    folder = web_server.home / "models" / "tiny"
    if not (folder / "tiny-sd").exists():
        subprocess.run([sys.executable, "-m", "atypie", "models", "tiny", str(folder)], check=True,
                       capture_output=True, timeout=300, env={**os.environ, "ATYPIE_HOME": str(web_server.home)})
    open_page(page, web_server.url + "/")
    student_sign_in(page, web_server.codes["etu-images"])
    open_tab(page, "tab.illustrate")
    page.locator("#atypie-illustrate-text").get_by_label(t("text.label"), exact=True).fill(PROCESS)
    press(page, page.get_by_role("button", name=t("illustrate.button"), exact=True))
    picture = page.locator("#atypie-illustrate-image img")
    expect(picture).to_be_visible(timeout=120_000)
    alt = page.get_by_label(t("illustrate.alt_fr"), exact=True)
    expect(alt).not_to_have_value("")
    expect(picture).to_have_attribute("alt", alt.input_value())
    assert_accessible(page, "illustrate result")
    screenshot(page, "path-illustrate")  # random-weight pictures: not for the docs


def test_staff_login_refuses_a_wrong_password_then_accepts_the_right_one(web_server, page):
    """A wrong password: the plain French message, no traceback, no workspace. The right one, with Enter: in."""
    open_page(page, web_server.staff_url)
    staff_sign_in(page, web_server.staff_name, "pas-le-bon-mot-de-passe")
    expect(error_message(page)).to_contain_text("Nom de compte ou mot de passe incorrect.")
    assert "Traceback" not in page.locator("body").inner_text()
    expect(page.locator("#atypie-workspace")).to_be_hidden()
    screenshot(page, "path-staff-refused")
    page.get_by_label(t("login.password"), exact=True).fill(web_server.staff_password)
    page.get_by_label(t("login.password"), exact=True).press("Enter")
    expect(page.locator("#atypie-staff-status")).to_contain_text(t("login.done", name=web_server.staff_name))
    expect(page.locator("#atypie-workspace")).to_be_visible()
    expect(page.get_by_label(t("login.password"), exact=True)).to_have_value("")


def test_error_message_passes_axe(web_server, page):
    """The page showing an error (here a refused staff login) has no serious or critical violation either."""
    open_page(page, web_server.staff_url)
    staff_sign_in(page, web_server.staff_name, "pas-le-bon-mot-de-passe")
    expect(error_message(page)).to_be_visible()
    assert_accessible(page, "staff login refused")


@pytest.mark.parametrize("where", ["/", "/staff/"])
def test_keyboard_focus_is_visible(web_server, page, where):
    """Each of the first six controls reached with Tab shows an outline or a box-shadow."""
    open_page(page, web_server.url + where)
    settle(page)
    seen, hidden = [], []
    for _ in range(12):
        page.keyboard.press("Tab")
        style = focus_style(page)
        if style is None:  # still on the page itself
            continue
        seen.append(style)
        if not focus_is_visible(style):
            hidden.append(style)
        if len(seen) == 6:
            break
    assert len(seen) == 6, f"Tab reached only {len(seen)} controls: {seen}"
    assert not hidden, f"focused elements without a visible outline or box-shadow: {hidden}"
