"""Classifications: "se divise en", "on distingue", lists after a colon, examples, members described."""

from __future__ import annotations

import re

from ...language.analysis import Analysis
from ..labels import short
from ..model import GraphBuilder
from .common import (
    LIST_SPLIT,
    clean,
    markers,
)
from .terms import conjugated

_COUNTED = (
    r"(?:(?:deux|trois|quatre|cinq|six|sept|plusieurs|nombreux|two|three|four|five|six|several|many|\d+)\s+"
    r"(?:grandes?\s+|main\s+|principales?\s+)?(?:\w+\s+(?:de|d['’]|des|of)\s*)?)?"
)

_NOT_ITEM = re.compile(
    r"^(?:qui|que|qu['’]|où|lequel|laquelle|lesquels|lesquelles|which|that|who|whose|where)\b|^etc\b\.?$",
    re.IGNORECASE,
)  # « etc. » ends a list, it is no member of it

_AMONG = re.compile(
    r"^(?:parmi lesquel(?:le)?s|dont|notamment|principalement|essentiellement|surtout|including|"
    r"among them|mainly|mostly)\s+",
    re.IGNORECASE,
)

_EXAMPLE = re.compile(
    r"^(?:comme|tels? que|telles? que|notamment|par exemple|such as|like|including|e\.g\.)\s+", re.IGNORECASE
)

_INTRO = re.compile(r"^(?:on distingue|il existe|il y a|there (?:are|is)|we distinguish)\s+" + _COUNTED, re.IGNORECASE)


_ASIDES = {"bien sûr", "évidemment", "of course", "naturellement", "ainsi", "donc", "enfin", "aussi", "également"}


def _items(rest: str, lang: str) -> list[tuple[str, bool]]:
    """The members of an enumeration, each with whether it is an example of the member before it."""
    found = []
    for part in LIST_SPLIT.split(rest):
        part = _AMONG.sub("", part.strip())
        if not part or _NOT_ITEM.match(part):
            continue
        example = bool(_EXAMPLE.match(part))
        part = re.sub(r"^.*\b(?:de|d['’]|of)\s+(?:nombreux|nombreuses|plusieurs|many|several)\s+\w+$", "", part)
        part = clean(re.sub(r"^(?:en|in|into)\s+", "", _EXAMPLE.sub("", part), flags=re.IGNORECASE))
        if part and len(part.split()) <= 6 and part.count("(") == part.count(")") and not (lang == "fr" and any(
                conjugated(word) for word in re.findall(r"[^\W\d_]+", part) if word.islower() and len(word) > 2)):
            found.append((part, example))  # a member, not a clause (« 41 premiers parlent des droits »); a
            # participle is an adjective here (« le climat tempéré »)
    return found


def hierarchy(analysis: Analysis, builder: GraphBuilder) -> None:
    table = markers(analysis.lang)
    verbs = sorted(table["hierarchy"]["markers"], key=len, reverse=True)
    linking = _ASIDES | set(table.get("connectors", {}).get("locutions", []))
    pattern = re.compile(
        r"(?P<whole>[^.:;]*?)\s*\b(?:"
        + "|".join(re.escape(v) for v in verbs)
        + r")\b\s*"
        + _COUNTED
        + r"(?P<rest>[^.]*)",
        re.IGNORECASE,
    )
    root = None
    for index, sentence in enumerate(analysis.sentences):
        text = sentence.text
        match = pattern.search(text)
        colon = re.match(r"(?P<whole>[^:]+):\s*(?P<rest>[^.]+)", text)
        found = colon or match
        if not found:
            _described_member(analysis, builder, index, sentence)
            continue
        whole = found.group("whole")
        inside = re.search(r"\b(?:" + "|".join(re.escape(v) for v in verbs) + r")\b", whole, re.IGNORECASE)
        whole = whole[: inside.start()] if inside and inside.start() > 0 else whole
        whole = clean(_INTRO.sub("", whole.strip()))
        whole = re.sub(r"^(?:en \w+|in \w+),\s*", "", whole, flags=re.IGNORECASE)
        if whole.lower() in linking:
            whole = ""  # « Bien sûr, il existe … »: a linking word names no category
        items = _items(found.group("rest"), analysis.lang)
        offset = sentence.start_char
        if whole and len(whole.split()) <= 8 and not re.match(r"^(?:on|we|il|there)\b", whole, re.IGNORECASE):
            parent = builder.add_node(
                short(whole), "root" if root is None else "category", index, offset, offset + found.start("rest")
            )
        elif root is not None:
            parent = root
        elif len(items) >= 2:
            parent = builder.add_node(builder.title or short(whole or text), "root", index, offset, offset)
        else:
            continue
        root = root or parent
        last = parent
        lowered, cursor = text.lower(), found.start("rest")
        for item, example in items:
            position = lowered.find(item.split()[0].lower(), cursor)  # the item's own words, after the one before
            position = position if position >= 0 else cursor
            cursor = position + 1
            child = builder.add_node(short(item), "item", index, offset + position, offset + position + len(item))
            builder.add_edge(last if example and last != parent else parent, child, kind="part_of")
            if not example:
                last = child


_MEMBER = re.compile(
    r"^(?P<x>.+?)\s+(?:est|sont|is|are|mostly take the form of|take the form of|prend la forme de|"
    r"prennent la forme de)\s+(?:(?:surtout|principalement|mainly|mostly|typically|often|souvent)\s+)?"
    r"(?P<y>[^,.;]+)",
    re.IGNORECASE,
)


def _described_member(analysis: Analysis, builder: GraphBuilder, index: int, sentence) -> None:
    """ "High clouds are mainly cirrus": a member already in the tree gets a child."""
    match = _MEMBER.match(sentence.text)
    if match is None:
        return
    subject = clean(match.group("x")).lower()
    parent = next((n.id for n in builder.nodes if n.label.lower() == subject), None)
    item = clean(re.sub(r"^(?:(?:surtout|principalement|mainly|mostly|typically|often)\s+)", "", match.group("y")))
    if parent is not None and item and len(item.split()) <= 5:
        child = builder.add_node(
            short(item), "item", index, sentence.start_char + match.start("y"), sentence.start_char + match.end("y")
        )
        builder.add_edge(parent, child, kind="part_of")
