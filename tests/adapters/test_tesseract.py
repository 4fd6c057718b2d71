"""The Tesseract adapter: a reading that runs too long is stopped and reported with its own code."""
import os
import time

import pytest

from atypie.adapters.tesseract import ocr, ocr_words
from atypie.errors import ImageReadTimeout, InvalidInput


@pytest.fixture
def fake_tesseract(tmp_path, monkeypatch):
    """A `tesseract` on PATH whose behaviour each test writes."""
    def install(script: str) -> None:
        binary = tmp_path / "tesseract"
        binary.write_text("#!/bin/sh\n" + script + "\n")
        binary.chmod(0o755)
        monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    return install


@pytest.mark.slow
@pytest.mark.parametrize("read", [ocr, ocr_words])
def test_a_reading_past_its_timeout_is_stopped_with_a_coded_error(fake_tesseract, read):
    fake_tesseract("exec sleep 30")
    start = time.perf_counter()
    with pytest.raises(ImageReadTimeout) as caught:
        read(b"\x89PNG", timeout_s=0.5)
    assert time.perf_counter() - start < 5
    assert caught.value.code == "ATY-E048" and "secondes" in caught.value.message("fr")
    assert "seconds" in caught.value.message("en")


def test_a_failed_reading_does_not_blame_the_file_format(fake_tesseract):
    fake_tesseract("echo 'Error in pixReadMem' >&2; exit 1")
    with pytest.raises(InvalidInput) as caught:
        ocr(b"\x89PNG")
    assert caught.value.code == "ATY-E010" and "PNG" not in caught.value.message()
