"""Are hard words explained? On the course-text set bench/data/courses_fr/{tuning,test}.jsonl (fields `text`,
`hard_words`, `definitions`), with the falc profile, offline:

- hard words replaced (gone from the plain text) or given a real definition (glossary entry not « à expliquer »),
  with the source of each definition (text, course, lexicon, mistral);
- definitions the text gives itself (`atypie.language.definitions`) against the annotated `definitions`;
- every miss, for a person to read.

Target on the held-out half (test): hard words replaced or really defined ≥ 80 %. Tune on `tuning` only.
Until the set exists, it runs on Vikidia paragraphs (../shared/corpora/fr-vikidia-articles) with the text's
rare words standing in for the annotated hard words, and no annotated definitions.

    .venv/bin/python bench/definitions_quality.py [--misses N] [--limit N] [--set FILE.jsonl …]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from atypie.adapters import (
    grammalecte,  # noqa: E402
    lexicon,  # noqa: E402
)
from atypie.falc.simplify import simplify  # noqa: E402
from atypie.language.analysis import analyse  # noqa: E402
from atypie.language.definitions import find_definitions  # noqa: E402
from atypie.profiles.presets import load_preset  # noqa: E402

COURSES = ROOT / "bench" / "data" / "courses_fr"
VIKIDIA = ROOT.parent / "shared" / "corpora" / "fr-vikidia-articles" / "vikidia_articles.jsonl"
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def stems(text: str) -> list[str]:
    """Words of `text`, lowercase, without a plural -s/-x, without an elided article or pronoun, and without the
    « se » of a pronominal verb (« s'élabore » and « se vérifie » are explained by « élaborer », « vérifier »)."""
    out = []
    words = _WORD.findall(text.lower().replace("’", "'"))
    if len(words) > 1 and words[0] == "se":
        words = words[1:]
    for word in words:
        word = re.sub(r"^(?:l|d|qu|s|n)'", "", word)
        out.append(word[:-1] if len(word) > 3 and word[-1] in "sx" else word)  # « durs » → « dur »
    return out


def lemmas(word: str) -> set[str]:
    """The lemmas Grammalecte's lexicon reads `word` as (none without Grammalecte)."""
    return {r.lemma for r in lexicon.readings(word)} if grammalecte.available() else set()


def matches(hard: str, term: str) -> bool:
    """Whether a glossary term explains the hard word: same words, or one holds the other as a run of words."""
    a, b = stems(hard), stems(term)
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) == len(b) == 1:  # "amazonienne" ~ "amazonien", "domestiqué" ~ "domestiquer" (the lemma)
        if b[0] in lemmas(a[0]):
            return True  # "aiguë" ~ "aigu": the lexicon reads the hard word as a form of the term
        x, y = sorted((a[0], b[0]), key=len)
        common = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), len(x))
        return common >= max(5, len(x) - 2)
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if len(small) == 1 and small[0] != large[0]:
        return False  # a single word explains a term whose head it is ("îlot" ~ "îlot de chaleur"), not any word
    return any(large[i:i + len(small)] == small for i in range(len(large) - len(small) + 1))


def annotated_definitions(row: dict) -> list[str]:
    found = row.get("definitions") or []
    if isinstance(found, dict):
        return list(found)
    terms = []
    for item in found:
        if isinstance(item, dict):
            terms.append(item.get("term") or item.get("terme") or "")
        elif isinstance(item, list | tuple) and item:
            terms.append(str(item[0]))
        else:
            terms.append(str(item))
    return [t for t in terms if t]


def hard_words(row: dict, analysis) -> list[str]:
    if "hard_words" in row:
        words = row["hard_words"]
        return [w if isinstance(w, str) else w.get("word") or w.get("term", "") for w in words]
    return list(dict.fromkeys([w.text.lower() for w in analysis.rare_words] + [a.text for a in analysis.acronyms]))


