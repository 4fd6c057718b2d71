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


def test_reading_document_drops_foreign_css_and_unknown_pages():
    made = page([Block("paragraph", ["Bonjour."])], [], DisplayPreferences(), "fr", "Titre")
    assert "<style>body{" in sanitize.reading_document(made)
    injected = made.replace("</style>", "@import url(https://example.org/x.css);</style>")
    assert "@import" not in sanitize.reading_document(injected) and "Bonjour." in sanitize.reading_document(injected)
    assert sanitize.reading_document("<html><body><script>alert(1)</script></body></html>") == ""


def test_tables_and_notices_escape_their_cells():
    table = views.table("Profils <b>", ["<i>Id</i>"], [["<script>alert(1)</script>", 'x" onmouseover="y']])
    assert not DANGEROUS.search(table) and "<td>x\" onmouseover=\"y</td>" in table
    assert "<caption>Profils &lt;b&gt;</caption>" in table
