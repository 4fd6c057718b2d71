"""Démo : Schéma → image : le service handicap a ouvert la création d'images pour ce profil (5 images par jour) ; sans
modèle installé, la page dit comment en installer un.

Demo: Diagram → image: the disability service opened image generation for this profile (5 images a day); without an
installed model, the page says how to install one.
Lancer / run: `.venv/bin/python demos/illustrate/run.py`, puis ouvrir / then open http://127.0.0.1:7864
"""
from __future__ import annotations

from pathlib import Path

from atypie.web.demo import demo_page, serve

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "photosynthese.md"

demo = demo_page("illustrate", preset="dyslexie", sample=SAMPLE.read_text(encoding="utf-8"), allow_images=True)

if __name__ == "__main__":
    serve(demo, port=7864)
