"""DOCX and ODT files made by pandoc from a French course excerpt are read into the document model with their
structure: headings, nested lists, a table with its header row, a picture with its bytes, formulas, marks, code,
a quotation, a footnote. Hostile files are refused with their code."""
import io
import re
import subprocess
import zipfile

import pytest
from PIL import Image

from atypie.adapters import pandoc
from atypie.documents import limits
from atypie.documents.model import Code, Figure, Formula, Heading, ListBlock, Paragraph, Quote, Table, walk
from atypie.documents.readers.office import read_docx, read_odt
from atypie.documents.readers.zipped import OLE_MAGIC
from atypie.errors import AtypieError

pytestmark = [pytest.mark.exe, pytest.mark.skipif(not pandoc.available(), reason="pandoc is not installed")]
READERS = {"docx": read_docx, "odt": read_odt}

COURSE = r"""---
title: Biologie cellulaire
lang: fr-FR
---

# La cellule

La *cellule* est l'**unité de base** du [vivant](https://fr.wikipedia.org/wiki/Cellule)[^1].
Sa taille suit $d = 2r$ dans les exercices.

## Les organites

1. Le noyau
    - contient l'ADN
    - contient le nucléole
2. Les mitochondries

### Leur rôle

| Organite | Rôle |
|----------|------|
| Noyau | Garde l'information génétique |
| Mitochondrie | Produit l'énergie |

: Les organites et leur rôle

![Schéma d'une cellule animale](cellule.png)

$$\frac{a}{b}$$

```python
print("bonjour")
```

> La cellule est la plus petite unité du vivant.

[^1]: Du latin *cellula*, petite chambre.
"""


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict:
    """The course as DOCX and ODT, made by pandoc itself, and the picture's bytes."""
    folder = tmp_path_factory.mktemp("course")
    png = _png()
    (folder / "cellule.png").write_bytes(png)
    files = {fmt: subprocess.run(["pandoc", "-f", "markdown", "-t", fmt, "-o", "-", "--resource-path", str(folder)],
                                 input=COURSE.encode(), capture_output=True, check=True).stdout
             for fmt in ("docx", "odt")}
    return {"png": png, **files}


def _only(document, kind):
    return [block for block in walk(document.blocks) if isinstance(block, kind)]


