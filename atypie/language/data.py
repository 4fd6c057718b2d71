"""Language data kept as files next to the language (`lang/fr/`, `lang/en/`).

Formats: `key=suggestion|suggestion` lists (`entries`), one-word-a-line lists (`words`), and TOML tables
(`toml_table`: `settings.toml` for thresholds and formula constants, `diagram.toml`, `senses.toml`).
"""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from ..config import LANGUAGES


def _read(lang: str, filename: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    path = resources.files(__package__).joinpath("lang", lang, filename)
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _lines(lang: str, filename: str) -> list[str]:
    return [line.strip() for line in _read(lang, filename).splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


@cache
def entries(lang: str, filename: str) -> dict[str, tuple[str, ...]]:
    """`key=a|b` lines as {key: (a, b)}; keys are lowercase."""
    table: dict[str, tuple[str, ...]] = {}
    for line in _lines(lang, filename):
        key, sep, values = line.partition("=")
        if sep and key.strip() and values.strip():
            table[key.strip().lower()] = tuple(v.strip() for v in values.split("|") if v.strip())
    return table


@cache
def sections(lang: str, filename: str) -> dict[str, tuple[str, ...]]:
    """The keys of a `key=…` file under each of its `# --- name ---` headings: {name: keys}."""
    found: dict[str, list[str]] = {}
    current = ""
    for line in _read(lang, filename).splitlines():
        line = line.strip()
        if line.startswith("# ---") and line.endswith("---"):
            current = line.strip("#- ").strip()
        elif line and not line.startswith("#") and "=" in line:
            found.setdefault(current, []).append(line.partition("=")[0].strip().lower())
    return {name: tuple(keys) for name, keys in found.items()}


@cache
def plain_definitions(lang: str) -> dict[str, tuple[str, ...]]:
    """atypie's own plain definitions: the course terms of `glossary.txt`, then the general academic words of
    `glossary_academic.txt` (a term of both keeps its `glossary.txt` definition)."""
    return {**entries(lang, "glossary_academic.txt"), **entries(lang, "glossary.txt")}


@cache
def words(lang: str, filename: str) -> frozenset[str]:
    return frozenset(line.lower() for line in _lines(lang, filename))


@cache
def toml_table(lang: str, filename: str) -> dict:
    """A TOML file of the language (`settings.toml`, `diagram.toml`, `senses.toml`), read once; {} when absent."""
    return tomllib.loads(_read(lang, filename))


def settings(lang: str) -> dict:
    return toml_table(lang, "settings.toml")


@cache
def _entry_pattern(lang: str, filename: str, before: str, after: str):
    import re

    table = entries(lang, filename)
    if not table:
        return None
    return re.compile(rf"(?<!{before})(?:{_trie_pattern(table)})(?!{after})", re.IGNORECASE)


def _trie_pattern(keys) -> str:
    """One regular expression for all `keys`, as a tree of their shared beginnings: it matches what the
    alternation of the keys, longest first, matches (the longest key that fits), without trying every key at
    every position of the text. Keys are lowercase and the pattern is used with IGNORECASE."""
    import re

    trie: dict = {}
    for key in keys:
        node = trie
        for char in key.lower():
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{group})?" if "" in node else group  # a key ends here: longer keys are tried first

    return pattern(trie)


def find_entries(text: str, lang: str, filename: str, *, before: str = r"[\w.]",
                 after: str = r"\w") -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, values) for each key of an `entries` file found in `text` (longest keys first)."""
    pattern = _entry_pattern(lang, filename, before, after)
    if pattern is None:
        return []
    table = entries(lang, filename)
    found = []
    for match in pattern.finditer(text):
        key = match.group().lower().replace("’", "'")
        if key in table:
            found.append((match.start(), match.end(), table[key]))
    return found
