"""Plain-language quality on the development sets: words per sentence, numbers kept, key terms kept, hard
words explained or replaced, idioms handled, readability gain. Prints one table.

Sets: bench/data/falc_dev_fr.jsonl (our own course paragraphs, annotated), bench/data/idioms_dev_fr.jsonl,
and, when ../shared/corpora is present, WiViCo (Wikipedia sentences) and Vikidia articles.
Targets on the held-out set (profile falc): mean words per sentence ≤ 15, numbers kept 100 %, key terms
kept ≥ 95 %, hard words explained or replaced ≥ 90 %; idioms handled 100 % with the tsa profile.
"""
from __future__ import annotations

import csv
import json
import re
import statistics
import sys
from pathlib import Path

from atypie.falc.rules.idiom import find_idioms
from atypie.falc.simplify import simplify
from atypie.language import numbers
from atypie.language.analysis import analyse
from atypie.profiles.presets import load_preset

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
WORD = re.compile(r"\w+")


def words_per_sentence(sentences: list[str]) -> list[int]:
    return [len(WORD.findall(s)) for s in sentences if WORD.search(s)]


def hard_words(analysis) -> set[str]:
    return {w.text.lower() for w in analysis.rare_words}


def score_item(text: str, profile, annotations: dict | None = None) -> dict:
    result = simplify(text, profile, "fr")
    source = analyse(text, "fr")
    body = " ".join(result.sentences)
    lowered = body.lower()
    glossary = {g.term.lower(): g for g in result.glossary}
    explained = 0
    hard = hard_words(source)
    for word in hard:
        entry = glossary.get(word) or next((g for g in result.glossary if g.term.lower() in (word, word.rstrip("s"))),
                                           None)
        if (entry is not None and not entry.needs_review) or not re.search(rf"\b{re.escape(word)}\b", lowered):
            explained += 1
    wanted_numbers = set()
    terms = []
    if annotations:
        for raw in annotations.get("numbers", []):
            wanted_numbers |= numbers.values(raw, "fr")
        terms = [t.lower() for t in annotations.get("key_terms", [])]
    else:
        wanted_numbers = {m.value for m in source.numbers}
    kept_numbers = wanted_numbers & numbers.values(body, "fr")
    kept_terms = [t for t in terms if t in lowered or t in glossary]
    return {"wps": words_per_sentence(result.sentences), "numbers": (len(kept_numbers), len(wanted_numbers)),
            "terms": (len(kept_terms), len(terms)), "hard": (explained, len(hard)),
            "gain": result.readability["after"]["score"] - result.readability["before"]["score"],
            "meaning_ok": result.meaning.ok}


def summarise(name: str, scores: list[dict]) -> list[str]:
    def ratio(key):
        kept = sum(s[key][0] for s in scores)
        total = sum(s[key][1] for s in scores)
        return f"{100 * kept / total:.1f} %" if total else "n/a"
    all_wps = [w for s in scores for w in s["wps"]]
    return [name, str(len(scores)), f"{statistics.mean(all_wps):.1f}", ratio("numbers"), ratio("terms"),
            ratio("hard"), f"{statistics.mean(s['gain'] for s in scores):+.1f}",
            f"{100 * sum(s['meaning_ok'] for s in scores) / len(scores):.0f} %"]


def idioms_handled(profile) -> tuple[int, int]:
    rows = [json.loads(line) for line in (ROOT / "bench/data/idioms_dev_fr.jsonl").open(encoding="utf-8")]
    handled = 0
    for row in rows:
        result = simplify(row["text"], profile, "fr")
        output = " ".join(result.sentences)
        still = [m for m in find_idioms(analyse(output, "fr")) if m.idiom == row["idiom"]]
        if not still or "c'est-à-dire" in output:
            handled += 1
    return handled, len(rows)


def main(limit: int = 100) -> None:
    falc = load_preset("falc")
    dev = [json.loads(line) for line in (ROOT / "bench/data/falc_dev_fr.jsonl").open(encoding="utf-8")]
    table = [["set", "items", "words/sent.", "numbers kept", "key terms kept", "hard words expl.", "KM gain",
              "meaning ok"]]
    table.append(summarise("dev (own, falc)", [score_item(r["text"], falc, r) for r in dev]))
    wivico = CORPORA / "fr-wivico-simplification" / "wivico_v2_sample400.tsv"
    if wivico.exists():
        with wivico.open(encoding="utf-8") as handle:
            rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["subset"] == "clear_simplification"]
        table.append(summarise("wivico (falc)", [score_item(r["wiki_sent"], falc) for r in rows[:limit]]))
    vikidia = CORPORA / "fr-vikidia-articles" / "vikidia_articles.jsonl"
    if vikidia.exists():
        articles = [json.loads(line) for line in vikidia.open(encoding="utf-8")][: max(1, limit // 5)]
        table.append(summarise("vikidia (falc)", [score_item(a["text"][:1500].rsplit(".", 1)[0] + ".", falc)
                                                  for a in articles]))
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    handled, total = idioms_handled(load_preset("tsa"))
    print(f"idioms handled (tsa profile): {handled}/{total} = {100 * handled / total:.1f} %")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