def score(rows: list[dict], profile) -> dict:
    status: Counter = Counter()
    sources: Counter = Counter()
    defs = Counter()
    misses: list[str] = []
    unexplained = 0
    started = time.perf_counter()
    for n, row in enumerate(rows):
        text = row["text"]
        result = simplify(text, profile, "fr")
        analysis = analyse(text, "fr")
        body = " ".join(result.sentences).lower()
        unexplained += result.unexplained
        for entry in result.glossary:
            sources[entry.source or "à expliquer"] += 1
        for word in hard_words(row, analysis):
            entry = next((g for g in result.glossary if not g.needs_review and matches(word, g.term)), None)
            if entry is not None:
                status["defined:" + entry.source] += 1
                continue
            present = re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", body)
            if not present and re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", text.lower()):
                status["replaced"] += 1
                continue
            todo = next((g for g in result.glossary if matches(word, g.term)), None)
            status["à expliquer" if todo is not None else "absent"] += 1
            where = text.lower().find(word.lower())
            context = " ".join(text[max(0, where - 60):where + len(word) + 60].split()) if where >= 0 else ""
            misses.append(f"[{n}] {word!r} ({'à expliquer' if todo else 'absent du glossaire'}) … {context} …")
        wanted = annotated_definitions(row)
        found = find_definitions(analysis)
        for term in wanted:
            if any(matches(term, d.term) for d in found):
                defs["found"] += 1
            else:
                defs["missed"] += 1
                misses.append(f"[{n}] definition of {term!r} not found in the text")
        defs["extracted"] += len(found)
        defs["extracted, not annotated"] += sum(1 for d in found if wanted and not any(matches(t, d.term)
                                                                                           for t in wanted))
        defs["annotated"] += len(wanted)
    total = sum(status.values())
    done = total - status["à expliquer"] - status["absent"]
    return {"texts": len(rows), "hard": total, "explained": done, "status": status, "sources": sources,
            "definitions": defs, "misses": misses, "unexplained": unexplained,
            "seconds": time.perf_counter() - started}


def vikidia_rows(limit: int) -> list[dict]:
    rows = []
    for line in VIKIDIA.open(encoding="utf-8"):
        article = json.loads(line)
        paragraphs = [p for p in article["text"].split("\n\n") if not p.startswith("#") and len(p) > 200]
        if paragraphs:
            rows.append({"text": "\n\n".join(paragraphs[:2])})
        if len(rows) >= limit:
            break
    return rows


def report(name: str, result: dict, show_misses: int) -> None:
    hard, done = result["hard"], result["explained"]
    print(f"== {name}: {result['texts']} texts, {result['seconds']:.0f} s")
    print(f"hard words replaced or given a real definition: {done}/{hard} = "
          f"{100 * done / hard if hard else 0:.1f} %")
    print("  by outcome: " + ", ".join(f"{k} {v}" for k, v in sorted(result["status"].items())))
    print("  glossary entries by source: " + ", ".join(f"{k} {v}" for k, v in sorted(result["sources"].items())))
    print(f"  words left « à expliquer » (result.unexplained): {result['unexplained']}")
    d = result["definitions"]
    if d["annotated"]:
        print(f"text definitions found: {d['found']}/{d['annotated']} = {100 * d['found'] / d['annotated']:.1f} % "
              f"(extracted {d['extracted']}, of which not annotated {d['extracted, not annotated']})")
    else:
        print(f"text definitions extracted: {d['extracted']} (no annotation)")
    for line in result["misses"][:show_misses]:
        print("  miss " + line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", nargs="*", default=None, help="JSONL files (default: courses_fr tuning and test)")
    parser.add_argument("--limit", type=int, default=0, help="at most this many texts per set")
    parser.add_argument("--misses", type=int, default=40, help="misses printed per set")
    args = parser.parse_args()
    profile = load_preset("falc")
    sets = [Path(p) for p in args.set] if args.set else [COURSES / "tuning.jsonl", COURSES / "test.jsonl"]
    ran = False
    for path in sets:
        if not path.exists():
            print(f"({path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} is not there yet)")
            continue
        rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        report(path.stem, score(rows[: args.limit or None], profile), args.misses)
        ran = True
    if not ran and VIKIDIA.exists():
        report("vikidia (rare words as hard words)", score(vikidia_rows(args.limit or 30), profile), args.misses)


if __name__ == "__main__":
    main()
