"""The document model written as DOCX and ODT by pandoc: real heading styles, the language, tables with their header
row, pictures with their alt text, formulas, the glossary at the end; read back, the structure is the same."""
import html
import io
import re
import subprocess
import sys
import zipfile

import pytest
from PIL import Image

from atypie.adapters import pandoc
from atypie.documents.model import (
    Break,
    Code,
    Document,
    Figure,
    Formula,
    Heading,
    ListBlock,
    ListItem,
    Mark,
    Paragraph,
    Quote,
    Table,
    Text,
    walk,
)
from atypie.documents.readers.office import read_docx, read_odt
from atypie.documents.writers.office import to_docx, to_odt
from atypie.falc.glossary import GlossaryEntry

needs_pandoc = pytest.mark.skipif(not pandoc.available(), reason="pandoc is not installed")
WRITE = {"docx": to_docx, "odt": to_odt}
READ = {"docx": read_docx, "odt": read_odt}


def _png(colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), colour).save(buffer, "PNG")
    return buffer.getvalue()


RED, BLUE, GREEN = _png((200, 40, 40)), _png((40, 40, 200)), _png((40, 200, 40))
SENTENCE = "La cellule est l'unité du vivant, comme le dit ce site."


def _mark(word: str, kind: str, href: str = "") -> Mark:
    start = SENTENCE.index(word)
    return Mark(start, start + len(word), kind, href)


COURSE = Document((
    Heading(1, Text("La cellule")),
    Paragraph(Text(SENTENCE, (_mark("cellule", "em"), _mark("unité", "strong"),
                              _mark("site", "link", "https://example.org"), _mark("La", "link", "javascript:x()")))),
    Heading(2, Text("Les organites")),
    ListBlock(True, (ListItem(Text("Le noyau"), (ListBlock(False, (ListItem(Text("l'ADN")),
                                                                  ListItem(Text("le nucléole")))),)),
                     ListItem(Text("Les mitochondries"))), start=3),
    Heading(3, Text("Leur rôle")),
    Table(((Text("Organite"), Text("Rôle")), (Text("Noyau"), Text("Garde l'ADN")),
           (Text("Mitochondrie"), Text("Produit l'énergie"))), header_rows=1, caption="Les organites"),
    Figure(RED, "image/png", "Schéma d'une cellule animale", "Figure 1 : une cellule", name="cellule.png"),
    Figure(BLUE, "image/png", "", ""),
    Quote((Figure(GREEN, "", "", "", name="vert.png"),)),
    Figure(None, "image/png", "Photo d'un microscope", ""),
    Formula(r"\frac{a}{b}"),
    Paragraph(Text("L'aire vaut \\pi r^{2} ici.", (Mark(12, 21, "math"),))),
    Code("for x in range(3):\n    print(x)", "python"),
    Break("slide", 2),
), title="Biologie cellulaire", lang="fr", name="cours.docx")
GLOSSARY = [GlossaryEntry("organite", "une petite partie de la cellule", "glossaire"),
            GlossaryEntry("mitochondrie", "la partie qui produit l'énergie", "dictionnaire")]


def _only(document, kind):
    return [block for block in walk(document.blocks) if isinstance(block, kind)]


def _entry(data: bytes, name: str) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8")


@pytest.fixture(scope="module")
def written() -> dict:
    descriptions = {8: "Un carré bleu"}  # the blue picture's position in walk()
    return {fmt: WRITE[fmt](COURSE, GLOSSARY, "fr", descriptions=descriptions) for fmt in ("docx", "odt")}


@needs_pandoc
@pytest.mark.exe
@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_model_to_file_to_model_keeps_the_structure(written, fmt):
    back = READ[fmt](written[fmt], f"cours.{fmt}")
    assert back.title == "Biologie cellulaire" and back.lang == "fr"
    assert [(h.level, h.text.text) for h in _only(back, Heading)] == \
        [(1, "La cellule"), (2, "Les organites"), (3, "Leur rôle"), (1, "Glossaire")]

    paragraph = _only(back, Paragraph)[0].text
    assert paragraph.text == SENTENCE
    marks = {(paragraph.text[m.start:m.end], m.kind, m.href) for m in paragraph.marks}
    assert marks == {("cellule", "em", ""), ("unité", "strong", ""), ("site", "link", "https://example.org")}

    lists = [b for b in back.blocks if isinstance(b, ListBlock)]
    assert lists[0].ordered and lists[0].start == 3
    assert [i.text.text for i in lists[0].items] == ["Le noyau", "Les mitochondries"]
    assert [i.text.text for i in lists[0].items[0].children[0].items] == ["l'ADN", "le nucléole"]

    (table,) = _only(back, Table)
    assert [[c.text for c in row] for row in table.rows] == [[c.text for c in row] for row in COURSE.blocks[5].rows]
    assert table.header_rows == 1 and table.caption == "Les organites"

    figures = _only(back, Figure)
    assert [(f.image, f.alt) for f in figures] == [(RED, "Schéma d'une cellule animale"), (BLUE, "Un carré bleu"),
                                                    (GREEN, "Image sans description")]
    assert figures[0].caption == "Figure 1 : une cellule" and figures[0].media_type == "image/png"
    assert any("Photo d'un microscope" in p.text.text for p in _only(back, Paragraph))  # no picture: said in words

    assert [f.text for f in _only(back, Formula)] == [r"\frac{a}{b}"]
    inline = [p.text for p in _only(back, Paragraph) if p.text.text.startswith("L'aire")][0]
    assert [inline.text[m.start:m.end] for m in inline.marks if m.kind == "math"] == ["\\pi r^{2}"]
    assert [c.text for c in _only(back, Code)] == ["for x in range(3):\n    print(x)"]
    assert _only(back, Quote)

    glossary = back.blocks[-1]
    assert isinstance(glossary, ListBlock) and [i.text.text for i in glossary.items] == [
        "organite : une petite partie de la cellule",
        "mitochondrie : la partie qui produit l'énergie (Wiktionnaire : sens à vérifier)"]


