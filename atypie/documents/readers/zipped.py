"""Zipped documents (DOCX, ODT, PPTX) checked with the standard library before anything unpacks them: the file's
size, a password (an OLE file is an encrypted OOXML package; an ODT manifest says `encryption-data`), a zip bomb
(what the entries unpack to, their compression ratio, their number). Entries named with `..` or an absolute path are
never read. `repack` gives pandoc a clean copy holding only what was checked, sized by what was read (a lying size
in the zip cannot unpack to more)."""
from __future__ import annotations

import io
import posixpath
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
import zlib
from urllib.parse import unquote

from ...errors import DocumentTooLarge, DocumentUnreadable
from .. import limits

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_ENTRIES = 10_000
MAX_RATIO = 400  # unpacked / packed, for an entry of at least LARGE_ENTRY bytes (an ODT of empty answer grids
# reaches 110; a bomb is in the thousands)
LARGE_ENTRY = 1024 * 1024
MAX_MANIFEST = 1024 * 1024
PASSWORD = "il est protégé par un mot de passe"
MEDIA = re.compile(r"\.(png|jpe?g|gif|bmp|tiff?|webp|svg|emf|wmf|emz|wmz)$", re.IGNORECASE)
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError)


def safe_name(name: str) -> bool:
    """Whether an entry's name stays inside the archive: no `..`, no absolute path, no drive, no NUL."""
    parts = name.replace("\\", "/").split("/")
    return bool(name) and "\x00" not in name and not name.startswith(("/", "\\")) and ".." not in parts \
        and not re.match(r"^[A-Za-z]:", name)


class Zipped:
    """A checked archive: its safe entries by name."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.archive = archive
        self.name = name
        self.entries = {info.filename: info for info in archive.infolist()
                        if not info.is_dir() and safe_name(info.filename)}

    def size(self, path: str) -> int | None:
        """The unpacked size of an entry, None when there is no such safe entry."""
        info = self.entries.get(path)
        return None if info is None else info.file_size

    def read(self, path: str) -> bytes | None:
        """An entry's bytes, None when there is no such safe entry."""
        info = self.entries.get(path)
        if info is None:
            return None
        try:
            return self.archive.read(info)
        except _READ_ERRORS:
            raise DocumentUnreadable(name=self.name, detail=f"la partie « {path} » est abîmée") from None

    def repack(self, replace: dict[str, bytes] | None = None, *, empty_media: bool = False) -> bytes:
        """A new zip (stored, not compressed) of the safe entries, some replaced; pictures emptied on demand."""
        replace = replace or {}
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
            for path, info in self.entries.items():
                if path in replace or (empty_media and MEDIA.search(path)):
                    target.writestr(path, replace.get(path, b""))
                    continue
                try:
                    with self.archive.open(info) as source, target.open(path, "w") as sink:
                        shutil.copyfileobj(source, sink, 1024 * 1024)
                except _READ_ERRORS:
                    raise DocumentUnreadable(name=self.name, detail=f"la partie « {path} » est abîmée") from None
        return out.getvalue()


def open_zipped(data: bytes, name: str = "", *, label: str = "DOCX/ODT") -> Zipped:
    """The checked archive of a DOCX, ODT or PPTX file (`label` names the format in the messages)."""
    if len(data) > limits.MAX_BYTES:
        raise DocumentTooLarge(name=name, what="octets", size=len(data), limit=limits.MAX_BYTES)
    if data[:8] == OLE_MAGIC:
        raise DocumentUnreadable(name=name, detail=_ole_detail(data))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except _READ_ERRORS:
        raise DocumentUnreadable(name=name, detail=f"ce n'est pas un fichier {label} valide") from None
    if len(infos) > MAX_ENTRIES:
        raise DocumentTooLarge(name=name, what="parties dans le fichier", size=len(infos), limit=MAX_ENTRIES)
    unpacked = sum(info.file_size for info in infos)
    if unpacked > limits.MAX_UNPACKED_BYTES:
        raise DocumentTooLarge(name=name, what="octets une fois décompressé", size=unpacked,
                               limit=limits.MAX_UNPACKED_BYTES)
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= LARGE_ENTRY and ratio > MAX_RATIO:
            raise DocumentTooLarge(name=name, what="taux de compression", size=round(ratio), limit=MAX_RATIO)
        if info.flag_bits & 0x1:
            raise DocumentUnreadable(name=name, detail=PASSWORD)
    zipped = Zipped(archive, name)
    manifest = zipped.size("META-INF/manifest.xml")
    if manifest is not None and manifest <= MAX_MANIFEST and b"encryption-data" in zipped.read("META-INF/manifest.xml"):
        raise DocumentUnreadable(name=name, detail=PASSWORD)
    return zipped


def _ole_detail(data: bytes) -> str:
    """An OLE file is a password-protected DOCX/PPTX (an `EncryptedPackage` stream), or an old .doc/.ppt."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return PASSWORD
    if any(stream.encode("utf-16-le") in data for stream in ("WordDocument", "PowerPoint Document")):
        return "c'est un ancien fichier Word ou PowerPoint (.doc, .ppt) : enregistrez-le en .docx, .odt ou .pptx"
    return PASSWORD + ", ou c'est un ancien fichier Word ou PowerPoint (.doc, .ppt)"


def entry_path(src: str) -> str:
    """The name of the zip entry that a reference inside the document points to (« ../Pictures/a.png », « %20 »)."""
    return posixpath.normpath(unquote(src).lstrip("/")).removeprefix("./")


def parse_xml(data: bytes, name: str) -> ET.Element:
    """XML the file holds, without DTD (no entity expansion); expat also guards against entity bombs."""
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise DocumentUnreadable(name=name, detail="son XML déclare un DOCTYPE, refusé par sécurité")
    try:
        return ET.fromstring(data)
    except ET.ParseError:
        raise DocumentUnreadable(name=name, detail="son contenu XML est abîmé") from None
