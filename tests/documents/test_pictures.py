"""Pictures no browser shows (WMF, TIFF, BMP) become PNG when a document is read, nested in lists too; one that
cannot be converted keeps its bytes and its alt text, so the writers show its text in its place."""
import io
import subprocess

import pytest
from PIL import Image

from atypie.adapters import pandoc, wmf
from atypie.documents.model import Document, Figure, ListBlock, ListItem, Text, walk
from atypie.documents.pictures import shown_pictures
from atypie.documents.read import read_document
from tests.adapters.test_wmf import metafile


def _picture(format_: str, size=(40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=format_)
    return buffer.getvalue()


def _figures(document: Document) -> list[Figure]:
    return [block for block in walk(document.blocks) if isinstance(block, Figure)]


@pytest.mark.parametrize("format_, media_type", [("TIFF", "image/tiff"), ("BMP", "image/bmp"), ("TIFF", "")])
def test_tiff_and_bmp_become_png_of_the_same_picture(format_, media_type):
    figure = Figure(image=_picture(format_), media_type=media_type, alt="Un rectangle rouge")
    (shown,) = _figures(shown_pictures(Document(blocks=(figure,))))
    assert shown.media_type == "image/png" and shown.alt == "Un rectangle rouge"
    with Image.open(io.BytesIO(shown.image)) as image:
        assert image.format == "PNG" and image.size == (40, 20) and image.getpixel((5, 5)) == (200, 30, 30)


def test_a_figure_inside_a_list_item_is_converted_too():
    item = ListItem(text=Text("Le schéma :"), children=(Figure(image=_picture("BMP"), media_type="image/bmp"),))
    document = shown_pictures(Document(blocks=(ListBlock(ordered=False, items=(item,)),)))
    assert [figure.media_type for figure in _figures(document)] == ["image/png"]


def test_png_jpeg_and_svg_are_left_as_they_are():
    figures = (Figure(image=_picture("PNG"), media_type="image/png"),
               Figure(image=_picture("JPEG"), media_type="image/jpeg"),
               Figure(image=b"<svg xmlns='http://www.w3.org/2000/svg'/>", media_type="image/svg+xml"),
               Figure(image=None, alt="Une image distante"))
    assert shown_pictures(Document(blocks=figures)).blocks == figures


def test_a_picture_that_cannot_be_converted_keeps_its_bytes_and_alt_text():
    broken = Figure(image=b"II*\x00 broken tiff", media_type="image/tiff", alt="Carte des climats")
    assert shown_pictures(Document(blocks=(broken,))).blocks == (broken,)


def test_a_tiff_bomb_is_not_drawn():
    bomb = Figure(image=_picture("TIFF", size=(8000, 6000)), media_type="image/tiff", alt="Affiche")
    assert shown_pictures(Document(blocks=(bomb,))).blocks == (bomb,)


@pytest.mark.exe
@pytest.mark.skipif(not (pandoc.available() and wmf.available()), reason="needs pandoc and wmf2gd")
def test_a_word_file_with_a_metafile_equation_is_read_with_a_png(tmp_path):
    (tmp_path / "equation.wmf").write_bytes(metafile())
    (tmp_path / "cours.md").write_text("# Cours\n\n![Une équation](equation.wmf)\n\nTexte.\n", encoding="utf-8")
    subprocess.run(["pandoc", "cours.md", "-o", "cours.docx"], cwd=tmp_path, check=True, capture_output=True)
    (figure,) = _figures(read_document((tmp_path / "cours.docx").read_bytes(), "cours.docx"))
    assert figure.media_type == "image/png" and figure.image.startswith(b"\x89PNG")
    assert figure.alt == "Une équation"
