"""Course glossaries that staff attach to a profile (or to one course of a profile): reading and checking the file.

Two formats, UTF-8:
- CSV with a header line, `terme;définition` (or `term,definition`; `;` or `,` as separator);
- TOML with one table `[termes]` (or `[terms]`): `mot = "définition"`.

The file is data only: a definition holding HTML or other markup (`<b>`, `&amp;`, `javascript:`, a Markdown
link or image) is refused, never rendered; every refusal names the line. Sizes are bounded.
"""
from __future__ import annotations

import csv
import io
import re
import tomllib
import unicodedata
from dataclasses import dataclass

from ..errors import GlossaryFileName, GlossaryFileRejected, GlossaryTooLarge

MAX_BYTES = 256 * 1024
MAX_TERMS = 2000
MAX_TERM_CHARS = 120
MAX_DEFINITION_CHARS = 400
MAX_COURSE_CHARS = 120
EXTENSIONS = (".csv", ".txt", ".toml")
_HEADERS = {("terme", "définition"), ("terme", "definition"), ("term", "definition"), ("mot", "définition"),
            ("mot", "definition"), ("word", "definition")}
_MARKUP = re.compile(r"<\s*[/!?a-zA-Z]|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|javascript\s*:|data\s*:|vbscript\s*:|"
                     r"\]\s*\(|!\[|\{\{|\{%|`", re.IGNORECASE)
_SAFE_NAME = re.compile(r"[\w][\w .()+-]{0,150}")


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    line: int


def check_name(name: str) -> str:
    """The file's name, refused when it names a folder, climbs out of one, or has an unknown extension."""
    shown = (name or "")[:80]
    if not name or "/" in name or "\\" in name or ".." in name or name.startswith(".") or "\x00" in name \
            or not _SAFE_NAME.fullmatch(name) or not name.lower().endswith(EXTENSIONS):
        raise GlossaryFileName(shown=shown.encode("ascii", "replace").decode("ascii"))
    return name


def parse(data: bytes, name: str) -> list[Term]:
    """The terms of a glossary file, checked; `GlossaryFileRejected` (with the line) or `GlossaryTooLarge`."""
    name = check_name(name)
    if len(data) > MAX_BYTES:
        raise GlossaryTooLarge(name=name, size=f"{len(data) // 1024} Kio", limit=f"{MAX_BYTES // 1024} Kio")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GlossaryFileRejected(name=name, line=1, detail="ce n'est pas du texte UTF-8",
                                   detail_en="this is not UTF-8 text") from None
    if "\x00" in text:
        raise GlossaryFileRejected(name=name, line=1, detail="ce n'est pas du texte", detail_en="this is not text")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    terms = _toml(text, name) if name.lower().endswith(".toml") else _csv(text, name)
    if not terms:
        raise GlossaryFileRejected(name=name, line=1, detail="le fichier ne contient aucun terme",
                                   detail_en="the file holds no term")
    if len(terms) > MAX_TERMS:
        raise GlossaryTooLarge(name=name, size=f"{len(terms)} termes", limit=f"{MAX_TERMS} termes")
    seen: dict[str, int] = {}
    for item in terms:
        key = " ".join(item.term.lower().split())
        if key in seen:
            raise GlossaryFileRejected(name=name, line=item.line,
                                       detail=f"le terme « {item.term[:60]} » est déjà à la ligne {seen[key]}",
                                       detail_en=f"the term “{item.term[:60]}” is already on line {seen[key]}")
        seen[key] = item.line
    return terms


