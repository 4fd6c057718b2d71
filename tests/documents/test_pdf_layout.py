"""The PDF reader's layout logic on plain tuples: lines, running lines, columns, headings, lists, hyphens."""
from atypie.documents.readers.pdf_layout import (
    Glyph,
    Line,
    Page,
    body_size,
    drop_running,
    is_item,
    join_lines,
    layout,
    lines_of,
    reading_order,
)


def _glyphs(text: str, left: float, top: float, size: float = 11.0, bold: bool = False) -> list[Glyph]:
    """One glyph per character, half an em wide, on one baseline."""
    glyphs = []
    for index, char in enumerate(text):
        x = left + index * size / 2
        glyphs.append(Glyph(char, x, top, x + size / 2, top + size * 1.15, size, bold))
    return glyphs


def _line(text: str, left: float, top: float, size: float = 11.0, bold: bool = False) -> Line:
    return Line(text, left, top, left + len(text) * size / 2, top + size * 1.15, size, bold)


def _page(*lines: Line, number: int = 1) -> Page:
    return Page(number, 595, 842, tuple(lines))


def test_glyphs_on_one_baseline_make_one_line_and_spaces_separate_words():
    lines = lines_of(_glyphs("La cellule", 72, 100) + _glyphs("vit.", 72, 116))
    assert [line.text for line in lines] == ["La cellule", "vit."]
    assert lines[0].left == 72 and lines[0].size == 11


def test_a_wide_gap_on_one_baseline_splits_the_line_but_not_after_a_bullet():
    gutter = _glyphs("gauche", 72, 100) + _glyphs("droite", 320, 100)
    assert [line.text for line in lines_of(gutter)] == ["gauche", "droite"]
    bullet = _glyphs("•", 72, 100) + _glyphs("point", 100, 100)
    assert [line.text for line in lines_of(bullet)] == ["• point"]


def test_a_line_is_bold_when_most_of_its_glyphs_are():
    assert lines_of(_glyphs("Titre", 72, 100, bold=True))[0].bold
    assert not lines_of(_glyphs("Un ", 72, 100, bold=True) + _glyphs("texte normal", 88.5, 100))[0].bold


def test_running_footers_and_page_numbers_are_dropped_but_not_body_lines():
    pages = [_page(_line("Cours de biologie – page 1", 72, 800, 9), _line("La cellule vit.", 72, 300),
                   _line("3", 290, 20), number=1),
             _page(_line("Cours de biologie – page 2", 72, 801, 9), _line("La cellule vit.", 72, 300), number=2),
             _page(_line("Le noyau.", 72, 300), number=3)]
    kept = [[line.text for line in page.lines] for page in drop_running(pages)]
    assert kept == [["La cellule vit."], ["La cellule vit."], ["Le noyau."]]


def test_a_single_page_keeps_its_footer_text():
    page = _page(_line("Cours de biologie – page 1", 72, 800, 9), _line("Texte.", 72, 100))
    assert [line.text for line in drop_running([page])[0].lines] == ["Cours de biologie – page 1", "Texte."]


def test_two_columns_are_read_left_then_right_under_a_spanning_title():
    title = _line("Un titre qui traverse toute la largeur de la page", 72, 60, 16)
    left = [_line(f"gauche {n} et encore", 72, 100 + 14 * n) for n in range(4)]
    right = [_line(f"droite {n} et encore", 320, 100 + 14 * n) for n in range(4)]
    mixed = [line for pair in zip(left, right, strict=True) for line in pair]
    assert reading_order([title] + mixed) == [title] + left + right


def test_one_column_is_read_top_to_bottom():
    lines = [_line("Une ligne assez longue pour traverser le milieu de la page, vraiment.", 72, 100 + 14 * n)
             for n in range(5)]
    assert reading_order(list(reversed(lines))) == lines


def test_hyphenated_line_ends_are_joined():
    assert join_lines(["entourée d'une mem-", "brane fine"]) == "entourée d'une membrane fine"
    assert join_lines(["Jean-", "Pierre est là"]) == "Jean-Pierre est là"
    assert join_lines(["une mem\x02", "brane"]) == "une membrane"
    assert join_lines(["Fin de phrase.", "Début"]) == "Fin de phrase. Début"


def test_list_markers():
    assert is_item("• le noyau") and is_item("– la matrice") and is_item("1. premier") and is_item("a) choix")
    assert not is_item("-5 degrés") and not is_item("•") and not is_item("Le 1. est faux")


def test_headings_by_size_and_bold_lists_by_indent():
    page = _page(
        _line("Biologie", 72, 40, 24),
        _line("La cellule", 72, 80, 16),
        _line("Le texte du cours, en taille normale, sur une ligne.", 72, 110),
        _line("Les organites", 72, 140, bold=True),
        _line("Une cellule contient :", 72, 160),
        _line("1. le noyau ;", 90, 180),
        _line("– la membrane du noyau ;", 108, 194),
        _line("2. les mitochondries.", 90, 208),
    )
    assert body_size([page]) == 11
    pieces = layout([page])[0]
    assert [(p.kind, p.level, p.text) for p in pieces] == [
        ("heading", 1, "Biologie"), ("heading", 2, "La cellule"),
        ("paragraph", 0, "Le texte du cours, en taille normale, sur une ligne."),
        ("heading", 3, "Les organites"), ("paragraph", 0, "Une cellule contient :"),
        ("item", 0, "le noyau ;"), ("item", 1, "la membrane du noyau ;"), ("item", 0, "les mitochondries."),
    ]
    assert pieces[5].ordered and pieces[5].start == 1 and not pieces[6].ordered


def test_a_blank_between_lines_starts_a_new_paragraph():
    page = _page(_line("Premier paragraphe, ligne un", 72, 100), _line("et ligne deux.", 72, 114),
                 _line("Second paragraphe.", 72, 140))
    assert [p.text for p in layout([page])[0]] == ["Premier paragraphe, ligne un et ligne deux.", "Second paragraphe."]
