"""Build atypie/language/lang/en/lexicon.txt, the broad English dictionary of the glossary (source "dictionary"),
from WordNet 3.0's glosses.

Source: the WordNet 3.0 database as Debian ships it (package wordnet-base 1:3.0-37, files
/usr/share/wordnet/index.{noun,verb,adj} and data.{noun,verb,adj}). Licence: the WordNet 3.0 licence (permissive:
use, copy, modify and distribute, with its copyright notice and disclaimer on every copy); the built file's
header carries both.

What is kept: headwords of one or two words that WordNet writes in lower case (no name, no abbreviation) whose
wordfreq Zipf frequency is between 1.5 and 4.8 (the words a student may not know, not the everyday ones); for
each, the glosses of its most frequent senses, up to three: the part of speech met most in WordNet's tagged texts
first, then WordNet's own order of senses. Each gloss is cut before its first « ; » (examples and second
thoughts), 25 words at most, never using the headword.

    apt-get install wordnet-base   (or: apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb DIR)
    .venv/bin/python scripts/build_lexicon_en.py [WORDNET_DIR] [--out PATH]

atypie never reads WordNet at run time: it ships the built lexicon.txt.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "atypie" / "language" / "lang" / "en" / "lexicon.txt"
WORDNET = Path("/usr/share/wordnet")
PARTS = ("noun", "verb", "adj")
MIN_ZIPF, MAX_ZIPF = 1.5, 4.8
MAX_SENSES, MAX_WORDS, MIN_WORDS = 3, 25, 2
HEADWORD = re.compile(r"^[a-z]{3,}(?:[ -][a-z]{2,})?$")
WORD = re.compile(r"[a-z]+")

HEADER = """\
# Broad dictionary of the English glossary (source "dictionary"): short definitions for the words a student may
# not know. The glossary reads it last, after the text, the course glossary and glossary.txt.
# Format: word=sense 1|sense 2|sense 3 (up to 3 senses, the most frequent first; the glossary takes the one that
# shares the most words with the sentence; each sense one phrase of {max_words} words at most, without the word).
#
# Source: WordNet 3.0 (Princeton University), glosses of the Debian package wordnet-base 1:3.0-37, cut before
# their first « ; » (examples removed). Built by scripts/build_lexicon_en.py: lower-case words of one or two
# words, wordfreq Zipf frequency between {low} and {high}. {count} entries.
#
# WordNet 3.0 licence, as it must appear on all copies:
# This software and database is being provided to you, the LICENSEE, by Princeton University under the following
# license. By obtaining, using and/or copying this software and database, you agree that you have read,
# understood, and will comply with these terms and conditions.:
# Permission to use, copy, modify and distribute this software and database and its documentation for any
# purpose and without fee or royalty is hereby granted, provided that you agree to comply with the following
# copyright notice and statements, including the disclaimer, and that the same appear on ALL copies of the
# software, database and documentation, including modifications that you make for internal use or for
# distribution.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,
# EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
# WARRANTIES OF MERCHANT-ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE,
# DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in advertising or publicity pertaining to
# distribution of the software and/or database. Title to copyright in this software, database and any
# associated documentation shall at all times remain with Princeton University and LICENSEE agrees to preserve
# same.
"""


def glosses(directory: Path, part: str) -> dict[str, tuple[str, frozenset[str]]]:
    """{synset offset: (gloss, the synset's words as written)} of one part of speech."""
    found = {}
    for line in (directory / f"data.{part}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" ") or " | " not in line:
            continue  # the licence at the top of the file
        fields = line.split(" | ", 1)[0].split()
        count = int(fields[3], 16)
        written = frozenset(fields[4 + 2 * k].replace("_", " ") for k in range(count))
        found[fields[0]] = (line.split(" | ", 1)[1].strip(), written)
    return found


def senses(directory: Path, part: str) -> dict[str, tuple[int, list[str]]]:
    """{lemma: (how many of its senses were met in WordNet's tagged texts, synset offsets, most frequent sense
    first)} of one part of speech."""
    found = {}
    for line in (directory / f"index.{part}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, count = fields[0], int(fields[2])
        found[lemma.replace("_", " ")] = (int(fields[-count - 1]), fields[-count:])
    return found


def definition(gloss: str, headword: str) -> str | None:
    """The gloss before its first « ; », as a plain phrase; None when it is too short, too long or uses the word."""
    text = gloss.split(";", 1)[0].strip().strip('"').strip()
    text = re.sub(r"\s*\([^()]*\)", "", text).strip(" ,")
    words = WORD.findall(text.lower())
    if not MIN_WORDS <= len(words) <= MAX_WORDS or any(w in words for w in headword.split()):
        return None
    return text


def build(directory: Path) -> dict[str, list[str]]:
    from wordfreq import zipf_frequency

    text_of = {part: glosses(directory, part) for part in PARTS}
    readings: dict[str, list[tuple[int, str, list[str]]]] = {}
    for part in PARTS:
        for lemma, (tagged, offsets) in senses(directory, part).items():
            readings.setdefault(lemma, []).append((tagged, part, offsets))
    out: dict[str, list[str]] = {}
    for lemma, found in readings.items():
        if not HEADWORD.match(lemma) or not MIN_ZIPF <= zipf_frequency(lemma, "en") <= MAX_ZIPF:
            continue
        # the part of speech met most often in tagged texts first: « abandon » is mostly a verb
        for offset, part in ((o, p) for _, p, offsets in sorted(found, key=lambda r: -r[0]) for o in offsets):
            gloss, written = text_of[part].get(offset, ("", frozenset()))
            if lemma not in {re.sub(r"\(.*\)$", "", w) for w in written}:
                continue  # « Aachen », « AAA »: a name or an abbreviation, written with capitals
            sense = definition(gloss, lemma)
            if sense and sense not in out.get(lemma, []) and len(out.get(lemma, [])) < MAX_SENSES:
                out.setdefault(lemma, []).append(sense)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wordnet", nargs="?", type=Path, default=WORDNET)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    table = build(args.wordnet)
    lines = [HEADER.format(max_words=MAX_WORDS, low=MIN_ZIPF, high=MAX_ZIPF, count=len(table))]
    lines += [f"{word}={'|'.join(found)}" for word, found in sorted(table.items())]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} entries, {args.out.stat().st_size / 1e6:.2f} MB -> {args.out}")


if __name__ == "__main__":
    main()
