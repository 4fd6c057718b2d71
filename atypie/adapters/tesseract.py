"""Tesseract OCR through its command line (Debian's `tesseract-ocr`), with a timeout."""
from __future__ import annotations

import shutil
import subprocess

from ..errors import InvalidInput, MissingDependency

FIX = "apt-get install -y tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng"


def ocr(image: bytes, *, languages: str = "fra+eng", psm: int = 3, timeout_s: float = 60) -> str:
    """The text Tesseract reads in `image` (any format Leptonica reads: PNG, JPEG, TIFF, WebP, GIF)."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise MissingDependency(what="tesseract", fix=FIX)
    try:
        done = subprocess.run([binary, "stdin", "stdout", "-l", languages, "--psm", str(psm)], input=image,
                              capture_output=True, timeout=timeout_s, check=False)
    except subprocess.TimeoutExpired:
        raise InvalidInput(detail=f"la lecture du texte de l'image a dépassé {timeout_s:.0f} secondes") from None
    if done.returncode != 0:
        if b"Failed loading language" in done.stderr:
            raise MissingDependency(what=f"données Tesseract {languages}", fix=FIX)
        raise InvalidInput(detail="l'image n'a pas pu être lue ; envoyez un fichier PNG ou JPEG valide")
    return done.stdout.decode("utf-8", errors="replace").strip()
