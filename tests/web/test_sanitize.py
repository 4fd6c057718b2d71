"""Hostile course material never reaches the page as markup: scripts, handlers, `javascript:` links, SVG tricks."""
from __future__ import annotations

import html
import re

import pytest

from atypie.falc.html import page
from atypie.falc.rewrite import Block
from atypie.profiles.model import DisplayPreferences
from atypie.web import sanitize, views

# Markup that could run or load something: such elements, or inside any tag an event handler, a script URL, a
# reference to something else than an inline PNG. Escaped text ("&lt;script&gt;") is harmless and not matched.
DANGEROUS = re.compile(r"<\s*(script|iframe|object|embed|style|foreignobject|math|set|animate|use|base|meta|link"
                       r"|form)\b"
                       r"|<[^>]*(\son[a-z]+\s*=|script:|data:(?!image/png)|url\(|href=\"(?!data:image/png|https:))",
                       re.I)

HOSTILE_HTML = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">cliquez</a>',
    '<a href="JaVaScRiPt:alert(1)">cliquez</a>',
    '<a href="  javascript:alert(1)">cliquez</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<p onclick="alert(1)" style="background:url(javascript:alert(1))">texte</p>',
    "<iframe src=\"https://example.org\"></iframe>",
    "<object data=\"x.swf\"></object><embed src=\"x\">",
    "<style>body{display:none}</style>",
    "<math><mtext><script>alert(1)</script></mtext></math>",
    "<svg><script>alert(1)</script></svg>",
    "<<script>script>alert(1)<</script>/script>",
    '<div><noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript></div>',
    "<!-- <script>alert(1)</script> -->",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<form action="javascript:alert(1)"><button>ok</button></form>',
]

HOSTILE_SVG = [
    '<svg onload="alert(1)" viewBox="0 0 10 10"><text>x</text></svg>',
    "<svg><script>alert(1)</script><text>x</text></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><foreignObject><div onmouseover="alert(1)">x</div></foreignObject></svg>',
    '<svg><set attributeName="onmouseover" to="alert(1)"/><animate attributeName="href" to="javascript:alert(1)"/>'
    "</svg>",
    '<svg><use href="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+#x"/></svg>',
    '<svg><image href="javascript:alert(1)"/><image xlink:href="file:///etc/passwd"/></svg>',
    '<svg><image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/></svg>',
    "<svg><style>@import url(https://example.org/x.css);</style><text>x</text></svg>",
    '<svg><g style="behavior:url(x.htc)"><text fill="url(javascript:alert(1))">x</text></g></svg>',
]


@pytest.mark.parametrize("markup", HOSTILE_HTML)
def test_text_markup_keeps_no_active_content(markup):
    assert not DANGEROUS.search(sanitize.clean_html(markup))


@pytest.mark.parametrize("markup", HOSTILE_SVG)
def test_svg_keeps_no_active_content(markup):
    assert not DANGEROUS.search(sanitize.clean_svg(markup))


def test_safe_markup_and_accessible_svg_survive():
    assert sanitize.clean_html('<ul><li>un</li></ul><a href="https://example.org">lien</a>') == (
        '<ul><li>un</li></ul><a href="https://example.org" rel="noopener noreferrer">lien</a>')
    svg = ('<svg viewBox="0 0 10 10" role="img" aria-labelledby="atypie-title atypie-desc">'
           '<title id="atypie-title">Court</title><desc id="atypie-desc">Long</desc>'
           '<metadata><atypie:graph>{"nodes": []}</atypie:graph></metadata>'
           '<g id="node1" class="node"><ellipse cx="1" cy="1" rx="1" ry="1" fill="none" stroke="#000"/>'
           '<image aria-hidden="true" xlink:href="data:image/png;base64,iVBORw0KGgo=" width="4" height="4"/>'
           '<text x="1" y="1" text-anchor="middle">Étape &lt;1&gt;</text></g></svg>')
    cleaned = sanitize.clean_svg(svg)
    for kept in ('viewBox="0 0 10 10"', 'role="img"', 'aria-labelledby="atypie-title atypie-desc"',
                 '<title id="atypie-title">Court</title>', '<desc id="atypie-desc">Long</desc>', "<ellipse",
                 'xlink:href="data:image/png;base64,iVBORw0KGgo="', "Étape &lt;1&gt;"):
        assert kept in cleaned
    assert "metadata" not in cleaned and "nodes" not in cleaned


def test_png_img_accepts_only_png_bytes_and_escapes_the_alt():
    tag = sanitize.png_img(b"\x89PNG\r\n\x1a\n", 'Schéma "<script>alert(1)</script>"')
    assert tag.startswith('<img src="data:image/png;base64,') and "<script" not in tag
    assert html.unescape(re.search(r'alt="([^"]*)"', tag).group(1)) == 'Schéma "<script>alert(1)</script>"'


def test_reading_frame_is_sandboxed_and_its_page_escaped():
    hostile = "</textarea><script>alert(1)</script><img src=x onerror=alert(1)> \" ' ` ${alert(1)}"
    frame = views.reading_frame([hostile], DisplayPreferences(theme="dark"), "fr", "Titre </title><script>")
    assert frame.startswith('<iframe class="atypie-frame" title="Titre &lt;/title&gt;&lt;script&gt;" sandbox="" ')
    document = html.unescape(re.search(r'srcdoc="([^"]*)"', frame).group(1))
    assert not DANGEROUS.search(document.split("<main>")[1])
    assert "background:#121212" in document and '<html lang="fr">' in document


