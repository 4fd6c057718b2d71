"""Check atypie/language/lang/fr/glossary_academic.txt (general academic words of university courses, FALC definitions).

Run: .venv/bin/python scripts/check_glossary_academic.py  — prints each problem and exits 1 if there is any.
     .venv/bin/python scripts/check_glossary_academic.py --rare  — also lists the definition words below Zipf 4
     (never an error: a hint for the writer, « common words, Zipf ≥ 4 for almost every word »).
     .venv/bin/python scripts/check_glossary_academic.py other_file.txt  — checks another file of the same format.

Problems, for each line `terme=définition`:
- the line parses (one « = », a key and a definition), the key is lowercase with the apostrophe ' (not ’), the
  definition has no « | » (one definition only);
- no key is repeated, and no key is already a key of glossary.txt (that file keeps the discipline terms);
- the definition has at most MAX_WORDS words;
- the definition does not use the term, nor a word of its family: no word sharing the first FAMILY_PREFIX letters
  of a word of the term that has that many letters or more (accents ignored: « élaborer » / « élaboration »);
  a shorter one-word term (« axe ») must not appear as a word of the definition; a phrase (« tenir compte ») must
  not appear whole, and its words of FAMILY_PREFIX letters or more are checked as above;
- common words: at least MIN_COMMON_SHARE of the definition's words of MIN_LETTERS letters or more have a wordfreq
  Zipf frequency of at least MIN_ZIPF.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wordfreq import zipf_frequency  # noqa: E402

from atypie.language.data import entries  # noqa: E402

FILE = ROOT / "atypie" / "language" / "lang" / "fr" / "glossary_academic.txt"
MAX_WORDS = 20
FAMILY_PREFIX = 5
MIN_LETTERS = 4
MIN_ZIPF = 3.5
MIN_COMMON_SHARE = 0.85
RARE_HINT = 4.0  # --rare lists the definition words below this
# Words written with an apostrophe inside stay whole (wordfreq counts them so); an elided « jusqu' » is looked up
# as « jusque ».
WORD = re.compile(r"quelqu'une?|aujourd'hui|presqu'îles?|prud'hommes?|[a-zà-öø-ÿœæ]+")
ELIDED = {"jusqu": "jusque", "lorsqu": "lorsque", "puisqu": "puisque", "quoiqu": "quoique"}
PRONOUN = {"se", "s"}  # « s'accentuer », « se conformer »: the pronoun is not part of the family


def fold(word: str) -> str:
    """Lowercase, without accents (« œ » kept as « oe »)."""
    word = word.lower().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def words_of(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def zipf(word: str) -> float:
    return zipf_frequency(ELIDED.get(word, word), "fr")


def family_problem(term: str, definition: str) -> str | None:
    """A word of the definition that is the term or shares the first FAMILY_PREFIX letters of one of its words."""
    def_words = words_of(definition)
    folded = [fold(w) for w in def_words]
    parts = [p for p in words_of(term) if p not in PRONOUN]
    if len(parts) > 1 and f" {fold(' '.join(parts))} " in f" {' '.join(folded)} ":
        return f"uses the term « {term} »"
    for part in parts:
        key = fold(part)
        if len(key) < FAMILY_PREFIX and len(parts) > 1:
            continue  # « de », « en » in « faire l'objet de »: only the longer words of a phrase carry its family
        for raw, word in zip(def_words, folded):
            if len(key) >= FAMILY_PREFIX:
                if word[:FAMILY_PREFIX] == key[:FAMILY_PREFIX]:
                    return f"uses « {raw} », of the family of « {part} »"
            elif word == key:
                return f"uses the word « {raw} » of the term"
    return None


def check_line(line: str, seen: dict[str, int], number: int, glossary: dict) -> tuple[list[str], list[str]]:
    problems: list[str] = []
    key, sep, definition = line.partition("=")
    key, definition = key.strip(), definition.strip()
    if not sep or not key or not definition:
        return [f"cannot parse « {line} » (want terme=définition)"], []
    if key != key.lower() or "’" in key:
        problems.append(f"key « {key} » must be lowercase with the apostrophe '")
    if "|" in definition:
        problems.append("the definition has a « | »: one definition only")
    if "=" in definition:
        problems.append("the definition has a « = »")
    lookup = key.lower().replace("’", "'")
    if lookup in seen:
        problems.append(f"key « {key} » repeats line {seen[lookup]}")
    seen.setdefault(lookup, number)
    if lookup in glossary:
        problems.append(f"key « {key} » is already a key of glossary.txt")
    count = len(definition.split())
    if count > MAX_WORDS:
        problems.append(f"definition of {count} words (at most {MAX_WORDS})")
    found = family_problem(key, definition)
    if found:
        problems.append(f"definition {found}")
    long_words = [w for w in words_of(definition) if len(w) >= MIN_LETTERS]
    rare = [w for w in long_words if zipf(w) < MIN_ZIPF]
    if long_words and 1 - len(rare) / len(long_words) < MIN_COMMON_SHARE:
        problems.append(f"too many rare words ({', '.join(rare)}): under {MIN_COMMON_SHARE:.0%} of the words of "
                        f"{MIN_LETTERS}+ letters have Zipf ≥ {MIN_ZIPF}")
    hints = [w for w in long_words if zipf(w) < RARE_HINT]
    return problems, hints


def main(argv: list[str]) -> int:
    show_rare = "--rare" in argv
    paths = [a for a in argv if not a.startswith("--")]
    path = Path(paths[0]) if paths else FILE
    if not path.is_file():
        print(f"missing {path}")
        return 1
    glossary = entries("fr", "glossary.txt")
    seen: dict[str, int] = {}
    problems: list[str] = []
    hints: dict[str, list[str]] = {}
    total_words = common_words = 0
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        found, rare = check_line(line, seen, number, glossary)
        problems += [f"line {number}: {p}" for p in found]
        for word in rare:
            hints.setdefault(word, []).append(line.partition("=")[0].strip())
        long_words = [w for w in words_of(line.partition("=")[2]) if len(w) >= MIN_LETTERS]
        total_words += len(long_words)
        common_words += sum(zipf(w) >= RARE_HINT for w in long_words)
    for problem in problems:
        print(problem)
    if show_rare:
        for word, keys in sorted(hints.items(), key=lambda item: zipf(item[0])):
            print(f"rare: {word} (Zipf {zipf(word):.2f}) in {', '.join(keys)}")
    share = common_words / total_words if total_words else 1.0
    print(f"{len(seen)} entries; {share:.1%} of the definition words of {MIN_LETTERS}+ letters have Zipf ≥ "
          f"{RARE_HINT}; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
