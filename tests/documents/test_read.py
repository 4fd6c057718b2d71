"""A file goes to its reader by its first bytes, else by its name; what no reader takes is refused with a code."""
import io
import zipfile

import pytest

from atypie.documents.read import kind_of, read_document
from atypie.errors import AtypieError


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_the_contents_decide_before_the_name():
    assert kind_of(b"%PDF-1.7\n%", "cours.docx") == "pdf"
    assert kind_of(_zip({"word/document.xml": b"<w/>"}), "notes.odt") == "docx"
    assert kind_of(_zip({"ppt/presentation.xml": b"<p/>"}), "deck") == "pptx"
    assert kind_of(_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b""}), "x") == "odt"
    assert kind_of(b"<!DOCTYPE html><html lang='fr'>", "page") == "html"
    assert kind_of("# Titre\n\nTexte.".encode(), "cours.md") == "markdown"


@pytest.mark.parametrize("data, name", [
    (b"\x00\x01binary", "image.bin"),
    (_zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b""}), "tableur.ods"),
    (_zip({"a.txt": b"x"}), "archive.zip"),
])
def test_what_no_reader_takes_is_refused_with_a_code(data, name):
    with pytest.raises(AtypieError) as raised:
        read_document(data, name)
    assert raised.value.code == "ATY-E051"


def test_a_file_over_the_size_limit_is_refused_before_reading(monkeypatch):
    from atypie.documents import limits

    monkeypatch.setattr(limits, "MAX_BYTES", 10)
    with pytest.raises(AtypieError) as raised:
        read_document(b"# Titre\n\nUn texte assez long.", "cours.md")
    assert raised.value.code == "ATY-E053"
