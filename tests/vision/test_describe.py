"""describe(): exact reading of atypie's and Graphviz's diagrams, OCR of rendered text, honest facts for photos,
a vision backend checked against the OCR."""
import io
import json
import random
import subprocess
import sys

import pytest
from PIL import Image, ImageDraw, ImageFont

from atypie.cli import main
from atypie.diagrams.pipeline import diagram
from atypie.diagrams.render import render
from atypie.profiles.presets import load_preset
from atypie.vision.describe import describe
from tests.fakes.mistral_server import chat_json, error, ocr
from tests.vision.hostile import pdf_with_pages, run_isolated

TEXT = ("Pour faire du vin, on récolte d'abord les raisins. Ensuite, on les presse pour obtenir du jus. Puis le jus "
        "fermente dans des cuves. Enfin, on met le vin en bouteilles.")
PROFILE = load_preset("standard")


@pytest.mark.slow
@pytest.mark.exe
@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_atypie_diagrams_are_read_back_exactly(fmt):
    result = diagram(TEXT, PROFILE, lang="fr")
    data = render(result.graph, result.dot, fmt, alt=result.description.alt, description=result.description.long)
    described = describe(data, PROFILE)
    assert described.method == "metadata" and described.confidence == 1.0
    assert described.graph == result.graph
    assert described.text.splitlines() == [n.label for n in result.graph.nodes]


@pytest.mark.exe
def test_any_graphviz_svg_is_read_from_its_structure():
    svg = subprocess.run(["dot", "-Tsvg"], input=b'digraph { a [label="Noyau"]; b [label="ADN <b>"]; a -> b '
                         b'[label="contient"]; }', capture_output=True, check=True).stdout
    described = describe(svg, PROFILE)
    assert described.method == "graphviz-svg"
    assert [n.label for n in described.graph.nodes] == ["Noyau", "ADN <b>"]
    assert described.graph.edges[0].label == "contient"


def test_svg_text_elements_are_read():
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><text x="4">Noyau &amp; ADN</text><!-- <text>caché</text> -->'
           '<text><tspan>Cellule</tspan> animale</text><text> </text></svg>')
    described = describe(svg.encode(), PROFILE)
    assert described.method == "svg-text" and described.text == "Noyau & ADN\nCellule animale"
    assert describe(b"<svg><text>Sans espace de noms</text></svg>", PROFILE).text == "Sans espace de noms"


_SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:atypie="https://atypie.fr/ns/graph">'
DESCRIBE = """
from atypie.profiles.presets import load_preset
from atypie.vision.describe import describe

def work(data):
    return {"method": describe(data, load_preset("standard")).method}
"""


