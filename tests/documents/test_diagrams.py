"""A diagram per section on request: at the end of each section with enough prose, with its alt text."""
import pytest

from atypie.documents.diagrams import with_diagrams
from atypie.documents.model import Document, Figure, Heading, Paragraph, Text
from atypie.profiles.presets import load_preset

PHOTOSYNTHESIS = ("La photosynthèse est un processus biologique. Elle se déroule en plusieurs étapes. D'abord, la "
                  "chlorophylle capte la lumière du soleil. Ensuite, la plante absorbe le dioxyde de carbone de l'air. "
                  "Puis elle prélève l'eau du sol par ses racines. Enfin, elle fabrique du glucose et rejette du "
                  "dioxygène dans l'atmosphère. Le glucose sert de source d'énergie à la plante.")


@pytest.mark.exe
def test_a_section_with_enough_prose_gets_its_diagram_and_a_short_one_does_not():
    document = Document((Heading(1, Text("La photosynthèse")), Paragraph(Text(PHOTOSYNTHESIS)),
                         Heading(1, Text("À retenir")), Paragraph(Text("La lumière est indispensable."))), lang="fr")
    blocks = with_diagrams(document, load_preset("falc")).blocks
    figures = [(n, b) for n, b in enumerate(blocks) if isinstance(b, Figure)]
    assert [n for n, _ in figures] == [2]  # after the first section's text, before the next heading
    figure = figures[0][1]
    assert figure.image.startswith(b"\x89PNG") and figure.alt and "photosynthèse" in figure.caption
