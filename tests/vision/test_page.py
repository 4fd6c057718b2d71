"""Charts and slides told from the positions of the words read: pure, on words placed here."""
from atypie.adapters.tesseract import Word
from atypie.vision.page import chart, slide
from atypie.vision.page_text import chart_text, slide_text
from atypie.vision.readers.ocr import OcrResult


def _word(text, left, top, height=14):
    return Word(text, 95.0, left, top, int(0.6 * height * len(text)), height, 1, 1)


def _line(text, left, top, height=14):
    """The words of `text` side by side, one space apart."""
    words = []
    for part in text.split():
        words.append(_word(part, left, top, height))
        left += words[-1].width + height // 3
    return words


def _result(words, *, loose=None, rows=(), columns=(), bars=0, size=(800, 600)):
    return OcrResult([], [], [], 0.95, words, size=size, letter=10, rows=rows, columns=columns, bars=bars,
                     loose=words if loose is None else loose)


def _line_chart():
    ticks_y = [_word(v, 40, 100 + 80 * n) for n, v in enumerate(["300", "200", "100", "0"])]
    ticks_x = [_word(v, 120 + 150 * n, 420) for n, v in enumerate(["1990", "2000", "2010", "2020"])]
    return [*_line("Population (millions)", 300, 20, 20), *ticks_y, *ticks_x, _word("Année", 400, 460),
            _word("France", 500, 150)]


def test_numbers_beside_an_axis_make_a_chart_said_with_what_was_read_only():
    words = _line_chart()
    found = chart(_result(words, rows=(410,), columns=(80,)))
    assert found.x_ticks == ["1990", "2000", "2010", "2020"] and found.y_ticks == ["0", "100", "200", "300"]
    assert found.title == "Population (millions)" and found.x_title == "Année" and found.other == ["France"]
    alt, description = chart_text(found, "fr")
    assert alt == "Graphique « Population (millions) »."
    assert "Axe horizontal (« Année ») : graduations lues de 1990 à 2020." in description
    assert "Axe vertical : graduations lues de 0 à 300." in description
    assert "Les valeurs des données ne sont pas lues : à vérifier sur l'image." in description


def test_numbers_without_an_axis_or_inside_boxes_are_not_a_chart():
    words = _line_chart()
    assert chart(_result(words)) is None  # no long line drawn next to them
    assert chart(_result(words, loose=[], rows=(410,), columns=(80,))) is None  # years inside boxes: a timeline


def test_a_taller_first_line_is_a_slide_title_and_a_lone_number_at_the_bottom_its_page():
    words = [*_line("Propriétés des modèles", 100, 40, 30), *_line("Capacités de mémorisation.", 100, 150),
             *_line("Coût computationnel", 100, 200), _word("14", 760, 570)]
    found = slide(_result(words))
    assert (found.title, found.lines, found.page) == ("Propriétés des modèles", [
        "Capacités de mémorisation.", "Coût computationnel"], "14")
    assert slide_text(found, "Capacités de mémorisation. Coût computationnel.", "fr")[1] == (
        "Cette image est une diapositive : « Propriétés des modèles ». Capacités de mémorisation. Coût "
        "computationnel. Page 14.")


def test_lines_of_one_size_are_not_a_slide():
    words = [*_line("Le cycle", 100, 40), _word("Évaporation", 100, 100), _word("Pluie", 100, 160)]
    assert slide(_result(words)) is None
