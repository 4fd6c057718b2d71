"""Real French course documents (bench/data/documents_fr) through the whole document pipeline: read, adapt for the
« falc » profile, write HTML, Markdown, DOCX and ODT, then read each written file back.

Measures, per document and per half (tuning / test):
- structure kept: headings, list items, tables, figures, formulas and code blocks counted in the source model
  (`read_document`) and in each written file read back by the readers; kept = output / source. What the writers
  add is left out of the output's count (the glossary, each table's linear reading); headings are matched by their
  words (they are never rewritten), so a title the writers add does not hide a lost heading.
- leaked markup: `**`, `__`, `#` at the start, HTML tags, `](` and backticks in the texts (headings, paragraphs,
  list items, glossary included) of the HTML output read back; what the source's own texts (table cells included)
  already hold is not counted.
- images without a non-empty `alt` in the HTML output, and the `lang` attribute of its `<html>`.
- time: the whole pipeline per document (figure descriptions included), PDF pages per minute (pages = page
  `Break` blocks), and the ratio of the pipeline without figure descriptions to `simplify` on the document's plain
  text, in the same run, both written as `atypie adapt` does by default (HTML);
- PDF output: tagged (a structure tree) and with its language (/Lang in the catalogue); its structure is counted
  from what atypie's own PDF reader finds in the text layer (a lower bound: tables are not rebuilt from a PDF).

Targets: headings ≥ 100 % and tables ≥ 100 % in every output format, list items ≥ 80 %; leaked markup 0; images
without alt 0; `<html lang>` on every HTML output; pipeline ≤ 1.5 × simplify (describe_figures=False).

- speed (split « speed »: an 18-page text PDF with 22 pictures): pages per minute with every figure described, and
  the ratio without figure descriptions to `simplify` on the same text extracted plainly (best of 3 at least).

Run: .venv/bin/python bench/documents.py [--show] [--split tuning|test|all|speed] [--rounds N]
Tune on the tuning half only; the test half is for reporting once tuning is frozen. Files whose repository states
no licence are not committed (see bench/data/documents_fr/README.md): on a fresh clone they are listed as absent and
the rest still runs. A reader or writer that does not exist yet is reported as such, not as a failure.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from _timing import interleaved

from atypie.errors import AtypieError

DATA = Path(__file__).resolve().parent / "data" / "documents_fr"
OUTPUTS = ("html", "md", "docx", "odt", "pdf")
WRITERS = {"html": "html", "md": "markdown", "docx": "office", "odt": "office", "pdf": "pdf"}
ELEMENTS = ("headings", "list items", "tables", "figures", "formulas", "code")
SHORT = dict(zip(ELEMENTS, ("H", "L", "T", "F", "M", "C"), strict=True))
MARKUP = {"**": re.compile(r"\*\*"), "__": re.compile(r"__"), "# at start": re.compile(r"^\s*#{1,6}(\s|$)"),
          "<tag>": re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>"), "](": re.compile(r"\]\("),
          "`": re.compile(r"`")}


def counts(blocks) -> Counter:
    from atypie.documents.model import Code, Figure, Formula, Heading, ListBlock, Table, walk

    found = Counter({name: 0 for name in ELEMENTS})
    for block in walk(blocks):
        if isinstance(block, Heading):
            found["headings"] += 1
        elif isinstance(block, ListBlock):
            found["list items"] += len(block.items)
        elif isinstance(block, Table):
            found["tables"] += 1
        elif isinstance(block, Figure):
            found["figures"] += 1
        elif isinstance(block, Formula):
            found["formulas"] += 1
        elif isinstance(block, Code):
            found["code"] += 1
    return found


def body(document, glossary: bool = False) -> tuple:
    """The blocks of a written file read back, less what the writers add: the glossary (from its heading on, unless
    `glossary`) and the linear reading written after each table (a paragraph « Lecture linéaire du tableau » and its
    list, which repeats the table's own words)."""
    from atypie.documents.model import Heading, ListBlock, Paragraph

    try:
        from atypie.documents.writers.common import LABELS
    except ImportError:  # the writers' labels, while the HTML writer is not there
        LABELS = {"fr": {"glossary": "Glossaire", "linear": "Lecture linéaire du tableau"},
                  "en": {"glossary": "Glossary", "linear": "Table read row by row"}}
    blocks = list(document.blocks)
    start = [n for n, b in enumerate(blocks) if isinstance(b, Heading)
             and b.text.text.strip() in {words["glossary"] for words in LABELS.values()}]
    kept, linear = [], tuple(words["linear"] for words in LABELS.values())
    for block in blocks[:start[-1]] if start and not glossary else blocks:
        if isinstance(block, ListBlock) and kept and isinstance(kept[-1], Paragraph) \
                and kept[-1].text.text.startswith(linear):
            kept.pop()
        else:
            kept.append(block)
    return tuple(kept)


def headings_found(source, blocks) -> int:
    """How many of the source's headings are in `blocks`, matched by their words (headings are never rewritten);
    the title and other headings the writers add are not counted."""
    from atypie.documents.model import Heading, walk

    def words(blocks):
        return Counter(" ".join(b.text.text.split()) for b in walk(blocks) if isinstance(b, Heading))

    return sum((words(source.blocks) & words(blocks)).values())


def pages(document) -> int:
    from atypie.documents.model import Break, walk

    return sum(1 for block in walk(document.blocks) if isinstance(block, Break) and block.kind == "page")


def markup(blocks, cells: bool = False) -> Counter:
    """Occurrences of each markup pattern in the texts of headings, paragraphs and list items (and, with `cells`,
    table cells and captions: the source's own words, which are not leaks when the output repeats them)."""
    from atypie.documents.model import Figure, Heading, ListBlock, Paragraph, Table, walk

    texts = []
    for block in walk(blocks):
        if isinstance(block, (Heading, Paragraph)):
            texts.append(block.text.text)
        elif isinstance(block, ListBlock):
            texts.extend(item.text.text for item in block.items)
        elif cells and isinstance(block, Table):
            texts.extend([block.caption] + [cell.text for row in block.rows for cell in row])
        elif cells and isinstance(block, Figure):
            texts.extend([block.caption, block.alt])
    found = Counter()
    for text in texts:
        for line in text.splitlines() or [""]:
            for name, pattern in MARKUP.items():
                found[name] += len(pattern.findall(line))
    return found


class _Images(HTMLParser):
    """The `<img>` tags without a non-empty alt, and the `lang` of `<html>`."""

    def __init__(self):
        super().__init__()
        self.images, self.without_alt, self.lang = 0, 0, None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "img":
            self.images += 1
            self.without_alt += not (values.get("alt") or "").strip()
        elif tag == "html" and self.lang is None:
            self.lang = (values.get("lang") or "").strip()


def missing_module(error: ImportError) -> str:
    return error.name or str(error)


def run_document(entry: dict, profile, rounds: int) -> dict:
    from atypie.documents.model import plain_text
    from atypie.documents.pipeline import adapt
    from atypie.documents.read import read_document
    from atypie.falc.simplify import simplify

    name, data = entry["file"], (DATA / entry["file"]).read_bytes()
    row = {"entry": entry, "status": "ok", "outputs": {}}
    try:
        source = read_document(data, name)
    except ImportError as error:
        return {**row, "status": f"reader not available yet ({missing_module(error)})"}
    except AtypieError as error:
        return {**row, "status": f"refused {error.code}"}
    row["source"], row["pages"] = counts(source.blocks), pages(source)
    to = tuple(f for f in OUTPUTS if importlib.util.find_spec(f"atypie.documents.writers.{WRITERS[f]}"))
    row["no_writer"] = [f for f in OUTPUTS if f not in to]
    if not to:
        return {**row, "status": "no writer available yet"}
    try:
        start = time.perf_counter()
        result = adapt(data, profile, name=name, to=to)
        row["seconds"] = time.perf_counter() - start
        text = plain_text(source)
        try:
            simplify(text, profile)
        except AtypieError:  # no prose to simplify (EmptyText): the pipeline alone is timed
            text = None
        # timed as `atypie adapt` runs by default (HTML out); each DOCX or ODT written costs one pandoc run more
        works = [lambda: adapt(data, profile, name=name, to=("html",), describe_figures=False)]
        works += [lambda: simplify(text, profile)] if text else []
        timed = interleaved(rounds, *works)
        row["pipeline_s"], row["simplify_s"] = timed[0], (timed[1] if text else None)
        row["ratio"] = timed[0] / timed[1] if text and timed[1] > 0 else None
    except ImportError as error:
        return {**row, "status": f"pipeline not available yet ({missing_module(error)})"}
    except AtypieError as error:
        return {**row, "status": f"error {error.code}"}
    source_markup = markup(source.blocks, cells=True)
    for fmt, written in result.files.items():
        out = row["outputs"][fmt] = {}
        try:
            back = read_document(written, f"x.{fmt}")
        except ImportError as error:
            out["status"] = f"reader not available yet ({missing_module(error)})"
            continue
        except AtypieError as error:
            out["status"] = f"not read back: {error.code}"
            continue
        kept = body(back)
        out["counts"] = Counter({**counts(kept), "headings": headings_found(source, kept)})
        if fmt == "html":
            leaked = markup(body(back, glossary=True))
            out["leaks"] = sum(max(0, leaked[k] - source_markup[k]) for k in MARKUP)
            out["leak_kinds"] = sorted(k for k in MARKUP if leaked[k] > source_markup[k])
            images = _Images()
            images.feed(written.decode("utf-8", "replace"))
            out["images"], out["without_alt"], out["lang"] = images.images, images.without_alt, images.lang
        if fmt == "pdf":
            out["tagged"], out["lang"] = pdf_tags(written)
    return row


def pdf_tags(pdf: bytes) -> tuple[bool, bool]:
    """(the PDF has a structure tree, its catalogue states a language)."""
    import pypdfium2
    import pypdfium2.raw as pdfium

    document = pypdfium2.PdfDocument(pdf)  # kept alive while pdfium reads it
    tagged = bool(pdfium.FPDFCatalog_IsTagged(document.raw))
    document.close()
    streams = b"".join(_inflated(m.group(1)) for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S))
    return tagged, re.search(rb"/Lang\s*\((fr|en)", pdf + streams) is not None


