"""Running the web app (`atypie serve`, `make run`): uvicorn on the app from `server.create_app`."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from ..optional import require

STARTUP_TIMEOUT_S = 60


@dataclass
class Running:
    """A server started with `block=False`; `close()` stops it (and closes the store it opened, if any)."""
    url: str
    server: object  # uvicorn.Server
    thread: threading.Thread
    owned_store: object | None

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        if self.owned_store is not None:
            self.owned_store.close()


def launch(host: str = "127.0.0.1", port: int = 7860, *, block: bool = True, store=None) -> Running | None:
    """Serve both pages on host:port; blocks until stopped, or returns a `Running` handle when `block` is False."""
    require("gradio", extra="web")
    uvicorn = require("uvicorn", extra="web")
    from ..store import open_store
    from .gradio_compat import shutdown_wait_s
    from .server import create_app

    owned = open_store() if store is None else None
    server = uvicorn.Server(uvicorn.Config(create_app(store or owned), host=host, port=port, log_level="warning",
                                           timeout_graceful_shutdown=shutdown_wait_s(block)))
    if block:
        try:
            server.run()
        finally:
            if owned is not None:
                owned.close()
        return None
    thread = threading.Thread(target=server.run, name="atypie-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError(f"the web server did not start on {host}:{port}")
        time.sleep(0.02)
    return Running(f"http://{host}:{port}", server, thread, owned)
