"""One FastAPI application serving two Gradio pages: students at `/`, disability-service staff at `/staff`.

Queue: the students' page runs at most `concurrency` text and image transformations at once (they share one
pool: CPU-bound), image generation one at a time, signing in and reading uploads without waiting behind them;
staff actions run `concurrency` at once; at most `QUEUE_MAX_SIZE` requests wait per page (beyond that, Gradio
answers that the queue is full).
Uploads above `MAX_UPLOAD` are cut off by Gradio itself; the handlers apply the smaller per-kind limits
(text 300,000 characters, as for pasted text; images 20 MB) with a plain-language message.
"""
from __future__ import annotations

import os

from ..config import Settings
from ..private import temp_folder
from ..store import Store, open_store
from . import health
from .binding import binding_for
from .gradio_compat import keep_files_in, on_load_js
from .i18n import lang_of
from .sessions import LoginThrottle, Sessions
from .staff import build_staff
from .staff_handlers import StaffDesk
from .student import build_student
from .theme import CSS, theme

STUDENT_PATH = "/"
STAFF_PATH = "/staff"
CONCURRENCY = 2  # simultaneous transformations per page
QUEUE_MAX_SIZE = 64
MAX_UPLOAD = "25mb"


def create_app(store: Store | None = None, *, lang: str | None = None, concurrency: int = CONCURRENCY):
    """The FastAPI app with both pages mounted; `store` defaults to the configured one."""
    import gradio as gr
    from fastapi import FastAPI
    from fastapi.responses import RedirectResponse

    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    keep_files_in(temp_folder("gradio"))  # Gradio's copies of uploads and results: private, inside ATYPIE_HOME
    lang = lang_of(lang or Settings.from_env().lang)
    store = store or open_store()
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.add_api_route(STAFF_PATH, lambda: RedirectResponse("staff/"), include_in_schema=False)  # relative: proxies
    health.add_routes(app, store)  # before the Gradio mounts, which would shadow them
    binding = binding_for(store)  # the same key in every process
    app.middleware("http")(binding.middleware(STAFF_PATH))
    desk = StaffDesk(store, Sessions(store), LoginThrottle(store))
    pages = ((STAFF_PATH, build_staff(desk, binding, lang)),  # the more specific path first
             (STUDENT_PATH, build_student(store, lang)))
    for path, blocks in pages:
        blocks.queue(default_concurrency_limit=concurrency, max_size=QUEUE_MAX_SIZE)
        gr.mount_gradio_app(app, blocks, path=path, show_error=False, max_file_size=MAX_UPLOAD, run_history=False,
                            footer_links=["api", "settings"], mcp_server=False, ssr_mode=False, theme=theme(),
                            css=CSS, js=on_load_js(lang))
    return app
