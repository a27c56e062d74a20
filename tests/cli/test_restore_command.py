"""The command line's restore keeps what it replaces, as the app's does (issue 17): one service for both."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import cli


def test_a_restore_from_the_command_line_first_copies_the_database_it_replaces(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "kopie.db"
    assert cli("backup", "--db", db_path, "--out", copy) == 0
    assert cli("restore", "--db", db_path, copy, "--ja") == 0
    out = capsys.readouterr().out
    safety = [p for p in (db_path.parent / "reservekopieen").iterdir() if p.suffix == ".db"]
    assert len(safety) == 1 and str(safety[0]) in out  # the database of before the restore, where it is said
    assert "Kopie teruggezet" in out
