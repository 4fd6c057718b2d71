"""What the demos in `demos/` share: one tab of the students' page on a temporary database, with a profile made
from a preset and its access code already typed in, and the same look as `atypie serve`."""
from __future__ import annotations

import tempfile
from pathlib import Path

from ..profiles.presets import load_preset
from ..store import Store
from .gradio_compat import download_folders, on_load_js
from .student import build_student
from .theme import CSS, theme

DEMO_STAFF = "demo"


def demo_page(tab: str, *, preset: str, sample: str = "", allow_images: bool = False, lang: str = "fr"):
    """The students' page with the single tab `tab`, for a new profile `demo-<preset>` on a throw-away database.
    `sample` is the starting text (for the image tab: the path of a starting image)."""
    folder = Path(tempfile.mkdtemp(prefix="atypie-demo-"))
    store = Store(f"sqlite:///{folder / 'demo.db'}")
    profile_id = f"demo-{preset}"
    store.profiles.create(load_preset(preset, profile_id), actor=DEMO_STAFF)
    if allow_images:
        store.staff.add(DEMO_STAFF, "mot-de-passe-de-demo")
        store.profiles.allow_images(profile_id, reason="Démonstration", approved_by=DEMO_STAFF, daily_quota=5)
    code = store.codes.issue(profile_id, actor=DEMO_STAFF).code
    return build_student(store, lang, tabs=(tab,), samples={tab: sample}, code=code)


def serve(demo, port: int = 7861, lang: str = "fr") -> None:
    """Run a demo on loopback until interrupted."""
    demo.queue(default_concurrency_limit=1).launch(server_name="127.0.0.1", server_port=port, theme=theme(), css=CSS,
                                                   js=on_load_js(lang), show_error=False, run_history=False,
                                                   footer_links=["api", "settings"],
                                                   allowed_paths=download_folders())
