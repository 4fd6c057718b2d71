"""The Markdown reader: blocks, marks at the right offsets, maths and code verbatim, raw HTML never kept, limits."""
from __future__ import annotations

import base64
import json
import subprocess
import sys

import pytest

from atypie.documents import limits
from atypie.documents.model import (
    Code,
    Figure,
    Formula,
    Heading,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    Text,
    plain_text,
    walk,
)
from atypie.documents.readers.markdown import read_markdown

COURSE_NOTE = """\
---
title: "Biologie cellulaire — La membrane plasmique"
lang: fr-FR
---

# La membrane plasmique

La membrane plasmique sépare le **milieu intracellulaire** du *milieu extracellulaire*.
Elle est décrite par le [modèle de la mosaïque fluide](https://fr.wikipedia.org/wiki/Mosaïque_fluide).

## Composition

La membrane contient trois familles de molécules :

- les lipides (phospholipides, cholestérol) ;
- les protéines :
  - protéines intrinsèques ;
  - protéines extrinsèques ;
- les glucides, liés aux lipides ou aux protéines.

| Molécule | Part de la masse | Rôle |
|---|---|---|
| Lipides | 40 % | Barrière |
| Protéines | 52 % | Transport, `signalisation` |
| Glucides | 8 % | Reconnaissance |

## Perméabilité

Le flux net suit la loi de Fick, où $J$ est le flux et $D$ le coefficient de diffusion :

$$
J = -D \\frac{\\Delta C}{\\Delta x}
$$

> **À retenir** : les petites molécules apolaires traversent librement la bicouche.

![Schéma de la bicouche lipidique](images/bicouche.png "Figure 1 — La bicouche")

### Exemple de calcul

```python
D = 1e-9  # m²/s
flux = -D * (0.2 - 0.8) / 5e-9
```

1. Mesurer la concentration de part et d'autre.
2. Calculer le gradient, puis le flux.
"""


def marked(text: Text) -> list[tuple[str, str, str]]:
    """Each run as (kind, the characters it covers, href)."""
    return [(mark.kind, text.text[mark.start:mark.end], mark.href) for mark in text.marks]


def test_course_note_is_read_whole_in_order():
    document = read_markdown(COURSE_NOTE.encode("utf-8"), "membrane.md")

    assert (document.kind, document.name) == ("markdown", "membrane.md")
    assert document.title == "Biologie cellulaire — La membrane plasmique"
    assert document.lang == "fr"
    assert [type(block).__name__ for block in document.blocks] == [
        "Heading", "Paragraph", "Heading", "Paragraph", "ListBlock", "Table", "Heading", "Paragraph", "Formula",
        "Quote", "Figure", "Heading", "Code", "ListBlock"]
    title, intro, composition, colon, families, table, permeability, fick, formula, quote, figure, example, code, \
        steps = document.blocks

    assert (title.level, title.text.text, title.source.line) == (1, "La membrane plasmique", 6)
    assert intro.text.text.startswith("La membrane plasmique sépare le milieu intracellulaire du milieu")
    assert marked(intro.text) == [
        ("strong", "milieu intracellulaire", ""), ("em", "milieu extracellulaire", ""),
        ("link", "modèle de la mosaïque fluide", "https://fr.wikipedia.org/wiki/Mosaïque_fluide")]
    assert (composition.level, permeability.level, example.level) == (2, 2, 3)
    assert colon.text.text == "La membrane contient trois familles de molécules :"

    assert not families.ordered
    assert [item.text.text for item in families.items] == [
        "les lipides (phospholipides, cholestérol) ;", "les protéines :",
        "les glucides, liés aux lipides ou aux protéines."]
    nested = families.items[1].children[0]
    assert [item.text.text for item in nested.items] == ["protéines intrinsèques ;", "protéines extrinsèques ;"]

    assert table.header_rows == 1
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Molécule", "Part de la masse", "Rôle"], ["Lipides", "40 %", "Barrière"],
        ["Protéines", "52 %", "Transport, signalisation"], ["Glucides", "8 %", "Reconnaissance"]]
    assert marked(table.rows[2][2]) == [("code", "signalisation", "")]

    assert [(kind, run) for kind, run, _ in marked(fick.text)] == [("math", "J"), ("math", "D")]
    assert formula.text == "J = -D \\frac{\\Delta C}{\\Delta x}"
    assert formula.notation == "latex"
    assert isinstance(quote.blocks[0], Paragraph)
    assert marked(quote.blocks[0].text) == [("strong", "À retenir", "")]
    assert figure == Figure(None, alt="Schéma de la bicouche lipidique", caption="Figure 1 — La bicouche",
                            name="images/bicouche.png", source=figure.source)
    assert code.language == "python"
    assert code.text == "D = 1e-9  # m²/s\nflux = -D * (0.2 - 0.8) / 5e-9"
    assert steps.ordered and steps.start == 1
    assert [item.text.text for item in steps.items] == [
        "Mesurer la concentration de part et d'autre.", "Calculer le gradient, puis le flux."]

    indexes = [block.source.index for block in walk(document.blocks)]
    assert indexes == sorted(indexes) == list(range(len(indexes)))


