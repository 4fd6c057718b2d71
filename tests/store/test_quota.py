"""The daily image quota counts atomically per profile and day, and never goes below zero."""
from atypie.profiles.presets import load_preset
from atypie.store.quota import ImageQuota


def test_units_are_taken_up_to_the_quota_and_given_back(store):
    store.profiles.create(load_preset("falc", "p"))
    with store.engine.begin() as conn:
        assert [ImageQuota.take_one(conn, "p", "2026-12-07", 2) for _ in range(3)] == [True, True, False]
        assert ImageQuota.used(conn, "p", "2026-12-07") == 2 and ImageQuota.used(conn, "p", "2026-12-08") == 0
        ImageQuota.give_back(conn, "p", "2026-12-07")
        assert ImageQuota.used(conn, "p", "2026-12-07") == 1


def test_giving_back_never_goes_below_zero(store):
    store.profiles.create(load_preset("falc", "q"))
    with store.engine.begin() as conn:
        ImageQuota.give_back(conn, "q", "2026-12-07")
        ImageQuota.take_one(conn, "q", "2026-12-07", 1)
        ImageQuota.give_back(conn, "q", "2026-12-07")
        ImageQuota.give_back(conn, "q", "2026-12-07")
        assert ImageQuota.used(conn, "q", "2026-12-07") == 0
