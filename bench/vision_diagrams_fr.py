"""French diagrams drawn with plain Graphviz (`dot -Tpng -Gdpi=110`, no atypie metadata), read back by atypie's
image path: exact whole-label recall, links found and links invented, against the DOT they were drawn from; bare
`tesseract -l fra+eng` on the same image as the baseline for word recall and time. Targets (issue 15): exact label
recall ≥ 0.95 with no invented link.

Two sources, each with its tuning/test split: bench/graphviz_fr.py (boxes and arrows from the hand-made gold of the
real course paragraphs in bench/data/diagrams_courses) and bench/data/graphviz_fr/*.gv (diagrams written here in
the styles of course notes: timelines, court charts, flowcharts with diamonds, labelled arrows, white on colour).

    python bench/vision_diagrams_fr.py [--show] [--show-test]   (--show lists the tuning half's diagrams)
"""
from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from graphviz_fr import diagrams  # noqa: E402

from atypie.adapters.tesseract import ocr  # noqa: E402
from atypie.profiles.presets import load_preset  # noqa: E402
from atypie.vision.describe import describe  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WRITTEN = ROOT / "bench/data/graphviz_fr"
DPI = 110


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("’", "'").split())


def words(text: str) -> list[str]:
    return re.findall(r"\w+", normal(text).lower())


def closest(label: str, gold: list[str]) -> str:
    """The gold label a misread label stands for (so that a link between misread boxes is not counted as
    invented); the label itself when none is close."""
    scored = [(difflib.SequenceMatcher(None, label.lower(), g.lower()).ratio(), g) for g in gold]
    best = max(scored, default=(0.0, label))
    return best[1] if best[0] >= 0.75 else label


def cases() -> list[tuple[str, str, str, list[str], set[tuple[str, str]]]]:
    found = [(d.id, d.split, d.dot, d.labels, set(d.edges)) for d in diagrams()]
    for path in sorted(WRITTEN.glob("*.gv")):
        dot = path.read_text(encoding="utf-8")
        layout = json.loads(subprocess.run(["dot", "-Tjson0"], input=dot.encode(), capture_output=True,
                                           check=True).stdout)
        names = {o["_gvid"]: normal(o.get("label", o["name"]).replace("\\n", " ")) for o in layout["objects"]}
        edges = {(names[e["tail"]], names[e["head"]]) for e in layout.get("edges", [])}
        found.append((path.stem, path.stem.split("-")[0], dot, list(names.values()), edges))
    return found


def main(show: bool = False, show_test: bool = False) -> None:
    profile = load_preset("standard")
    totals: dict[str, dict[str, float]] = {}
    for name, split, dot, labels, edges in cases():
        png = subprocess.run(["dot", "-Tpng", f"-Gdpi={DPI}"], input=dot.encode(), capture_output=True,
                             check=True).stdout
        start = time.perf_counter()
        described = describe(png, profile)
        ours_s = time.perf_counter() - start
        start = time.perf_counter()
        bare = ocr(png, languages="fra+eng", psm=3)
        bare_s = time.perf_counter() - start
        graph = described.graph
        read = [normal(n.label) for n in graph.nodes] if graph is not None else [normal(t) for t in
                                                                                   described.text.splitlines()]
        gold = [normal(label) for label in labels]
        exact = sum(label in read for label in gold)
        label_of = {n.id: closest(normal(n.label), gold) for n in graph.nodes} if graph is not None else {}
        seen = {(label_of[e.source], label_of[e.target]) for e in graph.edges} if graph is not None else set()
        undirected = {frozenset(normal(label) for label in e) for e in edges}
        right = sum(frozenset(e) in undirected for e in seen)
        directed = {(label_of[e.source], label_of[e.target]) for e in graph.edges if e.kind in ("next", "arrow")} \
            if graph is not None else set()
        gold_directed = {tuple(normal(label) for label in e) for e in edges}
        tokens = [w for label in gold for w in words(label)]
        ours_words, bare_words = set(words(described.text)), set(words(bare))
        row = totals.setdefault(split, {k: 0.0 for k in ("items", "labels", "exact", "edges", "found", "invented",
                                                          "tokens", "ours", "bare", "ours_s", "bare_s", "arrowheads",
                                                          "heads_right")})
        for key, value in (("items", 1), ("labels", len(gold)), ("exact", exact), ("edges", len(edges)),
                           ("found", right), ("invented", len(seen) - right),
                           ("arrowheads", len(directed)), ("heads_right", len(directed & gold_directed)),
                           ("tokens", len(tokens)),
                           ("ours", sum(t in ours_words for t in tokens)),
                           ("bare", sum(t in bare_words for t in tokens)), ("ours_s", ours_s), ("bare_s", bare_s)):
            row[key] += value
        if show and (split == "tuning" or show_test):
            missed = [label for label in gold if label not in read]
            print(f"{name:<32} {split:<7} labels {exact}/{len(gold)} links {right}/{len(edges)} invented "
                  f"{len(seen) - right}  missed: {missed}  read: {read if exact < len(gold) else ''}")
    print(f"French Graphviz diagrams at {DPI} dpi (dot -Tpng, no metadata); bare = tesseract -l fra+eng --psm 3; "
          f"OMP_THREAD_LIMIT={os.environ.get('OMP_THREAD_LIMIT', 'unset')}")
    print(f"{'half':<8}{'items':>6}{'exact labels':>14}{'links found':>13}{'invented':>10}{'word recall':>13}"
          f"{'bare words':>12}{'time ratio':>12}{'heads right':>13}")
    for split in ("tuning", "test"):
        r = totals[split]
        heads = f"{int(r['heads_right'])}/{int(r['arrowheads'])}"
        print(f"{split:<8}{int(r['items']):>6}{r['exact'] / r['labels']:>14.3f}{r['found'] / r['edges']:>13.3f}"
              f"{int(r['invented']):>10}{r['ours'] / r['tokens']:>13.3f}{r['bare'] / r['tokens']:>12.3f}"
              f"{r['ours_s'] / r['bare_s']:>12.2f}{heads:>13}")
    print("targets (held-out): exact labels ≥ 0.95, no invented link; time ≤ 2× bare tesseract")


if __name__ == "__main__":
    main("--show" in sys.argv, "--show-test" in sys.argv)
