"""Every place where atypie leans on Gradio's internals, or on behaviour Gradio does not document, in one module.

Each workaround says what it works around. tests/web/test_gradio_compat.py checks, against the installed Gradio,
the behaviour each one relies on, so that a Gradio upgrade fails a test rather than the users. The page script,
gradio_compat.js, is this module's half in the browser: the parts of Gradio's page it touches are `SELECTORS`.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..config import LANGUAGES
from .downloads import root
from .i18n import STRINGS, lang_of

# --- handlers that read the request ----------------------------------------------------------------------------


def takes_request(fn, name: str | None = None):
    """`fn`, whose parameter `request` is to receive Gradio's request. Gradio finds that parameter by its type hint,
    read with `typing.get_type_hints`, and passes nothing when a hint cannot be resolved, without a word: under
    `from __future__ import annotations` every hint is a string, and `gr` (imported inside the page builders) is no
    global of the module. The hints are replaced by the class itself. `name` renames `fn` (for the logs)."""
    import gradio as gr

    fn.__annotations__ = {"request": gr.Request}
    if name:
        fn.__name__ = name
    return fn


# --- HTML outputs --------------------------------------------------------------------------------------------------


def html(value=None, **kwargs):
    """An HTML output. Gradio 6's `gr.HTML` attaches a script of its own by default (`js_on_load`: a click listener
    that triggers a "click" event); atypie's HTML outputs are content with no events, so they get no script."""
    import gradio as gr

    return gr.HTML(value, js_on_load=None, **kwargs)


# --- Gradio's temporary files --------------------------------------------------------------------------------------


def keep_files_in(folder: Path) -> None:
    """Gradio's copies of uploads and results go to GRADIO_TEMP_DIR (unless one is set already). Gradio reads it
    when a page, a component and the app are created, not when it is imported (which has happened by now): set here,
    before the pages are built, it holds for everything they keep."""
    if not os.environ.get("GRADIO_TEMP_DIR"):
        os.environ["GRADIO_TEMP_DIR"] = str(folder)


# --- files offered for download ------------------------------------------------------------------------------------
# The files of `downloads.py` lie in ATYPIE_HOME/tmp/web: private, outside Gradio's folders, the working folder and
# the system's temporary folder. Gradio checks where a returned file lies only in a page that "has launched"
# (`Blocks.launch`); a page mounted with `mount_gradio_app` (`atypie serve`) never has, and takes them as they are.
# Naming the folder in `allowed_paths` would let anyone fetch its files by their path, so only the demos (launched,
# on loopback, with sample text) do it.


def download_folders() -> list[str]:
    """The `allowed_paths` of a launched page (the demos), so that it may offer atypie's download files."""

    return [str(root())]


# --- stopping the server -------------------------------------------------------------------------------------------


def shutdown_wait_s(block: bool) -> int:
    """How long uvicorn waits for open connections when stopping. Each open page keeps an event stream
    (`/heartbeat/{session_hash}`) that Gradio ends only when its own server stops; uvicorn, which runs the mounted
    app, waits for it, so the wait is bounded (shorter for a server run in the background, as the tests do)."""
    return 5 if block else 1


# --- the page script and CSS ---------------------------------------------------------------------------------------
# Parts of Gradio's page that it renders for itself and atypie repairs; none of them is part of Gradio's API.
SELECTORS = {
    "dropZone": '[data-testid="upload-text"]',  # the words of a file drop zone, in the browser's language
    "dropOr": ".or",  # its "- or -" line
    "dropButton": "button.upload-container",  # the drop zone as a button (its label)
    "fileInput": 'input[data-testid="file-upload"]',  # the hidden file input (its label)
    "nestedButton": '[role="button"]',  # a message box's header: a button that holds the close button
    "emptyValue": ".empty",  # the "Empty value" box of a file list with no file
}
# An empty download list is Gradio's unnamed "Empty value" box: nothing to show or announce.
CSS = f'[id^="atypie-"][id$="-files"]:has({SELECTORS["emptyValue"]}) {{ display: none !important; }}\n'


def on_load_js(lang: str) -> str:
    """The page script (gradio_compat.js), run once a page is loaded: the page's `lang` (Gradio sets the browser's),
    the drop zones' words in the page's language instead of the browser's, and Gradio's nested buttons repaired."""
    from importlib.resources import files

    keys = ("drop", "or", "click", "button", "input")
    texts = {code: {k: STRINGS[f"dropzone.{k}"][code] for k in keys} for code in LANGUAGES}
    script = files(__package__).joinpath("gradio_compat.js").read_text(encoding="utf-8")
    return (script.replace("__SELECTORS__", json.dumps(SELECTORS))
            .replace("__LANG__", json.dumps(lang_of(lang)))
            .replace("__DROPZONE_TEXTS__", json.dumps(texts, ensure_ascii=False)))
