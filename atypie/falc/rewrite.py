"""The offline rewrite: from an analysed text and a profile to plain blocks (headings, paragraphs of short
sentences, lists), a glossary and an explainable diff."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import combinations, pairwise

from ..language.data import words as word_list
from ..language.definitions import not_a_definition
from ..language.frequency import zipf
from ..profiles.model import Profile
from .coordination import final_enumeration
from .elision import starts_with_vowel
from .glossary import DEFINED_TERM_MARGIN, GlossaryEntry, build_glossary, merged, without_cue
from .replacement import Replacement
from .rules.inline_enumeration import OPEN_END, find_enumerations
from .rules.long_paragraph import is_heading
from .split import Piece, piece_of, split_sentence
from .transforms import apply, plan

ASIDE_LEAD = {"fr": "Précision : ", "en": "Note: "}  # a bracketed aside becomes a note of its own, not a sentence
EXAMPLES_LEAD = {"fr": "Par exemple : ", "en": "For example: "}  # a bracketed list of examples, said as such


def is_note(sentence: str, lang: str) -> bool:
    """Whether a line of the output is a note made of an aside (« Précision : … », « Par exemple : … »), which has
    no verb of its own and is not checked as a sentence."""
    return sentence.startswith((ASIDE_LEAD.get(lang, ASIDE_LEAD["fr"]), EXAMPLES_LEAD.get(lang, EXAMPLES_LEAD["fr"])))


_EUPHONIC_L = re.compile(r"^((?:(?:Mais|Donc|Puis|Pourtant|Ensuite|Alors|Parfois|Dans ce cas),? )?)[lL]['’]on\b")
"""The « l' » of « l'on » follows « que », « si », « où », « et »: at the start of a new sentence it goes."""
_CAPITALISE = re.compile(r"^[\s,;:.)\]»-]*(.)", re.DOTALL)
_ELISION = re.compile(r"(?<!-)\b(qu|parce qu|lorsqu|puisqu|[jlmntsdc])e\s+([aeiouyéèêàâîôûœh]\w*)", re.IGNORECASE)
_DETERMINERS_BEFORE = {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "ce", "cette", "ces", "son", "sa",
                       "ses"}


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "section" (a heading atypie added), "paragraph", "list"
    sentences: list[str] = field(default_factory=list)  # paragraph sentences, or [heading], or [intro]
    items: list[str] = field(default_factory=list)  # list items

    def to_dict(self) -> dict:
        return {"kind": self.kind, "sentences": self.sentences, "items": self.items}


@dataclass(frozen=True)
class DiffEntry:
    original: str
    plain: list[str]
    glossary: list[str]  # terms whose definition was moved out of the sentence into the glossary
    changes: list[str]  # kinds of change: split, idiom, foreign, list, …
    start: int = -1  # the source sentence's offsets, for a paragraph sentence (checked by the guard)
    end: int = -1
    fallback: str = ""  # the sentence with its word replacements, not split: the guard's last choice
    # versions of a split sentence with fewer cuts, most cuts first (see `regroupings`): the guard's second choice
    regroup: Callable[[], list[list[str]]] | None = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict:
        return {"original": self.original, "plain": self.plain, "glossary": self.glossary, "changes": self.changes}


@dataclass(frozen=True)
class Rewrite:
    blocks: list[Block]
    glossary: list[GlossaryEntry]
    diff: list[DiffEntry]
    explanatory_numbers: set[str]
    reviews: list[str]  # replacements a person should check
    replaced_words: frozenset[str] = frozenset()  # words of the expressions replaced on purpose

    @property
    def sentences(self) -> list[str]:
        out = []
        for block in self.blocks:
            if block.kind == "paragraph":
                out.extend(block.sentences)
            elif block.kind == "list":
                out.extend(block.sentences + block.items)
        return out


def offline_rewrite(analysis, profile: Profile, sections: bool = True,
                    on_entry: Callable[[DiffEntry], None] | None = None) -> Rewrite:
    """The rule-based rewrite of `analysis`; `sections=False` for a part of a longer text (`joined` cuts the
    whole into sections). `on_entry` sees each rewritten paragraph sentence as soon as it is written (the guard's
    grammar reading starts then)."""
    replacements, explanatory = plan(analysis, profile)
    lang = analysis.lang
    limit = profile.text.max_words_per_sentence
    split_always = profile.text.level == "falc"
    blocks: list[Block] = []
    diff: list[DiffEntry] = []
    moved: dict[str, str] = {}
    paragraph: list[str] = []

    def close_paragraph() -> None:
        if paragraph:
            blocks.append(Block("paragraph", list(paragraph)))
            paragraph.clear()

    paragraph_ends = [end for _, end in analysis.paragraphs]
    for sentence in analysis.sentences:
        if paragraph_ends and sentence.start_char >= paragraph_ends[0]:
            close_paragraph()
            while paragraph_ends and sentence.start_char >= paragraph_ends[0]:
                paragraph_ends.pop(0)
        original = sentence.text.strip()
        changes = sorted({r.kind for r in replacements if sentence.start_char <= r.start < sentence.end_char})
        line = analysis.text[sentence.start_char:sentence.end_char]
        if is_heading(line.splitlines()[0] if line else "") and "\n" in analysis.text[sentence.end_char:
                                                                                       sentence.end_char + 2]:
            close_paragraph()
            heading = _clean(apply(analysis.text, sentence.start_char, sentence.end_char, replacements), lang,
                             period=False).lstrip("# ")
            blocks.append(Block("heading", [heading]))
            diff.append(DiffEntry(original, [heading], [], changes))
            continue
        enumerated = (_as_list(analysis, sentence, replacements) or _enumeration_list(analysis, sentence, replacements)
                      or _steps_list(analysis, sentence, replacements)
                      if profile.text.level != "standard" else None)
        if enumerated is not None:
            close_paragraph()
            blocks.append(enumerated)
            diff.append(DiffEntry(original, enumerated.sentences + enumerated.items, [], changes + ["list"],
                                  *_checkable(analysis, sentence, replacements)))
            continue
        skip, extra, moved_here = _parentheticals(analysis, sentence, replacements, profile)
        moved.update(moved_here)
        should_split = len(analysis.words(sentence)) > limit or split_always
        pieces = split_sentence(sentence, lang if should_split else "none", skip=frozenset(skip),
                                max_words=limit if profile.text.level == "falc" else 0)
        plain = [_clean(_render(analysis.text, piece, replacements), lang) for piece in pieces]
        plain = [p for p in plain if re.search(r"\w", p)] + extra
        paragraph.extend(plain)
        regroup = _regroupings(analysis.text, sentence, pieces, skip, replacements, lang, extra) \
            if len(pieces) > 2 else None
        diff.append(DiffEntry(original, plain, sorted(moved_here), changes + (["split"] if len(pieces) > 1 else [])
                              + (["parenthesis"] if skip else []), *_checkable(analysis, sentence, replacements),
                              regroup))
        if on_entry is not None:
            on_entry(diff[-1])
    close_paragraph()
    if profile.text.chunking and sections:
        blocks = _chunk(blocks, profile, analysis)
    plainer = [(r.start, r.end) for r in replacements if r.kind == "substitution"]
    wanted = profile.text.glossary or profile.text.level == "falc"
    glossary = build_glossary(analysis, moved, replaced=plainer) if wanted else []
    reviews = [analysis.text[r.start:r.end] for r in replacements if r.review]
    on_purpose = [r for r in replacements if r.kind in ("idiom", "substitution", "foreign")]
    replaced = frozenset(word.lower() for r in on_purpose for word in re.findall(r"\w+", analysis.text[r.start:r.end]))
    if analysis.tagged:  # and their lemmas: « s'efforçait » → « essayait » drops the key term « efforcer »
        spans = analysis.doc.char_span
        replaced |= {t.lemma_.lower() for r in on_purpose if (span := spans(r.start, r.end, alignment_mode="expand"))
                     for t in span}
    return Rewrite(blocks, glossary, diff, explanatory, reviews, replaced)


def _checkable(analysis, sentence, replacements: list[Replacement]) -> tuple[int, int, str]:
    """What the guard needs of a source sentence: its offsets in the whole text (a part's text starts at
    `analysis.offset`), and the sentence with its word replacements but not split (its second choice)."""
    line = analysis.text[sentence.start_char:sentence.end_char]
    start = analysis.offset + sentence.start_char + len(line) - len(line.lstrip())
    unsplit = _clean(apply(analysis.text, sentence.start_char, sentence.end_char, replacements), analysis.lang)
    return start, start + len(line.strip()), unsplit


def joined(rewrites: list[Rewrite], analysis, profile: Profile) -> Rewrite:
    """One rewrite of `analysis` from the rewrites of its consecutive parts; sections are made for the whole."""
    blocks = [block for rewrite in rewrites for block in rewrite.blocks if block.kind != "section"]
    if profile.text.chunking:
        blocks = _chunk(blocks, profile, analysis)
    return Rewrite(blocks, merged([r.glossary for r in rewrites]), [d for r in rewrites for d in r.diff],
                   set().union(*(r.explanatory_numbers for r in rewrites)), [x for r in rewrites for x in r.reviews],
                   frozenset().union(*(r.replaced_words for r in rewrites)))


def _render(text: str, piece, replacements: list[Replacement]) -> str:
    out = []
    for segment in piece.segments:
        if segment[0] == "lit":
            out.append(segment[1])
        elif segment[0] == "np":
            out.append(segment[1] + apply(text, segment[2], segment[3], replacements))
        else:
            out.append(apply(text, segment[1], segment[2], replacements))
    return "".join(out)


MAX_REGROUPINGS = 8  # versions offered to the guard for one sentence: each is tagged and checked


def _regroupings(text: str, sentence, pieces: list[Piece], skip, replacements: list[Replacement], lang: str,
                 extra: list[str]) -> Callable[[], list[list[str]]]:
    """The versions of a sentence cut into `pieces` with one cut or more taken back, most cuts first, made only
    when the guard asks (when the full split reads worse than the source). Neighbouring pieces join again into
    the source's own words between them (its commas and connectors); pieces that do not follow each other in the
    source (a clause moved after its sentence) are never joined."""
    def versions() -> list[list[str]]:
        owner = {t.i: n for n, piece in enumerate(pieces) for t in piece.tokens}
        joined: dict[tuple[int, int], str | None] = {}

        def group(first: int, last: int) -> str | None:
            if (first, last) not in joined:
                piece = pieces[first] if first == last else _joined_piece(sentence, pieces, first, last, owner, skip)
                joined[first, last] = None if piece is None else _clean(_render(text, piece, replacements), lang)
            return joined[first, last]

        out: list[list[str]] = []
        for kept in range(len(pieces) - 2, 0, -1):
            for cuts in combinations(range(1, len(pieces)), kept):
                bounds = [0, *cuts, len(pieces)]
                sentences = [group(a, b - 1) for a, b in pairwise(bounds)]
                if all(sentences):
                    out.append([s for s in sentences if re.search(r"\w", s)] + extra)
                    if len(out) == MAX_REGROUPINGS:
                        return out
        return out
    return versions


def _joined_piece(sentence, pieces: list[Piece], first: int, last: int, owner: dict[int, int], skip) -> Piece | None:
    """Pieces `first`..`last` as one piece: the first one's linker, then every source word from their first word to
    their last; None when a word in between belongs to another piece, or when the first piece does not start
    with its own first word (a clause that begins with a repeated noun)."""
    tokens = [t for piece in pieces[first:last + 1] for t in piece.tokens]
    if not tokens or any(segment[0] == "np" for segment in pieces[first].segments):
        return None
    low, high = min(t.i for t in tokens), max(t.i for t in tokens)
    if pieces[first].tokens[0].i != low:
        return None
    run = [t for t in sentence if low <= t.i <= high and t.i not in skip]
    if any(not first <= owner.get(t.i, first) <= last for t in run):
        return None
    lead = pieces[first].segments[0]
    return piece_of(lead[1].strip() if lead[0] == "lit" else "", run)


def _clean(text: str, lang: str, *, period: bool = True) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?)])", lambda m: m.group(1) if m.group(1) in ",.)" else " " + m.group(1), text)
    text = re.sub(r"[\s,;:]+$", "", text)
    text = re.sub(r"^[\s,;:.)\]-]+", "", text)
    text = re.sub(r"^(Mais|Donc|Puis|Pourtant|Ensuite|But|So|Then),\s+", r"\1 ", text)
    text = re.sub(r",\s*,", ",", text)
    if lang == "fr":
        text = _ELISION.sub(lambda m: m.group(1) + "'" + m.group(2) if starts_with_vowel(m.group(2)) else m.group(0),
                            text)  # « de Hongrie », « le héros »: an aspirated h is not elided
        text = _EUPHONIC_L.sub(r"\1on", text)  # « Parfois, l'on fournit » → « Parfois, on fournit »
    text = _CAPITALISE.sub(lambda m: m.group(0)[:-1] + m.group(1).upper(), text, count=1)
    if period and text and text[-1] not in ".!?…:":
        text += "."
    return text


def _as_list(analysis, sentence, replacements) -> Block | None:
    found = find_enumerations(sentence.text, analysis.lang)
    if not found:
        return None
    start, end, intro, items = found[0]
    if not intro or any(len(item.split()) > 8 for item in items) or not _parallel(items):
        return None
    offset = sentence.start_char
    intro_text = _clean(apply(analysis.text, offset, offset + sentence.text.index(":"), replacements),
                        analysis.lang, period=False) + " :"
    rendered, cursor = [], offset + start
    for n, item in enumerate(items):
        if item == OPEN_END and n == len(items) - 1:
            rendered.append(OTHERS.get(analysis.lang, OTHERS["fr"]))  # « etc. » left the list open
            break
        position = analysis.text.index(item, cursor)
        rendered.append(_clean(apply(analysis.text, position, position + len(item), replacements),
                               analysis.lang))
        cursor = position + len(item)
    tail = sentence.text[end:].strip(" .;")
    if tail:
        return None
    return Block("list", [intro_text], rendered)


OTHERS = {"fr": "D'autres encore.", "en": "Others as well."}  # the last item of a list that « etc. » leaves open

_STEPS = re.compile(r"^(?P<intro>[^:]+?)\s*:\s*d['’]abord\s+(?P<first>[^,;:]+?),?\s+(?:puis|ensuite)\s+"
                    r"(?P<second>[^,;:]+?)(?:,?\s+(?:et\s+)?(?:enfin|pour finir)\s+(?P<third>[^,;:]+?))?\s*[.!]?$",
                    re.IGNORECASE)


def _steps_list(analysis, sentence, replacements) -> Block | None:
    """« … deux actions : d'abord afficher la base puis compter une base de plus. » → the introduction and one
    item per step, in their order (FALC: one action per line)."""
    if analysis.lang != "fr":
        return None
    text = sentence.text.rstrip()
    found = _STEPS.match(text)
    if found is None or any(len(found.group(g).split()) > 10 for g in ("first", "second", "third") if found.group(g)):
        return None
    offset = sentence.start_char
    intro = _clean(apply(analysis.text, offset + found.start("intro"), offset + found.end("intro"), replacements),
                   analysis.lang, period=False) + " :"
    items = [_clean(apply(analysis.text, offset + found.start(g), offset + found.end(g), replacements), analysis.lang)
             for g in ("first", "second", "third") if found.group(g)]
    return Block("list", [intro], items)


_CLAUSE_OPENERS = {"quand", "lorsque", "lorsqu'", "lorsqu’", "si", "s'", "parce", "puisque", "puisqu'", "puisqu’",
                   "comme", "car", "mais", "donc", "alors"}


def _parallel(items: list[str]) -> bool:
    """Whether the parts after a colon read as list items: none opens a clause (« quand A, B, et C » is one
    sentence), and only the last begins with « et » or « ou »."""
    firsts = [re.split(r"[\s']", item.lower(), maxsplit=1)[0] for item in items]
    return not any(word in _CLAUSE_OPENERS or word.startswith(("lorsqu", "puisqu")) for word in firsts) \
        and not any(word in ("et", "ou") for word in firsts[:-1])


def _enumeration_list(analysis, sentence, replacements) -> Block | None:
    """A sentence that ends on an enumeration of noun phrases, as an introduction and a list (`coordination`)."""
    found = final_enumeration(sentence, analysis.lang)
    if found is None:
        return None
    edges = [edge for span in (found.intro, *found.items) for edge in span]
    if any(r.start < edge < r.end for r in replacements for edge in edges):
        return None  # a word replaced across an item's edge
    intro = _clean(apply(analysis.text, *found.intro, replacements), analysis.lang, period=False) + " :"
    items = [_clean(apply(analysis.text, start, end, replacements), analysis.lang) for start, end in found.items]
    return Block("list", [intro], items + ([OTHERS.get(analysis.lang, OTHERS["fr"])] if found.open_end else []))


_RELATIVES = {"qui", "que", "qu'", "qu’", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles"}


def _finite(token) -> bool:
    return token.pos_ == "AUX" or "Fin" in token.morph.get("VerbForm")


def _parentheticals(analysis, sentence, replacements, profile):
    """Token ids of long parentheticals moved out, the sentences made of them, and glossary definitions."""
    skip: set[int] = set()
    extra: list[str] = []
    moved: dict[str, str] = {}
    if profile.text.level == "standard":
        return skip, extra, moved
    tokens = list(sentence)
    for k, close, inside in _asides(tokens, sentence):
        words = [t for t in inside if not t.is_punct]
        if len(words) < 3:
            continue
        if len(words) <= 6 and any(t.text == "," for t in inside) and not any(_finite(t) for t in inside):
            continue  # « (pied, pouce, coudée) »: a short list of examples reads best where it is
        if words[0].text.lower() in _RELATIVES:
            continue  # « (qui n'a rien à voir avec la monnaie) » describes the word before it: alone, no sentence
        content_start, content_end = inside[0].idx, inside[-1].idx + len(inside[-1].text)
        content = apply(analysis.text, content_start, content_end, replacements)
        has_facts = any(n.start >= content_start and n.end <= content_end for n in analysis.numbers) or any(
            t.text.lower() in ("ne", "n'", "pas", "sans", "aucun", "aucune", "jamais", "not", "no", "never")
            for t in inside)
        before = tokens[k - 1] if k > 0 else None
        skip.update(t.i for t in tokens[k:close + 1])
        if _examples(inside) or _such_as(tokens, k):  # « (biologie moléculaire, chimie organique, électronique,
            # etc.) », «, comme la relecture ou le par cœur, »: examples, no definition
            extra.append(_clean(EXAMPLES_LEAD.get(analysis.lang, EXAMPLES_LEAD["fr"]) + content, analysis.lang))
            continue
        # a definition names something: « (une protéine …) »; « (aussi bien en surface que …) », « (ou dans les
        # 48 h …) » add a precision, never a definition of the word before them
        names = (not analysis.tagged or words[0].pos_ in ("DET", "NOUN", "PROPN", "ADJ") or _those_who(words)) \
            and not not_a_definition([t.text for t in words], analysis.lang)
        term = _term_before(tokens, k)
        if before is not None and not has_facts and names and (before.pos_ in ("NOUN", "PROPN") or not analysis.tagged
                                                                or before.pos_ == "ADJ" and _those_who(words)) \
                and before.is_alpha and _worth_defining(term, analysis):
            moved[term] = content.strip()
        else:
            lead = ASIDE_LEAD.get(analysis.lang, ASIDE_LEAD["fr"])
            clause = words[0].pos_ in ("PRON", "DET", "NOUN", "PROPN") and not _those_who(words) and any(
                t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") and not t.dep_.startswith("acl")
                for t in inside)  # « (celles qui … ) » alone would be a sentence with no main verb
            named = content.strip()[len(words[0].text):].lstrip()
            if not clause and len(words) > 1 and words[0].text.lower() in _OTHER_NAME and (words[1].pos_ in (
                    "NOUN", "ADJ", "PROPN", "DET") or named[:1].isupper() or named[:1] in "«\"“") \
                    and content.strip().lower().startswith(words[0].text.lower() + " "):
                # « (ou capacité calorifique) », « (ou Ko Young-hee) », « (ou « de corps ») » is another name
                content = _OTHER_NAME[words[0].text.lower()] + content.strip()[len(words[0].text):]
            content = content if clause else _said_of_infinitive(tokens[:k], words, without_cue(content, analysis.lang))
            extra.append(_clean(content if clause else lead + content, analysis.lang))
            # « (c'est la fécondation) » is a sentence; « (c'est-à-dire la lecture répétée) » → « Précision : la … »
    return skip, extra, moved


def _said_of_infinitive(before: list, words: list, content: str) -> str:
    """An aside that reformulates an infinitive (« L'idée de mesurer quelque chose, c'est-à-dire de donner une
    valeur à une grandeur, … ») said as a sentence of its own: « mesurer, c'est donner une valeur à une
    grandeur »; without the infinitive, at least not opening on « de » (« donner une valeur … »)."""
    if len(words) < 2 or words[0].text.lower() not in ("de", "d'", "d’") or words[1].pos_ != "VERB" \
            or "Inf" not in words[1].morph.get("VerbForm") or not content.lower().startswith(words[0].text.lower()):
        return content
    rest = content[len(words[0].text):].lstrip()
    infinitive = next((t for t in reversed(before) if t.pos_ == "VERB" and "Inf" in t.morph.get("VerbForm")), None)
    return f"{infinitive.text.lower()}, c'est {rest}" if infinitive is not None else rest


_OTHER_NAME = {"ou": "on dit aussi", "or": "also called"}  # « (ou capacité calorifique) » → « Précision : on dit
# aussi capacité calorifique. »; « (ou dans les 48 h …) » is a precision of another kind, left as it is


def _worth_defining(term: str, analysis) -> bool:
    """Whether a bracket after `term` can be its definition: a term with a word rare enough to need one. After a
    common word (« l'intégrité physique de la personne (incitation à la violence) »), it is a precision, and stays
    in the text."""
    threshold = analysis.config["rare_zipf"] + DEFINED_TERM_MARGIN
    return any(zipf(word, analysis.lang) < threshold for word in re.findall(r"\w+", term.lower()) if len(word) > 3)


_THOSE = {"ceux", "celles", "celui", "celle", "those"}


def _those_who(words: list) -> bool:
    """« (ceux qui peuvent produire leur propre nourriture) »: a description of the noun before, not a sentence."""
    return len(words) > 2 and words[0].text.lower() in _THOSE and words[1].text.lower() in _RELATIVES | {"who", "that"}


def _examples(inside: list) -> bool:
    """A list of examples: « etc. » at its end, or two commas or more between short items, none opening on a
    preposition or quoted, and no conjugated verb; not an origin (« du grec Μορφεύς, Morphée, dieu du sommeil »)
    nor a symbol's forms (« symbole kW h, kW⋅h ou, selon l'usage, kWh »)."""
    words = [t.text.lower().rstrip(".") or "…" for n, t in enumerate(inside)
             if not t.is_punct or t.text in ("…", "...") and not (n and inside[n - 1].text == "[")]  # « [...] » cuts
    if bool(words) and words[-1] in ("etc", "…"):
        return True
    items: list[list] = [[]]
    for token in inside:
        if token.text == ",":
            items.append([])
        elif token.pos_ != "CCONJ":
            items[-1].append(token)
    return len(items) >= 3 and not any(_finite(t) for t in inside) and all(
        item and len(item) <= 6 and item[0].pos_ != "ADP" and not any(t.text in "«»\"“”" for t in item)
        for item in items)


_THAT_IS = re.compile(r",\s*(?:c['’]est-à-dire|autrement dit|that is|i\.e\.)\s*,?\s*([^,;:.()]+?)\s*(?=,|\.|;|$)",
                      re.IGNORECASE)


def _asides(tokens: list, sentence) -> list[tuple[int, int, list]]:
    """(first, last, inside) token positions of asides: "(…)" and ", c'est-à-dire …," definitions."""
    found = []
    for k, token in enumerate(tokens):
        if token.text == "(" and not any(a < k <= b for a, b, _ in found):  # not a bracket inside another
            close = _closing(tokens, k)
            if close is not None:
                found.append((k, close, tokens[k + 1:close]))
    position = {t.idx: n for n, t in enumerate(tokens)}
    for match in _THAT_IS.finditer(sentence.text):
        start, inner = sentence.start_char + match.start(), sentence.start_char + match.start(1)
        end = sentence.start_char + match.end(1)
        first = position.get(start)
        inside = [t for t in tokens if inner <= t.idx < end]
        if first is None or not inside:
            continue
        last = tokens.index(inside[-1])
        comma = next((n for n in range(first - 1, -1, -1) if tokens[n].text == ","), None)
        opened = comma is not None and not any(_finite(t) for t in tokens[comma + 1:first])  # « quelque chose, le
        # feu ou autre, c'est-à-dire …, lui était »: the comma after the aside closes the one before it, and stays
        after = last + 1 if last + 1 < len(tokens) and tokens[last + 1].text == "," and not opened else last
        if any(first <= a <= after or first <= b <= after for a, b, _ in found):
            continue
        found.append((first, after, inside))
    found += [aside for k in range(1, len(tokens) - 3) if _such_as(tokens, k)
              and (aside := _examples_aside(tokens, k)) is not None]
    return sorted(found)


def _closing(tokens: list, k: int) -> int | None:
    """The position of the bracket that closes the one at `k`, brackets inside it passed over (« (du grec πᾶς / pâs
    (« tout »)) »)."""
    depth = 0
    for j in range(k, len(tokens)):
        depth += (tokens[j].text == "(") - (tokens[j].text == ")")
        if depth == 0:
            return j
    return None


def _such_as(tokens: list, k: int) -> bool:
    """Whether « , comme » (« , such ») opens at k: examples may follow."""
    return tokens[k].text == "," and tokens[k + 1].text.lower() in ("comme", "such")


def _examples_aside(tokens: list, k: int) -> tuple[int, int, list] | None:
    """« cette forme de répétition, comme la relecture ou le par cœur, n'a aucun effet »: examples set between
    commas in the middle of a sentence, after a plural noun or as two examples or more; not « , comme sa mère, »
    (a comparison), nor a clause (« , comme il le dit, »)."""
    close = next((j for j in range(k + 2, len(tokens)) if tokens[j].is_punct and tokens[j].text not in ("'", "’")),
                 None)
    inside = tokens[k + 2:close] if close is not None else []
    if close is None or tokens[close].text != "," or close >= len(tokens) - 3 or not 1 <= len(inside) <= 10 \
            or tokens[close + 1].pos_ in ("DET", "NOUN", "PROPN", "NUM"):
        return None  # «, comme les noms d'entreprises, la description de faits pourraient … »: the list goes on
    if inside[0].pos_ not in ("DET", "NOUN", "PROPN", "NUM") or any(
            _finite(t) or t.pos_ in ("PRON", "SCONJ") for t in inside):
        return None
    noun = tokens[k - 1]
    several = any(t.text.lower() in ("et", "ou", "and", "or") for t in inside)
    if noun.pos_ not in ("NOUN", "PROPN", "ADJ") or not (several or "Plur" in noun.morph.get("Number")):
        return None
    return k, close, inside


def _term_before(tokens: list, k: int) -> str:
    """The noun (with its adjectives) right before a parenthesis: the term the parenthesis defines."""
    words = []
    for token in reversed(tokens[max(0, k - 4):k]):
        if token.pos_ in ("NOUN", "PROPN", "ADJ") and token.text.lower() not in _DETERMINERS_BEFORE:
            words.insert(0, token.text)
            if token.pos_ in ("NOUN", "PROPN") and len(words) > 1:
                break
        else:
            break
    return " ".join(words) if words else tokens[k - 1].text


def _chunk(blocks: list[Block], profile: Profile, analysis) -> list[Block]:
    """Short sections of at most `max_words_per_section` words, each with a heading and a reading time."""
    limit = profile.text.max_words_per_section
    words_per_minute = analysis.config["reading"]["words_per_minute"]
    if sum(len(s.split()) for b in blocks for s in b.sentences + b.items) <= limit:
        return blocks  # short enough to read in one part
    sections: list[list[Block]] = [[]]
    count = 0
    lead = ASIDE_LEAD.get(analysis.lang, ASIDE_LEAD["fr"])
    within = _paragraphs_within(blocks, limit)
    for n, block in enumerate(within):
        size = sum(len(s.split()) for s in block.sentences + block.items)
        aside = bool(block.sentences) and block.sentences[0].startswith(lead)  # « Précision : » about the line before
        last_line = n == len(within) - 1 and size <= limit // 4 and count + size <= limit + limit // 4
        if block.kind == "heading" or (count + size > limit and sections[-1] and not aside and not last_line):
            sections.append([])
            count = 0
        sections[-1].append(block)
        count += size
    nouns = analysis.nouns
    used = Counter(key for _, key in _noun_phrases(analysis.text, nouns)) if analysis.lang == "fr" else Counter()
    out: list[Block] = []
    number = 0
    for section in (s for s in sections if s):
        if section[0].kind == "heading":
            out.append(section.pop(0))
            if not section:
                continue
        number += 1
        words = sum(len(s.split()) for b in section for s in b.sentences + b.items)
        minutes = max(1, math.ceil(words / words_per_minute))
        topic = _topic(section, nouns, analysis.lang, used)
        if analysis.lang == "en":
            title = f"Part {number}: {topic} ({minutes} min of reading)"
        else:
            title = f"Partie {number} : {topic} ({minutes} min de lecture)"
        out.append(Block("section", [title]))
        out.extend(section)
    return out if number > 1 else blocks  # one part (its note kept with it): no « Partie 1 » on its own


def _paragraphs_within(blocks: list[Block], limit: int) -> list[Block]:
    """Paragraphs longer than `limit` words cut between sentences."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "paragraph" or sum(len(s.split()) for s in block.sentences) <= limit:
            out.append(block)
            continue
        group: list[str] = []
        for sentence in block.sentences:
            if group and sum(len(s.split()) for s in group) + len(sentence.split()) > limit:
                out.append(Block("paragraph", group))
                group = []
            group.append(sentence)
        out.append(Block("paragraph", group))
    return out


