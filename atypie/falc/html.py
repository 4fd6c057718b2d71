"""A standalone HTML page that applies the profile's display: font, size, WCAG 1.4.12 spacing, theme,
syllable colouring (alternating colours, as LireCouleur does) and line focus. All text is escaped."""
from __future__ import annotations

import re
from html import escape

from ..language import syllables
from ..profiles.model import DisplayPreferences
from .glossary import shown_definition
from .render import still_to_explain

# Text/background pairs, each with a contrast ratio of at least 7:1 (WCAG 1.4.6); tested.
THEMES = {
    "light": {"fg": "#1a1a1a", "bg": "#ffffff", "accent": "#0b4f9c", "focus": "#fff3b0", "syl": ("#0b4f9c", "#9c1b0b")},
    "cream": {"fg": "#1f1a14", "bg": "#fbf5e6", "accent": "#0b4a8f", "focus": "#f3e2a9", "syl": ("#0b4a8f", "#8f1a0b")},
    "dark": {"fg": "#f2f2f2", "bg": "#121212", "accent": "#9cc7ff", "focus": "#333300", "syl": ("#9cc7ff", "#ffb3a1")},
    "high-contrast": {"fg": "#ffffff", "bg": "#000000", "accent": "#ffff00", "focus": "#003366",
                      "syl": ("#ffff00", "#7fffff")},
}
FONTS = {"system": "system-ui, sans-serif", "dejavu-sans": "'DejaVu Sans', Verdana, sans-serif",
         "opendyslexic": "'OpenDyslexic', 'DejaVu Sans', sans-serif"}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


def page(blocks, glossary, display: DisplayPreferences, lang: str, title: str) -> str:
    theme = THEMES[display.theme]
    body = []
    for block in blocks:
        if block.kind in ("heading", "section"):
            body.append(f"<h2>{_inline(block.sentences[0], display, lang)}</h2>")
        elif block.kind == "list":
            intro = "".join(_sentence(s, display, lang) for s in block.sentences)
            items = "".join(f"<li>{_sentence(i, display, lang)}</li>" for i in block.items)
            body.append(f"<p>{intro}</p><ul>{items}</ul>")
        else:
            body.append("<p>" + " ".join(_sentence(s, display, lang) for s in block.sentences) + "</p>")
    if glossary:
        heading = "Glossary" if lang == "en" else "Glossaire"
        rows = "".join(f"<dt>{escape(e.term)}</dt><dd>{escape(shown_definition(e, lang))}</dd>" for e in glossary)
        left = sum(1 for e in glossary if getattr(e, "needs_review", False))
        note = f'<p class="unexplained">{escape(still_to_explain(left, lang))}</p>' if left else ""
        body.append(f'<section aria-labelledby="glossaire"><h2 id="glossaire">{heading}</h2><dl>{rows}</dl>{note}'
                    "</section>")
    css = page_css(display, theme)
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape(title)}</title>\n'
            f"<style>{css}</style>\n</head>\n<body>\n<main>\n<h1>{escape(title)}</h1>\n" + "\n".join(body)
            + "\n</main>\n</body>\n</html>\n")


def _sentence(text: str, display: DisplayPreferences, lang: str) -> str:
    attributes = ' class="sentence" tabindex="0"' if display.line_focus else ' class="sentence"'
    return f"<span{attributes}>{_inline(text, display, lang)}</span> "


def _inline(text: str, display: DisplayPreferences, lang: str) -> str:
    if not display.syllable_colouring:
        return escape(text)
    out, cursor, parity = [], 0, 0
    for match in _WORD.finditer(text):
        out.append(escape(text[cursor:match.start()]))
        for part in syllables.split(match.group(), lang):
            out.append(f'<span class="s{parity}">{escape(part)}</span>')
            parity ^= 1
        cursor = match.end()
    out.append(escape(text[cursor:]))
    return "".join(out)


def page_css(display: DisplayPreferences, theme: dict) -> str:
    """The page CSS for the profile's display preferences and theme (font, size, WCAG 1.4.12 spacing, colours)."""
    return (
        f"body{{background:{theme['bg']};color:{theme['fg']};font-family:{FONTS[display.font]};"
        f"font-size:{display.font_size_px}px;line-height:{display.line_height};"
        f"letter-spacing:{display.letter_spacing_em}em;word-spacing:{display.word_spacing_em}em;margin:0}}"
        f"main{{max-width:{display.max_line_chars}ch;margin:0 auto;padding:1.5rem}}"
        f"p,ul,dl{{margin:0 0 {display.paragraph_spacing_em}em}}"
        f"h1,h2{{color:{theme['fg']};line-height:1.3}}dt{{font-weight:bold}}"
        f"a{{color:{theme['accent']}}}:focus{{outline:3px solid {theme['accent']};outline-offset:2px}}"
        f".s0{{color:{theme['syl'][0]}}}.s1{{color:{theme['syl'][1]}}}"
        f".sentence:hover,.sentence:focus{{background:{theme['focus']};color:{theme['fg']}}}"
    )


def diff_page(diff, glossary, lang: str, title: str) -> str:
    """Side by side: each original sentence, the plain sentences made from it, what went to the glossary."""
    heads = ("Original", "Plain version", "Moved to the glossary", "Changes") if lang == "en" else (
        "Texte d'origine", "Version simple", "Déplacé dans le glossaire", "Changements")
    rows = []
    for entry in diff:
        plain = "".join(f"<li>{escape(s)}</li>" for s in entry.plain)
        rows.append(f"<tr><td>{escape(entry.original)}</td><td><ul>{plain}</ul></td>"
                    f"<td>{escape(', '.join(entry.glossary))}</td><td>{escape(', '.join(entry.changes))}</td></tr>")
    header = "".join(f'<th scope="col">{h}</th>' for h in heads)
    css = ("body{font-family:'DejaVu Sans',sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;margin:1.5rem}"
           "table{border-collapse:collapse;width:100%}th,td{border:1px solid #555;padding:.5rem;vertical-align:top;"
           "text-align:left}th{background:#e8e8e8}")
    return (f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n<main>\n"
            f"<h1>{escape(title)}</h1>\n<table><caption>{escape(title)}</caption><thead><tr>{header}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>\n</main>\n</body>\n</html>\n")
