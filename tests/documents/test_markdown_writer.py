"""The Markdown writer: CommonMark + GFM tables that read back to the same structure, where text never becomes
markup."""
import io
import re

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

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
)
from atypie.documents.writers.markdown import to_markdown
from atypie.falc.glossary import GlossaryEntry

HOSTILE = "Texte <b>gras</b> et **étoiles** avec lien piégé."
CODE = "x = 1\n</code><script>alert(1)</script>\nprint(```)\n"
LATEX = r"\frac{a_1 * b}{c_2 * d}"


def tiny_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def span(text: str, words: str, kind: str, href: str = "") -> Mark:
    """A mark over the first occurrence of `words` in `text`."""
    start = text.index(words)
    return Mark(start, start + len(words), kind, href)


def full_document() -> Document:
    """Every block kind, headings h1 → h3 (a jump), hostile text, code and links."""
    hostile = Text(HOSTILE, (span(HOSTILE, "lien", "link", "javascript:alert(1)"), span(HOSTILE, "Texte", "em")))
    words = "Voir le site, écrire, la page et le code x."
    links = Text(words, (span(words, "le site", "link", "https://exemple.fr/a b?c=(1)"),
                         span(words, "écrire", "link", "mailto:a@exemple.fr"), span(words, "page", "strong"),
                         span(words, "code", "code")))
    nested = ListBlock(False, (
        ListItem(Text("Premier point"), (ListBlock(True, (ListItem(Text("sous-point a")), ListItem(Text("b"))),
                                                   start=3),)),
        ListItem(Text("Second point")),
    ))
    table = Table(((Text("Nom"), Text("Âge")), (Text("Alice *i*"), Text("30")), (Text("Bob | Lee"), Text("41"))),
                  header_rows=1, caption="Les âges")
    return Document((
        Heading(1, Text("Le cours")),
        Paragraph(hostile),
        Paragraph(links),
        Heading(3, Text("Une liste")),
        nested,
        Heading(3, Text("Un tableau")),
        table,
        Break("page", 3),
        Heading(2, Text("Images et code")),
        Figure(tiny_png(), "image/png", alt="", caption="Un carré rouge", name="images/carré rouge.png"),
        Figure(None, alt="Un schéma", name="https://pisteur.example/p.gif"),
        Code(CODE, "python"),
        Formula(LATEX),
        Quote((Paragraph(Text("Une citation")), Paragraph(Text("en deux paragraphes")))),
        Break("slide", 4),
    ), title="Cours", name="cours.docx")


GLOSSARY = [GlossaryEntry("photosynthèse", "fabrication du sucre <par> la plante", "glossaire"),
            GlossaryEntry("contracter", "conclure un contrat", "dictionnaire")]


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(dollarmath_plugin)


def tokens(markdown: str):
    return parser().parse(markdown)


def write(document=None, glossary=None, lang="fr", **kwargs) -> str:
    return to_markdown(full_document() if document is None else document, GLOSSARY if glossary is None else glossary,
                       lang, **kwargs)


def read(inline_token) -> str:
    """The text a reader sees in an inline token."""
    return "".join(child.content for child in inline_token.children)


def headings(found) -> list[tuple[int, str]]:
    return [(int(tok.tag[1]), read(found[i + 1])) for i, tok in enumerate(found) if tok.type == "heading_open"]


def test_headings_read_back_in_order_without_skipping():
    found = tokens(write())
    assert headings(found) == [(1, "Le cours"), (2, "Une liste"), (2, "Un tableau"), (2, "Images et code"),
                               (2, "Glossaire")]
    untitled = Document((Heading(2, Text("A")), Heading(4, Text("B #"))), title="Mon titre")
    assert headings(tokens(to_markdown(untitled, [], "fr"))) == [(1, "Mon titre"), (2, "A"), (3, "B #")]


def test_lists_and_tables_keep_their_shape():
    found = tokens(write())
    items = [tok for tok in found if tok.type == "list_item_open"]
    assert len(items) == 4 + len(GLOSSARY)
    ordered = next(tok for tok in found if tok.type == "ordered_list_open")
    assert ordered.attrGet("start") == 3 and ordered.level > 0  # nested, with its start
    assert len([tok for tok in found if tok.type == "tr_open"]) == 3
    cells = [read(found[i + 1]) for i, tok in enumerate(found) if tok.type in ("th_open", "td_open")]
    assert cells == ["Nom", "Âge", "Alice *i*", "30", "Bob | Lee", "41"]
    html = parser().render(write())
    assert "<td>Alice *i*</td>" in html and "<td>Bob | Lee</td>" in html


def test_two_lists_in_a_row_stay_two_lists():
    document = Document((ListBlock(False, (ListItem(Text("a")),)), ListBlock(False, (ListItem(Text("b")),)),
                         ListBlock(True, (ListItem(Text("c")),)), ListBlock(True, (ListItem(Text("d")),), start=7)))
    found = tokens(to_markdown(document, [], "fr"))
    assert [tok.type for tok in found if tok.type.endswith("list_open")] == [
        "bullet_list_open", "bullet_list_open", "ordered_list_open", "ordered_list_open"]


def test_hostile_text_never_becomes_markup():
    markdown = write()
    html = parser().render(markdown)
    assert "<script" not in html.lower() and "<b>" not in html and "javascript" not in markdown
    assert "Texte</em> &lt;b&gt;gras&lt;/b&gt; et **étoiles** avec lien piégé." in html
    assert not [tok for tok in tokens(markdown) if tok.type in ("html_block", "html_inline")]
    assert "<em>Texte</em>" in html and html.count("<em>") == 1 + 2 + 2  # the mark, the captions, the breaks


