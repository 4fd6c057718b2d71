"""Tesseract OCR through its command line (Debian's `tesseract-ocr`), with a timeout: a reading that runs
past it is stopped and reported as `ImageReadTimeout`. Each call runs on one thread (OMP_THREAD_LIMIT=1): on small
images Tesseract's own threads cost more than they save (0.37 s instead of 1.84 s for a diagram on two cores), and
the image reader runs two readings side by side."""
from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from dataclasses import dataclass

from ..errors import ImageReadTimeout, InvalidInput, MissingDependency

FIX = "apt-get install -y tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng"


@dataclass(frozen=True)
class Word:
    text: str
    confidence: float
    left: int
    top: int
    width: int
    height: int
    block: int
    line: int  # (block, paragraph, line) flattened into one line number


def _run(image: bytes, args: list[str], timeout_s: float) -> bytes:
    binary = shutil.which("tesseract")
    if binary is None:
        raise MissingDependency(what="tesseract", fix=FIX)
    try:
        done = subprocess.run([binary, "stdin", "stdout", *args], input=image, capture_output=True, timeout=timeout_s,
                              check=False, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except subprocess.TimeoutExpired:
        raise ImageReadTimeout(seconds=max(round(timeout_s), 1)) from None
    if done.returncode != 0:
        if b"Failed loading language" in done.stderr:
            raise MissingDependency(what="données Tesseract", fix=FIX)
        raise InvalidInput(detail="le moteur de lecture du texte n'a pas pu lire cette image : elle est peut-être "
                                  "abîmée ou trop grande")
    return done.stdout


def ocr(image: bytes, *, languages: str = "fra+eng", psm: int = 3, timeout_s: float = 60) -> str:
    """The text Tesseract reads in `image` (any format Leptonica reads: PNG, JPEG, TIFF, WebP, GIF)."""
    return _run(image, ["-l", languages, "--psm", str(psm)], timeout_s).decode("utf-8", errors="replace").strip()


def ocr_words(image: bytes, *, languages: str = "fra+eng", psm: int = 11, timeout_s: float = 60) -> list[Word]:
    """Words with their boxes and confidence (Tesseract's TSV output)."""
    raw = _run(image, ["-l", languages, "--psm", str(psm), "tsv"], timeout_s).decode("utf-8", errors="replace")
    words = []
    for row in csv.DictReader(io.StringIO(raw), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if not text or float(row.get("conf") or -1) < 0:
            continue
        line = int(row["block_num"]) * 10000 + int(row["par_num"]) * 100 + int(row["line_num"])
        words.append(Word(text, float(row["conf"]), int(row["left"]), int(row["top"]), int(row["width"]),
                          int(row["height"]), int(row["block_num"]), line))
    return words
