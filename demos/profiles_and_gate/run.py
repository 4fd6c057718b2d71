"""Démo : un profil, un code d'accès, et le verrou de création d'images (base temporaire).

Demo: a profile, an access code, and the image-generation gate (temporary database).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import atypie


def main(folder: Path) -> list[str]:
    lines = []
    with atypie.open_store(f"sqlite:///{folder / 'demo.db'}") as store:
        store.profiles.create(atypie.load_preset("dyslexie", "l2-histoire-dys"))
        store.staff.add("marie", "mot-de-passe-de-demo")
        issued = store.codes.issue("l2-histoire-dys", expires_days=120)
        lines.append(f"Code d'accès (affiché une fois) : {issued.code}")
        gate = atypie.Gate(store)
        refused = gate.check_code(issued.code)
        lines.append(f"Avant autorisation : {'autorisé' if refused.allowed else 'refusé'} — {refused.explain()}")
        store.profiles.allow_images("l2-histoire-dys", reason="Supports visuels recommandés",
                                    approved_by="marie", daily_quota=2)
        for attempt in range(3):
            verdict = gate.check_code(issued.code)
            lines.append(f"Essai {attempt + 1} : {'autorisé' if verdict.allowed else 'refusé'} — "
                         f"{verdict.explain()} (reste {verdict.quota_left})")
        lines.append(f"Entrées du journal : {len(store.audit.entries(profile_id='l2-histoire-dys'))}")
    return lines


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        print("\n".join(main(Path(tmp))))
