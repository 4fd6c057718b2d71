"""The PPTX reader on a deck built here with python-pptx: slides, titles, lists by level, a picture's alt text, a
table, notes, marks; and hostile files refused with their code."""
import io
import zipfile

import pytest

pytest.importorskip("pptx")

from pptx import Presentation  # noqa: E402
from pptx.enum.lang import MSO_LANGUAGE_ID  # noqa: E402
from pptx.util import Cm  # noqa: E402

from atypie.documents import limits  # noqa: E402
from atypie.documents.model import Break, Figure, Heading, ListBlock, Mark, Paragraph, Table  # noqa: E402
from atypie.documents.readers.pptx import read_pptx  # noqa: E402
from atypie.errors import AtypieError  # noqa: E402


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), (30, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def _deck(title: str = "Cours de biologie") -> bytes:
    deck = Presentation()
    deck.core_properties.title = title
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = "Biologie cellulaire"
    first.placeholders[1].text = "Licence 1 – semestre 1"

    second = deck.slides.add_slide(deck.slide_layouts[1])
    second.shapes.title.text = "La cellule"
    body = second.placeholders[1].text_frame
    body.text = "Le "
    bold = body.paragraphs[0].add_run()
    bold.text, bold.font.bold = "noyau", True
    body.paragraphs[0].runs[0].font.language_id = MSO_LANGUAGE_ID.FRENCH
    nested = body.add_paragraph()
    nested.text, nested.level = "garde l'ADN", 1
    linked = body.add_paragraph()
    run = linked.add_run()
    run.text = "Les mitochondries"
    run.hyperlink.address = "https://fr.wikipedia.org/wiki/Mitochondrie"
    picture = second.shapes.add_picture(io.BytesIO(_png()), Cm(20), Cm(12), Cm(4), Cm(3))
    picture._element.nvPicPr.cNvPr.set("descr", "Schéma d'une cellule animale")
    second.notes_slide.notes_text_frame.text = "Insister sur le rôle du noyau."

    third = deck.slides.add_slide(deck.slide_layouts[5])
    third.shapes.title.text = "Comparaison"
    table = third.shapes.add_table(3, 2, Cm(2), Cm(5), Cm(16), Cm(4)).table
    for row, values in enumerate([("Organite", "Rôle"), ("Noyau", "ADN"), ("Mitochondrie", "Énergie")]):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    box = third.shapes.add_textbox(Cm(2), Cm(12), Cm(10), Cm(2))
    box.text_frame.text = "Source : manuel de biologie."
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def test_a_deck_reads_slide_by_slide():
    document = read_pptx(_deck(), "cours.pptx")
    assert (document.kind, document.name, document.title, document.lang) == ("pptx", "cours.pptx",
                                                                             "Cours de biologie", "fr")
    breaks = [block for block in document.blocks if isinstance(block, Break)]
    assert [(b.kind, b.number) for b in breaks] == [("slide", 1), ("slide", 2), ("slide", 3)]
    headings = [(b.level, b.text.text, b.source.page) for b in document.blocks if isinstance(b, Heading)]
    assert headings == [(2, "Biologie cellulaire", 1), (2, "La cellule", 2), (2, "Comparaison", 3)]
    kinds = [type(block).__name__ for block in document.blocks]
    assert kinds == ["Break", "Heading", "Paragraph", "Break", "Heading", "ListBlock", "Figure", "Paragraph",
                     "Break", "Heading", "Table", "Paragraph"]


def test_bullets_nest_by_level_and_runs_keep_their_marks():
    document = read_pptx(_deck(), "cours.pptx")
    bullets = next(block for block in document.blocks if isinstance(block, ListBlock))
    assert not bullets.ordered and bullets.source.page == 2
    first, second = bullets.items
    assert first.text.text == "Le noyau" and first.text.marks == (Mark(3, 8, "strong"),)
    assert first.children[0].items[0].text.text == "garde l'ADN"
    assert second.text.marks == (Mark(0, 17, "link", "https://fr.wikipedia.org/wiki/Mitochondrie"),)


def test_picture_keeps_its_bytes_and_alt_text_and_notes_follow_the_slide():
    document = read_pptx(_deck(), "cours.pptx")
    figure = next(block for block in document.blocks if isinstance(block, Figure))
    assert figure.image == _png() and figure.media_type == "image/png"
    assert figure.alt == "Schéma d'une cellule animale" and figure.source.page == 2
    notes = [b.text.text for b in document.blocks if isinstance(b, Paragraph) and b.text.text.startswith("Notes")]
    assert notes == ["Notes : Insister sur le rôle du noyau."]


def test_table_first_row_is_the_header_and_a_text_box_is_a_paragraph():
    document = read_pptx(_deck(), "cours.pptx")
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert table.header_rows == 1 and table.source.page == 3
    assert [[cell.text for cell in row] for row in table.rows] == [["Organite", "Rôle"], ["Noyau", "ADN"],
                                                                   ["Mitochondrie", "Énergie"]]
    assert document.blocks[-1] == Paragraph(document.blocks[-1].text, document.blocks[-1].source)
    assert document.blocks[-1].text.text == "Source : manuel de biologie."


def test_without_a_deck_title_the_first_slide_title_is_the_title():
    assert read_pptx(_deck(title=""), "cours.pptx").title == "Biologie cellulaire"


def test_too_many_slides_are_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_PAGES", 2)
    with pytest.raises(AtypieError) as raised:
        read_pptx(_deck(), "cours.pptx")
    assert raised.value.code == "ATY-E053" and raised.value.params["what"] == "diapositives"


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("data", [
    b"\x00\x01 ceci n'est pas une presentation " * 20,
    _deck()[:3000],  # truncated
    _zip({"word/document.xml": b"<w/>"}),  # a zip, not a deck
    _zip({"ppt/presentation.xml": b"<not xml", "[Content_Types].xml": b"<Types/>"}),  # a broken deck
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,  # OLE: a protected deck or an old .ppt
])
def test_what_is_not_a_readable_deck_is_refused_with_a_code(data):
    with pytest.raises(AtypieError) as raised:
        read_pptx(data, "cours.pptx")
    assert raised.value.code == "ATY-E052"