def _inflated(data: bytes) -> bytes:
    import zlib

    try:
        return zlib.decompress(data)
    except zlib.error:
        return b""


def ratio(out: int, src: int) -> str:
    return "—" if src == 0 else f"{100 * out / src:.0f}%"


def show(row: dict) -> None:
    entry = row["entry"]
    head = f"{entry['id']} ({entry['kind']}, {entry['split']})"
    if "seconds" not in row:
        print(f"{head}: {row['status']}")
        if "source" in row:
            print("  source  " + "  ".join(f"{SHORT[e]} {row['source'][e]}" for e in ELEMENTS))
        return
    times = f"{row['seconds']:.1f} s; without figures {row['pipeline_s']:.1f} s"
    times += (f", simplify {row['simplify_s']:.1f} s, ratio {row['ratio']:.2f}×" if row["ratio"]
              else ", no prose for simplify")
    if entry["kind"] == "pdf" and row["pages"]:
        times += f"; {row['pages']} pages, {60 * row['pages'] / row['seconds']:.1f} pages/min"
    print(f"{head}: {row['status']}, {times}")
    print("  source  " + "  ".join(f"{SHORT[e]} {row['source'][e]:>3}" for e in ELEMENTS))
    for fmt in OUTPUTS:
        out = row["outputs"].get(fmt)
        if out is None:
            print(f"  {fmt:<6}  writer not available yet")
        elif "counts" not in out:
            print(f"  {fmt:<6}  {out['status']}")
        else:
            line = "  ".join(f"{SHORT[e]} {out['counts'][e]:>3}/{row['source'][e]:<3}" for e in ELEMENTS)
            if fmt == "html":
                line += (f"  leaks {out['leaks']}{' ' + ','.join(out['leak_kinds']) if out['leak_kinds'] else ''}"
                         f"  img without alt {out['without_alt']}/{out['images']}  lang {out['lang'] or 'MISSING'}")
            print(f"  {fmt:<6}  {line}")


