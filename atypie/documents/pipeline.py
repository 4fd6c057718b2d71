"""A course document from bytes to accessible files: read (read.py), adapt its prose (adapt.py), describe each figure
that has no alt text with the image pipeline, then write the formats asked for (writers/)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..errors import AtypieError, InvalidInput
from ..profiles.model import Profile
from ..vision.describe import describe
from .adapt import AdaptedDocument, adapt_document
from .diagrams import with_diagrams
from .model import Break, Figure, walk
from .read import read_document
from .scans import read_scans
from .writers.html import to_html
from .writers.markdown import to_markdown
from .writers.office import to_docx, to_odt
from .writers.pdf import to_pdf

FORMATS = ("html", "md", "docx", "odt", "pdf")
EXTENSIONS = {"html": "html", "md": "md", "docx": "docx", "odt": "odt", "pdf": "pdf"}
STAGES = ("read", "text", "diagrams", "figures", "write")  # in the order they run; "diagrams" only on request

Progress = Callable[[str, int, int], None]  # (stage, steps done, steps in that stage): where a long adaptation is


def _silent(stage: str, done: int, total: int) -> None:
    """The progress report of a caller who does not follow it."""


@dataclass(frozen=True)
class AdaptResult:
    adapted: AdaptedDocument
    files: dict[str, bytes]  # format → the file's bytes
    descriptions: dict[int, str] = field(default_factory=dict)  # alt texts written for figures, by position
    figures: int = 0

    def report(self) -> dict:
        return {**self.adapted.report(), "figures": self.figures, "described": len(self.descriptions),
                "formats": sorted(self.files)}


def adapt(data: bytes, profile: Profile, *, name: str = "", to: tuple[str, ...] = ("html",),
          backend: str | None = None, course_glossary: dict[str, str] | None = None,
          describe_figures: bool = True, diagrams: bool = False, progress: Progress = _silent) -> AdaptResult:
    """The document in `data` adapted for `profile`, written in each format of `to` (html, md, docx, odt, pdf);
    with `diagrams`, a diagram at the end of each section. `progress` is told each stage (see STAGES) as it
    starts, and each figure and file as it is done."""
    unknown = [f for f in to if f not in FORMATS]
    if unknown or not to:
        raise InvalidInput(detail=f"format de sortie inconnu : {', '.join(unknown) or 'aucun'} "
                                  f"(formats possibles : {', '.join(FORMATS)})")
    progress("read", 0, 1)
    document, notices = read_scans(read_document(data, name), profile.language)
    if document.blocks and isinstance(document.blocks[0], Break) and document.blocks[0].kind == "page":
        document = replace(document, blocks=document.blocks[1:])  # « Page 1 » before the title tells nothing
    progress("text", 0, 1)
    adapted = adapt_document(document, profile, backend=backend, course_glossary=course_glossary)
    if notices:
        adapted = replace(adapted, notices=[*notices, *adapted.notices])
    if diagrams:
        progress("diagrams", 0, 1)
        adapted = replace(adapted, document=with_diagrams(adapted.document, profile, backend=backend))
    figures = [block for block in walk(adapted.document.blocks) if isinstance(block, Figure)]
    descriptions = _descriptions(adapted, profile, backend, progress) if describe_figures else {}
    files: dict[str, bytes] = {}
    for done, fmt in enumerate(to):
        progress("write", done, len(to))
        files[fmt] = _write(fmt, adapted, profile, descriptions)
    progress("write", len(to), len(to))
    return AdaptResult(adapted, files, descriptions, len(figures))


def _descriptions(adapted: AdaptedDocument, profile: Profile, backend: str | None,
                  progress: Progress) -> dict[int, str]:
    """An alt text for each figure that has its picture but no alt text of its own, by its position in walk()."""

    found: dict[int, str] = {}
    todo = [(position, block) for position, block in enumerate(walk(adapted.document.blocks))
            if isinstance(block, Figure) and block.image and not block.alt.strip()]
    for done, (position, block) in enumerate(todo):
        progress("figures", done, len(todo))
        try:
            found[position] = describe(block.image, profile, backend=backend).alt
        except AtypieError:  # a picture that cannot be read keeps the writers' plain « sans description »
            continue
    return found


def _write(fmt: str, adapted: AdaptedDocument, profile: Profile, descriptions: dict[int, str]) -> bytes:
    document, glossary, lang = adapted.document, adapted.glossary, adapted.lang
    if fmt == "html":
        return to_html(document, glossary, profile.display, lang, descriptions=descriptions).encode("utf-8")
    if fmt == "md":
        return to_markdown(document, glossary, lang, descriptions=descriptions).encode("utf-8")
    if fmt == "pdf":
        return to_pdf(document, glossary, profile.display, lang, descriptions=descriptions)
    return (to_docx if fmt == "docx" else to_odt)(document, glossary, lang, descriptions=descriptions)
