from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import cli, imported, raw
from verzuimdesk.storage.database import DatabaseError


def dump(path: Path) -> dict[str, object]:
    """Schema and every row of every table (sqlcipher3 has no iterdump)."""
    con = raw(path)
    schema = con.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    rows = {name: con.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
            for (kind, name, _) in schema if kind == "table"}
    con.close()
    return {"schema": schema, **rows}


@pytest.fixture
def filled(tmp_path: Path, school_file: Path) -> Path:
    path = tmp_path / "school.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    return imported(path)


def test_backup_then_restore_gives_an_identical_database(filled: Path, tmp_path: Path) -> None:
    original = dump(filled)
    copy = tmp_path / "kopie.db"
    assert cli("backup", "--db", filled, "--out", copy) == 0
    assert dump(copy) == original
    # The school changes after the backup, then the backup comes back.
    (tmp_path / "p.csv").write_text("leerlingnummer;voornaam;achternaam;geboortedatum;groep;inschrijfdatum\n"
                                    "3001;Nieuw;Kind;2018-01-01;3;2022-08-29\n", encoding="utf-8")
    assert cli("import", "pupils", "--db", filled, tmp_path / "p.csv") == 0
    assert dump(filled) != original
    assert cli("restore", "--ja", "--db", filled, copy) == 0
    assert dump(filled) == original


def test_restore_refuses_a_damaged_copy_and_changes_nothing(filled: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    original = dump(filled)
    copy = tmp_path / "kopie.db"
    assert cli("backup", "--db", filled, "--out", copy) == 0
    data = bytearray(copy.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(page, len(data), page):  # trample every b-tree page header after the first
        data[start:start + 8] = b"\x0d\xff\xff\xff\xff\xff\xff\xff"
    copy.write_bytes(bytes(data))
    assert cli("restore", "--ja", "--db", filled, copy) == 1
    err = capsys.readouterr().err
    assert "beschadigd" in err
    assert dump(filled) == original


def test_restore_refuses_a_file_that_is_no_verzuimdesk_database(filled: Path, tmp_path: Path) -> None:
    other = tmp_path / "ander.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE x (a)")
    con.commit()
    con.close()
    original = dump(filled)
    with pytest.raises(DatabaseError, match="geen VerzuimDesk-database"):
        from verzuimdesk.storage.backup import restore

        restore(other, filled)
    assert dump(filled) == original
