import pytest

from atypie.errors import ImageSettingsProtected, ProfileExists, ProfileNotFound, StaleProfile, UnknownStaff
from atypie.profiles.presets import load_preset
from atypie.profiles.settings import apply_settings


def test_create_get_list_delete(store):
    created = store.profiles.create(load_preset("dyslexie", "alice"))
    assert created.version == 1
    assert store.profiles.get("alice").profile == load_preset("dyslexie", "alice")
    assert [s.id for s in store.profiles.list()] == ["alice"]
    store.profiles.delete("alice")
    with pytest.raises(ProfileNotFound):
        store.profiles.get("alice")


def test_duplicate_profile_is_refused(store):
    store.profiles.create(load_preset("tsa", "bob"))
    with pytest.raises(ProfileExists):
        store.profiles.create(load_preset("falc", "bob"))


def test_update_bumps_the_version(store):
    store.profiles.create(load_preset("standard", "carla"))
    changed = apply_settings(store.profiles.get("carla").profile, ["text.level=falc"])
    stored = store.profiles.update(changed, expected_version=1)
    assert stored.version == 2 and stored.profile.text.level == "falc"
    assert store.profiles.get("carla").profile.text.level == "falc"


def test_stale_write_is_rejected_and_the_first_write_kept(store):
    store.profiles.create(load_preset("standard", "dan"))
    first = apply_settings(store.profiles.get("dan").profile, ["text.glossary=oui"])
    second = apply_settings(store.profiles.get("dan").profile, ["display.theme=dark"])
    store.profiles.update(first, expected_version=1)
    with pytest.raises(StaleProfile) as caught:
        store.profiles.update(second, expected_version=1)
    assert caught.value.params == {"profile_id": "dan", "expected": 1, "actual": 2}
    kept = store.profiles.get("dan").profile
    assert kept.text.glossary is True and kept.display.theme == "light"


@pytest.mark.slow
def test_update_cannot_change_the_image_grant(store, staff_name):
    store.profiles.create(load_preset("standard", "eve"))
    sneaky = store.profiles.get("eve").profile.model_copy(update={"image_generation": {
        "allowed": True, "reason": "x", "approved_by": "x", "approved_at": "2026-01-01T00:00:00Z", "daily_quota": 9}})
    with pytest.raises(ImageSettingsProtected):
        store.profiles.update(sneaky, expected_version=1)
    assert not store.profiles.get("eve").profile.image_generation.allowed


def test_a_new_profile_cannot_arrive_already_allowed(store):
    profile = load_preset("standard", "frank")
    profile = profile.model_copy(update={"image_generation": profile.image_generation.model_copy(
        update={"allowed": True})})
    with pytest.raises(ImageSettingsProtected):
        store.profiles.create(profile)


@pytest.mark.slow
def test_allow_and_revoke_images(store, staff_name):
    store.profiles.create(load_preset("tsa", "gina"))
    allowed = store.profiles.allow_images("gina", reason="Schémas illustrés utiles", approved_by=staff_name,
                                          daily_quota=5)
    grant = allowed.profile.image_generation
    assert (grant.allowed, grant.approved_by, grant.daily_quota) == (True, "marie", 5)
    assert grant.reason == "Schémas illustrés utiles" and grant.approved_at is not None
    assert allowed.version == 2
    revoked = store.profiles.revoke_images("gina", actor=staff_name)
    assert not revoked.profile.image_generation.allowed and revoked.version == 3


@pytest.mark.slow
def test_allow_images_needs_a_real_staff_account_and_a_reason(store, staff_name):
    store.profiles.create(load_preset("tsa", "hugo"))
    with pytest.raises(UnknownStaff):
        store.profiles.allow_images("hugo", reason="raison", approved_by="intrus")
    for reason in ("", "   ", "x" * 501, "ligne\x00cachée"):
        with pytest.raises(Exception) as caught:
            store.profiles.allow_images("hugo", reason=reason, approved_by=staff_name)
        assert caught.value.code == "ATY-E010"
    assert not store.profiles.get("hugo").profile.image_generation.allowed


def test_deleting_a_profile_removes_its_codes(store):
    store.profiles.create(load_preset("tdah", "ines"))
    issued = store.codes.issue("ines")
    store.profiles.delete("ines")
    with pytest.raises(Exception) as caught:
        store.codes.get(issued.code)
    assert caught.value.code == "ATY-E019"
