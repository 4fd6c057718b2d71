"""The store's side of staff sessions, login counters and the web tier's secrets, on SQLite and PostgreSQL."""
import threading

import pytest
from sqlalchemy import func, inspect, select, text

from atypie.errors import TooManyAttempts
from atypie.store import Store
from atypie.store.migrations import LATEST, current_version
from atypie.store.schema import login_counters, staff_sessions
from atypie.store.sessions import digest

NOW = 1_700_000_000.0
LIMITS = {"idle_s": 60, "lifetime_s": 300}


def counter(store, key: str) -> tuple[int, int] | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(login_counters.c.failures, login_counters.c.pending)
                           .where(login_counters.c.key == digest(key))).first()
    return tuple(row) if row else None


def test_a_secret_is_made_once_and_shared(store):
    key = store.sessions.secret("browser-binding")
    assert len(key) == 32
    with Store(store.url) as other:
        assert other.sessions.secret("browser-binding") == key
    assert store.sessions.secret("another") != key


def test_secrets_made_at_once_by_many_processes_are_one(database_url):
    stores = [Store(database_url) for _ in range(4)]
    found, barrier = [], threading.Barrier(len(stores))

    def ask(store):
        barrier.wait()
        found.append(store.sessions.secret("browser-binding"))

    threads = [threading.Thread(target=ask, args=(store,)) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert len(found) == 4 and len(set(found)) == 1


def test_only_digests_of_tokens_and_cookies_are_stored(store):
    store.sessions.open("jeton-secret", "marie", "cookie-secret", now=NOW)
    with store.engine.connect() as conn:
        row = conn.execute(select(staff_sessions)).mappings().one()
    assert row["token_hash"] == digest("jeton-secret") and row["binding_hash"] == digest("cookie-secret")
    assert "secret" not in repr(dict(row))
    assert store.sessions.touch("jeton-secret", "cookie-secret", now=NOW + 10, **LIMITS) == "marie"
    assert store.sessions.touch(digest("jeton-secret"), "cookie-secret", now=NOW + 10, **LIMITS) is None


def test_expired_sessions_are_purged_and_live_ones_kept(store):
    sessions = store.sessions
    sessions.open("idle", "marie", "a", now=NOW)
    sessions.open("old", "marie", "b", now=NOW - 250)
    for seen in (NOW - 200, NOW - 150, NOW - 100, NOW - 50, NOW + 10):  # active, but past its lifetime at NOW + 70
        assert sessions.touch("old", "b", now=seen, **LIMITS) == "marie"
    sessions.open("live", "marie", "c", now=NOW + 20)
    sessions.purge_sessions(now=NOW + 70, **LIMITS)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(staff_sessions)).scalar() == 1
    assert sessions.touch("live", "c", now=NOW + 70, **LIMITS) == "marie"


def test_a_reservation_takes_every_counter_or_none(store):
    sessions = store.sessions
    sessions.reserve({"b": 1}, now=NOW, lockout_s=300)
    with pytest.raises(TooManyAttempts) as caught:
        sessions.reserve({"a": 5, "b": 1}, now=NOW + 60, lockout_s=300)
    assert "4 minutes" in caught.value.message("fr")
    assert counter(store, "a") is None and counter(store, "b") == (0, 1)
    sessions.failed(["b"], now=NOW + 60)
    sessions.release(["b"])  # nothing pending left: the count does not go below zero
    assert counter(store, "b") == (1, 0)
    sessions.forget(["b"])
    assert counter(store, "b") is None


def test_counters_untouched_for_the_lockout_are_purged(store):
    sessions = store.sessions
    sessions.reserve({"old": 5}, now=NOW - 300, lockout_s=300)
    sessions.reserve({"recent": 5}, now=NOW - 299, lockout_s=300)
    sessions.purge_counters(now=NOW, lockout_s=300)
    assert counter(store, "old") is None and counter(store, "recent") == (0, 1)


def test_many_processes_reserving_at_once_never_pass_the_limit(database_url):
    stores = [Store(database_url) for _ in range(3)]
    taken, refused = [], []
    barrier = threading.Barrier(15)

    def reserve(store):
        barrier.wait()
        try:
            store.sessions.reserve({"client": 4, "name": 50}, now=NOW, lockout_s=300)
            taken.append(1)
        except TooManyAttempts:
            refused.append(1)

    threads = [threading.Thread(target=reserve, args=(stores[n % 3],)) for n in range(15)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert (len(taken), len(refused)) == (4, 11)
        assert counter(stores[0], "client") == (0, 4) and counter(stores[0], "name") == (0, 4)
    finally:
        for store in stores:
            store.close()


def test_a_version_4_database_gets_the_tables(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with Store(url) as store, store.engine.begin() as conn:
        for table in ("staff_sessions", "login_counters", "app_secrets"):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("DELETE FROM atypie_schema WHERE version > 4"))
    with Store(url) as store, store.engine.connect() as conn:
        assert current_version(conn) == LATEST
        assert {"staff_sessions", "login_counters", "app_secrets"} <= set(inspect(conn).get_table_names())
        assert "ix_staff_sessions_binding" in {ix["name"] for ix in inspect(conn).get_indexes("staff_sessions")}
    with Store(url) as store:
        assert len(store.sessions.secret("browser-binding")) == 32
