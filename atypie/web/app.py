"""The web app on the embedded defaults. For now one page that says what atypie is and that it runs."""
from __future__ import annotations

import os

from .. import __version__
from ..config import Settings

WELCOME = """
# atypie

**Français.** atypie adapte vos supports de cours : texte en français facile (FALC), schémas,
descriptions d'images. Votre profil d'accessibilité est créé par le service handicap de votre
établissement.

**English.** atypie adapts course material: plain-language text, diagrams, image descriptions.
Your accessibility profile is set up by your institution's disability service.
"""


def build_app():
    import gradio as gr

    settings = Settings.from_env()
    status = (f"Version {__version__} · moteur / backend : {settings.backend} · "
              f"langue par défaut / default language : {settings.lang}")
    with gr.Blocks(title="atypie", analytics_enabled=False) as app:
        gr.Markdown(WELCOME)
        gr.Markdown(status, elem_id="atypie-status")
    return app


def launch(host: str = "127.0.0.1", port: int = 7860, *, block: bool = True):
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    app = build_app()
    app.launch(server_name=host, server_port=port, prevent_thread_lock=not block, show_error=False)
    return app