def summary(half: str, rows: list[dict], absent: list[str]) -> None:
    ran = [r for r in rows if "seconds" in r]
    print(f"\n== {half}: {len(rows) + len(absent)} documents, {len(ran)} run through the pipeline, "
          f"{len(rows) - len(ran)} not, {len(absent)} absent")
    for r in rows:
        if "seconds" not in r:
            print(f"   not run: {r['entry']['id']}: {r['status']}")
    print(f"   {'output':<7}{'docs':>5}" + "".join(f"{e:>14}" for e in ELEMENTS) + f"{'leaks':>7}{'no alt':>8}"
          f"{'no lang':>9}")
    for fmt in OUTPUTS:
        read = [r for r in ran if "counts" in r["outputs"].get(fmt, {})]
        if not read:
            why = {r["outputs"].get(fmt, {}).get("status", "writer not available yet") for r in ran}
            print(f"   {fmt:<7}{0:>5}   {'; '.join(sorted(why)) or 'no document run'}")
            continue
        cells = []
        for e in ELEMENTS:
            out = sum(r["outputs"][fmt]["counts"][e] for r in read)
            src = sum(r["source"][e] for r in read)
            cells.append(f"{ratio(out, src)} {out}/{src}")
        line = f"   {fmt:<7}{len(read):>5}" + "".join(f"{c:>14}" for c in cells)
        if fmt == "html":
            line += (f"{sum(r['outputs'][fmt]['leaks'] for r in read):>7}"
                     f"{sum(r['outputs'][fmt]['without_alt'] for r in read):>8}"
                     f"{sum(not r['outputs'][fmt]['lang'] for r in read):>9}")
        if fmt == "pdf":
            line += (f"{'':>15}{sum(not r['outputs'][fmt]['lang'] for r in read):>9}   untagged "
                     f"{sum(not r['outputs'][fmt]['tagged'] for r in read)}")
        print(line)
    for r in ran:
        for fmt, out in r["outputs"].items():
            if "counts" not in out:
                print(f"   {fmt} of {r['entry']['id']}: {out['status']}")
    if ran:
        ratios = [(r["ratio"], r["entry"]["id"]) for r in ran if r["ratio"]]
        total = sum(r["seconds"] for r in ran)
        print(f"   time: {total:.1f} s in all, {total / len(ran):.1f} s a document (figure descriptions included)")
        if ratios:
            worst, median = max(ratios), statistics.median(x for x, _ in ratios)
            print(f"   pipeline / simplify (no figure descriptions): median {median:.2f}×, worst {worst[0]:.2f}× "
                  f"({worst[1]}), {sum(x <= 1.5 for x, _ in ratios)}/{len(ratios)} documents ≤ 1.5×")
        pdfs = [r for r in ran if r["entry"]["kind"] == "pdf" and r["pages"]]
        if pdfs:
            n, s = sum(r["pages"] for r in pdfs), sum(r["seconds"] for r in pdfs)
            print(f"   PDF: {n} pages in {s:.1f} s, {60 * n / s:.1f} pages/min")


