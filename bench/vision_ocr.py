"""Image → text: round trip of atypie's own diagrams, word recall on foreign Graphviz diagrams against bare
Tesseract on the same images, and speed.

- Round trip: text → diagram → PNG and SVG → describe: share of node labels recovered (target 100 %).
- Foreign diagrams: ../shared/corpora/graphviz-test-graphs (OCR-friendly subset) rendered with plain `dot -Tpng`
  (no atypie metadata) at 96 and 150 dpi; token recall of the expected visible text, atypie's OCR path against
  `tesseract --psm 11` on the same image (target ≥ 0.85).
- Speed: the OCR path as a ratio to the bare `tesseract` command on the same image; the metadata path in ms.
"""
from __future__ import annotations

import io
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image

from atypie.adapters.tesseract import ocr_words
from atypie.diagrams.pipeline import diagram
from atypie.diagrams.render import render
from atypie.profiles.presets import load_preset
from atypie.vision.describe import describe
from atypie.vision.readers.ocr import read_text

ROOT = Path(__file__).resolve().parents[1]
GRAPHS = ROOT.parent / "shared" / "corpora" / "graphviz-test-graphs"


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def round_trip() -> tuple[float, float]:
    profile = load_preset("standard")
    texts = [json.loads(line)["text"] for line in (ROOT / "bench/data/diagram_dev.jsonl").open(encoding="utf-8")]
    found = total = 0
    timings = []
    for text in texts:
        result = diagram(text, profile)
        for fmt in ("png", "svg"):
            data = render(result.graph, result.dot, fmt, alt=result.description.alt,
                          description=result.description.long)
            start = time.perf_counter()
            described = describe(data, profile)
            timings.append(time.perf_counter() - start)
            labels = set(described.text.splitlines())
            found += sum(node.label in labels for node in result.graph.nodes)
            total += len(result.graph.nodes)
    return found / total, 1000 * sorted(timings)[len(timings) // 2]


def foreign(dpi: int, sample: int) -> tuple[float, float, float]:
    manifest = json.loads((GRAPHS / "manifest.json").read_text())
    items = [m for m in manifest if m.get("ocr_friendly")]
    random.Random(1).shuffle(items)
    ours = bare = total = 0
    ours_time = bare_time = 0.0
    for item in items[:sample]:
        png = subprocess.run(["dot", "-Tpng", f"-Gdpi={dpi}", str(GRAPHS / item["file"])], capture_output=True,
                             timeout=30).stdout
        if not png:
            continue
        expected = [t for s in item["expected_visible_text"] for t in tokens(s)]
        image = Image.open(io.BytesIO(png)).convert("RGB")
        start = time.perf_counter()
        read = set(tokens(read_text(image, "en").text))
        ours_time += time.perf_counter() - start
        start = time.perf_counter()
        plain = set(tokens(" ".join(w.text for w in ocr_words(png, languages="eng", psm=11))))
        bare_time += time.perf_counter() - start
        ours += sum(t in read for t in expected)
        bare += sum(t in plain for t in expected)
        total += len(expected)
    return ours / total, bare / total, ours_time / bare_time


def main(sample: int = 40) -> None:
    recovered, metadata_ms = round_trip()
    print(f"round trip of atypie diagrams (PNG + SVG): {100 * recovered:.1f} % of node labels recovered; "
          f"metadata path median {metadata_ms:.1f} ms (target < 50 ms)")
    if not GRAPHS.exists():
        return
    print(f"{'foreign Graphviz diagrams':<28}{'atypie':>8}{'bare tesseract':>16}{'time ratio':>12}")
    for dpi in (96, 150):
        ours, bare, ratio = foreign(dpi, sample)
        print(f"{f'token recall at {dpi} dpi':<28}{ours:>8.3f}{bare:>16.3f}{ratio:>12.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
