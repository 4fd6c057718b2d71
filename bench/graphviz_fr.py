"""French diagrams as a teacher would draw them with plain Graphviz, built from the real course paragraphs of
bench/data/diagrams_courses (their hand-made gold concepts become the boxes, their gold relations the arrows),
in the styles found in course notes: boxes, rounded and filled boxes, white text on dark fills, ellipses,
left-to-right timelines, labels broken over two or three lines. The DOT carries no atypie metadata, so an image
rendered from it is read like any picture. Each diagram keeps the tuning/test split of its paragraph."""
from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COURSES = ROOT / "bench/data/diagrams_courses"

STYLES = (
    'node [shape=box, fontname="Helvetica"];',
    'node [shape=box, style="rounded,filled", fillcolor="#dbe9f6", fontname="Helvetica"];',
    'node [shape=box, style=filled, fillcolor="#1f4e79", fontcolor=white, fontname="Helvetica-Bold"];',
    'node [shape=ellipse, fontname="Times"];',
    'node [shape=box, style=filled, fillcolor="#f4b183", fontname="Arial"];',
    'node [shape=box, style="rounded,filled", fillcolor="#548235", fontcolor=white, fontname="Arial"];',
)


@dataclass(frozen=True)
class FrenchDiagram:
    id: str
    split: str
    dot: str
    labels: list[str]  # each box's whole label, its lines joined by one space
    edges: list[tuple[str, str]]  # (from label, to label)


def _wrapped(label: str, width: int) -> str:
    return "\\n".join(textwrap.wrap(label, width, break_long_words=False, break_on_hyphens=False)) or label


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def diagrams() -> list[FrenchDiagram]:
    found = []
    for split in ("tuning", "test"):
        for n, line in enumerate((COURSES / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()):
            item = json.loads(line)
            if item["lang"] != "fr" or len(item["concepts"]) < 2:
                continue
            style = STYLES[n % len(STYLES)]
            width = (12, 16, 22)[n % 3]
            rankdir = "LR" if item["kind"] in ("timeline", "process") and n % 2 else "TB"
            names = {label: f"n{k}" for k, label in enumerate(item["concepts"])}
            lines = ["digraph {", f"rankdir={rankdir};", style, 'edge [color="#404040"];']
            lines += [f"{names[label]} [label={_quoted(_wrapped(label, width))}];" for label in item["concepts"]]
            edges = [(a, b) for a, b in item["relations"] if a in names and b in names and a != b]
            lines += [f"{names[a]} -> {names[b]};" for a, b in edges]
            lines.append("}")
            found.append(FrenchDiagram(item["id"], split, "\n".join(lines), list(item["concepts"]), edges))
    return found
