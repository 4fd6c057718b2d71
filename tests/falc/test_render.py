"""Markdown downloads are inert: course text that carries HTML or links renders as visible text, nothing runs."""
from markdown_it import MarkdownIt

import atypie
from atypie.falc.render import to_text

HOSTILE = ("La photosynthèse produit du glucose. <script>alert(1)</script> Voir <img src=x onerror=\"alert(2)\"> et "
           "[le cours](javascript:alert(3)) ou ![x](javascript:alert(4)) ou <javascript:alert(5)>. Le taux est de "
           "5 * 3 = 15 & plus.")


def _html_of(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


def test_markdown_download_of_hostile_course_text_renders_no_active_content():
    result = atypie.simplify(HOSTILE, "standard")
    markdown = to_text(result.blocks, result.glossary, result.lang, markdown=True)
    html = _html_of(markdown)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "href=\"" not in html and "src=\"" not in html
    assert "&lt;script&gt;" in html  # still there, as text a student can see
    assert "15" in html


def test_plain_text_is_left_as_written():
    result = atypie.simplify(HOSTILE, "standard")
    assert "<script>alert(1)</script>" in to_text(result.blocks, result.glossary, result.lang)
