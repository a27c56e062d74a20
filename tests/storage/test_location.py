from __future__ import annotations

from pathlib import Path

import pytest

from verzuimdesk.storage.database import DatabaseError, open_database
from verzuimdesk.storage.location import location_problem


@pytest.mark.parametrize("folder", ["OneDrive - OBS De Klimop", "Dropbox", "Google Drive", "iCloud Drive"])
def test_cloud_synced_folder_is_refused_with_the_alternative(tmp_path: Path, folder: str) -> None:
    reason = location_problem(tmp_path / folder / "verzuimdesk.db")
    assert reason is not None and "gesynchroniseerd" in reason and "PostgreSQL" in reason


def test_unc_share_is_refused() -> None:
    reason = location_problem(Path("//server/share/verzuimdesk.db"))
    assert reason is not None and "netwerkschijf" in reason


def test_local_folder_is_fine(tmp_path: Path) -> None:
    assert location_problem(tmp_path / "verzuimdesk.db") is None


def test_opening_in_a_synced_folder_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "Dropbox" / "school.db"
    with pytest.raises(DatabaseError, match="gesynchroniseerd"):
        open_database(str(target), create=True)
    assert not target.parent.exists()


def test_a_link_into_onedrive_is_refused(tmp_path: Path) -> None:
    synced = tmp_path / "OneDrive - OBS De Klimop" / "verzuim"
    synced.mkdir(parents=True)
    (tmp_path / "lokaal").symlink_to(synced, target_is_directory=True)
    reason = location_problem(tmp_path / "lokaal" / "verzuimdesk.db")
    assert reason is not None and "OneDrive - OBS De Klimop" in reason


def test_a_database_file_that_links_into_dropbox_is_refused(tmp_path: Path) -> None:
    (tmp_path / "Dropbox").mkdir()
    (tmp_path / "school.db").symlink_to(tmp_path / "Dropbox" / "school.db")
    with pytest.raises(DatabaseError, match="gesynchroniseerd"):
        open_database(str(tmp_path / "school.db"), create=True)


def test_a_backup_into_dropbox_is_refused_with_nothing_written(db_path: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from verzuimdesk.cli.main import run

    out = tmp_path / "Dropbox" / "kopie.db"
    assert run(["backup", "--db", str(db_path), "--out", str(out)]) == 1
    assert "De reservekopie staat in een map die met de cloud wordt gesynchroniseerd" in capsys.readouterr().err
    assert not out.parent.exists()
    (tmp_path / "usb").symlink_to(tmp_path / "Dropbox2", target_is_directory=True)
    (tmp_path / "Dropbox2").mkdir()
    assert run(["backup", "--db", str(db_path), "--out", str(tmp_path / "usb" / "kopie.db")]) == 1
    assert not list((tmp_path / "Dropbox2").iterdir())
