"""Démo : Texte → schéma : une chaîne de causes et d'effets devient un schéma SVG accessible, avec son texte
alternatif, sa description longue et son plan.

Demo: Text → diagram: a chain of causes and effects becomes an accessible SVG diagram, with its alternative text,
long description and outline.
Lancer / run: `.venv/bin/python demos/diagram/run.py`, puis ouvrir / then open http://127.0.0.1:7862
"""
from __future__ import annotations

from pathlib import Path

from atypie.web.demo import demo_page, serve

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "revolution-industrielle.txt"

demo = demo_page("diagram", preset="falc", sample=SAMPLE.read_text(encoding="utf-8"))

if __name__ == "__main__":
    serve(demo, port=7862)
