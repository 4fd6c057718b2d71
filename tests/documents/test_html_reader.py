"""The HTML reader: sanitised first, then the same blocks and marks as Markdown; pictures never fetched; limits."""
from __future__ import annotations

import base64
import struct
import subprocess
import sys
import zlib

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
from atypie.documents.readers.html import read_html


def png_bytes() -> bytes:
    """A real 1×1 white PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff"))
            + chunk(b"IEND", b""))


def marked(text: Text) -> list[tuple[str, str, str]]:
    return [(mark.kind, text.text[mark.start:mark.end], mark.href) for mark in text.marks]


COURSE_PAGE = """\
<!DOCTYPE html>
<html lang="fr-FR">
<head>
<meta charset="utf-8">
<title>Biologie cellulaire —
  la membrane</title>
<style>
body { font-family: sans-serif; }
p { margin: 0; }
</style>
<script>document.write("<h1>injecté</h1>")</script>
</head>
<body>
<header><a href="/">Université</a><nav><ul><li><a href="/cours">Cours</a></li></ul></nav></header>
<main>
<article>
<header><h1>La membrane <em>plasmique</em></h1></header>
<p>Elle sépare le <strong>milieu intracellulaire</strong> du milieu
   extracellulaire (voir <a href="https://exemple.fr/fiche">la fiche</a>).</p>
<h2>Composition</h2>
<p>Trois familles de molécules :</p>
<ul>
  <li>les lipides ;</li>
  <li>les protéines :
    <ol start="4"><li>intrinsèques<ul><li>canaux</li><li>pompes</li></ul></li><li>extrinsèques</li></ol>
  </li>
  <li><p>les glucides.</p><p>Ils servent à la reconnaissance.</p></li>
</ul>
<table>
  <caption>Part de la masse membranaire</caption>
  <thead><tr><th>Molécule</th><th>Part</th></tr></thead>
  <tbody><tr><td>Lipides</td><td>40 %</td></tr><tr><td>Protéines</td><td><b>52</b> %</td></tr></tbody>
</table>
<figure><img src="data:image/png;base64,{png}" alt="Schéma de la bicouche"><figcaption>Figure 1 — La
  bicouche</figcaption></figure>