@needs_pandoc
@pytest.mark.exe
def test_the_docx_has_heading_styles_its_language_and_alt_texts(written):
    document = _entry(written["docx"], "word/document.xml")
    styles = set(re.findall(r'<w:pStyle w:val="([^"]+)"', document))
    assert {"Title", "Heading1", "Heading2", "Heading3", "ImageCaption", "SourceCode"} <= styles
    assert "<w:tblHeader" in document
    assert "<dc:language>fr-FR</dc:language>" in _entry(written["docx"], "docProps/core.xml")
    assert [html.unescape(alt) for alt in re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', document)] == [
        "Schéma d'une cellule animale", "Un carré bleu", "Image sans description"]
    relations = _entry(written["docx"], "word/_rels/document.xml.rels")
    images = re.findall(r"<Relationship [^>]*/image\"[^>]*>", relations)
    assert len(images) >= 2 and not [r for r in images if "External" in r]
    assert "javascript" not in relations and "javascript" not in document


@needs_pandoc
@pytest.mark.exe
def test_the_odt_has_outline_headings_its_language_and_alt_texts(written):
    content = _entry(written["odt"], "content.xml")
    levels = re.findall(r'<text:h [^>]*text:outline-level="(\d)"', content)
    assert levels == ["1", "2", "3", "1"]
    assert re.findall(r"<svg:title>([^<]*)</svg:title>", content) == [
        "Schéma d'une cellule animale", "Un carré bleu", "Image sans description"]
    assert "<table:table-header-rows>" in content
    assert "<dc:language>fr-FR</dc:language>" in _entry(written["odt"], "meta.xml")
    archive = zipfile.ZipFile(io.BytesIO(written["odt"]))
    first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED


@needs_pandoc
@pytest.mark.exe
@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_an_english_document_says_so(fmt):
    document = Document((Heading(1, Text("The cell")), Paragraph(Text("A cell is the unit of life."))))
    data = WRITE[fmt](document, [GlossaryEntry("cell", "the smallest unit of life", "glossaire")], "en")
    back = READ[fmt](data)
    assert back.lang == "en"
    assert [h.text.text for h in _only(back, Heading)] == ["The cell", "Glossary"]


@needs_pandoc
@pytest.mark.exe
@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_a_formula_in_mathml_is_written_as_an_equation(fmt):
    mathml = '<math xmlns="http://www.w3.org/1998/Math/MathML"><mfrac><mi>x</mi><mn>2</mn></mfrac></math>'
    data = WRITE[fmt](Document((Formula(mathml, "mathml"),)), [], "fr")
    assert [f.text for f in _only(READ[fmt](data), Formula)] == [r"\frac{x}{2}"]


def test_importing_the_office_modules_stays_light():
    probe = ("import sys; import atypie.documents.writers.office, atypie.documents.readers.office; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'PIL', 'atypie') "
             "and (m.startswith(('pydantic', 'PIL')) or '.falc' in m)))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@needs_pandoc
@pytest.mark.exe
def test_pictures_go_through_a_private_folder_that_is_removed(atypie_home):
    to_odt(Document((Figure(RED, "image/png", "Un carré rouge"),)), [], "fr")
    folder = atypie_home / "tmp" / "documents"
    assert folder.is_dir() and (folder.stat().st_mode & 0o077) == 0 and not list(folder.iterdir())


@needs_pandoc
@pytest.mark.exe
def test_a_reference_docx_gives_its_styles():
    reference = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"], capture_output=True,
                               check=True).stdout
    data = to_docx(Document((Heading(1, Text("La cellule")),)), [], "fr", reference_doc=reference)
    assert '<w:pStyle w:val="Heading1"' in _entry(data, "word/document.xml")


@pytest.mark.exe
def test_an_svg_figure_reaches_word_as_a_png_with_its_alt():
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" '
           b'fill="#1f4e79"/></svg>')
    document = Document((Paragraph(Text("Le schéma du cours.")),
                         Figure(svg, "image/svg+xml", alt="Un rectangle bleu")), title="Schéma", lang="fr")
    back = read_docx(to_docx(document, [], "fr"))
    (figure,) = [b for b in walk(back.blocks) if isinstance(b, Figure)]
    assert figure.image.startswith(b"\x89PNG") and figure.alt == "Un rectangle bleu"
