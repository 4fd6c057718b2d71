"""Idioms handled on REAL sentences (public text we did not write): bench/data/idioms_real_fr.jsonl.

Each sentence goes through simplify(sentence, load_preset("tsa"), "fr"). An idiom counts as handled when
(1) its content words no longer all appear in the output (the image is gone: replaced by a plain meaning)
and (2) the output is not visibly broken (doubled words, "de le", a missing elision, an unreplaced
"(c'est-à-dire" review note...). Every failure is printed before/after so that a person can read it.
The lexicon size (entries of atypie/language/lang/fr/idioms.txt) is printed too.

Target on the test half: ≥ 90 % handled. Tune only on the tuning half (the split is fixed in the file).

    .venv/bin/python bench/idioms_quality.py [--all]   # --all prints every before/after, not only failures
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

from atypie.falc.simplify import simplify
from atypie.language.data import entries
from atypie.profiles.presets import load_preset

DATA = Path(__file__).resolve().parent / "data" / "idioms_real_fr.jsonl"
_STOP = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "à", "au", "aux", "en", "et", "son", "sa",
         "ses", "leur", "leurs", "se", "s", "a", "ont", "est", "sont", "qu", "que", "il", "elle", "y", "sur", "dans",
         "par", "pour", "ne", "n", "pas", "tu", "on", "alors", "très", "rapidement", "notamment", "vite", "jamais",
         "avait", "ait", "plein"}
_BROKEN = [
    (re.compile(r"\b(\w+) \1\b", re.IGNORECASE), "mot répété"),
    (re.compile(r"\b(?:de|à) (?:le|les)\b", re.IGNORECASE), "contraction manquante (de le, à les)"),
    (re.compile(r"\b(?:le|la|de|que|ne|se|me|te|je) [aeiouéèêâîôûh]\w", re.IGNORECASE), "élision manquante"),
    (re.compile(r"c'est-à-dire :"), "idiome gardé, à relire"),
    (re.compile(r"\b(?:un|le|du|ce) (?:\w+ )?(?:personne|chose|partie|étape|idée|force|base|raison|aide)\b",
                re.IGNORECASE), "accord du déterminant"),
    (re.compile(r"\b(?:une|la|cette) (?:élément|moyen|point|début|lieu|centre|signe|succès|frein)\b",
                re.IGNORECASE), "accord du déterminant"),
]
_ELISION_OK = re.compile(r"\b(?:le|la|de|que|ne|se) (?:h[aeiouy]\w*|oui|onze|uns?)\b", re.IGNORECASE)


def content_words(idiom: str) -> list[str]:
    words = re.findall(r"\w+", idiom.lower())
    return [w for w in words if w not in _STOP and len(w) > 1]


def _plain(text: str) -> str:
    return unicodedata.normalize("NFC", text.lower().replace("’", "'"))


def broken(before: str, after: str) -> list[str]:
    problems = []
    for pattern, label in _BROKEN:
        seen = {m.group().lower() for m in pattern.finditer(before)}
        new = {m.group().lower() for m in pattern.finditer(after)} - seen
        new = {n for n in new if not _ELISION_OK.fullmatch(n)}
        if new:
            problems.append(f"{label} : {', '.join(sorted(new))}")
    return problems


def score(item: dict, profile) -> tuple[bool, str, list[str]]:
    result = simplify(item["sentence"], profile, "fr")
    after = " ".join(result.sentences)
    words = content_words(item["idiom"])
    out_words = set(re.findall(r"\w+", _plain(after)))
    kept = bool(words) and all(w in out_words for w in words)
    problems = broken(item["sentence"], after)
    if kept:
        problems.insert(0, "expression imagée gardée")
    return not problems, after, problems


def main(argv: list[str]) -> int:
    show_all = "--all" in argv
    items = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    profile = load_preset("tsa")
    totals: dict[str, list[int]] = {}
    for item in items:
        ok, after, problems = score(item, profile)
        totals.setdefault(item["split"], [0, 0])
        totals[item["split"]][0] += ok
        totals[item["split"]][1] += 1
        if show_all or not ok:
            mark = "OK " if ok else "ÉCHEC"
            print(f"[{mark}] {item['id']} ({item['split']}) « {item['idiom']} »"
                  + (f" — {'; '.join(problems)}" if problems else ""))
            print(f"   avant : {item['sentence']}")
            print(f"   après : {after}")
    print()
    print(f"entrées du lexique (fr/idioms.txt) : {len(entries('fr', 'idioms.txt'))}")
    for split in ("tuning", "test"):
        done, n = totals.get(split, [0, 0])
        print(f"{split:7s} : {done}/{n} idiomes traités ({100 * done / max(n, 1):.0f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