def test_headings_keep_their_level_and_line():
    document = read_markdown("# Un\n\n## Deux\n\nTexte\n\n###### Six\n\nTitre souligné\n==============\n")
    headings = [block for block in document.blocks if isinstance(block, Heading)]
    assert [(h.level, h.text.text, h.source.line) for h in headings] == [
        (1, "Un", 1), (2, "Deux", 3), (6, "Six", 7), (1, "Titre souligné", 9)]


def test_heading_made_only_of_markup_keeps_its_words_with_a_strong_mark():
    (heading,) = read_markdown("## **Titre**\n").blocks
    assert heading.text.text == "Titre"
    assert marked(heading.text) == [("strong", "Titre", "")]


def test_nested_lists_three_levels_with_an_ordered_start():
    # CommonMark: only a list starting at 1 may interrupt a paragraph, so the nested one starts at 1
    source = """\
3. Premier point
4. Deuxième point
   - sous-point A
     1. détail un
     2. détail deux
   - sous-point B

     Un second paragraphe du sous-point B.
5. Troisième point
"""
    (outer,) = read_markdown(source).blocks
    assert outer.ordered and outer.start == 3
    assert [item.text.text for item in outer.items] == ["Premier point", "Deuxième point", "Troisième point"]
    (middle,) = outer.items[1].children
    assert not middle.ordered
    assert [item.text.text for item in middle.items] == ["sous-point A", "sous-point B"]
    (inner,) = middle.items[0].children
    assert inner.ordered and inner.start == 1
    assert [item.text.text for item in inner.items] == ["détail un", "détail deux"]
    assert middle.items[1].children == (Paragraph(Text("Un second paragraphe du sous-point B."),
                                                  middle.items[1].children[0].source),)
    assert [item.source.line for item in outer.items] == [1, 2, 9]  # each item knows its line
    assert [item.source.line for item in inner.items] == [4, 5]
    assert {item.source.index for item in outer.items} == {outer.source.index}


def test_gfm_table_has_one_header_row_and_text_cells():
    (table,) = read_markdown("| Organite | Rôle |\n|:--|--:|\n| Noyau | *ADN* |\n| Mitochondrie | ATP |\n").blocks
    assert isinstance(table, Table)
    assert table.header_rows == 1
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Organite", "Rôle"], ["Noyau", "ADN"], ["Mitochondrie", "ATP"]]
    assert marked(table.rows[1][1]) == [("em", "ADN", "")]


def test_marks_cover_the_right_characters_of_the_plain_text():
    source = ("Le *noyau* contient l'__ADN__ ; voir [la fiche **résumée**](https://exemple.fr/fiche?a=1&b=2) "
              "et `ls -l`, puis ~~rien~~ <https://exemple.fr>.")
    (paragraph,) = read_markdown(source).blocks
    text = paragraph.text
    assert text.text == ("Le noyau contient l'ADN ; voir la fiche résumée et ls -l, puis rien "
                         "https://exemple.fr.")
    assert sorted(marked(text)) == sorted([
        ("em", "noyau", ""), ("strong", "ADN", ""), ("link", "la fiche résumée", "https://exemple.fr/fiche?a=1&b=2"),
        ("strong", "résumée", ""), ("code", "ls -l", ""), ("link", "https://exemple.fr", "https://exemple.fr")])


def test_inline_and_block_maths_are_verbatim():
    source = "Soit $\\frac{a}{b} < c_{i}^2$ donc :\n\n$$\n\\int_0^1 x\\,dx = \\frac{1}{2} \\quad *pas*\n$$\n"
    paragraph, formula = read_markdown(source).blocks
    assert marked(paragraph.text) == [("math", "\\frac{a}{b} < c_{i}^2", "")]
    assert formula == Formula("\\int_0^1 x\\,dx = \\frac{1}{2} \\quad *pas*", "latex", formula.source)
    assert formula.source.line == 3


def test_code_is_verbatim_even_when_it_looks_like_markdown_or_html():
    source = ("```markdown\n# pas un titre\n**pas gras** <script>alert(1)</script> &amp;\n\n- pas une liste\n```\n\n"
              "    <b>indenté</b>\n    $x$\n")
    fenced, indented = read_markdown(source).blocks
    assert fenced == Code("# pas un titre\n**pas gras** <script>alert(1)</script> &amp;\n\n- pas une liste",
                          "markdown", fenced.source)
    assert indented == Code("<b>indenté</b>\n$x$", "", indented.source)


def test_front_matter_gives_title_and_language_and_is_never_text():
    document = read_markdown("---\ntitle: 'Cell membranes'\nlang: en_GB\nauthor: X\n---\n\nBody.\n")
    assert (document.title, document.lang) == ("Cell membranes", "en")
    assert plain_text(document) == "Body."
    assert read_markdown("---\nlang: de\n---\nText\n").lang == ""


def test_lone_picture_is_a_figure_and_inline_picture_is_its_alt_text():
    figure, paragraph = read_markdown("![Une cellule](https://exemple.fr/cellule.png)\n\n"
                                      "Voir ![la flèche *rouge*](fleche.svg) ici.\n").blocks
    assert figure == Figure(None, alt="Une cellule", name="https://exemple.fr/cellule.png", source=figure.source)
    assert paragraph.text.text == "Voir la flèche rouge ici."


