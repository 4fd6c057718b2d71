"""pandoc 2.17's ODT reader loses formulas, picture alt texts, table header rows, code and quotation styles. This pass
over `content.xml` writes markers (private-use characters) where those are before pandoc reads the file; pandoc
carries them into its AST, and `unmark` turns them back into Math, CodeBlock, BlockQuote, captions and header rows."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from .. import limits
from .zipped import Zipped, entry_path, parse_xml

CAPTION_STYLE = re.compile(r"caption(?!ed)|l[ée]gende", re.IGNORECASE)  # not pandoc's « Captioned Figure »
MARK, END = "\ue000atypie-", "\ue001"
MARKER = re.compile("\ue000atypie-([a-z]+)([0-9]*)\ue001")
ODT_STYLES = {"Preformatted_20_Text": "c", "Quotations": "q", "Title": "title", "Caption": "cap",
              "FigureCaption": "cap", "TableCaption": "cap", "Illustration": "cap", "Figure": "cap", "Table": "cap",
              "Definition_20_Term": "dt", "Definition_20_Definition": "dd"}
NS = {"style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
      "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
      "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
      "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", "xlink": "http://www.w3.org/1999/xlink",
      "dc": "http://purl.org/dc/elements/1.1/", "m": "http://www.w3.org/1998/Math/MathML"}
TEX = ("tex", "latex", "application/x-tex", "application/x-latex")

@dataclass
class _OdtFound:
    formulas: list[tuple[str, str]] = field(default_factory=list)  # (LaTeX or MathML, notation)
    code: list[str] = field(default_factory=list)  # code lines, verbatim
    alts: dict[str, str] = field(default_factory=dict)  # picture path → alt text (svg:title, else svg:desc)
    title: str = ""


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def mark_odt(zipped: Zipped, name: str) -> tuple[bytes, _OdtFound]:
    root = parse_xml(zipped.read("content.xml") or b"", name)
    parents: dict[str, str] = {}
    for tree in (parse_xml(zipped.read("styles.xml") or b"<x/>", name), root):
        for style in tree.iter(_q("style:style")):
            parents[style.get(_q("style:name"), "")] = style.get(_q("style:parent-style-name"), "")
    found = _OdtFound()
    parent_of = {child: parent for parent in root.iter() for child in parent}
    for frame in list(root.iter(_q("draw:frame"))):
        image, formula = frame.find(_q("draw:image")), frame.find(_q("draw:object"))
        alt = (frame.findtext(_q("svg:title")) or "").strip() or (frame.findtext(_q("svg:desc")) or "").strip()
        if image is not None and alt:
            found.alts.setdefault(entry_path(image.get(_q("xlink:href"), "")), alt)
        if formula is not None and frame in parent_of and _formula(zipped, formula.get(_q("xlink:href"), ""), found):
            _swap(parent_of[frame], frame, f"{MARK}f{len(found.formulas) - 1}{END}")
    for rows in list(root.iter(_q("table:table-header-rows"))):
        table = parent_of[rows]
        at = list(table).index(rows)
        table.remove(rows)
        for offset, row in enumerate(list(rows)):
            _mark_header(row)
            table.insert(at + offset, row)
    for paragraph in root.iter(_q("text:p")):
        kind = _style_kind(paragraph.get(_q("text:style-name"), ""), parents)
        if kind == "c":
            found.code.append(_odt_text(paragraph))
            attributes, tail = dict(paragraph.attrib), paragraph.tail
            paragraph.clear()
            paragraph.attrib.update(attributes)
            paragraph.text, paragraph.tail = f"{MARK}c{len(found.code) - 1}{END}", tail
        elif kind:
            paragraph.text = f"{MARK}{kind}{END}" + (paragraph.text or "")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True), found


def _style_kind(style: str, parents: dict[str, str]) -> str:
    """What a paragraph style (or the style it inherits from) marks: c, q, title, cap or nothing."""
    for _ in range(12):
        if not style or style in ODT_STYLES:
            return ODT_STYLES.get(style, "")
        if CAPTION_STYLE.search(style):
            return "cap"
        style = parents.get(style, "")
    return ""


def _swap(parent: ET.Element, frame: ET.Element, marker: str) -> None:
    span = ET.Element(_q("text:span"))
    span.text, span.tail = marker, frame.tail
    at = list(parent).index(frame)
    parent.remove(frame)
    parent.insert(at, span)


def _mark_header(row: ET.Element) -> None:
    cell = next(iter(row), None)
    if cell is None:
        return
    paragraph = cell.find(".//" + _q("text:p"))
    if paragraph is None:
        paragraph = ET.SubElement(cell, _q("text:p"))
    paragraph.text = f"{MARK}th{END}" + (paragraph.text or "")


def _formula(zipped: Zipped, href: str, found: _OdtFound) -> bool:
    """The formula object's MathML (or its TeX annotation), kept in `found`; False when it is no formula."""
    path = entry_path(href).rstrip("/") + "/content.xml"
    size = zipped.size(path)
    if size is None or size > limits.MAX_IMAGE_BYTES:
        return False
    root = parse_xml(zipped.read(path) or b"", zipped.name)
    math = root if root.tag == _q("m:math") else root.find(".//m:math", NS)
    if math is None:
        return False
    for note in math.iter(_q("m:annotation")):
        if note.get("encoding", "").lower() in TEX and (note.text or "").strip():
            found.formulas.append((note.text.strip(), "latex"))
            return True
    for semantics in math.findall(_q("m:semantics")):
        for note in [n for n in semantics if n.tag in (_q("m:annotation"), _q("m:annotation-xml"))]:
            semantics.remove(note)
    for element in math.iter():  # plain MathML names, as HTML writes them
        element.tag = element.tag.rpartition("}")[2]
        for key in [key for key in element.attrib if key.startswith("{")]:
            del element.attrib[key]
    found.formulas.append((ET.tostring(math, encoding="unicode"), "mathml"))
    return True