<blockquote><p>À retenir : la bicouche est fluide.</p></blockquote>
<pre><code class="language-python">flux = -D * (c2 - c1) / e  # &lt;b&gt;pas gras&lt;/b&gt;
</code></pre>
<math display="block"><mi>J</mi><mo>=</mo><mo>-</mo><mi>D</mi></math>
<footer><p>Rédigé par l'équipe pédagogique.</p></footer>
</article>
</main>
<footer>© Université — mentions légales</footer>
</body>
</html>
"""


def test_course_page_is_read_whole_in_order():
    page = COURSE_PAGE.replace("{png}", base64.b64encode(png_bytes()).decode("ascii"))
    document = read_html(page.encode("utf-8"), "membrane.html")

    assert (document.kind, document.name) == ("html", "membrane.html")
    assert document.title == "Biologie cellulaire — la membrane"
    assert document.lang == "fr"
    assert [type(block).__name__ for block in document.blocks] == [
        "Heading", "Paragraph", "Heading", "Paragraph", "ListBlock", "Table", "Figure", "Quote", "Code", "Formula",
        "Paragraph"]
    title, intro, composition, colon, families, table, figure, quote, code, formula, credits = document.blocks

    assert (title.level, title.text.text, title.source.line) == (1, "La membrane plasmique", 17)
    assert marked(title.text) == [("em", "plasmique", "")]
    assert intro.text.text == ("Elle sépare le milieu intracellulaire du milieu extracellulaire (voir la fiche).")
    assert marked(intro.text) == [("strong", "milieu intracellulaire", ""),
                                  ("link", "la fiche", "https://exemple.fr/fiche")]
    assert intro.source.line == 18
    assert (composition.level, composition.text.text) == (2, "Composition")
    assert colon.text.text == "Trois familles de molécules :"

    assert [item.text.text for item in families.items] == ["les lipides ;", "les protéines :", "les glucides."]
    (kinds,) = families.items[1].children
    assert kinds.ordered and kinds.start == 4
    assert [item.text.text for item in kinds.items] == ["intrinsèques", "extrinsèques"]
    assert [item.text.text for item in kinds.items[0].children[0].items] == ["canaux", "pompes"]
    assert [block.text.text for block in families.items[2].children] == ["Ils servent à la reconnaissance."]

    assert table.caption == "Part de la masse membranaire"
    assert table.header_rows == 1
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Molécule", "Part"], ["Lipides", "40 %"], ["Protéines", "52 %"]]
    assert marked(table.rows[2][1]) == [("strong", "52", "")]

    assert figure.image == png_bytes()
    assert (figure.media_type, figure.alt, figure.caption, figure.name) == (
        "image/png", "Schéma de la bicouche", "Figure 1 — La bicouche", "")
    assert quote.blocks == (Paragraph(Text("À retenir : la bicouche est fluide."), quote.blocks[0].source),)
    assert code == Code("flux = -D * (c2 - c1) / e  # <b>pas gras</b>", "python", code.source)
    assert formula.notation == "mathml"
    assert formula.text == "<math display=\"block\"><mi>J</mi><mo>=</mo><mo>-</mo><mi>D</mi></math>"
    assert credits.text.text == "Rédigé par l'équipe pédagogique."

    words = plain_text(document)
    for chrome in ("Université", "Cours", "mentions légales", "injecté", "font-family"):
        assert chrome not in words
    indexes = [block.source.index for block in walk(document.blocks)]
    assert indexes == list(range(len(indexes)))


def test_headings_keep_their_level():
    document = read_html("<h1>Un</h1><h3>Trois</h3><h6>Six <b>gras</b></h6><h2></h2>")
    assert [(block.level, block.text.text) for block in document.blocks] == [(1, "Un"), (3, "Trois"),
                                                                              (6, "Six gras")]


@pytest.mark.parametrize(("tag", "lang"), [("fr", "fr"), ("en-GB", "en"), ("EN", "en"), ("de-DE", ""), ("", "")])
def test_language_comes_from_the_primary_subtag(tag, lang):
    assert read_html(f'<html lang="{tag}"><title>T</title><p>x</p></html>').lang == lang


def test_marks_cover_the_right_characters_after_spaces_collapse():
    (paragraph,) = read_html("<p>  Le <em>noyau</em>\n   contient <b> l'ADN </b>; voir <a href='fiche.html'>la "
                             "<i>fiche</i></a> et <code>ls&nbsp;-l</code>.<br>Fin.</p>").blocks
    text = paragraph.text
    assert text.text == "Le noyau contient l'ADN ; voir la fiche et ls\u00a0-l.\nFin."
    assert marked(text) == [("em", "noyau", ""), ("strong", "l'ADN", ""), ("link", "la fiche", "fiche.html"),
                            ("em", "fiche", ""), ("code", "ls\u00a0-l", "")]


def test_inline_maths_keeps_its_latex_and_display_maths_splits_the_paragraph():
    first, formula, last = read_html(
        '<p>Soit <math alttext="x^{2}"><msup><mi>x</mi><mn>2</mn></msup></math> le carré :'
        '<math display="block"><mi>y</mi></math>donc la suite.</p>').blocks
    assert marked(first.text) == [("math", "x^{2}", "")]
    assert formula == Formula('<math display="block"><mi>y</mi></math>', "mathml", formula.source)
    assert last.text.text == "donc la suite."


def test_code_is_verbatim_even_when_it_looks_like_markdown_or_html():
    (code,) = read_html("<pre>## pas un titre\n  **pas gras** &lt;script&gt;alert(1)&lt;/script&gt;\n\n"
                        "    - <b>pas</b> une liste</pre>").blocks
    assert code.text == "## pas un titre\n  **pas gras** <script>alert(1)</script>\n\n    - pas une liste"


def test_sanitising_drops_scripts_handlers_and_javascript_links_but_keeps_the_words():
    document = read_html(
        '<p onclick="steal()">Texte <a href="javascript:alert(1)">lien piégé</a> et '
        '<a href=" JaVa&#x09;ScRiPt:alert(2)">autre</a><script>alert(3)</script> '
        '<img src="x" onerror="alert(4)" alt="image"> <style>p{}</style>fin.</p>'
        '<iframe src="https://mal.example">cadre</iframe><object><embed src="x.swf"></object>')
    (paragraph,) = document.blocks
    assert paragraph.text.text == "Texte lien piégé et autre image fin."
    assert paragraph.text.marks == ()
    shown = repr(document)
    for trace in ("alert", "onclick", "onerror", "javascript", "cadre", "p{}"):
        assert trace.lower() not in shown.lower()


def test_data_uri_picture_is_decoded_and_remote_pictures_are_never_fetched():
    png = base64.b64encode(png_bytes()).decode("ascii")
    lying = base64.b64encode(b"GIF89a not a png").decode("ascii")
    document = read_html(
        f'<p><img src="data:image/png;base64,{png}" alt="schéma"></p>'
        '<p><img src="https://exemple.fr/cellule.png" alt="cellule" title="Une cellule"></p>'
        '<p><img src="file:///etc/passwd" alt="local"></p>'
        f'<p><img src="data:image/png;base64,{lying}" alt="menteur"></p>')
    inline, remote, local, liar = document.blocks
    assert inline == Figure(png_bytes(), "image/png", "schéma", source=inline.source)
    assert remote == Figure(None, "", "cellule", "Une cellule", "https://exemple.fr/cellule.png", remote.source)
    assert (local.image, local.name) == (None, "file:///etc/passwd")
    assert (liar.image, liar.alt) == (None, "menteur")


def test_picture_inside_text_becomes_its_alt_text():
    (paragraph,) = read_html('<p>La <img src="fleche.png" alt="flèche"> montre le sens.</p>').blocks
    assert paragraph.text.text == "La flèche montre le sens."


def test_page_chrome_is_dropped_and_article_headers_are_kept():
    document = read_html("<header><h1>Site</h1></header><nav>Menu</nav><section><header><h2>Partie</h2></header>"
                         "<p>Corps</p><footer>Note de section</footer></section><footer>Pied</footer>")
    assert [block.text.text for block in document.blocks] == ["Partie", "Corps", "Note de section"]


def test_tables_take_header_rows_from_thead_or_rows_of_th():
    (table,) = read_html("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr>"
                         "<tr><th>C</th><td>3</td></tr></table>").blocks
    assert isinstance(table, Table)
    assert table.header_rows == 1
    assert [[cell.text for cell in row] for row in table.rows] == [["A", "B"], ["1", "2"], ["C", "3"]]


def test_nested_lists_three_levels_with_an_ordered_start():
    (outer,) = read_html('<ol start="3"><li>Premier</li><li>Deuxième<ul><li>A<ol><li>un</li><li>deux</li></ol>'
                         "</li><li>B</li></ul></li></ol>").blocks
    assert isinstance(outer, ListBlock) and outer.ordered and outer.start == 3
    (middle,) = outer.items[1].children
    (inner,) = middle.items[0].children
    assert [item.text.text for item in middle.items] == ["A", "B"]
    assert [item.text.text for item in inner.items] == ["un", "deux"]
    assert inner.ordered and inner.start == 1


def test_quote_holds_its_blocks():
    (quote,) = read_html("<blockquote><p>Dit</p><ul><li>point</li></ul></blockquote>").blocks
    assert isinstance(quote, Quote)
    assert [type(block) for block in quote.blocks] == [Paragraph, ListBlock]


def test_source_lines_are_those_of_the_file():
    document = read_html("<html>\n<head>\n<style>\na{}\nb{}\n</style>\n</head>\n<body>\n<h1>Titre</h1>\n\n"
                         "<p>Un</p>\n<div>\n  texte libre\n</div>\n")
    assert [(type(block), block.source.line) for block in document.blocks] == [
        (Heading, 9), (Paragraph, 11), (Paragraph, 13)]


@pytest.mark.slow
def test_ten_thousand_levels_of_nesting_lose_nothing_and_do_not_crash():
    opening = "<div><blockquote><ul><li><b>" * 2_000
    closing = "</b></li></ul></blockquote></div>" * 2_000
    document = read_html(opening + "profond" + closing)
    assert plain_text(document) == "profond"
    assert repr(document)  # nested quotations and lists are capped, so recursive tools still work


def test_charset_from_meta_is_used_when_the_bytes_are_not_utf8():
    document = read_html('<meta charset="windows-1252"><title>Été</title><p>Élève — cœur</p>'.encode("cp1252"))
    assert document.title == "Été"
    assert document.blocks[0].text.text == "Élève — cœur"


def test_utf8_byte_order_mark_is_accepted():
    assert read_html("\ufeff<p>Été</p>".encode("utf-8")).blocks[0].text.text == "Été"


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "<p>caf\u00e9</p>".encode("latin-1"),
                                  '<meta charset="nimporte"><p>caf\u00e9</p>'.encode("latin-1")])
def test_binary_or_undecodable_data_is_unreadable(data):
    with pytest.raises(Exception) as error:
        read_html(data, "x.html")
    assert error.value.code == "ATY-E052"


def test_empty_and_blank_pages_give_no_blocks():
    assert read_html(b"").blocks == ()
    assert read_html("  \n ").blocks == ()


def test_page_larger_than_the_byte_limit_is_too_large():
    with pytest.raises(Exception) as error:
        read_html(b" " * (limits.MAX_BYTES + 1), "gros.html")
    assert error.value.code == "ATY-E053"
    assert error.value.params["what"] == "octets"


@pytest.mark.parametrize("page", ["<p>x</p>" * (limits.MAX_BLOCKS + 1),
                                  "<table>" + "<tr><td>x</td><td>y</td></tr>" * (limits.MAX_BLOCKS + 1) + "</table>"])
@pytest.mark.slow
def test_more_blocks_than_the_limit_is_too_large(page):
    with pytest.raises(Exception) as error:
        read_html(page, "long.html")
    assert error.value.code == "ATY-E053"
    assert error.value.params["what"] == "blocs"


def test_a_large_table_within_the_limits_is_read():
    (table,) = read_html("<table>" + "<tr><td>x</td><td>y</td><td>z</td></tr>" * 5_000 + "</table>").blocks
    assert len(table.rows) == 5_000 and table.rows[-1][2].text == "z"


MISSING = """
import sys
sys.modules["nh3"] = None  # what an install without nh3 looks like to `import`
from atypie.documents.readers.html import read_html
try:
    read_html("<p>x</p>")
except Exception as error:
    print(error.code, error.params["what"])
"""


def test_missing_nh3_is_a_missing_dependency():
    done = subprocess.run([sys.executable, "-c", MISSING], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["ATY-E040", "nh3"]


def test_latex_in_a_math_code_element_is_a_formula_when_alone_and_a_math_mark_inline():
    document = read_html('<html lang="fr"><body><p>On pose <code class="math">x^2</code> ici.</p>'
                         '<div class="formula"><code class="math">E = mc^{2}</code></div></body></html>')
    paragraph, formula = document.blocks
    (mark,) = paragraph.text.marks
    assert mark.kind == "math" and paragraph.text.text[mark.start:mark.end] == "x^2"
    assert formula == Formula("E = mc^{2}", "latex", formula.source)
