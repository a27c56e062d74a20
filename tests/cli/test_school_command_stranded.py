"""`verzuimdesk school` says which registrations a new calendar leaves on a day without lessons."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import cli

DATA = Path(__file__).resolve().parent.parent / "data"


def test_a_vacation_laid_over_registered_absences_is_said_and_nothing_is_lost(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "school.db"
    assert cli("init", "--db", db, "--school", DATA / "school.toml") == 0
    for kind in ("pupils", "absences"):
        assert cli("import", kind, "--db", db, DATA / f"{kind}.csv") == 0
    capsys.readouterr()
    school = tmp_path / "school.toml"  # a week off over 3–7 Nov, where tests/data has five absences
    school.write_text((DATA / "school.toml").read_text("utf-8").replace(
        "[[vakantie]]", '[[vakantie]]\nnaam = "Extra week"\nstart = 2025-11-03\neind = 2025-11-07\n\n[[vakantie]]', 1),
        encoding="utf-8")
    assert cli("school", "--db", db, school) == 0
    err = capsys.readouterr().err
    assert "Let op: 5 registraties staan nu op een dag die volgens de nieuwe kalender geen schooldag" in err
    assert "1001 op ma 3 nov 2025" in err and "ze blijven bewaard" in err
    assert cli("school", "--db", db, DATA / "school.toml") == 0  # back: nothing to say about them
    assert "registraties staan nu" not in capsys.readouterr().err