def test_a_reading_page_drops_foreign_css_and_an_unknown_page_is_refused():
    made = page([Block("paragraph", ["Bonjour."])], [], DisplayPreferences(), "fr", "Titre")
    assert "<style>body{" in sanitize.read_page(made).html()
    injected = sanitize.read_page(made.replace("</style>", "@import url(https://example.org/x.css);</style>")).html()
    assert "@import" not in injected and "Bonjour." in injected
    with pytest.raises(sanitize.PageShapeError):
        sanitize.read_page("<html><body><script>alert(1)</script></body></html>")


def test_tables_and_notices_escape_their_cells():
    table = views.table("Profils <b>", ["<i>Id</i>"], [["<script>alert(1)</script>", 'x" onmouseover="y']])
    assert not DANGEROUS.search(table) and "<td>x\" onmouseover=\"y</td>" in table
    assert "<caption>Profils &lt;b&gt;</caption>" in table


# --- reading pages as data -----------------------------------------------------------------------------------


def test_every_kind_of_reading_page_atypie_writes_is_read_into_its_fields():
    from atypie.documents.model import Document, Heading, Paragraph, Text
    from atypie.documents.writers.html import to_html
    from atypie.falc.html import diff_page

    made = page([Block("paragraph", ["Bonjour."])], [], DisplayPreferences(), "fr", "Titre « un »")
    read = sanitize.read_page(made)
    assert (read.lang, read.title) == ("fr", "Titre « un »") and read.css.startswith("body{")
    assert "<h1>Titre « un »</h1>" in read.body and "Bonjour." in read.body and "<main" not in read.body
    assert "<table>" in sanitize.read_page(diff_page([], [], "en", "What changed")).body
    document = Document((Heading(1, Text("La cellule")), Paragraph(Text("La membrane entoure la cellule."))))
    adapted = sanitize.read_page(to_html(document, [], DisplayPreferences(theme="cream"), "fr"))
    assert adapted.lang == "fr" and "#fbf5e6" in adapted.css and "La membrane" in adapted.body
    assert "skip" not in adapted.body  # the skip link is outside <main>


def test_a_reading_page_is_sanitised_field_by_field():
    hostile = sanitize.ReadingPage(lang='fr" onload="alert(1)', title="</title><script>alert(1)</script>",
                                   css="body{color:red}</style><script>alert(1)</script>",
                                   body='<p onclick="alert(1)">Texte</p><script>alert(1)</script>')
    written = hostile.html()
    assert "<html>" in written and "onload" not in written  # not a language tag: left out
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in written
    assert "<style></style>" in written and "<main><p>Texte</p></main>" in written
    assert not DANGEROUS.search(written.split("</style>")[1])
    for css in ("@import url(https://example.org/x.css);", "body{background:url(https://example.org/x.png)}",
                "body{color:red}\\3c script"):
        assert "<style></style>" in sanitize.ReadingPage("fr", "T", css, "<p>x</p>").html()
    kept = sanitize.ReadingPage("en-GB", "T", "p{margin:0}", "<p>x</p>").html()
    assert '<html lang="en-GB">' in kept and "<style>p{margin:0}</style>" in kept


def test_a_page_written_differently_is_still_read_and_one_without_main_is_an_error():
    changed = ("<!doctype html><HTML dir='ltr' lang='fr'><head><STYLE>p{margin:0}</STYLE>"
               "<title>Titre &amp; suite</title></head><body><nav>menu</nav>"
               "<MAIN class=\"page\"><p>Un <b>mot</b></p><main><p>dedans</p></main><p>fin</p></MAIN>"
               "<p>hors du main</p></body></HTML>")
    read = sanitize.read_page(changed)
    assert (read.lang, read.title, read.css) == ("fr", "Titre & suite", "p{margin:0}")
    assert "<p>Un <b>mot</b></p>" in read.body and "dedans" in read.body and "fin" in read.body
    assert "hors du main" not in read.body and "menu" not in read.body
    assert "&lt;script&gt;" in sanitize.read_page("<main><p>&lt;script&gt;</p></main>").body  # text stays text
    for unknown in ("<html lang=\"fr\"><body><p>Bonjour</p></body></html>", "", "Bonjour"):
        with pytest.raises(sanitize.PageShapeError, match="<main>"):
            sanitize.read_page(unknown)


def test_a_page_that_cannot_be_shown_leaves_a_visible_notice_not_an_empty_frame(caplog):
    from atypie.web.i18n import t

    shown = views.page_frame("<html lang=\"fr\"><body><p>Bonjour</p></body></html>", "Document adapté", "en")
    assert "<iframe" not in shown and t("preview.unavailable", "en") in shown and 'role="status"' in shown
    assert "no <main> element" in caplog.text
    framed = views.page_frame(page([Block("paragraph", ["Bonjour."])], [], DisplayPreferences(), "fr", "Titre"),
                              'Titre "x"', "fr")
    assert framed.startswith('<iframe class="atypie-frame" title="Titre &quot;x&quot;" sandbox="" srcdoc="')
