"""The tagged PDF: structure tags, language and title, pictures embedded, nothing fetched."""
import io
import re
import zlib

import pypdfium2
import pypdfium2.raw as pdfium
import pytest
from PIL import Image

from atypie.documents.model import Document, Figure, Heading, Paragraph, Text, walk
from atypie.documents.readers.pdf import read_pdf
from atypie.documents.writers.pdf import to_pdf
from atypie.profiles.presets import load_preset


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "#1f4e79").save(buffer, "PNG")
    return buffer.getvalue()


def _streams(pdf: bytes) -> bytes:
    found = b""
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            found += zlib.decompress(match.group(1))
        except zlib.error:
            continue
    return pdf + found


@pytest.mark.slow
def test_the_pdf_is_tagged_with_its_language_and_title_and_keeps_its_picture():
    document = Document((Heading(1, Text("La cellule")), Paragraph(Text("La membrane entoure la cellule.")),
                         Figure(_png(), "image/png", alt="Un schéma de la cellule")), title="Cours de biologie",
                        lang="fr")
    pdf = to_pdf(document, [], load_preset("falc").display, "fr")
    opened = pypdfium2.PdfDocument(pdf)  # kept alive while pdfium reads it
    assert pdfium.FPDFCatalog_IsTagged(opened.raw)
    content = _streams(pdf)
    assert re.search(rb"/Lang\s*\(fr\)", content) and b"Cours de biologie" in content
    back = read_pdf(pdf, "cours.pdf")
    assert [b.text.text for b in walk(back.blocks) if isinstance(b, Heading)][:1] == ["La cellule"]
    assert any(isinstance(b, Figure) and b.image for b in walk(back.blocks))


@pytest.mark.slow
def test_a_picture_by_address_is_never_fetched(tmp_path, monkeypatch):
    from atypie.documents.writers import pdf as writer

    local = tmp_path / "secret.png"
    local.write_bytes(_png())
    page = (f'<!DOCTYPE html><html lang="fr"><head><title>x</title></head><body><main><p>Texte</p>'
            f'<img src="file://{local}" alt="a"><img src="http://127.0.0.1:9/b.png" alt="b"></main></body></html>')
    monkeypatch.setattr(writer, "to_html", lambda *args, **kwargs: page)
    pdf = writer.to_pdf(Document((Paragraph(Text("Texte")),), lang="fr"), [], load_preset("standard").display, "fr")
    assert not any(isinstance(b, Figure) for b in walk(read_pdf(pdf, "x.pdf").blocks))  # neither picture came in
    monkeypatch.setattr(writer, "to_html", lambda *args, **kwargs: page.replace(f"file://{local}", "data:image/png;"
                        "base64," + __import__("base64").b64encode(_png()).decode()))
    pdf = writer.to_pdf(Document((Paragraph(Text("Texte")),), lang="fr"), [], load_preset("standard").display, "fr")
    assert any(isinstance(b, Figure) for b in walk(read_pdf(pdf, "x.pdf").blocks))  # the same picture, inline, does
