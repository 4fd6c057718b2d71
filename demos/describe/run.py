"""Démo : Image → texte : un schéma dessiné à la main (SVG) reçoit un texte alternatif, une description et le texte
qu'il contient ; on peut aussi envoyer une autre image (PNG, JPEG, WebP, GIF, SVG ou PDF).

Demo: Image → text: a hand-drawn diagram (SVG) gets an alternative text, a description and the text it contains;
another image can be sent too (PNG, JPEG, WebP, GIF, SVG or PDF).
Lancer / run: `.venv/bin/python demos/describe/run.py`, puis ouvrir / then open http://127.0.0.1:7863
"""
from __future__ import annotations

from pathlib import Path

from atypie.web.demo import demo_page, serve

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "cycle-eau.svg"

demo = demo_page("describe", preset="standard", sample=str(SAMPLE))

if __name__ == "__main__":
    serve(demo, port=7863)
