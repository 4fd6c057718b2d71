"""A tagged PDF (PDF/UA-1: structure tags, the document's language and title) of the accessible HTML page, laid out
by WeasyPrint. The page embeds its pictures as data: URIs; WeasyPrint is given a fetcher that refuses every other
address, so writing a PDF never reaches the network or a local file."""
from __future__ import annotations

from ...errors import DocumentUnreadable
from ...optional import require
from ..model import Document
from .html import to_html

FIX = "make setup (WeasyPrint et la bibliothèque Pango de Debian)"


def to_pdf(document: Document, glossary: list, display, lang: str, *,
           descriptions: dict[int, str] | None = None) -> bytes:
    """The PDF of `to_html(document, …)`, tagged for screen readers (PDF/UA-1)."""
    HTML = require("weasyprint", extra="documents", what="WeasyPrint", fix=FIX).HTML  # needs Pango too
    URLFetcher = require("weasyprint.urls", extra="documents", what="WeasyPrint", fix=FIX).URLFetcher

    page = to_html(document, glossary, display, lang, descriptions=descriptions)
    data_only = URLFetcher(allowed_protocols={"data"}, allow_redirects=False)  # anything else is left out
    try:
        return HTML(string=page, url_fetcher=data_only).write_pdf(pdf_variant="pdf/ua-1")
    except (ValueError, RecursionError, MemoryError) as error:
        raise DocumentUnreadable(name=document.name, detail=f"le PDF n'a pas pu être écrit ({type(error).__name__})"
                                 ) from None