def _marked(text, kind):
    return [(text.text[m.start:m.end], m.href) for m in text.marks if m.kind == kind]


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_the_course_is_read_with_its_structure(made, fmt):
    document = READERS[fmt](made[fmt], f"cours.{fmt}")
    assert (document.kind, document.name, document.title, document.lang) == \
        (fmt, f"cours.{fmt}", "Biologie cellulaire", "fr")
    assert [(h.level, h.text.text) for h in _only(document, Heading)] == \
        [(1, "La cellule"), (2, "Les organites"), (3, "Leur rôle")]

    first = _only(document, Paragraph)[0].text
    assert first.text.startswith("La cellule est l’unité de base du vivant[1]. Sa taille suit d = 2r")
    assert _marked(first, "em") == [("cellule", "")] and _marked(first, "strong") == [("unité de base", "")]
    assert _marked(first, "link") == [("vivant", "https://fr.wikipedia.org/wiki/Cellule")]
    assert _marked(first, "math") == [("d = 2r", "")]

    lists = [b for b in document.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and lists[0].ordered and lists[0].start == 1
    assert [item.text.text for item in lists[0].items] == ["Le noyau", "Les mitochondries"]
    nested = lists[0].items[0].children[0]
    assert not nested.ordered and [i.text.text for i in nested.items] == ["contient l’ADN", "contient le nucléole"]
    item_places = [item.source.index for item in (lists[0].items[0], *nested.items, lists[0].items[1])]
    assert item_places == sorted(item_places) and len(set(item_places)) == 4  # each item has its place, in order

    (table,) = _only(document, Table)
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Organite", "Rôle"], ["Noyau", "Garde l’information génétique"], ["Mitochondrie", "Produit l’énergie"]]
    assert table.header_rows == 1 and table.caption == "Les organites et leur rôle"

    (figure,) = _only(document, Figure)
    assert figure.image == made["png"] and figure.media_type == "image/png"
    assert figure.caption == "Schéma d’une cellule animale"
    if fmt == "docx":  # pandoc 2.17 writes no alt text into ODT (the writer here adds it: see test_office_writer)
        assert figure.alt == "Schéma d’une cellule animale"

    assert [f.text for f in _only(document, Formula)] == [r"\frac{a}{b}"]
    assert [c.text for c in _only(document, Code)] == ['print("bonjour")']
    (quote,) = _only(document, Quote)
    assert quote.blocks[0].text.text == "La cellule est la plus petite unité du vivant."
    last = document.blocks[-1]
    assert isinstance(last, Paragraph) and last.text.text == "[1] Du latin cellula, petite chambre."
    captions = {table.caption, figure.caption, document.title}
    assert not [p for p in _only(document, Paragraph) if p.text.text in captions]  # not read twice


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_figures_past_the_limit_keep_their_alt_but_not_their_bytes(made, fmt, monkeypatch):
    monkeypatch.setattr(limits, "MAX_IMAGES", 0)
    (figure,) = _only(READERS[fmt](made[fmt]), Figure)
    assert figure.image is None and figure.caption


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_too_many_blocks_is_too_large(made, fmt, monkeypatch):
    monkeypatch.setattr(limits, "MAX_BLOCKS", 5)
    with pytest.raises(AtypieError) as raised:
        READERS[fmt](made[fmt])
    assert raised.value.code == "ATY-E053"


def _with_entries(data: bytes, extra: dict[str, bytes], change=None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            target.writestr(info, change(info.filename, body) if change else body)
        for name, body in extra.items():
            target.writestr(name, body)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_an_entry_leaving_the_archive_is_left_out(made, fmt):
    document = READERS[fmt](_with_entries(made[fmt], {"../../evil": b"evil", "/tmp/evil": b"evil"}))
    assert [h.text.text for h in _only(document, Heading)][:1] == ["La cellule"]


def test_an_odt_alt_text_is_read_from_the_frame(made):
    def describe(name, body):
        if name != "content.xml":
            return body
        return re.sub(rb"(<draw:image\b[^>]*/>)", rb"\1<svg:desc>Un rond rouge</svg:desc>", body)
    (figure,) = _only(read_odt(_with_entries(made["odt"], {}, describe)), Figure)
    assert figure.alt == "Un rond rouge" and figure.image == made["png"]


ENCRYPTED_MANIFEST = (b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                      b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
                      b'<manifest:encryption-data manifest:checksum="x"/></manifest:file-entry></manifest:manifest>')


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in entries.items():
            archive.writestr(name, body)
    return buffer.getvalue()


@pytest.mark.parametrize("read, data, code", [
    (read_docx, b"Ceci n'est pas un document.", "ATY-E052"),
    (read_odt, b"Ceci n'est pas un document.", "ATY-E052"),
    (read_docx, OLE_MAGIC + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le"), "ATY-E052"),
    (read_odt, _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"\x01\x02",
                     "META-INF/manifest.xml": ENCRYPTED_MANIFEST}), "ATY-E052"),
    (read_docx, _zip({"../../evil": b"evil"}), "ATY-E052"),
    (read_odt, _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<broken"}),
     "ATY-E052"),
    (read_odt, _zip({"content.xml": b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'}), "ATY-E052"),
    (read_docx, _zip({"word/document.xml": b"<w:document>broken"}), "ATY-E052"),
])
def test_hostile_or_broken_files_are_refused_with_their_code(read, data, code):
    with pytest.raises(AtypieError) as raised:
        read(data, "cours")
    assert raised.value.code == code


@pytest.mark.slow
def test_a_zip_bomb_is_refused_before_pandoc_runs():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        with archive.open("word/media/image1.png", "w") as entry:
            for _ in range(300):
                entry.write(bytes(1024 * 1024))
    with pytest.raises(AtypieError) as raised:
        read_docx(buffer.getvalue(), "bombe.docx")
    assert raised.value.code == "ATY-E053"


ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
       'xmlns:xlink="http://www.w3.org/1999/xlink"')
LIBREOFFICE = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODF} office:version="1.3"><office:automatic-styles>
<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Text_20_body"/>
<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Illustration"/>
</office:automatic-styles><office:body><office:text>
<text:h text:style-name="Heading_20_1" text:outline-level="1">La cellule</text:h>
<text:p text:style-name="P1">L’aire vaut <draw:frame text:anchor-type="as-char"><draw:object xlink:href="./Object 1"/>
<draw:image xlink:href="./ObjectReplacements/Object 1"/></draw:frame> ici.</text:p>
<text:p text:style-name="P1"><draw:frame text:anchor-type="paragraph">
<draw:object xlink:href="./Object 2"/></draw:frame></text:p>
<text:p text:style-name="Text_20_body"><draw:frame draw:name="Image1" svg:width="1cm" svg:height="1cm">
<draw:image xlink:href="Pictures/cellule.png"/><svg:title>Schéma</svg:title>
<svg:desc>Plus long</svg:desc></draw:frame></text:p>
<text:p text:style-name="P2">Illustration 1 : la cellule</text:p>
<table:table table:name="T"><table:table-column table:number-columns-repeated="2"/><table:table-header-rows>
<table:table-row><table:table-cell><text:p>Organite</text:p></table:table-cell><table:table-cell/></table:table-row>
</table:table-header-rows><table:table-row><table:table-cell><text:p>Noyau</text:p></table:table-cell>
<table:table-cell><text:p>ADN</text:p></table:table-cell></table:table-row></table:table>
<text:p text:style-name="Preformatted_20_Text">x = 1<text:s text:c="3"/># trois espaces</text:p>
</office:text></office:body></office:document-content>"""
STARMATH = ('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow><mi>π</mi><msup>'
            '<mi>r</mi><mn>2</mn></msup></mrow><annotation encoding="StarMath 5.0">%pi r^2</annotation></semantics>'
            "</math>")
TEX = ('<math:math xmlns:math="http://www.w3.org/1998/Math/MathML"><math:semantics><math:mi>x</math:mi>'
       '<math:annotation encoding="application/x-tex">\\sqrt{x}</math:annotation></math:semantics></math:math>')


def test_an_odt_shaped_like_libreoffice_keeps_formulas_alt_caption_header_and_code():
    data = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": LIBREOFFICE.encode(),
                 "styles.xml": f"<office:document-styles {ODF}/>".encode(), "Object 1/content.xml": STARMATH.encode(),
                 "Object 2/content.xml": TEX.encode(), "ObjectReplacements/Object 1": b"svm",
                 "Pictures/cellule.png": b"\x89PNG"})
    document = read_odt(data, "libreoffice.odt")
    (paragraph,) = _only(document, Paragraph)
    assert paragraph.text.text == "L’aire vaut \\pi r^{2} ici."
    assert _marked(paragraph.text, "math") == [("\\pi r^{2}", "")]
    assert [(f.text, f.notation) for f in _only(document, Formula)] == [("\\sqrt{x}", "latex")]
    (figure,) = _only(document, Figure)
    assert (figure.alt, figure.caption, figure.image) == ("Schéma", "Illustration 1 : la cellule", b"\x89PNG")
    (table,) = _only(document, Table)
    assert table.header_rows == 1 and [[c.text for c in row] for row in table.rows] == [["Organite", ""],
                                                                                         ["Noyau", "ADN"]]
    assert [c.text for c in _only(document, Code)] == ["x = 1   # trois espaces"]


def test_a_docx_caption_is_known_by_its_style(tmp_path):
    (tmp_path / "noyau.png").write_bytes(_png())
    source = "![Le noyau en violet](noyau.png)\\\n\n::: {custom-style=\"caption\"}\nFigure 2 : le noyau\n:::\n"
    data = subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", "-", "--resource-path", str(tmp_path)],
                          input=source.encode(), capture_output=True, check=True).stdout
    document = read_docx(data)
    (figure,) = _only(document, Figure)
    assert (figure.alt, figure.caption) == ("Le noyau en violet", "Figure 2 : le noyau")
    assert not _only(document, Paragraph)


def test_the_document_reader_sends_docx_and_odt_here(made):
    from atypie.documents.read import read_document

    assert read_document(made["docx"], "cours.docx").kind == "docx"
    assert read_document(made["odt"], "dossier/cours.odt").kind == "odt"


def test_a_subtitle_and_an_abstract_stay_in_the_text():
    source = "---\ntitle: Biologie\nsubtitle: Première année\nabstract: Le cours en bref.\n---\n\nLe texte.\n"
    data = subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", "-"], input=source.encode(),
                          capture_output=True, check=True).stdout
    document = read_docx(data)
    assert document.title == "Biologie"
    assert [p.text.text for p in _only(document, Paragraph)] == ["Première année", "Le cours en bref.", "Le texte."]
