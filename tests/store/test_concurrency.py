"""Concurrent writers, each on its own connection: no update is ever lost silently."""
import threading

from atypie.errors import StaleProfile
from atypie.profiles.presets import load_preset
from atypie.profiles.settings import apply_settings
from atypie.store import Store


def test_two_concurrent_writers_one_wins_one_is_told(store, database_url):
    store.profiles.create(load_preset("standard", "shared"))
    barrier = threading.Barrier(2)
    outcomes: dict[str, object] = {}

    def writer(name: str, setting: str) -> None:
        with Store(database_url) as own:
            current = own.profiles.get("shared")
            changed = apply_settings(current.profile, [setting])
            barrier.wait()  # both have read version 1 before either writes
            try:
                outcomes[name] = own.profiles.update(changed, expected_version=current.version).version
            except StaleProfile as exc:
                outcomes[name] = exc

    threads = [threading.Thread(target=writer, args=("a", "text.glossary=oui")),
               threading.Thread(target=writer, args=("b", "display.theme=dark"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [n for n, o in outcomes.items() if o == 2]
    losers = [n for n, o in outcomes.items() if isinstance(o, StaleProfile)]
    assert len(winners) == 1 and len(losers) == 1
    final = store.profiles.get("shared")
    assert final.version == 2
    changed_glossary, changed_theme = final.profile.text.glossary, final.profile.display.theme == "dark"
    assert changed_glossary != changed_theme  # exactly the winner's change is stored


def test_many_concurrent_updates_are_all_accounted_for(store, database_url):
    store.profiles.create(load_preset("standard", "busy"))
    successes, stale = [], []
    lock = threading.Lock()

    def worker() -> None:
        with Store(database_url) as own:
            for _ in range(5):
                current = own.profiles.get("busy")
                size = current.profile.display.font_size_px
                changed = apply_settings(current.profile, [f"display.font_size_px={min(size + 1, 48)}"])
                try:
                    own.profiles.update(changed, expected_version=current.version)
                    with lock:
                        successes.append(1)
                except StaleProfile:
                    with lock:
                        stale.append(1)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    final = store.profiles.get("busy")
    assert len(successes) + len(stale) == 20
    assert final.version == 1 + len(successes)
    assert final.profile.display.font_size_px == 16 + len(successes)
