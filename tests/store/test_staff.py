import pytest

from atypie.errors import BadCredentials, InvalidIdentifier, StaffExists, WeakPassword
from atypie.store.passwords import hash_password, verify_password


@pytest.mark.slow
def test_password_hash_is_salted_scrypt():
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first.startswith("scrypt$") and first != second
    assert verify_password("correct horse", first) and not verify_password("wrong horse", first)
    assert not verify_password("x", "garbage") and not verify_password("x", "md5$1$2$3$4$5")


@pytest.mark.slow
def test_add_and_authenticate(store):
    store.staff.add("paul", "mot-de-passe-long")
    assert store.staff.authenticate("paul", "mot-de-passe-long").name == "paul"
    for name, password in (("paul", "mauvais-mot-de-passe"), ("nobody", "mot-de-passe-long")):
        with pytest.raises(BadCredentials):
            store.staff.authenticate(name, password)
    logins = store.audit.entries(operation="staff.login")
    assert [e.allowed for e in logins] == [False, False, True]


@pytest.mark.slow
def test_bad_accounts_are_refused(store):
    store.staff.add("paul", "mot-de-passe-long")
    with pytest.raises(StaffExists):
        store.staff.add("paul", "autre-mot-de-passe")
    with pytest.raises(WeakPassword):
        store.staff.add("lea", "court")
    with pytest.raises(InvalidIdentifier):
        store.staff.add("lea/../root", "mot-de-passe-long")
    assert store.staff.names() == ["paul"]