def test_data_uri_picture_keeps_its_bytes_and_unsafe_picture_addresses_are_dropped():
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(32))
    encoded = base64.b64encode(png).decode("ascii")
    inline, unsafe = read_markdown(f"![schéma](data:image/png;base64,{encoded})\n\n"
                                   "![piège](javascript:alert(1))\n").blocks
    assert inline == Figure(png, "image/png", "schéma", source=inline.source)
    assert (unsafe.image, unsafe.name, unsafe.alt) == (None, "", "piège")


def test_raw_html_is_sanitised_and_never_kept_as_markup():
    source = ("<div onclick=\"steal()\">\n<p>Bloc <b>HTML</b> <a href=\"javascript:alert(1)\">ici</a></p>\n"
              "<script>alert('bloc')</script>\n</div>\n\n"
              "Un <span onmouseover=\"x()\">mot</span> et <script>alert('ligne')</script>fin<br>suite "
              "[cliquer](javascript:alert(1)).\n")
    document = read_markdown(source)
    first, second = document.blocks
    assert first.text.text == "Bloc HTML ici"
    assert marked(first.text) == [("strong", "HTML", "")]
    assert second.text.text == "Un mot et fin\nsuite cliquer."
    assert second.text.marks == ()
    shown = repr(document)
    for trace in ("alert", "onclick", "onmouseover", "<", "javascript"):
        assert trace not in shown


def test_footnotes_become_a_numbered_list_at_the_end():
    paragraph, notes = read_markdown("Une affirmation[^source].\n\n[^source]: Alberts, 2022.\n").blocks
    assert paragraph.text.text == "Une affirmation[1]."
    assert notes.ordered and [item.text.text for item in notes.items] == ["Alberts, 2022."]


def test_quote_holds_its_blocks():
    (quote,) = read_markdown("> Première ligne\n>\n> - point\n").blocks
    assert isinstance(quote, Quote)
    assert [type(block) for block in quote.blocks] == [Paragraph, ListBlock]


@pytest.mark.parametrize("hostile", ["> " * 10_000 + "profond\n", "- " * 10_000 + "profond\n",
                                     "<div>" * 10_000 + "profond" + "</div>" * 10_000 + "\n",
                                     "[" * 10_000 + "profond" + "]" * 10_000 + "\n"])
@pytest.mark.slow
def test_ten_thousand_levels_of_nesting_lose_nothing_and_do_not_crash(hostile):
    document = read_markdown(hostile)
    assert "profond" in plain_text(document)
    assert repr(document)  # the model stays shallow enough for recursive tools


def test_empty_and_blank_files_give_no_blocks():
    assert read_markdown(b"").blocks == ()
    assert read_markdown(" \n\t\n", "vide.md").blocks == ()


def test_utf8_byte_order_mark_is_accepted():
    (heading,) = read_markdown("\ufeff# Été".encode("utf-8")).blocks
    assert heading.text.text == "Été"


@pytest.mark.parametrize("data", [b"# Titre\x00\x01\x02", "caf\u00e9".encode("latin-1"), "a\x00b"])
def test_binary_or_non_utf8_data_is_unreadable(data):
    with pytest.raises(Exception) as error:
        read_markdown(data, "x.md")
    assert error.value.code == "ATY-E052"


def test_file_larger_than_the_byte_limit_is_too_large():
    with pytest.raises(Exception) as error:
        read_markdown(b"a" * (limits.MAX_BYTES + 1), "gros.md")
    assert error.value.code == "ATY-E053"
    assert error.value.params["what"] == "octets"


@pytest.mark.parametrize("source", ["Paragraphe.\n\n" * (limits.MAX_BLOCKS + 1),
                                    "| a |\n|---|\n" + "| x |\n" * (limits.MAX_BLOCKS + 1)])
@pytest.mark.slow
def test_more_blocks_than_the_limit_is_too_large(source):
    with pytest.raises(Exception) as error:
        read_markdown(source, "long.md")
    assert error.value.code == "ATY-E053"
    assert error.value.params["what"] == "blocs"


@pytest.mark.slow
def test_a_large_table_within_the_limits_is_read():
    (table,) = read_markdown("| a | b |\n|---|---|\n" + "| x | y |\n" * 5_000).blocks
    assert len(table.rows) == 5_001


PROBE = """
import json, sys
import atypie.documents.readers.markdown, atypie.documents.readers.html
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("markdown_it", "mdit_py_plugins", "nh3"))))
"""

MISSING = """
import sys
sys.modules["markdown_it"] = None  # what an install without markdown-it-py looks like to `import`
from atypie.documents.readers.markdown import read_markdown
try:
    read_markdown("# x")
except Exception as error:
    print(error.code, error.params["what"])
"""


def test_parsers_are_imported_only_when_a_file_is_read():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []


def test_missing_markdown_it_is_a_missing_dependency():
    done = subprocess.run([sys.executable, "-c", MISSING], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["ATY-E040", "markdown-it-py"]
