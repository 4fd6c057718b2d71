"""The students' page (`/`): an access code (or the standard profile), then one tab per transformation.

Every event sends the code typed in the page; the handlers resolve it on the server on every call. The
"Schéma → image" tab is shown only when the gate allows the code's profile, and checked again on every call.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..config import Settings
from ..diagrams.model import KINDS
from ..store import Store
from . import gradio_compat as compat
from . import handlers
from .guard import guarded
from .i18n import Labels, lang_of, language_switch, switch_js, t
from .outputs import ViewOutputs

TABS = ("simplify", "diagram", "describe", "document", "illustrate")
TEXT_TYPES = [".txt", ".md"]
IMAGE_TYPES = [".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg", ".pdf"]
DOCUMENT_TYPES = [".pdf", ".docx", ".odt", ".pptx", ".md", ".markdown", ".html", ".htm"]
# The three CPU-bound transformations share one pool (the queue's default limit); image generation has its own
# pool of one; signing in and reading an upload are light and never wait behind them.
TRANSFORM = "transform"
JOB_FOLLOWERS = 32  # with a broker, documents are adapted by workers: the page only follows their jobs


@dataclass
class _Page:
    store: Store
    labels: Labels
    code: object  # gr.Textbox
    lang: object  # gr.Radio


def build_student(store: Store, lang: str | None = None, *, tabs: tuple[str, ...] = TABS,
                  samples: dict[str, str] | None = None, code: str = ""):
    """The students' Blocks; `tabs`, `samples` (starting text per tab) and `code` serve the demos."""
    import gradio as gr

    lang = lang_of(lang)
    labels = Labels(lang)
    samples = samples or {}
    with gr.Blocks(title=t("student.title", lang), analytics_enabled=False, delete_cache=(1800, 3600)) as blocks:
        switch = language_switch(lang)
        labels(gr.Markdown, texts={"value": "student.intro"}, elem_id="atypie-intro")
        labels(gr.Markdown, texts={"value": "profile.heading"}, elem_id="atypie-profile-heading")
        with gr.Row():
            code_box = labels(gr.Textbox, texts={"label": "code.label", "placeholder": "code.placeholder"},
                              value=code, elem_id="atypie-code", max_length=100, scale=3,
                              html_attributes=gr.InputHTMLAttributes(autocomplete="off", spellcheck=False,
                                                                     autocapitalize="characters"))
            use = labels(gr.Button, texts={"value": "code.use"}, variant="primary", elem_id="atypie-code-use")
            standard = labels(gr.Button, texts={"value": "code.standard"}, elem_id="atypie-code-standard")
        start = handlers.sign_in(store, code, lang)
        profile_status = compat.html(start.summary_html, elem_id="atypie-profile-status")
        page = _Page(store, labels, code_box, switch)
        builders = {"simplify": _simplify_tab, "diagram": _diagram_tab, "describe": _describe_tab,
                    "document": _document_tab}
        with gr.Tabs(elem_id="atypie-tabs"):
            for name in tabs:
                if name != "illustrate":
                    builders[name](gr, page, samples.get(name, ""))
            gated = [_illustrate_tab(gr, page, samples.get("illustrate", ""), start.can_illustrate)
                     ] if "illustrate" in tabs else []

        def tabs_shown(visible: bool) -> dict:
            return {tab: gr.Tab(visible=visible) for tab in gated}

        def hide_tabs():
            return tabs_shown(False)

        def sign_in(code: str, lang: str):
            view = handlers.sign_in(store, code, lang)
            return {profile_status: view.summary_html, **tabs_shown(view.can_illustrate)}

        def use_standard(lang: str):
            return {code_box: "", profile_status: handlers.sign_in(store, "", lang).summary_html, **tabs_shown(False)}

        # The illustration tab is hidden first, so that a refused code never leaves it showing.
        for trigger, api in ((use.click, {"api_name": "sign_in"}), (code_box.submit, {"api_visibility": "private"})):
            then = trigger(hide_tabs, None, gated, queue=False, api_visibility="private").then if gated else trigger
            then(guarded(sign_in), [code_box, switch], [profile_status, *gated], concurrency_limit=None, **api)
        standard.click(guarded(use_standard), [switch], [code_box, profile_status, *gated], api_name="use_standard",
                       concurrency_limit=None)
        switch.change(labels.updates, switch, labels.components, js=switch_js("student.title"), queue=False,
                      api_visibility="private")
    return blocks


