"""Démo : Schéma → image : le service handicap a ouvert la création d'images pour ce profil (5 images par jour).
Sans modèle choisi (ATYPIE_MODEL_DEFAULT_NODES), la démo crée d'abord un petit modèle aléatoire hors ligne : ses
images sont du bruit, mais tout le chemin (verrou, génération, étiquettes nettes, texte alternatif) est réel.

Demo: Diagram → image: the disability service opened image generation for this profile (5 images a day). With no
model chosen (ATYPIE_MODEL_DEFAULT_NODES), the demo first builds a tiny random model offline: its pictures are
noise, but the whole path (gate, generation, crisp labels, alternative text) is real.
Lancer / run: `.venv/bin/python demos/illustrate/run.py`, puis ouvrir / then open http://127.0.0.1:7864
"""
from __future__ import annotations

from pathlib import Path

from atypie.web.demo import demo_page, serve

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "photosynthese.md"

demo = demo_page("illustrate", preset="dyslexie", sample=SAMPLE.read_text(encoding="utf-8"), allow_images=True)

if __name__ == "__main__":
    import os
    import tempfile

    if not os.environ.get("ATYPIE_MODEL_DEFAULT_NODES"):
        from atypie.imaging.tiny import build_tiny

        tiny_sd, _ = build_tiny(Path(tempfile.mkdtemp(prefix="atypie-demo-models-")))
        os.environ.update(ATYPIE_MODEL_TINY_SD=str(tiny_sd), ATYPIE_MODEL_DEFAULT_NODES="tiny-sd")
    serve(demo, port=7864)
