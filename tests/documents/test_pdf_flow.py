"""A paragraph cut by a page is one again; a PDF's own table of contents is left out."""
from atypie.documents.model import Break, Heading, Mark, Paragraph, Text
from atypie.documents.readers.pdf_flow import reflowed


def _p(text: str, marks=()) -> Paragraph:
    return Paragraph(Text(text, tuple(marks)))


def test_a_sentence_cut_by_the_page_is_joined_and_the_break_follows_it():
    blocks = [_p("En 1947, aux laboratoires Bell, Shockley, Bardeen"), Break("page", 2),
              _p("et Brattain inventent le transistor.", [Mark(3, 11, "em")])]
    joined, page = reflowed(blocks)
    assert joined.text.text == "En 1947, aux laboratoires Bell, Shockley, Bardeen et Brattain inventent le transistor."
    assert [joined.text.text[m.start:m.end] for m in joined.text.marks] == ["Brattain"]
    assert page == Break("page", 2)


def test_a_word_cut_by_a_hyphen_at_the_end_of_the_page_is_whole_again():
    joined, _ = reflowed([_p("Le tran-"), Break("page", 2), _p("sistor est un interrupteur.")])
    assert joined.text.text == "Le transistor est un interrupteur."


def test_a_finished_sentence_or_a_new_one_in_capitals_stays_apart():
    finished = [_p("Le transistor est un interrupteur."), Break("page", 2), _p("et il est petit.")]
    capital = [_p("Voir la figure"), Break("page", 2), _p("Le transistor est petit.")]
    assert reflowed(finished) == finished and reflowed(capital) == capital


def test_the_table_of_contents_and_its_heading_are_left_out_and_the_course_stays():
    blocks = [Heading(2, Text("Table des matières")), _p("Crédits 1."), _p("1 Portes logiques 2."),
              _p("1.1 Le transistor ............ 2 1.2 D’autres portes logiques ........"), _p("5."),
              Break("page", 2), Heading(2, Text("Préambule")), _p("Les circuits manipulent des 0 ou des 1."),
              _p("La table 2 montre les 4 cas possibles : 0 et 0, 0 et 1, 1 et 0, 1 et 1")]
    assert reflowed(blocks) == [Break("page", 2), *blocks[6:]]  # a sentence of the course ending on a number stays


def test_dot_leaders_outside_a_heading_are_a_table_of_contents_too_but_one_leader_is_not():
    toc = _p("Définition ........ 11 Décodeur ........ 12")
    form = _p("Nom : ............ 1")
    assert reflowed([toc, form]) == [form]