def speed(entries: list[dict], profile, rounds: int) -> None:
    """The issue's speed case: a long text PDF with figures (split « speed »), adapted as `atypie adapt` does by
    default (HTML out): pages per minute with every figure described, and the ratio to `simplify` on the same
    text extracted plainly, without the figure descriptions, best of `rounds`, in the same run."""
    from atypie.documents.model import plain_text
    from atypie.documents.pipeline import adapt
    from atypie.documents.read import read_document
    from atypie.falc.simplify import simplify

    for entry in entries:
        name, data = entry["file"], (DATA / entry["file"]).read_bytes()
        document = read_document(data, name)
        text, n = plain_text(document), pages(document)
        start = time.perf_counter()
        result = adapt(data, profile, name=name, to=("html",))
        whole = time.perf_counter() - start
        timed = interleaved(rounds, lambda: adapt(data, profile, name=name, to=("html",), describe_figures=False),
                            lambda: simplify(text, profile))
        print(f"\n== speed: {entry['id']} ({n} pages, {result.figures} figures, {len(text.split())} words)")
        print(f"   whole pipeline, figures described ({len(result.descriptions)}): {whole:.1f} s, "
              f"{60 * n / whole:.1f} pages/min")
        print(f"   without figure descriptions {timed[0]:.2f} s, simplify on the plain text {timed[1]:.2f} s: "
              f"ratio {timed[0] / timed[1]:.2f}× (target ≤ 1.5×)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print one block per document")
    parser.add_argument("--split", choices=("tuning", "test", "all", "speed"), default="tuning",
                        help="a half, both, or only the long PDF of the speed case (« all » runs it too)")
    parser.add_argument("--rounds", type=int, default=1, help="timing rounds for the ratio (best of N)")
    args = parser.parse_args()

    from atypie.falc.simplify import simplify
    from atypie.profiles.presets import load_preset

    entries = [json.loads(line) for line in (DATA / "manifest.jsonl").open(encoding="utf-8") if line.strip()]
    entries = [e for e in entries if args.split in ("all", e["split"])]
    timed_only = [e for e in entries if e["split"] == "speed"]
    entries = [e for e in entries if e["split"] != "speed"]
    absent = [e for e in entries if not (DATA / e["file"]).exists()]
    if absent:
        print("absent (not shippable, so not in a fresh clone): " + ", ".join(e["file"] for e in absent))
    profile = load_preset("falc")
    simplify("Le cours commence à huit heures. Les étudiants lisent le document.", profile)  # load models first

    rows, crashed = [], 0
    for entry in entries:
        if entry in absent:
            continue
        try:
            row = run_document(entry, profile, args.rounds)
        except Exception as error:  # a reader or writer still being written: report it, go on with the others
            row, crashed = {"entry": entry, "status": f"crash {type(error).__name__}: {error}"[:160]}, crashed + 1
        rows.append(row)
        if args.show:
            show(row)
    for half in (("tuning", "test") if args.split == "all" else () if args.split == "speed" else (args.split,)):
        summary(half, [r for r in rows if r["entry"]["split"] == half], [e["id"] for e in absent if e["split"] == half])
    speed([e for e in timed_only if e not in absent], profile, max(args.rounds, 3))
    print("\ntargets: headings ≥ 100 % and tables ≥ 100 % in every output, list items ≥ 80 %; leaks 0; images without "
          "alt 0; <html lang> on every HTML output; pipeline ≤ 1.5× simplify without figure descriptions")
    return 1 if crashed else 0


if __name__ == "__main__":
    raise SystemExit(main())
