import os
import time
from pathlib import Path

from atypie.web import downloads


def test_folders_older_than_an_hour_are_removed_at_most_once_a_minute(tmp_path, monkeypatch):
    old = downloads.Downloads()
    old.add("a.txt", "texte")
    stale = time.time() - downloads.MAX_AGE_S - 10
    os.utime(old.folder, (stale, stale))
    monkeypatch.setattr(downloads, "_last_prune", 0.0)  # a minute has passed since the last look
    fresh = downloads.Downloads()  # this request prunes: the old folder goes, the new one stays
    assert not old.folder.exists() and fresh.folder.exists()
    os.utime(fresh.folder, (stale, stale))
    downloads.Downloads()  # within the minute: nothing is looked at
    assert fresh.folder.exists()
    assert oct(fresh.folder.parent.stat().st_mode & 0o777) == "0o700"


def test_downloads_are_private_files_in_atypie_home(atypie_home):
    import stat

    from atypie.web.downloads import Downloads

    files = Downloads()
    path = Path(files.add("texte-simplifie.md", "Le cours."))
    assert path.is_relative_to(atypie_home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700
