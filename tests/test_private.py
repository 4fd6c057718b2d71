"""Private files: the database, web downloads and Gradio's copies are for the user running atypie only."""
import os
import stat
from pathlib import Path

import pytest

from atypie.errors import ConfigurationError
from atypie.private import private_file, private_folder, temp_folder
from atypie.store import Store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.slow
def test_the_database_is_created_readable_by_its_owner_only(tmp_path):
    home = tmp_path / "nouveau" / "atypie"
    with Store(f"sqlite:///{home / 'atypie.db'}") as store:
        store.staff.add("marie", "un-mot-de-passe-solide")
    assert mode(home) == 0o700
    assert mode(home / "atypie.db") == 0o600
    for companion in home.glob("atypie.db-*"):  # SQLite's WAL files take the database's mode
        assert mode(companion) == 0o600, companion


def test_an_existing_database_readable_by_others_is_tightened(tmp_path):
    database = tmp_path / "atypie.db"
    database.touch(mode=0o644)
    os.chmod(database, 0o644)
    Store(f"sqlite:///{database}").close()
    assert mode(database) == 0o600


def test_temporary_folders_are_private_and_inside_atypie_home(atypie_home):
    folder = temp_folder("web")
    assert folder.is_relative_to(atypie_home) and mode(folder) == 0o700
    os.chmod(folder, 0o755)
    assert mode(temp_folder("web")) == 0o700


def test_a_link_planted_in_place_of_a_private_folder_is_refused(tmp_path):
    target = tmp_path / "ailleurs"
    target.mkdir()
    (tmp_path / "lien").symlink_to(target)
    with pytest.raises(ConfigurationError):
        private_folder(tmp_path / "lien")


def test_private_file_does_not_follow_a_link(tmp_path):
    victim = tmp_path / "victime"
    victim.write_text("x")
    os.chmod(victim, 0o644)
    (tmp_path / "lien").symlink_to(victim)
    private_file(tmp_path / "lien")  # exists (through the link): left alone, not chmod-ed through it
    assert mode(victim) == 0o644
