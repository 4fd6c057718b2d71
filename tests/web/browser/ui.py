"""Driving the two pages the way a person does: accessible names (role + label), the app's own strings."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from atypie.web.i18n import t

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")
STUDENT_TABS = ("tab.simplify", "tab.diagram", "tab.describe", "tab.document", "tab.illustrate")
STAFF_TABS = ("staff.tab.profiles", "staff.tab.settings", "staff.tab.images", "staff.tab.codes", "staff.tab.usage")
LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


def open_page(page: Page, url: str, lang: str = "fr") -> None:
    """Load a page, wait for Gradio to render it, and choose the interface language with the switch."""
    page.goto(url)
    expect(page.get_by_role("radio", name=LANGUAGE_NAMES["fr"])).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    if lang != "fr":
        page.get_by_role("radio", name=LANGUAGE_NAMES[lang]).check()
        expect(page.locator("html")).to_have_attribute("lang", lang)
        settle(page)


def settle(page: Page) -> None:
    """Wait until no component shows Gradio's loading placeholder (it briefly enlarges boxes while an update runs);
    a component left in the error state (it shows « Error ») is settled too."""
    expect(page.locator('[data-testid="status-tracker"]:not(.hide):not(:has(span.error))')).to_have_count(0)


def student_sign_in(page: Page, code: str, lang: str = "fr") -> None:
    """Type an access code and use it; waits for the confirmation."""
    page.get_by_label(t("code.label", lang)).fill(code)
    page.get_by_role("button", name=t("code.use", lang)).click()
    accepted = t("profile.coded", lang, label="").split(".")[0]  # « Votre code est valable »
    expect(page.locator("#atypie-profile-status")).to_contain_text(accepted)


def staff_sign_in(page: Page, name: str, password: str, lang: str = "fr") -> None:
    page.get_by_label(t("login.name", lang), exact=True).fill(name)
    page.get_by_label(t("login.password", lang), exact=True).fill(password)
    page.get_by_role("button", name=t("login.button", lang), exact=True).click()


def tab(page: Page, key: str, lang: str = "fr"):
    return page.get_by_role("tab", name=t(key, lang), exact=True)


def open_tab(page: Page, key: str, lang: str = "fr") -> None:
    tab(page, key, lang).click()
    expect(tab(page, key, lang)).to_have_attribute("aria-selected", "true")


def audit(page: Page, where: str) -> list[dict]:
    """The serious and critical WCAG 2.0/2.1 A and AA violations axe-core finds on the page, tagged with `where`."""
    from axe_playwright_python.sync_playwright import Axe

    settle(page)
    # Colours read mid-animation (an error box fading in) are not the ones a reader sees: wait for finite animations.
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running'"
                           " || a.effect.getComputedTiming().iterations === Infinity)")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS},
                                       "resultTypes": ["violations"]})
    return [{**v, "where": where} for v in results.response["violations"] if v["impact"] in BLOCKING]


def assert_accessible(page: Page, where: str) -> None:
    found = audit(page, where)
    assert not found, "axe-core found serious or critical violations:\n" + report(found)


def report(violations: list[dict]) -> str:
    """One line per violation and one indented line per element: what to fix, and where."""
    lines = []
    for v in violations:
        lines.append(f"[{v['where']}] {v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {node['target']}  {node['html'][:160]}" for node in v["nodes"][:8]]
    return "\n".join(lines)


def is_focused(locator) -> bool:
    return locator.evaluate("el => el === document.activeElement || el.contains(document.activeElement)")


def tab_to(page: Page, locator, *, max_presses: int = 30) -> None:
    """Press Tab until `locator` has the keyboard focus (fails after `max_presses`)."""
    for _ in range(max_presses):
        if is_focused(locator):
            return
        page.keyboard.press("Tab")
    assert is_focused(locator), f"{locator} never got the focus after {max_presses} presses of Tab"


def press(page: Page, locator, key: str = "Enter") -> None:
    """Reach `locator` with the Tab key from the currently focused element, then press `key`."""
    tab_to(page, locator)
    page.keyboard.press(key)


FOCUS_STYLE_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  return {tag: el.tagName, id: el.id, text: (el.innerText || el.value || '').slice(0, 40),
          outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0, boxShadow: s.boxShadow};
}"""


def focus_style(page: Page) -> dict | None:
    """The focused element and the computed outline and box-shadow that show it."""
    return page.evaluate(FOCUS_STYLE_JS)


def focus_is_visible(style: dict) -> bool:
    outline = style["outlineStyle"] != "none" and style["outlineWidth"] > 0
    return outline or style["boxShadow"] not in ("", "none")


def error_message(page: Page):
    """Gradio's error message box (a polite live region)."""
    return page.get_by_test_id("toast-body").and_(page.locator(".error"))
