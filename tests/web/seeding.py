"""A store with what the web tests need: a staff account, a profile allowed to generate images, one that is not,
and an access code for each (plus a revoked one)."""
from __future__ import annotations

from dataclasses import dataclass

from atypie.profiles.presets import load_preset
from atypie.store import Store

STAFF, PASSWORD = "marie", "un-mot-de-passe-solide"


@dataclass(frozen=True)
class Seeded:
    store: Store
    allowed: str  # code of "etu-images" (dyslexie, images allowed, quota 3)
    plain: str  # code of "etu-texte" (falc, images not allowed)
    revoked: str  # a revoked code of "etu-images"


def seed(store: Store) -> Seeded:
    store.staff.add(STAFF, PASSWORD)
    store.profiles.create(load_preset("dyslexie", "etu-images"), actor=STAFF)
    store.profiles.create(load_preset("falc", "etu-texte"), actor=STAFF)
    store.profiles.allow_images("etu-images", reason="schémas de cours illustrés", approved_by=STAFF, daily_quota=3)
    revoked = store.codes.issue("etu-images", actor=STAFF).code
    store.codes.revoke(revoked, actor=STAFF)
    return Seeded(store, store.codes.issue("etu-images", actor=STAFF).code,
                  store.codes.issue("etu-texte", actor=STAFF).code, revoked)