def _csv(text: str, name: str) -> list[Term]:
    lines = text.split("\n")
    header_index = next((n for n, line in enumerate(lines) if line.strip()), None)
    if header_index is None:
        return []
    header = lines[header_index]
    delimiter = ";" if header.count(";") >= 1 else ","
    fields = [f.strip().strip('"').lower() for f in header.split(delimiter)]
    if tuple(fields) not in _HEADERS:
        raise GlossaryFileRejected(name=name, line=header_index + 1,
                                   detail="la première ligne doit être l'en-tête « terme;définition »",
                                   detail_en="the first line must be the header “term,definition”")
    reader = csv.reader(io.StringIO("\n".join(lines[header_index + 1:])), delimiter=delimiter, strict=True)
    terms = []
    try:
        for row in reader:
            line = header_index + 1 + reader.line_num
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) != 2:
                raise GlossaryFileRejected(
                    name=name, line=line,
                    detail=f"il faut 2 colonnes (terme{delimiter}définition), il y en a {len(row)}",
                    detail_en=f"2 columns are needed (term{delimiter}definition), there are {len(row)}")
            terms.append(_checked(row[0], row[1], line, name))
            if len(terms) > MAX_TERMS:
                break
    except csv.Error as exc:
        raise GlossaryFileRejected(name=name, line=header_index + 1 + reader.line_num,
                                   detail=f"CSV mal formé ({exc})", detail_en=f"malformed CSV ({exc})") from None
    return terms


def _toml(text: str, name: str) -> list[Term]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise GlossaryFileRejected(name=name, line=int(found.group(1)) if found else 1,
                                   detail="TOML mal formé", detail_en="malformed TOML") from None
    table = data.get("termes", data.get("terms"))
    if not isinstance(table, dict) or set(data) - {"termes", "terms"}:
        raise GlossaryFileRejected(name=name, line=1, detail="le fichier doit avoir une seule table [termes]",
                                   detail_en="the file must hold one table [termes]")
    lines = text.split("\n")
    terms = []
    for term, definition in table.items():
        line = _line_of(lines, term)
        if not isinstance(definition, str):
            raise GlossaryFileRejected(name=name, line=line, detail="la définition doit être un texte entre guillemets",
                                       detail_en="the definition must be a quoted string")
        terms.append(_checked(term, definition, line, name))
        if len(terms) > MAX_TERMS:
            break
    return terms


def _line_of(lines: list[str], term: str) -> int:
    for n, line in enumerate(lines, 1):
        stripped = line.strip().lstrip('"\'')
        if stripped.startswith(term):
            return n
    return 1


def _checked(term: str, definition: str, line: int, name: str) -> Term:
    term = " ".join(term.split())
    definition = " ".join(definition.split())
    if not term or not definition:
        raise GlossaryFileRejected(name=name, line=line, detail="le terme ou la définition est vide",
                                   detail_en="the term or the definition is empty")
    if len(term) > MAX_TERM_CHARS or len(definition) > MAX_DEFINITION_CHARS:
        raise GlossaryFileRejected(
            name=name, line=line,
            detail=f"terme de {MAX_TERM_CHARS} caractères au plus, définition de {MAX_DEFINITION_CHARS} au plus",
            detail_en=f"a term of at most {MAX_TERM_CHARS} characters, a definition of at most {MAX_DEFINITION_CHARS}")
    for value in (term, definition):
        if _MARKUP.search(value) or any(unicodedata.category(ch) in ("Cc", "Cf") for ch in value):
            raise GlossaryFileRejected(name=name, line=line,
                                       detail="du HTML ou une autre mise en forme n'est pas accepté (<, &…;, lien)",
                                       detail_en="HTML or other markup is not accepted (<, &…;, link)")
    if not re.search(r"[^\W\d_]", term):
        raise GlossaryFileRejected(name=name, line=line, detail="le terme doit contenir au moins une lettre",
                                   detail_en="the term must hold at least one letter")
    return Term(term, definition, line)


def check_course(course: str | None) -> str:
    """A course name: printable, at most 120 characters; "" for the whole profile."""
    course = " ".join((course or "").split())
    if len(course) > MAX_COURSE_CHARS or not course.isprintable() or _MARKUP.search(course):
        raise GlossaryFileRejected(name="--course", line=1,
                                   detail=f"nom de cours lisible de {MAX_COURSE_CHARS} caractères au plus",
                                   detail_en=f"a readable course name of at most {MAX_COURSE_CHARS} characters")
    return course