HOSTILE_LINES = ["*a* et _b_", "# pas un titre", "1. pas une liste", "2) non plus", "- ni un tiret", "+ ni un plus",
                 "> pas une citation", "<b>gras</b> <!-- c -->", "[lien](javascript:alert(1))", "![i](x.png)",
                 "`code`", "a | b", "~~barré~~", "&amp; et &lt;", "\\* échappé", "---", "***", "    quatre espaces",
                 "<http://exemple.fr>", "[ref]: /url", "=== soulignement", "$x$ et $$y$$", "a\\", "<",
                 "Titre\n===", "ligne\n- deux"]


@pytest.mark.parametrize("line", HOSTILE_LINES)
@pytest.mark.parametrize("where", ["paragraph", "item", "cell", "heading"])
def test_each_markup_character_stays_text(line, where):
    text = Text(line)
    block = {"paragraph": Paragraph(text), "item": ListBlock(False, (ListItem(text),)),
             "cell": Table(((Text("h"),), (text,)), header_rows=1), "heading": Heading(1, text)}[where]
    found = tokens(to_markdown(Document((block,)), [], "fr"))
    inline = [tok for tok in found if tok.type == "inline"][-1]
    assert [child.type for child in inline.children] == ["text"], (line, inline.children)
    assert inline.children[0].content == " ".join(line.split("\n")).strip()
    assert not [tok for tok in found if tok.type in ("html_block", "hr", "code_block", "fence", "math_block")]


def test_marks_and_link_rule():
    markdown = write()
    assert "*Texte* &lt;b&gt;gras&lt;/b&gt; et \\*\\*étoiles\\*\\* avec lien piégé." in markdown
    assert "[le site](<https://exemple.fr/a b?c=(1)>)" in markdown and "[écrire](mailto:a@exemple.fr)" in markdown
    html = parser().render(markdown)
    assert '<a href="https://exemple.fr/a%20b?c=(1)">le site</a>' in html and "<strong>page</strong>" in html
    assert "<code>code</code>" in html
    maths = to_markdown(Document((Paragraph(Text("soit x_1 ici", (Mark(5, 8, "math"),))),)), [], "fr")
    assert maths == "# Document\n\nsoit $`x_1`$ ici\n"  # no h1 in the file: the title (here the default) first
    ticks = to_markdown(Document((Paragraph(Text("a`b", (Mark(0, 3, "code"),))),)), [], "fr")
    assert ticks.endswith("\n\n``a`b``\n")


def test_figures_code_formulas_quotes_and_breaks():
    markdown = write()
    found = tokens(markdown)
    images = [child for tok in found if tok.type == "inline" for child in tok.children if child.type == "image"]
    assert [(image.attrGet("src"), image.content) for image in images] == [
        ("images/carr%C3%A9%20rouge.png", "Image sans description"), ("", "Un schéma")]  # no remote picture
    assert "*Un carré rouge*" in markdown
    fence = next(tok for tok in found if tok.type == "fence")
    assert fence.content == CODE and fence.info == "python" and fence.markup == "````"
    assert next(tok for tok in found if tok.type == "math_block").content.strip() == LATEX
    assert f"$$\n{LATEX}\n$$" in markdown
    assert "> Une citation\n>\n> en deux paragraphes" in markdown
    assert [tok.type for tok in found].count("hr") == 2
    assert "***\n\n*Page 3*" in markdown and "***\n\n*Diapositive 4*" in markdown
    assert "```math\na $$ b\n```" in to_markdown(Document((Formula("a $$ b"),)), [], "fr")


def test_descriptions_fill_missing_alts():
    document = full_document()
    from atypie.documents.model import walk

    first = next(i for i, block in enumerate(walk(document.blocks)) if isinstance(block, Figure))
    markdown = write(document, descriptions={first: "Un carré [rouge]"})
    assert "![Un carré \\[rouge\\]](<images/carré rouge.png>)" in markdown
    english = to_markdown(Document((Figure(None, name="f.png"),), name="notes.md"), [], "en")
    assert english == "# notes.md\n\n![Image without description](f.png)\n"


def test_glossary_once_at_the_end():
    markdown = write()
    assert markdown.count("Glossaire") == 1
    assert markdown.endswith("## Glossaire\n\n- **photosynthèse** : fabrication du sucre &lt;par&gt; la plante\n"
                             "- **contracter** : conclure un contrat (Wiktionnaire : sens à vérifier)\n")
    assert "## Glossary\n\n- **photosynthèse**: " in write(lang="en")
    assert "Glossaire" not in write(glossary=[])


GOLDEN_DOCUMENT = Document((
    Heading(1, Text("Les volcans")),
    Paragraph(Text("Un volcan crache de la lave.", (Mark(3, 9, "strong"), Mark(23, 27, "link", "lave.html")))),
    ListBlock(True, (ListItem(Text("La lave sort."), (ListBlock(False, (ListItem(Text("vite")),)),)),
                     ListItem(Text("Elle refroidit.")))),
    Table(((Text("Volcan"), Text("Pays")), (Text("Etna"), Text("Italie"))), header_rows=1),
    Break("page", 2),
    Code("print('lave')", "python"),
), title="Volcans")

GOLDEN_MARKDOWN = """# Les volcans

Un **volcan** crache de la [lave](lave.html).

1. La lave sort.
   - vite
2. Elle refroidit.

| Volcan | Pays |
| --- | --- |
| Etna | Italie |

***

*Page 2*

```python
print('lave')
```

## Glossaire

- **lave** : roche fondue
"""


def test_golden_markdown():
    markdown = to_markdown(GOLDEN_DOCUMENT, [GlossaryEntry("lave", "roche fondue", "glossaire")], "fr")
    assert markdown == GOLDEN_MARKDOWN
    assert re.findall(r"^#+ .*$", markdown, flags=re.M) == ["# Les volcans", "## Glossaire"]
