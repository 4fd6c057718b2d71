import pytest

from atypie.errors import InvalidIdentifier
from atypie.ids import check_identifier

HOSTILE = ["", "../etc/passwd", "a/b", "a\\b", "x'; DROP TABLE profiles;--", "a" * 10240, "ab\x01c", "ab\nc",
           "ab\x00c", "Élodie", "..", "-leading", "UPPER", " space", "%2e%2e", "a" * 65, None, 42]


@pytest.mark.parametrize("value", HOSTILE, ids=lambda v: repr(v)[:20])
def test_hostile_identifiers_are_rejected(value):
    with pytest.raises(InvalidIdentifier) as caught:
        check_identifier(value)
    assert caught.value.code == "ATY-E011"
    assert len(caught.value.message()) < 400  # a 10 kB input is not echoed back whole
    assert "\x00" not in caught.value.message() and "\x01" not in caught.value.message()


@pytest.mark.slow
@pytest.mark.parametrize("value", ["alice", "l1-dys_2026", "a", "a" * 64])
def test_ordinary_identifiers_pass(value):
    assert check_identifier(value) == value
