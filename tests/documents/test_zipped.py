"""Zipped documents are checked before anything unpacks them: not a zip, a password, a zip bomb, too large a file,
an entry that would leave the archive. Pure Python: no pandoc here."""
import io
import zipfile

import pytest

from atypie.documents import limits
from atypie.documents.readers import zipped as zipped_module
from atypie.documents.readers.zipped import OLE_MAGIC, open_zipped, safe_name
from atypie.errors import AtypieError

UNREADABLE, TOO_LARGE = "ATY-E052", "ATY-E053"


def _zip(entries: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _code(data: bytes, **kwargs) -> str:
    with pytest.raises(AtypieError) as raised:
        open_zipped(data, "cours.docx", **kwargs)
    return raised.value.code


def test_a_good_zip_gives_its_entries():
    zipped = open_zipped(_zip({"word/document.xml": b"<w/>", "word/media/a.png": b"png"}), "cours.docx")
    assert set(zipped.entries) == {"word/document.xml", "word/media/a.png"}
    assert zipped.read("word/media/a.png") == b"png" and zipped.size("word/media/a.png") == 3
    assert zipped.read("absent.xml") is None and zipped.size("absent.xml") is None


@pytest.mark.parametrize("data", [b"", b"Bonjour, ceci est du texte.", b"PK\x03\x04 tronque", b"%PDF-1.7\n"])
def test_what_is_not_a_zip_is_unreadable(data):
    assert _code(data) == UNREADABLE


def test_an_ole_file_is_a_password_protected_document():
    stream = "EncryptedPackage".encode("utf-16-le")
    assert _code(OLE_MAGIC + b"\x00" * 504 + stream + b"\x00" * 64) == UNREADABLE
    assert _code(OLE_MAGIC + b"\x00" * 56) == UNREADABLE  # just the header: refused all the same
    assert _code(OLE_MAGIC + "WordDocument".encode("utf-16-le")) == UNREADABLE  # an old .doc


def test_an_encrypted_odt_is_a_password_protected_document():
    manifest = (b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
                b'<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
                b"</manifest:file-entry></manifest:manifest>")
    data = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "META-INF/manifest.xml": manifest,
                 "content.xml": b"\x8a\x11 chiffre"})
    assert _code(data, label="ODT") == UNREADABLE


def test_an_entry_encrypted_in_the_zip_itself_is_refused():
    data = bytearray(_zip({"word/document.xml": b"\x00" * 32}, zipfile.ZIP_STORED))
    central = data.rfind(b"PK\x01\x02")
    data[6] |= 0x1  # general purpose flag, bit 0: encrypted (local header, then central directory)
    data[central + 8] |= 0x1
    assert _code(bytes(data)) == UNREADABLE


@pytest.mark.slow
def test_a_zip_bomb_is_refused_before_unpacking():
    """One entry of 300 MB of zeros, written a chunk at a time: the file stays about 300 KB."""
    buffer = io.BytesIO()
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        with archive.open("word/media/bomb.bin", "w") as entry:
            for _ in range(300):
                entry.write(chunk)
    data = buffer.getvalue()
    assert len(data) < 3 * 1024 * 1024
    assert _code(data) == TOO_LARGE


def test_an_entry_packed_more_than_a_hundred_times_is_refused():
    assert _code(_zip({"word/document.xml": bytes(8 * 1024 * 1024)})) == TOO_LARGE


def test_a_small_entry_may_pack_well():
    open_zipped(_zip({"word/document.xml": bytes(64 * 1024)}), "cours.docx")


def test_a_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_BYTES", 100)
    assert _code(_zip({"word/document.xml": b"x" * 400}, zipfile.ZIP_STORED)) == TOO_LARGE


def test_too_many_entries_are_refused(monkeypatch):
    monkeypatch.setattr(zipped_module, "MAX_ENTRIES", 3)
    assert _code(_zip({f"part{i}.xml": b"<x/>" for i in range(5)})) == TOO_LARGE


@pytest.mark.parametrize("name", ["../../evil", "word/../../evil", "/etc/evil", "\\windows\\evil", "C:/evil"])
def test_entries_leaving_the_archive_are_never_read_nor_repacked(name):
    assert not safe_name(name)
    zipped = open_zipped(_zip({"word/document.xml": b"<w/>", name: b"evil"}), "cours.docx")
    assert name not in zipped.entries and zipped.read(name) is None
    repacked = zipfile.ZipFile(io.BytesIO(zipped.repack()))
    assert repacked.namelist() == ["word/document.xml"]


def test_repack_replaces_entries_and_empties_pictures_on_demand():
    zipped = open_zipped(_zip({"content.xml": b"<old/>", "Pictures/1.png": b"\x89PNG data", "meta.xml": b"<m/>"}))
    repacked = zipfile.ZipFile(io.BytesIO(zipped.repack({"content.xml": b"<new/>"}, empty_media=True)))
    assert repacked.read("content.xml") == b"<new/>"
    assert repacked.read("Pictures/1.png") == b"" and repacked.read("meta.xml") == b"<m/>"
    assert all(info.compress_type == zipfile.ZIP_STORED for info in repacked.infolist())


def test_an_entry_that_lies_about_its_size_cannot_unpack_to_more():
    """The central directory says 10 bytes; the deflated data holds a megabyte: reading stops at what was said."""
    data = bytearray(_zip({"word/document.xml": bytes(1024 * 1024)}))
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo("word/document.xml")
    central = data.rfind(b"PK\x01\x02")
    data[central + 24:central + 28] = (10).to_bytes(4, "little")  # uncompressed size in the central directory
    local = info.header_offset
    data[local + 22:local + 26] = (10).to_bytes(4, "little")
    zipped = open_zipped(bytes(data))
    assert zipped.size("word/document.xml") == 10
    with pytest.raises(AtypieError) as raised:  # the CRC of the first 10 bytes is not the file's
        zipped.repack()
    assert raised.value.code == UNREADABLE


def test_limits_are_the_shared_ones():
    assert limits.MAX_UNPACKED_BYTES == 200 * 1024 * 1024 and limits.MAX_BYTES == 50 * 1024 * 1024