@pytest.mark.slow
@pytest.mark.parametrize("element", ["<text/>", "<metadata><atypie:graph/></metadata>"])
def test_svg_of_many_unclosed_looking_openings_is_read_in_linear_time(element):
    # Well-formed, but each opening made the old regular expressions scan to the end of the file: 560 kB of
    # <text/> took minutes (140 kB: 15 s, 280 kB: 54 s), holding the GIL
    svg = (_SVG_HEAD + element * (560_000 // len(element)) + "</svg>").encode()
    found = run_isolated(DESCRIBE, svg, timeout_s=60)
    assert found.get("method") == "svg-text", found
    assert found["seconds"] < 5


@pytest.mark.slow
@pytest.mark.exe
def test_pdf_with_the_largest_accepted_pages_is_described_within_bounds():
    # Three pages of 14400 × 14400 points once took GBs, then ended in « envoyez un PNG ou JPEG »; those are now
    # refused (test_load), and the largest pages still accepted stay bounded from loading to OCR.
    found = run_isolated(DESCRIBE, pdf_with_pages(*[(4800, 4800)] * 3), timeout_s=120)
    assert found.get("method") == "facts", found
    assert found["seconds"] < 30 and found["rss_mb"] < 1000


def _text_image(lines, size=(900, 300)) -> bytes:
    image = Image.new("RGB", size, "white")
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 36)
    draw = ImageDraw.Draw(image)
    for n, line in enumerate(lines):
        draw.text((30, 30 + 60 * n), line, fill="black", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.slow
@pytest.mark.exe
def test_slide_text_is_read_in_order():
    described = describe(_text_image(["Le cycle de l'eau", "Évaporation des océans", "Condensation en nuages"]),
                         PROFILE)
    assert described.method in ("ocr", "ocr-blocks")
    lines = described.text.lower()
    assert lines.index("cycle") < lines.index("évaporation") < lines.index("condensation")


@pytest.mark.slow
@pytest.mark.exe
def test_foreign_diagram_png_is_reconstructed_and_marked_to_check():
    png = subprocess.run(["dot", "-Tpng", "-Gdpi=96"], input=b'digraph { Racine -> Branche; Racine -> Feuille; '
                         b'Branche -> Fruit; }', capture_output=True, check=True).stdout
    described = describe(png, PROFILE)
    words = described.text.lower()
    assert all(word in words for word in ("racine", "branche", "feuille", "fruit"))
    assert described.method == "ocr-blocks" and any(n.code == "rebuilt" for n in described.notices)
    label = {n.id: n.label for n in described.graph.nodes}
    arrows = {(label[e.source], label[e.target]) for e in described.graph.edges}
    assert arrows == {("Racine", "Branche"), ("Racine", "Feuille"), ("Branche", "Fruit")}
    assert described.description.startswith("(reconstruit, à vérifier)")


@pytest.mark.slow
@pytest.mark.exe
def test_a_chain_drawn_left_to_right_is_read_as_a_process_in_order():
    png = subprocess.run(["dot", "-Tpng", "-Gdpi=96"], input="digraph { rankdir=LR; Semis -> Croissance -> "
                         "Floraison -> Récolte; }".encode(), capture_output=True, check=True).stdout
    described = describe(png, PROFILE)
    assert described.graph.kind == "process"
    assert "Étape 1 : Semis. Étape 2 : Croissance. Étape 3 : Floraison. Étape 4 : Récolte." in described.description


@pytest.mark.slow
@pytest.mark.exe
def test_photo_without_text_gets_facts_not_a_caption():
    rng = random.Random(3)
    image = Image.new("RGB", (320, 200))
    image.putdata([(rng.randrange(60, 90), rng.randrange(120, 170), rng.randrange(40, 70)) for _ in range(320 * 200)])
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG")
    described = describe(buffer.getvalue(), PROFILE)
    assert described.method == "facts" and described.confidence == 0.0 and described.text == ""
    assert "320 × 200" in described.description and "vert" in described.description
    assert "--backend mistral" in described.description and len(described.alt) <= 250


@pytest.mark.slow
@pytest.mark.exe
def test_vision_backend_answer_is_checked_against_the_ocr(fake_mistral):
    fake_mistral.script(chat_json({"alt": "Diapositive sur le cycle de l'eau", "description":
                                   "Une diapositive qui montre « Évaporation » et 3 étapes, dont 1 500 litres.",
                                   "text_seen": "Le cycle de l'eau", "kind": "slide"}),
                        ocr("# Le cycle de l'eau\n\nÉvaporation"))
    described = describe(_text_image(["Le cycle de l'eau", "Évaporation"]), PROFILE, backend="mistral")
    assert described.method == "mistral" and described.alt.startswith("Diapositive")
    notice = next(n for n in described.notices if n.code == "vision-unconfirmed")
    assert "1500" in notice.message() and "3" in notice.message()
    assert not any(n.code == "ocr-disagree" for n in described.notices)  # both readings agree
    assert described.text == "# Le cycle de l'eau\n\nÉvaporation"  # the backend's OCR, with its layout
    request = fake_mistral.posts()[0].body
    assert request["model"] == "pixtral-12b-latest"
    assert fake_mistral.posts()[1].body["model"] == "mistral-ocr-latest"


@pytest.mark.slow
@pytest.mark.exe
def test_the_backends_reading_of_the_text_is_checked_against_the_local_one(fake_mistral):
    fake_mistral.script(chat_json({"alt": "Diapositive", "description": "Une diapositive sur la photosynthèse.",
                                   "text_seen": "", "kind": "slide"}),
                        ocr("Les mitochondries produisent de l'énergie pour toute la cellule"))
    described = describe(_text_image(["La photosynthèse se déroule", "dans les chloroplastes des feuilles",
                                      "grâce à la lumière du soleil"]), PROFILE, backend="mistral")
    notice = next(n for n in described.notices if n.code == "ocr-disagree")
    assert "diffèrent" in notice.message()


@pytest.mark.slow
@pytest.mark.exe
def test_vision_backend_failure_falls_back_to_ocr(fake_mistral):
    fake_mistral.script(error(500), error(500), error(500))
    described = describe(_text_image(["Bonjour le monde"]), PROFILE, backend="mistral")
    assert described.method in ("ocr", "ocr-blocks") and described.notices[0].code == "backend-fallback"
    assert "bonjour" in described.text.lower()


@pytest.mark.slow
@pytest.mark.exe
def test_cli_describe_json(capsys, tmp_path):
    path = tmp_path / "slide.png"
    path.write_bytes(_text_image(["Photosynthèse"]))
    assert main(["describe", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"alt", "description", "text", "method", "confidence", "notices"} <= set(data)


def test_cli_describe_refuses_non_images(capsys, tmp_path, monkeypatch):
    path = tmp_path / "x.png"
    path.write_bytes(b"#!/bin/sh\necho pwned\n")
    assert main(["describe", str(path)]) == 2
    assert "ATY-E010" in capsys.readouterr().err
    assert main(["describe", str(tmp_path / "absent.png")]) == 2
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))


def test_a_foreign_svg_with_a_broken_graph_payload_is_read_as_text():
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:atypie="https://atypie.fr/ns/graph"><metadata>'
           b'<atypie:graph>{pas du JSON</atypie:graph></metadata><text>Noyau</text></svg>')
    assert describe(svg, load_preset("standard")).method == "svg-text"


@pytest.mark.slow
@pytest.mark.exe
def test_a_forty_megapixel_image_is_read_with_bounded_memory():
    image = Image.new("RGB", (8000, 5000), "white")
    ImageDraw.Draw(image).text((400, 400), "Mitose", fill="black",
                               font=ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 300))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    found = run_isolated(DESCRIBE, buffer.getvalue(), timeout_s=120)
    assert found.get("method") in ("ocr", "ocr-blocks"), found
    assert found["rss_mb"] < 1000
