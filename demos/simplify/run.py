"""Démo : Simplifier un texte de cours (FALC), affiché avec le profil « dyslexie » (police, espacements, fond crème,
syllabes en couleurs).

Demo: Simplify a course text (plain language), shown with the “dyslexie” profile (font, spacing, cream background,
coloured syllables).
Lancer / run: `.venv/bin/python demos/simplify/run.py`, puis ouvrir / then open http://127.0.0.1:7861
"""
from __future__ import annotations

from pathlib import Path

from atypie.web.demo import demo_page, serve

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "photosynthese.md"

demo = demo_page("simplify", preset="dyslexie", sample=SAMPLE.read_text(encoding="utf-8"))

if __name__ == "__main__":
    serve(demo, port=7861)
