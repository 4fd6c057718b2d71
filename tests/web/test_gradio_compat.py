"""What each workaround of `atypie.web.gradio_compat` relies on, checked against the installed Gradio: when an
upgrade changes it, this fails, not the pages. Gradio's internals are used here on purpose."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import gradio as gr
import pytest

from atypie.web import gradio_compat as compat

REQUEST = object()  # stands for Gradio's request


def test_a_handler_marked_takes_request_gets_gradios_request():
    from gradio.helpers import special_args

    def handler(request: gr.Request, token, lang):  # a string annotation, as under `from __future__ import ...`
        return request

    handler.__annotations__ = {"request": "gr.Request"}  # `gr` is no global of the modules that build the pages
    args, *_ = special_args(compat.takes_request(handler, "on_test"), inputs=["jeton", "fr"], request=REQUEST)
    assert args == [REQUEST, "jeton", "fr"] and handler.__name__ == "on_test"


@pytest.mark.slow
def test_every_staff_action_gets_gradios_request(seeded):
    """The staff page's handlers (their signature rebuilt, wrapped by the guard) get the request first: without it
    the browser's cookie is unknown and every action is refused."""
    from gradio.helpers import special_args

    from atypie.web.binding import BrowserBinding
    from atypie.web.sessions import Sessions
    from atypie.web.staff import build_staff
    from atypie.web.staff_handlers import StaffDesk

    blocks = build_staff(StaffDesk(seeded.store, Sessions(seeded.store)), BrowserBinding())
    actions = [fn for fn in blocks.fns.values() if fn.name != "updates"]
    assert len(actions) >= 15
    for fn in actions:
        args, *_ = special_args(fn.fn, inputs=list(fn.inputs), request=REQUEST)
        assert args[0] is REQUEST, fn.name


def test_html_outputs_carry_no_script_of_gradios():
    output = compat.html("<p>texte</p>", elem_id="atypie-test")
    assert output.value == "<p>texte</p>" and output.elem_id == "atypie-test"
    assert not output.js_on_load and not output.get_config().get("js_on_load")


def test_gradio_reads_its_temporary_folder_when_pages_are_built_not_when_imported(tmp_path, monkeypatch):
    from gradio.routes import App

    monkeypatch.delenv("GRADIO_TEMP_DIR", raising=False)
    compat.keep_files_in(tmp_path / "gradio")
    with gr.Blocks() as blocks:
        upload = gr.File()
    assert upload.GRADIO_CACHE == str(tmp_path / "gradio") and blocks.GRADIO_CACHE == str(tmp_path / "gradio")
    assert App.create_app(blocks).uploaded_file_dir == str(tmp_path / "gradio")
    compat.keep_files_in(tmp_path / "other")
    assert gr.File().GRADIO_CACHE == str(tmp_path / "gradio")  # a folder already chosen is kept


@pytest.fixture
def download_elsewhere(atypie_home, tmp_path, monkeypatch) -> Path:
    """A download file, while the working folder and the system's temporary folder are elsewhere (as when
    ATYPIE_HOME is the user's data folder)."""
    from atypie.web.downloads import Downloads

    path = Path(Downloads().add("texte.txt", "Le cours."))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setattr(tempfile, "tempdir", str(elsewhere))
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(elsewhere / "gradio"))
    return path


def _check(blocks, path: Path) -> None:
    """Gradio's check of a file a handler returns, as it runs while that page answers."""
    from gradio.context import LocalContext
    from gradio.processing_utils import _check_allowed

    token = LocalContext.blocks.set(blocks)
    try:
        _check_allowed(path, False)
    finally:
        LocalContext.blocks.reset(token)


@pytest.mark.slow
def test_a_mounted_page_offers_download_files_wherever_they_are(download_elsewhere):
    from fastapi import FastAPI

    with gr.Blocks() as blocks:
        gr.File()
    gr.mount_gradio_app(FastAPI(), blocks, path="/")  # as `atypie serve` does: never "launched"
    assert not blocks.has_launched
    _check(blocks, download_elsewhere)


def test_a_launched_page_offers_download_files_from_the_folders_it_allows(download_elsewhere):
    from gradio.exceptions import InvalidPathError

    with gr.Blocks() as blocks:
        gr.File()
    blocks.has_launched = True  # as after `Blocks.launch` (the demos)
    with pytest.raises(InvalidPathError):
        _check(blocks, download_elsewhere)
    blocks.allowed_paths = compat.download_folders()
    _check(blocks, download_elsewhere)


def test_each_open_page_keeps_a_heartbeat_stream():
    from gradio.routes import App

    with gr.Blocks() as blocks:
        gr.Markdown("x")
    assert App.create_app(blocks).url_path_for("heartbeat", session_hash="x") == "/gradio_api/heartbeat/x"
    assert compat.shutdown_wait_s(True) > compat.shutdown_wait_s(False) > 0


# Where each part of Gradio's page that the page script and CSS repair is drawn in Gradio's frontend bundle.
MARKUP = {
    "dropZone": r'data-testid="upload-text"',
    "dropOr": r'class="or ',
    "dropButton": r"class:`upload-container`",
    "fileInput": r"`data-testid`,`file-upload`",
    "nestedButton": r'class="toast-header[^"]*" role="button"[^`]*<button',
    "emptyValue": r'aria-label="Empty value">.{0,1000}`empty ',
}


@pytest.fixture(scope="module")
def frontend() -> str:
    assets = Path(gr.__file__).parent / "templates" / "frontend" / "assets"
    return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in sorted(assets.glob("*.js")))


@pytest.mark.parametrize("part", sorted(compat.SELECTORS))
def test_gradio_still_draws_each_part_of_its_page_that_atypie_repairs(frontend, part):
    assert part in MARKUP, f"no check for {part!r}: add where Gradio draws it"
    assert re.search(MARKUP[part], frontend, re.DOTALL), f"Gradio no longer draws {compat.SELECTORS[part]!r}"


def test_the_page_script_is_filled_in():
    script = compat.on_load_js("en")
    assert not re.search(r"__[A-Z_]+__", script)
    assert json.dumps(compat.SELECTORS) in script and 'document.documentElement.lang = "en"' in script
    assert "Drop the file here" in script and "Déposez le fichier ici" in script
    assert compat.SELECTORS["emptyValue"] in compat.CSS
