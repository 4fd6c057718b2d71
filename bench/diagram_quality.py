"""Text → diagram quality: key-concept recall, relation recall, kind accuracy and node economy.

Sets: bench/data/diagrams_courses/{tuning,test}.jsonl (real course paragraphs nobody here wrote, French and
English, gold concepts, relations and kind: tune on the tuning half only); bench/data/diagram_dev.jsonl (our own
paragraphs, written next to the rules: they measure the rules' own examples); PET (English process
descriptions: recall of the annotated activities, kind forced to "process" and detected); WebNLG read in
reverse (English sentences → concept map: recall of the triples' entities and pairs).
Targets on the held-out set: concept recall ≥ 0.85, relation recall ≥ 0.6, kind accuracy ≥ 0.8, at most
twice as many nodes as gold concepts, and every label clean (≤ 6 words, no markup or URL, not ending on a
function word or an elided one): the last column counts the clean labels of each set.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

from atypie.diagrams.extract import extract
from atypie.language.analysis import analyse

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"


FUNCTION_WORDS = set("le la les un une des du de à au aux et ou mais donc car ni que qui dont où ce cet cette ces "
                     "son sa ses leur leurs se ne en dans par pour sur sous avec sans vers entre the a an of to in "
                     "on at by for with from and or but that which who as its their".split())
MARKUP = re.compile(r"https?://|www\.|[*_#`<>\[\]{}|]")


def clean_label(label: str) -> bool:
    words = re.findall(r"[\w'’-]+", label)
    return (1 <= len(words) <= 6 and not MARKUP.search(label) and not words[-1].endswith(("'", "’"))
            and words[-1].lower() not in FUNCTION_WORDS)


def plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def score(text: str, lang: str, concepts: list[str], relations: list[list[str]], kind: str | None,
          force: str | None = None) -> dict:
    graph = extract(analyse(text, lang), force)
    labels = {n.id: plain(n.label) for n in graph.nodes}

    def holders(concept: str) -> set[str]:
        return {node for node, label in labels.items() if plain(concept) in label}

    found = [c for c in concepts if holders(c)]
    joined = [pair for pair in relations if any(
        (e.source in holders(pair[0]) and e.target in holders(pair[1])) or
        (e.source in holders(pair[1]) and e.target in holders(pair[0])) for e in graph.edges)]
    return {"concepts": (len(found), len(concepts)), "relations": (len(joined), len(relations)),
            "kind": graph.kind == kind if kind else None, "nodes": len(graph.nodes), "gold": len(concepts),
            "clean": (sum(clean_label(n.label) for n in graph.nodes), len(graph.nodes))}


def summarise(name: str, scores: list[dict]) -> list[str]:
    def ratio(key):
        hit, total = sum(s[key][0] for s in scores), sum(s[key][1] for s in scores)
        return f"{hit / total:.2f}" if total else "n/a"
    kinds = [s["kind"] for s in scores if s["kind"] is not None]
    economy = sum(s["nodes"] <= 2 * s["gold"] for s in scores) / len(scores)
    return [name, str(len(scores)), ratio("concepts"), ratio("relations"),
            f"{sum(kinds) / len(kinds):.2f}" if kinds else "n/a", f"{economy:.2f}",
            f"{sum(s['clean'][0] for s in scores)}/{sum(s['clean'][1] for s in scores)}"]


def main(limit: int = 50) -> None:
    table = [["set", "items", "concept recall", "relation recall", "kind accuracy", "nodes ≤ 2×gold", "clean labels"]]
    for half in ("tuning", "test"):
        path = ROOT / "bench/data/diagrams_courses" / f"{half}.jsonl"
        if path.exists():
            items = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
            for lang in ("fr", "en"):
                chosen = [d for d in items if d["lang"] == lang]
                if chosen:
                    table.append(summarise(f"courses {half} {lang}", [
                        score(d["text"], lang, d["concepts"], d["relations"], d["kind"]) for d in chosen]))
    kinds = ROOT / "bench/data/diagrams_courses/kinds_courses_tuning.jsonl"  # kind only, on the FALC tuning halves
    if kinds.exists():
        texts = {item["id"]: item["text"] for half in ("tuning", "tuning2") for line in
                 (ROOT / f"bench/data/courses_fr/{half}.jsonl").open(encoding="utf-8") if line.strip()
                 for item in [json.loads(line)]}
        labels = [json.loads(line) for line in kinds.open(encoding="utf-8") if line.strip()]
        right = [extract(analyse(texts[label["id"]], "fr")).kind == label["kind"] for label in labels]
        table.append(["courses_fr kinds (tuning)", str(len(labels)), "n/a", "n/a", f"{sum(right) / len(right):.2f}",
                      "n/a", "n/a"])
    dev = [json.loads(line) for line in (ROOT / "bench/data/diagram_dev.jsonl").open(encoding="utf-8")]
    for lang in ("fr", "en"):
        items = [d for d in dev if d["lang"] == lang]
        table.append(summarise(f"dev {lang}", [score(d["text"], lang, d["concepts"], d["relations"], d["kind"])
                                               for d in items]))
    pet = CORPORA / "en-pet-process-extraction" / "pet_documents.jsonl"
    if pet.exists():
        documents = [json.loads(line) for line in pet.open(encoding="utf-8")][:limit]
        scores = []
        for document in documents:
            text = " ".join(document["sentences"]).replace(" ,", ",").replace(" .", ".")
            activities = [e["text"] for e in document["entities"] if e["type"] == "Activity"]
            scores.append(score(text, "en", activities, [], "process"))
        table.append(summarise("PET (process)", scores))
    webnlg = CORPORA / "en-webnlg-graph-text" / "webnlg3_en_dev_sample200.jsonl"
    if webnlg.exists():
        items = [json.loads(line) for line in webnlg.open(encoding="utf-8")][:limit]
        scores = []
        for item in items:
            entities = sorted({part.replace("_", " ").split(",")[0] for s, _, o in item["triples"] for part in (s, o)})
            pairs = [[s.replace("_", " ").split(",")[0], o.replace("_", " ").split(",")[0]]
                     for s, _, o in item["triples"]]
            scores.append(score(item["texts"][0], "en", entities, pairs, "concept_map", force="concept_map"))
        table.append(summarise("WebNLG (concept map)", scores))
    notes = ROOT / "bench/data/markdown_notes_fr/notes.jsonl"  # real Markdown course notes: labels only
    if notes.exists():
        graphs = [extract(analyse(json.loads(line)["text"], "fr")) for line in notes.open(encoding="utf-8")
                  if line.strip()]
        labels = [n.label for g in graphs for n in g.nodes]
        table.append(["Markdown notes fr (labels)", str(len(graphs)), "n/a", "n/a", "n/a", "n/a",
                      f"{sum(clean_label(label) for label in labels)}/{len(labels)}"])
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