def _text_inputs(gr, page: _Page, prefix: str, sample: str):
    """A text box and an upload that fills it (checked on the server: size, UTF-8 text)."""
    text = page.labels(gr.Textbox, texts={"label": "text.label", "placeholder": "text.placeholder"}, value=sample,
                       lines=10, max_lines=30, elem_id=f"atypie-{prefix}-text")
    upload = page.labels(gr.File, texts={"label": "text.upload"}, type="binary", file_types=TEXT_TYPES,
                         elem_id=f"atypie-{prefix}-upload")
    upload.upload(guarded(handlers.read_text_upload), [upload, page.lang], text,
                  api_name=f"read_{prefix}_file", concurrency_limit=None)
    return text


def _simplify_tab(gr, page: _Page, sample: str):
    with page.labels(gr.Tab, texts={"label": "tab.simplify"}, elem_id="atypie-tab-simplify"):
        text = _text_inputs(gr, page, "simplify", sample)
        run = page.labels(gr.Button, texts={"value": "simplify.button"}, variant="primary",
                          elem_id="atypie-simplify-run")
        notices = compat.html(elem_id="atypie-simplify-notices")
        result = compat.html(elem_id="atypie-simplify-result")
        with page.labels(gr.Accordion, texts={"label": "simplify.diff"}, open=False,
                         elem_id="atypie-simplify-diff-section"):
            diff = compat.html(elem_id="atypie-simplify-diff")
        files = page.labels(gr.File, texts={"label": "files.label"}, file_count="multiple", interactive=False,
                            elem_id="atypie-simplify-files")

        shown = ViewOutputs(handlers.SimplifyView, page_html=result, diff_html=diff, notices_html=notices, files=files)

        def simplify(code: str, text: str, lang: str):
            return shown.of(handlers.simplify_text(page.store, code, text, lang))

        run.click(guarded(simplify), [page.code, text, page.lang], shown.outputs, api_name="simplify",
                  concurrency_id=TRANSFORM)


def _diagram_tab(gr, page: _Page, sample: str):
    with page.labels(gr.Tab, texts={"label": "tab.diagram"}, elem_id="atypie-tab-diagram"):
        text = _text_inputs(gr, page, "diagram", sample)
        kind = page.labels(gr.Dropdown, texts={"label": "diagram.kind",
                                               "choices": [("kind.auto", "")] + [(f"kind.{k}", k) for k in KINDS]},
                           value="", elem_id="atypie-diagram-kind")
        run = page.labels(gr.Button, texts={"value": "diagram.button"}, variant="primary",
                          elem_id="atypie-diagram-run")
        notices = compat.html(elem_id="atypie-diagram-notices")
        figure = compat.html(elem_id="atypie-diagram-figure")
        description = compat.html(elem_id="atypie-diagram-description")
        outline = compat.html(elem_id="atypie-diagram-outline")
        files = page.labels(gr.File, texts={"label": "files.label"}, file_count="multiple", interactive=False,
                            elem_id="atypie-diagram-files")

        shown = ViewOutputs(handlers.DiagramView, figure_html=figure, description_html=description,
                            outline_html=outline, notices_html=notices, files=files)

        def diagram(code: str, text: str, kind: str, lang: str):
            return shown.of(handlers.diagram_text(page.store, code, text, kind, lang))

        run.click(guarded(diagram), [page.code, text, kind, page.lang], shown.outputs, api_name="diagram",
                  concurrency_id=TRANSFORM)


def _describe_tab(gr, page: _Page, sample: str):
    with page.labels(gr.Tab, texts={"label": "tab.describe"}, elem_id="atypie-tab-describe"):
        image = page.labels(gr.File, texts={"label": "image.label"}, type="binary", file_types=IMAGE_TYPES,
                            value=sample or None, elem_id="atypie-describe-image")
        run = page.labels(gr.Button, texts={"value": "describe.button"}, variant="primary",
                          elem_id="atypie-describe-run")
        alt = page.labels(gr.Textbox, texts={"label": "describe.alt"}, interactive=False,
                          elem_id="atypie-describe-alt")
        description = compat.html(elem_id="atypie-describe-description")
        seen = page.labels(gr.Textbox, texts={"label": "describe.text"}, interactive=False, lines=4,
                           elem_id="atypie-describe-text")
        method = gr.Markdown(elem_id="atypie-describe-method")
        files = page.labels(gr.File, texts={"label": "files.label"}, file_count="multiple", interactive=False,
                            elem_id="atypie-describe-files")

        shown = ViewOutputs(handlers.DescribeView, alt=alt, description_html=description, text=seen, method=method,
                            files=files)

        def describe(code: str, image: bytes | None, lang: str):
            return shown.of(handlers.describe_image(page.store, code, image, lang))

        run.click(guarded(describe), [page.code, image, page.lang], shown.outputs, api_name="describe",
                  concurrency_id=TRANSFORM)


