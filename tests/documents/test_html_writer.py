"""The HTML writer: a standalone, well-formed, accessible page where document text never becomes markup."""
import io
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

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
from atypie.documents.writers.common import heading_levels, safe_href
from atypie.documents.writers.html import to_html
from atypie.falc.glossary import GlossaryEntry
from atypie.falc.html import THEMES, page_css
from atypie.profiles.model import DisplayPreferences
from atypie.profiles.presets import load_preset

HOSTILE = "Texte <b>gras</b> et **étoiles** avec lien piégé."
VOID = {"meta", "img", "br", "hr", "input", "link", "source", "wbr", "col", "area", "base", "embed", "track"}


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
    links = Text(words, (span(words, "le site", "link", "https://exemple.fr/a?b=1&c=2"),
                         span(words, "écrire", "link", "mailto:a@exemple.fr"),
                         span(words, "page", "link", "annexe.html#p2"), span(words, "code", "code"),
                         span(words, "e x", "math")))
    nested = ListBlock(False, (
        ListItem(Text("Premier point"), (ListBlock(True, (ListItem(Text("sous-point a")), ListItem(Text("b"))),
                                                   start=3),)),
        ListItem(Text("Second point")),
    ))
    table = Table(((Text("Nom"), Text("Âge")), (Text("Alice <i>"), Text("30")), (Text("Bob | Lee"), Text("41"))),
                  header_rows=1, caption="Les <âges>")
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
        Figure(tiny_png(), "image/png", alt="", caption="Un carré rouge", name="carre.png"),
        Figure(None, name="schema.svg"),
        Code("x = 1\n</code><script>alert(1)</script>\n", "python"),
        Formula(r"\frac{a}{b} < c"),
        Formula('<math><mi onclick="x()">x</mi><script>alert(2)</script><mo>=</mo><mn>2</mn></math>', "mathml"),
        Quote((Paragraph(Text("Une citation <script>.")),)),
        Break("slide", 4),
    ), title="Cours <1>", name="cours.docx")


GLOSSARY = [GlossaryEntry("photosynthèse", "fabrication du sucre <par> la plante", "glossaire"),
            GlossaryEntry("contracter", "conclure un contrat", "dictionnaire"),
            GlossaryEntry("ubiquité", "à expliquer", "à expliquer")]


