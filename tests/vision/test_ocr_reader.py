"""The image reader: words merged from two readings, each shape's words as one label, white on colour read."""
import io
import subprocess

import pytest
from PIL import Image, ImageDraw, ImageFont

from atypie.adapters.tesseract import Word
from atypie.vision.readers.ocr import _label, _merged, group_lines, read_text

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _word(text, left, top, confidence=90.0, width=60, height=20):
    return Word(text, confidence, left, top, width, height, 1, 1)


def test_a_word_only_the_plain_reading_found_is_added_and_overlaps_keep_the_surer_one():
    normalised = [_word("Cellule", 10, 10, 95), _word("nayau", 100, 10, 60)]
    plain = [_word("noyau", 102, 11, 92), _word("Mitose", 200, 10, 90), _word("7", 300, 10, 70)]
    merged = [w.text for w in _merged(normalised, plain)]
    assert sorted(merged) == ["Cellule", "Mitose", "noyau"]  # « 7 » alone, read unsure, is an arrowhead


def test_a_tall_accented_capital_stays_on_its_line_and_a_hyphen_joins_a_cut_word():
    words = [_word("villes", 0, 135, height=16), _word("du", 70, 135, height=16), _word("Moyen", 100, 136),
             _word("Âge", 170, 131, height=24)]
    assert _label(group_lines(words, split_gaps=False)) == "villes du Moyen Âge"
    cut = [_word("photo-", 0, 0), _word("synthèse", 0, 30)]
    assert _label(group_lines(cut, split_gaps=False)) == "photosynthèse"


@pytest.mark.slow
@pytest.mark.exe
def test_white_labels_on_dark_boxes_are_read_whole_and_linked():
    dot = ('digraph { node [shape=box, style=filled, fillcolor="#1f4e79", fontcolor=white, fontname="Helvetica"]; '
           'a [label="Cour de\\ncassation"]; b [label="cour d\'appel"]; c [label="tribunal\\njudiciaire"]; '
           'a -> b; b -> c; }').encode()
    png = subprocess.run(["dot", "-Tpng", "-Gdpi=110"], input=dot, capture_output=True, check=True).stdout
    result = read_text(Image.open(io.BytesIO(png)).convert("RGB"))
    assert result.labels == ["Cour de cassation", "cour d'appel", "tribunal judiciaire"]
    assert [(a.source, a.target, a.directed) for a in result.arrows] == [(0, 1, True), (1, 2, True)]


@pytest.mark.slow
@pytest.mark.exe
def test_white_and_black_text_on_a_red_slide_are_both_read():
    image = Image.new("RGB", (1000, 400), "#e5403f")
    draw = ImageDraw.Draw(image)
    draw.text((60, 80), "Un modèle de cours", fill="white", font=ImageFont.truetype(FONT, 48))
    draw.text((60, 220), "Avec des exemples", fill="black", font=ImageFont.truetype(FONT, 40))
    text = read_text(image).text
    assert "Un modèle de cours" in text and "Avec des exemples" in text


def test_a_word_the_erased_arrow_cut_is_completed_from_the_plain_reading():
    normalised = [_word("ranscription", 100, 10, 95)]
    plain = [_word("transcription", 96, 10, 91)]
    assert [w.text for w in _merged(normalised, plain)] == ["transcription"]


@pytest.mark.slow
@pytest.mark.exe
def test_arrow_labels_of_a_drawn_process_are_said_with_their_step():
    from atypie.profiles.presets import load_preset
    from atypie.vision.describe import describe

    dot = 'digraph { ADN -> ARN [label="transcription"]; ARN -> Protéine [label="traduction"]; }'.encode()
    png = subprocess.run(["dot", "-Tpng", "-Gdpi=110"], input=dot, capture_output=True, check=True).stdout
    described = describe(png, load_preset("standard"))
    assert "Étape 2 : ARN (flèche « transcription »). Étape 3 : Protéine (flèche « traduction »)." in \
        described.description


@pytest.mark.slow
@pytest.mark.exe
def test_boxes_without_lines_are_listed_and_their_links_said_unread():
    from atypie.profiles.presets import load_preset
    from atypie.vision.describe import describe

    image = Image.new("RGB", (900, 300), "white")
    draw = ImageDraw.Draw(image)
    for n, word in enumerate(["Noyau", "Membrane", "Cytoplasme"]):
        draw.rectangle((30 + 290 * n, 80, 270 + 290 * n, 200), fill="#1f4e79")
        draw.text((45 + 290 * n, 120), word, fill="white", font=ImageFont.truetype(FONT, 30))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    described = describe(buffer.getvalue(), load_preset("standard"))
    assert described.description == ("Cette image montre 3 cases : « Noyau », « Membrane », « Cytoplasme ». Les liens "
                                      "entre les cases n'ont pas été lus : à vérifier sur l'image.")
    assert any(n.code == "links-unread" for n in described.notices)


def test_a_lone_capital_a_read_as_a_grave_one_is_an_a_unless_it_opens_a_sentence():
    from atypie.vision.readers.ocr import _lone_capital_a

    words = [_word("Spécialités", 0, 0, width=100), _word("À", 110, 0, width=15), _word("ET", 135, 0, width=25),
             _word("À", 0, 40, width=15), _word("la", 25, 40, width=20), _word("fin", 55, 40, width=30)]
    assert [w.text for w in _lone_capital_a(words)] == ["Spécialités", "A", "ET", "À", "la", "fin"]


def test_a_micro_sign_read_as_u_after_a_number_is_a_micro_sign_again():
    from atypie.vision.readers.ocr import _micro_units

    words = [_word("10", 0, 0, width=20), _word("um", 25, 0, width=20), _word("us", 0, 40, width=20),
             _word("et", 25, 40, width=20), _word("5", 0, 80, width=10), _word("us", 15, 80, width=20)]
    assert [w.text for w in _micro_units(words)] == ["10", "µm", "us", "et", "5", "µs"]
