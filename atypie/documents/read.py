"""Which reader a file goes to: by its first bytes when they tell (PDF, zip, OLE), else by its name's extension.
A zip is told apart by what it holds (a DOCX, a PPTX or an ODT text); a name and contents that disagree follow the
contents."""
from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from ..errors import DocumentTooLarge, DocumentUnsupported
from . import limits
from .model import Document
from .pictures import shown_pictures
from .readers.html import read_html
from .readers.markdown import read_markdown
from .readers.office import read_docx, read_odt
from .readers.pdf import read_pdf
from .readers.pptx import read_pptx

TEXT_EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".txt": "markdown", ".html": "html", ".htm": "html",
                   ".xhtml": "html"}
KINDS = ("markdown", "html", "docx", "odt", "pptx", "pdf")


def kind_of(data: bytes, name: str = "") -> str:
    """The format of a document: markdown, html, docx, odt, pptx or pdf."""
    extension = PurePath(name).suffix.lower()
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE: an old .doc/.ppt, or a password-protected DOCX
        return {".pptx": "pptx", ".odt": "odt"}.get(extension, "docx")  # the reader says it is protected
    if data[:4] == b"PK\x03\x04":
        return _zipped_kind(data, extension)
    if extension in TEXT_EXTENSIONS:
        return TEXT_EXTENSIONS[extension]
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    raise DocumentUnsupported(detail=f"« {PurePath(name).name or 'sans nom'} »")


def read_document(data: bytes, name: str = "") -> Document:
    """The document model of a file's bytes (see atypie/documents/readers/), its pictures in formats every
    writer shows (pictures.py)."""
    shown = PurePath(name).name
    if len(data) > limits.MAX_BYTES:
        raise DocumentTooLarge(name=shown, what="octets", size=len(data), limit=limits.MAX_BYTES)
    return shown_pictures(_read(kind_of(data, name), data, shown))


_READERS = {"markdown": read_markdown, "html": read_html, "docx": read_docx, "odt": read_odt, "pptx": read_pptx,
            "pdf": read_pdf}


def _read(kind: str, data: bytes, shown: str) -> Document:
    return _READERS.get(kind, read_pdf)(data, shown)


def _zipped_kind(data: bytes, extension: str) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, RuntimeError):
        names, mimetype = set(), b""
    if "word/document.xml" in names:
        return "docx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if mimetype.strip() == b"application/vnd.oasis.opendocument.text":
        return "odt"
    if extension in (".docx", ".odt", ".pptx"):
        return extension[1:]  # the reader says what is wrong with it
    raise DocumentUnsupported(detail="un fichier zip qui n'est ni un DOCX, ni un ODT, ni un PPTX")
