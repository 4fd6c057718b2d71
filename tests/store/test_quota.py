"""The daily image quota counts atomically per profile and day, and never goes below zero."""
from atypie.profiles.presets import load_preset
from atypie.store import quota


def test_units_are_taken_up_to_the_quota_and_given_back(store):
    store.profiles.create(load_preset("falc", "p"))
    with store.engine.begin() as conn:
        assert [quota.take_one(conn, "p", "2026-12-07", 2) for _ in range(3)] == [True, True, False]
        assert quota.used(conn, "p", "2026-12-07") == 2 and quota.used(conn, "p", "2026-12-08") == 0
        quota.give_back(conn, "p", "2026-12-07")
        assert quota.used(conn, "p", "2026-12-07") == 1


def test_giving_back_never_goes_below_zero(store):
    store.profiles.create(load_preset("falc", "q"))
    with store.engine.begin() as conn:
        quota.give_back(conn, "q", "2026-12-07")
        quota.take_one(conn, "q", "2026-12-07", 1)
        quota.give_back(conn, "q", "2026-12-07")
        quota.give_back(conn, "q", "2026-12-07")
        assert quota.used(conn, "q", "2026-12-07") == 0