def _document_tab(gr, page: _Page, sample: str):
    with page.labels(gr.Tab, texts={"label": "tab.document"}, elem_id="atypie-tab-document"):
        document = page.labels(gr.File, texts={"label": "document.label"}, type="filepath",
                               file_types=DOCUMENT_TYPES, value=sample or None, elem_id="atypie-document-file")
        formats = page.labels(gr.CheckboxGroup, texts={"label": "document.formats"},
                              choices=[("HTML", "html"), ("Markdown", "md"), ("Word (DOCX)", "docx"),
                                       ("LibreOffice (ODT)", "odt"), ("PDF", "pdf")], value=["html", "docx"],
                              elem_id="atypie-document-formats")
        run = page.labels(gr.Button, texts={"value": "document.button"}, variant="primary",
                          elem_id="atypie-document-run")
        summary = gr.Markdown(elem_id="atypie-document-summary")
        notices = compat.html(elem_id="atypie-document-notices")
        result = compat.html(elem_id="atypie-document-result")
        files = page.labels(gr.File, texts={"label": "files.label"}, file_count="multiple", interactive=False,
                            elem_id="atypie-document-files")

        shown = ViewOutputs(handlers.DocumentView, page_html=result, summary=summary, notices_html=notices, files=files)

        def adapt(code: str, document: str | None, formats: list[str], lang: str,
                  progress=gr.Progress()):  # noqa: B008 (Gradio finds its progress bar by this default)
            return shown.of(handlers.adapt_upload(page.store, code, document, formats, lang,
                                                  report=lambda share, what: progress(share, desc=what)))

        # With a broker the work runs on a worker: following it must not hold a slot of this process's transformations.
        queued = Settings.from_env().broker_url is not None
        run.click(guarded(adapt), [page.code, document, formats, page.lang], shown.outputs,
                  api_name="adapt", **({"concurrency_id": "jobs", "concurrency_limit": JOB_FOLLOWERS} if queued
                                       else {"concurrency_id": TRANSFORM}))


def _illustrate_tab(gr, page: _Page, sample: str, visible: bool):
    with page.labels(gr.Tab, texts={"label": "tab.illustrate"}, visible=visible,
                     elem_id="atypie-tab-illustrate") as tab:
        page.labels(gr.Markdown, texts={"value": "illustrate.intro"}, elem_id="atypie-illustrate-intro")
        text = page.labels(gr.Textbox, texts={"label": "text.label", "placeholder": "text.placeholder"}, value=sample,
                           lines=8, max_lines=30, elem_id="atypie-illustrate-text")
        mode = page.labels(gr.Radio, texts={"label": "illustrate.mode",
                                            "choices": [("mode.nodes", "nodes"), ("mode.layout", "layout")]},
                           value="nodes", elem_id="atypie-illustrate-mode")
        run = page.labels(gr.Button, texts={"value": "illustrate.button"}, variant="primary",
                          elem_id="atypie-illustrate-run")
        image = compat.html(elem_id="atypie-illustrate-image")
        alt_fr = page.labels(gr.Textbox, texts={"label": "illustrate.alt_fr"}, interactive=False,
                             elem_id="atypie-illustrate-alt-fr")
        alt_en = page.labels(gr.Textbox, texts={"label": "illustrate.alt_en"}, interactive=False,
                             elem_id="atypie-illustrate-alt-en")
        files = page.labels(gr.File, texts={"label": "files.label"}, file_count="multiple", interactive=False,
                            elem_id="atypie-illustrate-files")

        shown = ViewOutputs(handlers.IllustrateView, image_html=image, alt_fr=alt_fr, alt_en=alt_en, files=files)

        def illustrate(code: str, text: str, mode: str, lang: str):
            return shown.of(handlers.illustrate_text(page.store, code, text, lang, mode=mode))

        run.click(guarded(illustrate), [page.code, text, mode, page.lang], shown.outputs, api_name="illustrate",
                  concurrency_limit=1, concurrency_id="illustrate")
    return tab