def _odt_text(element: ET.Element) -> str:
    """The exact characters of an ODT paragraph: `text:s` spaces, tabs and line breaks included."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _q("text:s"):
            parts.append(" " * int(child.get(_q("text:c"), "1") or 1))
        elif child.tag == _q("text:tab"):
            parts.append("\t")
        elif child.tag == _q("text:line-break"):
            parts.append("\n")
        elif child.tag not in (_q("text:note"), _q("draw:frame")):
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def unmark(nodes: list, found: _OdtFound) -> None:
    """Markers back into pandoc nodes, inner lists first: formulas, code, quotations, captions, header rows."""
    for node in nodes:
        if isinstance(node, dict) and isinstance(node.get("c"), list):
            unmark(node["c"], found)
        elif isinstance(node, list):
            unmark(node, found)
    if nodes and all(isinstance(node, dict) and "t" in node for node in nodes):
        nodes[:] = _odt_blocks(_odt_inlines(nodes, found), found)


def _odt_inlines(nodes: list, found: _OdtFound) -> list:
    out = []
    for node in nodes:
        text = node.get("c") if node.get("t") == "Str" else None
        if not text or f"{MARK}f" not in text:
            out.append(node)
            continue
        at = 0
        for match in MARKER.finditer(text):
            number = int(match.group(2) or -1)
            if match.group(1) != "f" or not 0 <= number < len(found.formulas):
                continue
            out += [{"t": "Str", "c": text[at:match.start()]}] if match.start() > at else []
            formula, notation = found.formulas[number]
            out.append({"t": "Math", "c": [{"t": "InlineMath"}, formula], "notation": notation})
            at = match.end()
        out += [{"t": "Str", "c": text[at:]}] if at < len(text) else []
    return out


def _odt_blocks(nodes: list, found: _OdtFound) -> list:
    out: list = []
    for node in nodes:
        if node.get("t") == "Table":
            _odt_header_rows(node["c"])
        if node.get("t") not in ("Para", "Plain"):
            out.append(node)
            continue
        inlines = node["c"]
        shown = [n for n in inlines if n.get("t") not in ("Space", "SoftBreak") and n.get("c") != ""]
        if len(shown) == 1 and shown[0].get("t") == "Math":
            shown[0]["c"][0] = {"t": "DisplayMath"}
        kind, number = _strip_marker(inlines, ("title", "c", "q", "cap", "dt", "dd"))
        last = out[-1] if out else None
        if kind == "title" and not found.title:  # the first one is the title; a later one stays in the text
            found.title = _plain(inlines)
        elif kind == "title":
            out.append(node)
        elif kind == "c" and 0 <= number < len(found.code):
            if last and last.get("t") == "CodeBlock" and last.get("odt"):
                last["c"][1] += "\n" + found.code[number]
            else:
                out.append({"t": "CodeBlock", "c": [["", [], []], found.code[number]], "odt": True})
        elif kind == "q":
            if last and last.get("t") == "BlockQuote" and last.get("odt"):
                last["c"].append(node)
            else:
                out.append({"t": "BlockQuote", "c": [node], "odt": True})
        elif kind == "dt":
            if last and last.get("t") == "DefinitionList" and last.get("odt"):
                last["c"].append([inlines, []])
            else:
                out.append({"t": "DefinitionList", "c": [[inlines, []]], "odt": True})
        elif kind == "dd" and last and last.get("t") == "DefinitionList" and last.get("odt"):
            last["c"][-1][1].append([node])
        elif kind == "cap":
            out.append({"t": "Div", "c": [["", [], [["custom-style", "Caption"]]], [node]]})
        else:
            out.append(node)
    return out


def _strip_marker(inlines: list, kinds: tuple[str, ...]) -> tuple[str, int]:
    """The paragraph marker of one of `kinds` at the start of these inlines, removed: ("c", 3)… or ("", -1)."""
    first = inlines[0] if inlines else {}
    match = MARKER.match(first.get("c") or "") if first.get("t") == "Str" else None
    if match is None or match.group(1) not in kinds:
        return "", -1
    rest = first["c"][match.end():]
    if rest:
        first["c"] = rest
    else:
        inlines.pop(0)
    return match.group(1), int(match.group(2) or -1)


def _odt_header_rows(c: list) -> None:
    """Rows marked as header rows move from the table's body to its head (pandoc 2.17 leaves the head empty)."""
    moved = []
    for body in c[4]:
        for part in (2, 3):
            kept = []
            for row in body[part]:
                blocks = row[1][0][4] if row[1] else []
                inlines = blocks[0]["c"] if blocks and blocks[0].get("t") in ("Para", "Plain") else []
                (moved if _strip_marker(inlines, ("th",))[0] else kept).append(row)
            body[part] = kept
    if moved:
        c[3][1] = moved


def _plain(inlines: list) -> str:
    return " ".join("".join(n.get("c", "") if n.get("t") == "Str" else " " for n in inlines).split())