class Outline(HTMLParser):
    """Checks that every tag is closed in order and collects what the tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.headings: list[int] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Outline:
    outline = Outline()
    outline.feed(page)
    outline.close()
    assert not outline.errors and not outline.open, (outline.errors, outline.open)
    return outline


def write(document=None, glossary=None, lang="fr", **kwargs) -> str:
    return to_html(full_document() if document is None else document, GLOSSARY if glossary is None else glossary,
                   DisplayPreferences(), lang, **kwargs)


def test_page_is_well_formed_standalone_and_has_one_main():
    page = write()
    outline = parse(page)
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"fr\">")
    assert [t for t, _ in outline.tags].count("main") == 1
    assert '<meta charset="utf-8">' in page and 'name="viewport"' in page
    assert "<title>Cours &lt;1&gt;</title>" in page
    skip = next(attrs for tag, attrs in outline.tags if tag == "a")
    main = next(attrs for tag, attrs in outline.tags if tag == "main")
    assert skip["href"] == "#" + main["id"]
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.replace('href="https://exemple.fr', ""))
    assert "<link" not in page and "@import" not in page and "url(" not in page


def test_heading_levels_never_skip_and_start_at_h1():
    outline = parse(write())
    levels = outline.headings
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert levels == [1, 2, 2, 2, 2]  # h1, h3, h3, h2 in the file; the glossary's h2 last


def test_without_h1_the_title_becomes_the_h1():
    document = Document((Heading(2, Text("A")), Heading(4, Text("B")), Paragraph(Text("x"))), title="Mon <titre>")
    outline = parse(write(document, []))
    assert outline.headings == [1, 2, 3]
    assert "<h1>Mon &lt;titre&gt;</h1>" in write(document, [])
    assert heading_levels(document, "fr") == ("Mon <titre>", [2, 3])
    untitled = Document((Paragraph(Text("x")),), name="notes.md")
    assert "<h1>notes.md</h1>" in write(untitled, [])


def test_every_image_has_an_alt_and_is_embedded():
    descriptions = {}
    page = write(descriptions=descriptions)
    images = [attrs for tag, attrs in parse(page).tags if tag == "img"]
    assert len(images) == 1
    assert images[0]["alt"] == "Image sans description"
    assert images[0]["src"].startswith("data:image/png;base64,iVBORw0KGgo")
    assert "schema.svg" in page and 'src="schema.svg"' not in page  # no picture fetched by name


def test_alt_comes_from_the_file_then_the_descriptions():
    document = full_document()
    figures = [i for i, block in enumerate(_walk(document)) if isinstance(block, Figure)]
    page = write(document, descriptions={figures[0]: "Un carré rouge sur fond blanc", figures[1]: "Un <schéma>"})
    assert 'alt="Un carré rouge sur fond blanc"' in page and "Un &lt;schéma&gt;" in page
    own = Document((Figure(tiny_png(), "", alt="Son alt \"à elle\"", name="x.png"),))
    page = write(own, [], descriptions={0: "ignorée"})
    assert 'alt="Son alt &quot;à elle&quot;"' in page and "ignorée" not in page
    assert 'src="data:image/png;base64,' in page  # the type is read from the bytes when the file gives none
    english = to_html(Document((Figure(None, name="f.png"),)), [], DisplayPreferences(), "en")
    assert "Image without description" in english and "Skip to content" in english


def test_hostile_text_is_escaped_and_no_script_survives():
    page = write()
    assert "<script" not in page.lower()
    assert "&lt;b&gt;gras&lt;/b&gt;" in page and "<b>" not in page
    assert "**étoiles**" in page
    assert "&lt;/code&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript" not in page and "avec lien piégé" in page
    assert "Une citation &lt;script&gt;." in page
    assert "Les &lt;âges&gt;" in page and "fabrication du sucre &lt;par&gt; la plante" in page
    assert "onclick" not in page and "alert(2)" not in page


def test_marks_and_link_rule():
    page = write()
    assert '<em>Texte</em>' in page
    assert '<a href="https://exemple.fr/a?b=1&amp;c=2">le site</a>' in page
    assert '<a href="mailto:a@exemple.fr">écrire</a>' in page and '<a href="annexe.html#p2">page</a>' in page
    assert '<code>cod<code class="math">e</code></code><code class="math"> x</code>' in page  # crossing marks
    for href, kept in [("javascript:alert(1)", False), (" JavaScript:x", False), ("java\nscript:x", False),
                       ("data:text/html,x", False), ("vbscript:x", False), ("file:///etc/passwd", False),
                       ("https://a.fr", True), ("HTTP://a.fr", True), ("mailto:x@y.fr", True), ("../b.html", True),
                       ("#ancre", True), ("image.png", True)]:
        assert (safe_href(href) is not None) == kept, href


def test_table_has_headers_caption_and_a_linear_reading():
    page = write()
    assert "<caption>Les &lt;âges&gt;</caption>" in page
    assert '<th scope="col">Nom</th><th scope="col">Âge</th>' in page
    assert "<li>Nom : Alice &lt;i&gt; ; Âge : 30</li>" in page and "<li>Nom : Bob | Lee ; Âge : 41</li>" in page
    assert re.search(r'</table>\n<div class="visually-hidden"><p>Lecture linéaire du tableau', page)
    headless = to_html(Document((Table(((Text("a"), Text("b")),)),)), [], DisplayPreferences(), "en")
    assert "<th" not in headless and "<li>Column 1: a; Column 2: b</li>" in headless


def test_lists_nest_and_ordered_lists_keep_their_start():
    page = write()
    assert re.search(r"<li>Premier point\n<ol start=\"3\">\n<li>sous-point a</li>\n<li>b</li>\n</ol>\n</li>", page)


def test_code_formulas_quotes_and_breaks():
    page = write()
    assert '<pre tabindex="0"><code class="language-python">x = 1\n' in page
    assert ('<div class="formula" role="group" aria-label="formule"><code class="math">\\frac{a}{b} &lt; c</code>'
            in page)
    assert "<math><mi>x</mi><mo>=</mo><mn>2</mn></math>" in page
    assert "<blockquote>\n<p>Une citation" in page
    assert '<p class="break">Page 3</p>' in page and '<p class="break">Diapositive 4</p>' in page
    english = to_html(Document((Formula("x"), Break("slide", 2))), [], DisplayPreferences(), "en")
    assert 'aria-label="formula"' in english and '<p class="break">Slide 2</p>' in english


def test_table_of_contents_only_from_four_headings():
    page = write()
    assert page.count('<nav aria-label="Sommaire">') == 1
    nav = re.search(r"<nav.*?</nav>", page).group(0)
    assert nav.count("<a href=\"#section-") == 4 and '<a href="#section-4">Images et code</a>' in nav
    assert page.index("<nav") > page.index("<h1")  # right after the h1
    three = Document(tuple(Heading(2, Text(f"T{i}")) for i in range(3)), title="t")
    assert "<nav" not in write(three, [])
    four = Document(tuple(Heading(2, Text(f"T{i}")) for i in range(4)), title="t")
    parse(write(four, []))
    assert "<nav" in write(four, []) and write(four, [], lang="en").count('aria-label="Contents"') == 1


def test_glossary_once_at_the_end():
    page = write()
    assert page.count("Glossaire") == 1
    assert re.search(r'<section aria-labelledby="glossaire"><h2 id="glossaire">Glossaire</h2><dl>.*</dl>.*'
                     r"</section>\n</main>", page)
    assert "<dd>conclure un contrat (Wiktionnaire : sens à vérifier)</dd>" in page
    assert "1 mot difficile encore à expliquer." in page
    assert "<section" not in write(glossary=[]) and "Glossary</h2>" in write(lang="en")


def test_display_preferences_reach_the_css():
    display = load_preset("dyslexie").display
    page = to_html(full_document(), [], display, "fr")
    assert page_css(display, THEMES[display.theme]) in page
    assert "letter-spacing:0.12em" in page and "DejaVu Sans" in page


def test_writers_import_no_heavy_module():
    probe = ("import json, sys\nimport atypie.documents.writers.html, atypie.documents.writers.markdown\n"
             "print(json.dumps(sorted(sys.modules)))")
    loaded = json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                       check=True).stdout)
    assert not {m.split(".")[0] for m in loaded} & {"nh3", "pydantic", "PIL", "markdown_it", "spacy", "torch"}


GOLDEN_DOCUMENT = Document((
    Heading(1, Text("Les volcans")),
    Paragraph(Text("Un volcan crache de la lave.", (Mark(3, 9, "strong"), Mark(23, 27, "link", "lave.html")))),
    ListBlock(True, (ListItem(Text("La lave sort.")), ListItem(Text("Elle refroidit.")))),
    Break("page", 2),
), title="Volcans")

GOLDEN_HTML = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Volcans</title>
<style>…</style>
</head>
<body>
<a class="skip" href="#main">Aller au contenu</a>
<main id="main" tabindex="-1">
<h1 id="section-1">Les volcans</h1>
<p>Un <strong>volcan</strong> crache de la <a href="lave.html">lave</a>.</p>
<ol>
<li>La lave sort.</li>
<li>Elle refroidit.</li>
</ol>
<p class="break">Page 2</p>
<section aria-labelledby="glossaire"><h2 id="glossaire">Glossaire</h2><dl><dt>lave</dt><dd>roche fondue</dd></dl>\
</section>
</main>
</body>
</html>
"""


def test_golden_page():
    page = to_html(GOLDEN_DOCUMENT, [GlossaryEntry("lave", "roche fondue", "glossaire")], DisplayPreferences(), "fr")
    assert re.sub(r"<style>.*?</style>", "<style>…</style>", page, flags=re.S) == GOLDEN_HTML


def _walk(document):
    from atypie.documents.model import walk

    return list(walk(document.blocks))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_tag_closes_in_both_languages(lang):
    parse(write(lang=lang))
