"""Plain-language quality on real course text that this project did not write (bench/data/courses_fr, sources and
licences in its README), both halves reported, plus WiViCo when ../shared/corpora is present.

Targets of issue 13 (profile falc; tsa for idioms), met on the held-out set:
- no glued or doubled word added;
- grammar errors added (Grammalecte, source versus output, by kind) ≤ 0.2 per 1,000 output words;
- mean words per sentence ≤ 15; numbers kept 100 %; key terms kept ≥ 95 %;
- hard words replaced or given a real definition ≥ 80 %;
- idioms handled ≥ 90 %.
Run: .venv/bin/python bench/falc_courses.py [--show N]   (--show prints N outputs to read as a student would)
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
from collections import Counter
from pathlib import Path

from definitions_quality import matches

from atypie.adapters import grammalecte
from atypie.falc import sentence_check
from atypie.falc.simplify import simplify
from atypie.language import numbers
from atypie.language.analysis import analyse
from atypie.profiles.presets import load_preset

ROOT = Path(__file__).resolve().parents[1]
COURSES = ROOT / "bench/data/courses_fr"
WIVICO = ROOT.parent / "shared/corpora/fr-wivico-simplification/wivico_v2_sample400.tsv"
WORD = re.compile(r"\w+")
TO_CHECK = "(à vérifier)"


def present(term: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(term.lower())}(?!\w)", text.lower()) is not None


def defined(term: str, glossary: dict) -> bool:
    """Whether a glossary entry that is not « à expliquer » explains `term` (its lemma: « septentrionale » ~
    « septentrional »), matched as `definitions_quality.py` matches them."""
    return any(not entry.needs_review and matches(term, entry.term) for entry in glossary.values())


def broken_words(source: str, output: str) -> int:
    """Glued or doubled words that the output has and the source has not."""
    def count(text):
        return sum(sentence_check.problems(list(s), tagged=False)[k] for s in analyse(text, "fr", full=False,
                                                                                      max_chars=None).sentences
                   for k in (sentence_check.GLUED, sentence_check.DOUBLED))
    return max(0, count(output) - count(source))


def grammar_added(source: str, output: str) -> int:
    before, after = Counter(e.kind for e in grammalecte.errors(source)), Counter()
    for line in output.splitlines():
        after.update(e.kind for e in grammalecte.errors(line))
    return sum(max(0, n - before[kind]) for kind, n in after.items())


def score(item: dict, falc, tsa) -> dict:
    text = item["text"]
    result = simplify(text, falc, "fr")
    body = "\n".join(result.sentences)
    glossary = {g.term.lower(): g for g in result.glossary}
    output_values = numbers.values(body, "fr")
    written = item["numbers"] if "numbers" in item else [m.text for m in analyse(text, "fr").numbers]
    kept_numbers = [raw for raw in written  # as written, or as a value (in a date, a range…)
                    if present(raw, body) or numbers.values(raw, "fr") <= output_values]
    hard = item.get("hard_words", [])
    handled_hard = [w for w in hard if not present(w, body) or defined(w, glossary)]
    terms = item.get("key_terms", [])
    kept_terms = [t for t in terms if present(t, body) or t.lower() in glossary]
    idioms = item.get("idioms", [])
    idiom_body = "\n".join(simplify(text, tsa, "fr").sentences) if idioms else ""
    return {"id": item.get("id", ""), "source": text, "output": result.text, "body": body,
            "wps": [len(WORD.findall(s)) for s in result.sentences if WORD.search(s)],
            "words": len(WORD.findall(body)), "broken": broken_words(text, body),
            "grammar": grammar_added(text, body) if grammalecte.available() else None,
            "numbers": (len(kept_numbers), len(written)),
            "terms": (len(kept_terms), len(terms)), "hard": (len(handled_hard), len(hard)),
            "hard_missed": [w for w in hard if w not in handled_hard],
            "idioms": (sum(not present(i, idiom_body) for i in idioms), len(idioms)),
            "rolled_back": body.count(TO_CHECK), "sentences": len(result.sentences),
            "glossary": len(result.glossary), "source_words": len(WORD.findall(text)),
            "meaning_ok": result.meaning.ok}


def ratio(scores: list[dict], key: str) -> str:
    kept, total = sum(s[key][0] for s in scores), sum(s[key][1] for s in scores)
    return f"{100 * kept / total:.1f} %" if total else "n/a"


def row(name: str, scores: list[dict]) -> list[str]:
    words = sum(s["words"] for s in scores)
    grammar = None if any(s["grammar"] is None for s in scores) else sum(s["grammar"] for s in scores)
    return [name, str(len(scores)), str(sum(s["broken"] for s in scores)),
            "n/a" if grammar is None else f"{1000 * grammar / max(words, 1):.2f}",
            f"{statistics.mean(w for s in scores for w in s['wps']):.1f}", ratio(scores, "numbers"),
            ratio(scores, "terms"), ratio(scores, "hard"), ratio(scores, "idioms"),
            f"{sum(s['rolled_back'] for s in scores)}/{sum(s['sentences'] for s in scores)}",
            f"{100 * sum(s['meaning_ok'] for s in scores) / len(scores):.0f} %",
            f"{100 * sum(s['glossary'] for s in scores) / max(sum(s['source_words'] for s in scores), 1):.1f}"]


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (COURSES / name).open(encoding="utf-8") if line.strip()]


def wivico(limit: int) -> list[dict]:
    with WIVICO.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["subset"] == "clear_simplification"]
    return [{"id": f"wivico-{n}", "text": r["wiki_sent"]} for n, r in enumerate(rows[:limit])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print this many outputs of the tuning half")
    parser.add_argument("--wivico", type=int, default=100, help="WiViCo sentences scored (0: none)")
    args = parser.parse_args()
    falc, tsa = load_preset("falc"), load_preset("tsa")
    sets = {"courses tuning": load("tuning.jsonl"), "courses tuning2": load("tuning2.jsonl"),
            "courses test": load("test.jsonl")}
    if WIVICO.exists() and args.wivico:
        sets["wivico"] = wivico(args.wivico)
    table = [["set", "items", "glued/doubled added", "grammar added /1000 w", "words/sent.", "numbers kept",
              "key terms kept", "hard words handled", "idioms handled", "à vérifier", "meaning ok",
              "glossary /100 w"]]
    scored = {}
    for name, items in sets.items():
        scored[name] = [score(item, falc, tsa) for item in items]
        table.append(row(name, scored[name]))
        if name.startswith("courses"):  # today's course text apart from the 19th-century books of Wikisource
            modern = [s for s, item in zip(scored[name], items, strict=True) if "wikisource" not in item["source"]]
            table.append(row(f"{name} (modern)", modern))
    widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
    for r in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)))
    print("targets (held-out): glued/doubled 0, grammar ≤ 0.2, words/sent. ≤ 15, numbers 100 %, key terms ≥ 95 %, "
          "hard words ≥ 80 %, idioms ≥ 90 %")
    if not grammalecte.available():
        print("grammar: not applicable (Grammalecte is not installed: apt-get install python3-grammalecte)")
    for s in scored["courses tuning"][:args.show]:
        print(f"\n--- {s['id']}\n{s['source']}\n→\n{s['output']}\nhard words missed: {s['hard_missed']}")


if __name__ == "__main__":
    main()
