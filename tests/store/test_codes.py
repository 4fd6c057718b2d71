from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from atypie.errors import AccessCodeExpired, AccessCodeNotFound, AccessCodeRevoked, InvalidIdentifier, InvalidInput
from atypie.profiles.presets import load_preset
from atypie.store.codes import ALPHABET, new_code, normalise_code
from atypie.store.schema import access_codes


@pytest.fixture
def profile_id(store) -> str:
    store.profiles.create(load_preset("dyslexie", "l2-dys"))
    return "l2-dys"


def test_codes_are_random_and_well_formed():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert len(code) == 24 and code.count("-") == 4
        assert set(code.replace("-", "")) <= set(ALPHABET)


def test_typed_codes_are_forgiven_case_spaces_and_lookalikes():
    assert normalise_code("abcd efgh jkmn pqrs tvwx") == "ABCD-EFGH-JKMN-PQRS-TVWX"
    assert normalise_code("OIL0-0000-0000-0000-0000") == "0110-0000-0000-0000-0000"
    for bad in ("", "short", "U" * 20, "A" * 21, "x" * 10_000, "ABCD-EFGH-JKMN-PQRS-TVW!"):
        assert normalise_code(bad) is None


def test_issue_then_resolve(store, profile_id):
    issued = store.codes.issue(profile_id, pseudonym="etu-042")
    access = store.codes.resolve(issued.code.lower().replace("-", " "))
    assert access.profile_id == profile_id and access.pseudonym == "etu-042"
    row = store.engine.connect().execute(select(access_codes)).mappings().one()
    assert issued.code not in str(dict(row))  # only the hash is stored


def test_revoked_code_is_refused(store, profile_id):
    issued = store.codes.issue(profile_id)
    store.codes.revoke(issued.access.id)
    with pytest.raises(AccessCodeRevoked):
        store.codes.resolve(issued.code)


def test_expired_code_is_refused(store, profile_id):
    issued = store.codes.issue(profile_id, expires_days=1)
    with store.engine.begin() as conn:
        conn.execute(update(access_codes).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    with pytest.raises(AccessCodeExpired):
        store.codes.resolve(issued.code)


def test_unknown_and_garbage_codes_are_refused(store, profile_id):
    store.codes.issue(profile_id)
    for code in (new_code(), "", "' OR 1=1 --", "\x00" * 30, "ac-000000000000"):
        with pytest.raises(AccessCodeNotFound):
            store.codes.resolve(code)


def test_issue_validates_its_input(store, profile_id):
    with pytest.raises(InvalidInput):
        store.codes.issue(profile_id, expires_days=0)
    with pytest.raises(InvalidIdentifier):
        store.codes.issue(profile_id, pseudonym="Jean Dupont <jean@univ.fr>")
    with pytest.raises(Exception) as caught:
        store.codes.issue("nobody")
    assert caught.value.code == "ATY-E012"


def test_export_contains_everything_linked_to_the_code(store, profile_id):
    issued = store.codes.issue(profile_id, pseudonym="etu-7")
    store.codes.resolve(issued.code)
    other = store.codes.issue(profile_id)
    store.codes.resolve(other.code)
    exported = store.codes.export(issued.code).to_dict()
    assert exported["access_code"]["id"] == issued.access.id
    assert exported["access_code"]["pseudonym"] == "etu-7"
    assert exported["profile"]["profile"]["id"] == profile_id
    operations = sorted(entry["operation"] for entry in exported["audit"])
    assert operations == ["code.issue", "code.resolve"]
    assert all(entry["code_id"] == issued.access.id for entry in exported["audit"])
    assert issued.code not in str(exported)


def test_delete_erases_the_code_and_its_log_entries(store, profile_id):
    issued = store.codes.issue(profile_id)
    store.codes.resolve(issued.code)
    other = store.codes.issue(profile_id)
    deletion = store.codes.delete(issued.code)
    assert deletion.audit_entries_deleted == 2
    assert store.audit.entries(code_id=issued.access.id) == []
    with pytest.raises(AccessCodeNotFound):
        store.codes.get(issued.access.id)
    assert store.codes.resolve(other.code).id == other.access.id  # others untouched
    assert store.profiles.exists(profile_id)