def _topic(section: list[Block], nouns: dict[str, str], lang: str, used: Counter) -> str:
    """The section's most frequent content noun, as the section writes it (« Données », not the lemma « Donnée »);
    in French, the noun phrase « X de Y » that holds it when the text uses that phrase twice or more (`used`:
    « Bases de données », not « Base »)."""
    written = " ".join(s for b in section for s in b.sentences + b.items)
    vague = word_list(lang, "vague_nouns.txt")
    forms = [form for form in re.findall(r"\w+", written.lower()) if form in nouns and nouns[form] not in vague]
    if not forms:
        return "suite" if lang == "fr" else "continued"
    lemma = Counter(nouns[form] for form in forms).most_common(1)[0][0]
    topic = Counter(form for form in forms if nouns[form] == lemma).most_common(1)[0][0]
    holding = [phrase for phrase, key in _noun_phrases(written, nouns) if lemma in (key[0], key[2]) and used[key] >= 2
               ] if lang == "fr" else []
    if holding:
        topic = Counter(phrase.lower() for phrase in holding).most_common(1)[0][0]
    return topic[:1].upper() + topic[1:]


def _noun_phrases(text: str, nouns: dict[str, str]) -> list[tuple[str, tuple[str, str, str]]]:
    """(« X de Y » as written, its key of lemmas) for each noun followed by « de » and a noun (« bases de données »)."""
    return [(m.group(0), (nouns[m.group(1).lower()], m.group(2).lower(), nouns[m.group(3).lower()]))
            for m in _NOUN_OF_NOUN.finditer(text) if m.group(1).lower() in nouns and m.group(3).lower() in nouns]


_NOUN_OF_NOUN = re.compile(r"\b(\w+) (de|du|des|d['’])\s?(\w+)\b")
