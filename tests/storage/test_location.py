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
