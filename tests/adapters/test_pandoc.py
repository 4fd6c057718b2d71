"""The pandoc adapter: the AST both ways, MathML to LaTeX, and coded errors when pandoc is missing, fails or hangs."""
import io
import os
import time
import zipfile

import pytest

from atypie.adapters import pandoc
from atypie.errors import DocumentUnreadable, MissingDependency

needs_pandoc = pytest.mark.skipif(not pandoc.available(), reason="pandoc is not installed (apt install pandoc)")


def _words(text: str) -> list:
    out = []
    for word in text.split():
        out += [{"t": "Space"}, {"t": "Str", "c": word}] if out else [{"t": "Str", "c": word}]
    return out


AST = {"meta": {"lang": {"t": "MetaString", "c": "fr-FR"}},
       "blocks": [{"t": "Header", "c": [1, ["", [], []], _words("La cellule")]},
                  {"t": "Para", "c": _words("Une cellule est l'unité du vivant.")}]}


@pytest.fixture
def fake_pandoc(tmp_path, monkeypatch):
    """A `pandoc` on PATH whose behaviour each test writes."""
    def install(script: str) -> None:
        binary = tmp_path / "pandoc"
        binary.write_text("#!/bin/sh\n" + script + "\n")
        binary.chmod(0o755)
        monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    return install


@needs_pandoc
@pytest.mark.exe
@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_an_ast_goes_to_a_file_and_back(fmt):
    data = pandoc.from_json(AST, fmt)
    assert zipfile.is_zipfile(io.BytesIO(data))
    back = pandoc.to_json(data, fmt)
    headers = [block for block in back["blocks"] if block["t"] == "Header"]
    assert headers and headers[0]["c"][0] == 1
    assert back["pandoc-api-version"] == pandoc.api_version()


@needs_pandoc
@pytest.mark.exe
def test_mathml_becomes_latex_and_what_cannot_be_read_is_none():
    fraction = '<math xmlns="http://www.w3.org/1998/Math/MathML"><mfrac><mi>a</mi><mi>b</mi></mfrac></math>'
    square = "<math><msup><mi>x</mi><mn>2</mn></msup></math>"
    assert pandoc.mathml_to_latex([fraction, square]) == [r"\frac{a}{b}", "x^{2}"]
    assert pandoc.mathml_to_latex([]) == []


@needs_pandoc
@pytest.mark.exe
def test_a_file_pandoc_cannot_read_is_unreadable_with_a_short_detail():
    with pytest.raises(DocumentUnreadable) as raised:
        pandoc.to_json(b"PK\x03\x04 ce n'est pas un docx", "docx", name="cours.docx")
    assert raised.value.code == "ATY-E052"
    assert 0 < len(raised.value.params["detail"]) <= pandoc.MAX_DETAIL


def test_a_missing_pandoc_is_a_missing_dependency(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert not pandoc.available()
    with pytest.raises(MissingDependency) as raised:
        pandoc.to_json(b"PK", "docx")
    assert raised.value.code == "ATY-E040"
    with pytest.raises(MissingDependency):
        pandoc.from_json(AST, "odt")


@pytest.mark.slow
def test_a_pandoc_past_its_timeout_is_stopped_with_a_coded_error(fake_pandoc):
    fake_pandoc("exec sleep 30")
    start = time.perf_counter()
    with pytest.raises(DocumentUnreadable) as raised:
        pandoc.to_json(b"PK", "docx", timeout_s=0.5)
    assert time.perf_counter() - start < 5
    assert raised.value.code == "ATY-E052"


def test_a_long_error_is_cut_to_one_short_line(fake_pandoc):
    fake_pandoc("echo \"$(printf 'x%.0s' $(seq 1 500))\" >&2; echo second line >&2; exit 64")
    with pytest.raises(DocumentUnreadable) as raised:
        pandoc.to_json(b"PK", "odt")
    detail = raised.value.params["detail"]
    assert len(detail) <= pandoc.MAX_DETAIL and "second" not in detail and "\n" not in detail


def test_unknown_formats_are_refused_before_running_anything():
    with pytest.raises(ValueError):
        pandoc.to_json(b"", "pdf")
    with pytest.raises(ValueError):
        pandoc.from_json(AST, "html")
