import pytest
from sqlalchemy import inspect, text

from atypie.errors import SchemaTooNew
from atypie.store import Store
from atypie.store.migrations import LATEST, current_version
from atypie.store.schema import metadata


def test_new_database_is_at_the_latest_version(database_url):
    with Store(database_url) as store, store.engine.connect() as conn:
        assert current_version(conn) == LATEST


def test_reopening_applies_nothing_twice(database_url):
    Store(database_url).close()
    with Store(database_url) as store, store.engine.connect() as conn:
        versions = conn.execute(text("SELECT version FROM atypie_schema ORDER BY version")).scalars().all()
    assert versions == list(range(1, LATEST + 1))


def test_a_version_1_database_is_upgraded(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with Store(url) as store, store.engine.begin() as conn:
        for index in ("ix_audit_profile", "ix_audit_code", "ix_codes_profile"):
            conn.execute(text(f"DROP INDEX {index}"))
        conn.execute(text("DROP TABLE usage_log"))
        conn.execute(text("DELETE FROM atypie_schema WHERE version > 1"))
    with Store(url) as store, store.engine.connect() as conn:
        assert current_version(conn) == LATEST
        names = {ix["name"] for ix in inspect(conn).get_indexes("audit_log")}
        tables = set(inspect(conn).get_table_names())
    assert {"ix_audit_profile", "ix_audit_code"} <= names
    assert "usage_log" in tables


def test_a_database_from_a_newer_release_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    with Store(url) as store, store.engine.begin() as conn:
        conn.execute(text("INSERT INTO atypie_schema (version, applied_at, description) "
                          "VALUES (999, '2030-01-01 00:00:00', 'future')"))
    with pytest.raises(SchemaTooNew) as caught:
        Store(url)
    assert caught.value.exit_code == 4


def test_sqlite_runs_in_wal_mode(tmp_path):
    with Store(f"sqlite:///{tmp_path / 'w.db'}") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_every_table_is_created(database_url):
    with Store(database_url) as store, store.engine.connect() as conn:
        assert set(metadata.tables) <= set(inspect(conn).get_table_names())


def test_unusable_database_urls_are_configuration_errors(tmp_path):
    for url in ("nonsense", "mysql://x/y"):
        with pytest.raises(Exception) as caught:
            Store(url)
        assert caught.value.exit_code == 4
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(Exception) as caught:
        Store(f"sqlite:///{blocker}/sub/db.sqlite")
    assert caught.value.exit_code == 4
