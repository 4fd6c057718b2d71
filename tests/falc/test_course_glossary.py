"""Course glossary files: CSV and TOML are read; bad files are refused with a code and the line."""
from __future__ import annotations

import pytest

from atypie.errors import AtypieError
from atypie.falc.course_glossary import MAX_BYTES, MAX_TERMS, parse


def code_and_line(data: bytes, name: str = "glossaire.csv") -> tuple[str, int | None]:
    with pytest.raises(AtypieError) as caught:
        parse(data, name)
    return caught.value.code, caught.value.params.get("line")


def test_csv_with_semicolons_or_commas_and_toml_are_read():
    semi = parse("terme;définition\nbiome;grand milieu de vie\n\nICU;« îlot » de chaleur urbain\n".encode(),
                 "cours.csv")
    assert [(t.term, t.definition, t.line) for t in semi] == [("biome", "grand milieu de vie", 2),
                                                             ("ICU", "« îlot » de chaleur urbain", 4)]
    comma = parse(b'\xef\xbb\xbfterm,definition\r\nbiome,"large living area, with its climate"\r\n', "course.txt")
    assert comma[0].definition == "large living area, with its climate"
    toml = parse('[termes]\nbiome = "grand milieu de vie"\n"îlot de chaleur" = "ville plus chaude"\n'.encode(),
                 "cours.toml")
    assert [(t.term, t.line) for t in toml] == [("biome", 2), ("îlot de chaleur", 3)]


@pytest.mark.parametrize("data, name, code, line", [
    (b"mot\nbiome\n", "g.csv", "ATY-E027", 1),  # no header
    ("terme;définition\nbiome;a;b\n".encode(), "g.csv", "ATY-E027", 2),  # three columns
    ("terme;définition\nbiome;\n".encode(), "g.csv", "ATY-E027", 2),  # empty definition
    ("terme;définition\nok;bien\nbiome;<script>alert(1)</script>\n".encode(), "g.csv", "ATY-E027", 3),  # HTML
    ("terme;définition\nbiome;voir [ici](javascript:alert(1))\n".encode(), "g.csv", "ATY-E027", 2),  # a link
    ("terme;définition\nbiome;a &amp; b\n".encode(), "g.csv", "ATY-E027", 2),  # an entity
    ("terme;définition\nbiome;x\nBiome;y\n".encode(), "g.csv", "ATY-E027", 3),  # twice the same term
    ('terme;définition\nbiome;"non fermé\n'.encode(), "g.csv", "ATY-E027", None),  # broken quoting
    (b"\xff\xfe\x00b", "g.csv", "ATY-E027", 1),  # not UTF-8
    (b'[termes]\nbiome = \n', "g.toml", "ATY-E027", 2),  # broken TOML
    (b'[termes]\nbiome = 3\n', "g.toml", "ATY-E027", 2),  # not a string
    (b'[autre]\nbiome = "x"\n', "g.toml", "ATY-E027", 1),  # no [termes]
    ("terme;définition\n".encode(), "g.csv", "ATY-E027", 1),  # no term
    ("terme;définition\n" + "x" * 130 + ";y\n", "g.csv", "ATY-E027", 2),  # term too long
])
def test_bad_files_are_refused_with_the_line(data, name, code, line):
    data = data.encode() if isinstance(data, str) else data
    found_code, found_line = code_and_line(data, name)
    assert found_code == code
    if line is not None:
        assert found_line == line


def test_too_large_files_are_refused():
    assert code_and_line(b"terme;d\xc3\xa9finition\n" + b"a" * MAX_BYTES)[0] == "ATY-E028"
    many = "terme;définition\n" + "".join(f"mot{n};définition {n}\n" for n in range(MAX_TERMS + 1))
    assert code_and_line(many.encode())[0] == "ATY-E028"


@pytest.mark.parametrize("name", ["../../etc/passwd.csv", "a/b.csv", "..\\x.csv", ".cache.csv", "glossaire.exe",
                                  "glossaire", "", "g\x00.csv", "g<script>.csv"])
def test_path_traversal_and_odd_file_names_are_refused(name):
    assert code_and_line("terme;définition\nbiome;milieu\n".encode(), name)[0] == "ATY-E039"


def test_error_messages_are_french_first_with_english():
    with pytest.raises(AtypieError) as caught:
        parse("terme;définition\nbiome;<b>x</b>\n".encode(), "g.csv")
    assert "ligne 2" in caught.value.message("fr") and "line 2" in caught.value.message("en")
