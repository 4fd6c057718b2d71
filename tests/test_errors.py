import pytest

from atypie.errors import (
    EXIT_INTERNAL,
    EXIT_INVALID,
    EXIT_MISSING,
    EXIT_REFUSED,
    AtypieError,
    InvalidInput,
    all_error_classes,
)

SAMPLE = {"size": 1, "limit": 2, "backend": "b",
          "detail": "x", "shown": "x", "profile_id": "p", "key": "k", "expected": 1, "actual": 2, "preset": "p",
          "available": "a", "name": "n", "minimum": 10, "why": "w", "what": "w", "fix": "f", "found": 3, "known": 2,
          "model": "m", "env": "E", "minutes": 5,
          "page": 2, "ratio": 40, "seconds": 60, "depth": 500, "line": 3, "detail_en": "y", "term": "t", "job_id": "j"}


def test_codes_are_unique_and_well_formed():
    codes = [cls.code for cls in all_error_classes()]
    assert len(codes) == len(set(codes))
    assert all(code.startswith("ATY-E") and code[5:].isdigit() and len(code) == 8 for code in codes)


@pytest.mark.parametrize("cls", all_error_classes(), ids=lambda c: c.__name__)
def test_every_error_has_both_languages_and_a_valid_exit_code(cls):
    error = cls(**SAMPLE)
    assert error.message("fr").startswith(f"[{cls.code}] ")
    assert error.message("en").startswith(f"[{cls.code}] ")
    assert error.message("fr") != error.message("en")
    assert cls.exit_code in (EXIT_INTERNAL, EXIT_INVALID, EXIT_REFUSED, EXIT_MISSING)
    assert str(error) == error.message("fr")


def test_message_templates_only_use_their_parameters():
    error = InvalidInput(detail="texte vide")
    assert error.message() == "[ATY-E010] La demande n'est pas valide : texte vide"
    assert isinstance(error, AtypieError)
