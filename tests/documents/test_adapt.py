"""The prose of a document simplified in one pass, each plain sentence back in its own block."""
from atypie.documents.adapt import adapt_document
from atypie.documents.model import Code, Document, Formula, Heading, ListBlock, ListItem, Mark, Paragraph, Table, Text
from atypie.profiles.presets import load_preset

LONG = ("La membrane plasmique, qui entoure la cellule, est constituée d'une bicouche de phospholipides dans laquelle "
        "sont enchâssées des protéines, et elle contrôle les échanges entre le cytoplasme et le milieu "
        "extracellulaire.")


def _course() -> Document:
    return Document((
        Heading(1, Text("La membrane plasmique")),
        Paragraph(Text(LONG)),
        Paragraph(Text("Elle se compose de trois éléments :")),
        ListBlock(False, (ListItem(Text("les phospholipides")), ListItem(Text("les protéines membranaires")),
                          ListItem(Text("le cholestérol"), (ListBlock(False, (ListItem(Text("rigidité")),)),)))),
        Table(((Text("Molécule"), Text("Rôle")), (Text("cholestérol"), Text("rigidité"))), header_rows=1),
        Code("def f(x):\n    return x  # la membrane, qui entoure"),
        Formula("\\Delta G = \\Delta H - T\\Delta S"),
        Paragraph(Text("Voir le cours de L1 sur la cellule pour les détails.", (Mark(8, 19, "link", "https://ex.fr"),))),
    ), title="Cours", kind="markdown", name="cours.md")


def test_each_block_gets_its_own_plain_sentences_and_the_rest_is_kept():
    adapted = adapt_document(_course(), load_preset("falc"))
    blocks = adapted.document.blocks
    assert blocks[0] == _course().blocks[0]  # the author's heading stays as written
    first = blocks[1].text.text
    assert first != LONG and first.count(".") >= 2 and "membrane plasmique" in first  # split, in its own block
    assert blocks[2].text.text.endswith(" :")  # a list's introduction keeps its colon
    assert [i.text.text.lower().rstrip(".") for i in blocks[3].items] == [
        "les phospholipides", "les protéines membranaires", "le cholestérol"]
    assert blocks[3].items[2].children[0].items[0].text.text.lower().rstrip(".") == "rigidité"  # nested list kept
    assert blocks[4:7] == _course().blocks[4:7]  # table, code and formula untouched
    assert adapted.lang == "fr" and adapted.blocks == 7 and adapted.glossary  # one glossary for the document


def test_a_link_stays_on_its_words_when_they_survive():
    link = adapt_document(_course(), load_preset("falc")).document.blocks[7].text
    (mark,) = [m for m in link.marks if m.kind == "link"]
    assert link.text[mark.start:mark.end] == "cours de L1" and mark.href == "https://ex.fr"


def test_a_document_without_prose_is_given_back_as_it_is():
    document = Document((Heading(1, Text("Annexe")), Code("x = 1")))
    adapted = adapt_document(document, load_preset("falc"))
    assert adapted.document == document and adapted.blocks == 0 and adapted.glossary == []


def test_a_long_section_gets_sub_headings_and_the_authors_headings_stay():
    paragraph = Paragraph(Text("La cellule est l'unité du vivant. " * 12))
    document = Document((Heading(1, Text("Biologie")), Heading(2, Text("La cellule")), paragraph, paragraph, paragraph,
                         Heading(2, Text("Court")), Paragraph(Text("Une phrase."))))
    profile = load_preset("tdah")
    profile = profile.model_copy(update={"text": profile.text.model_copy(
        update={"chunking": True, "max_words_per_section": 100})})
    headings = [(b.level, b.text.text) for b in adapt_document(document, profile).document.blocks
                if isinstance(b, Heading)]
    assert headings[:2] == [(1, "Biologie"), (2, "La cellule")] and headings[-1] == (2, "Court")
    added = headings[2:-1]
    assert len(added) >= 2 and all(level == 3 and text.startswith("Partie ") for level, text in added)
