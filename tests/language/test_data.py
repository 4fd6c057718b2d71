"""Entries of a language file found in a text: the tree-shaped pattern finds what the alternation of the keys,
longest first, finds."""
import random
import re

from atypie.language.data import _trie_pattern, entries, find_entries


def test_the_longest_entry_is_found():
    found = find_entries("Il faut, a priori, tenir compte de la mise à jour.", "fr", "foreign.txt")
    assert [value for *_, value in found] == [entries("fr", "foreign.txt")["a priori"]]


def test_the_tree_pattern_matches_like_the_alternation():
    keys = ["a", "ab", "abc", "b c", "bc", "c'd", "cd-e", "é", "éa"]
    alternation = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
                             + r")(?!\w)", re.IGNORECASE)
    tree = re.compile(r"(?<!\w)(?:" + _trie_pattern(keys) + r")(?!\w)", re.IGNORECASE)
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(["a", "b", "c", "d", "e", "é", " ", "'", "-", "A", "É"]) for _ in range(20))
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in alternation.finditer(text)]
