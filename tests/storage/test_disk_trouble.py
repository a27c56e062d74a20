"""A busy, full or failing disk is said as such, in Dutch: never taken for a damaged database (which offers a
restore that throws work away), never a traceback (found by a review of what can lose a school's data)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, cli, raw
from verzuimdesk.domain.file_errors import sqlite_reason
from verzuimdesk.storage import database
from verzuimdesk.storage.database import DatabaseDamaged, DatabaseError, check_file


def locked_error(tmp_path: Path) -> sqlite3.OperationalError:
    path = tmp_path / "lock.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    try:
        other.execute("SELECT * FROM t")
    except sqlite3.OperationalError as exc:
        return exc
    finally:
        other.close()
        holder.close()
    raise AssertionError("the exclusive lock did not hold")


def test_sqlite_failures_of_the_disk_or_a_lock_have_a_dutch_reason(tmp_path: Path) -> None:
    assert "bezig" in (sqlite_reason(locked_error(tmp_path)) or "")
    assert sqlite_reason(sqlite3.OperationalError("disk I/O error")) == "de schijf gaf een lees- of schrijffout (is hij vol?)"
    assert sqlite_reason(sqlite3.OperationalError("database or disk is full")) == "de schijf is vol"
    assert sqlite_reason(sqlite3.DatabaseError("database disk image is malformed")) is None  # that is damage
    assert sqlite_reason(sqlite3.DatabaseError("file is not a database")) is None
    wrapped = RuntimeError("outer")
    wrapped.__cause__ = sqlite3.OperationalError("attempt to write a readonly database")
    assert sqlite_reason(wrapped) == "de database of de map is alleen-lezen"


def test_a_disk_error_while_checking_is_no_damage(school_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A review: a full disk made a healthy database 'beschadigd', and the offered restore moved it away.
    def failing(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(database, "connect_file", failing)
    with pytest.raises(DatabaseError) as info:
        check_file(school_path, None)
    assert not isinstance(info.value, DatabaseDamaged)
    assert "is nu niet te lezen: de schijf gaf een lees- of schrijffout" in str(info.value)
    assert "reservekopie" not in str(info.value)


def test_a_command_that_waits_too_long_for_a_lock_says_so_in_dutch(
        school_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERZUIMDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("verzuimdesk.storage.raw.BUSY_TIMEOUT_MS", 50)
    monkeypatch.setattr("verzuimdesk.storage.database.BUSY_TIMEOUT_MS", 50, raising=False)
    lines = tmp_path / "verzuim.csv"
    lines.write_text("leerlingnummer;datum;van;tot;code\n1001;2025-12-01;;;O\n", encoding="utf-8")
    holder = raw(school_path)
    holder.isolation_level = None
    holder.execute("BEGIN EXCLUSIVE")  # another program writes, and goes on writing
    try:
        code = cli("import", "absences", "--db", school_path, lines)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "Niet gelukt: de database is bezig" in err


def test_a_backup_made_while_someone_writes_raises_no_tampering_alarm(
        school_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A review: 23 of 25 copies made while a colleague saved conversations said rows had been deleted from the
    # log: the key slots (with the log's anchor) were copied after the pages, so the anchor of a later write
    # counted more rows than the copy held.
    from tests.actors import IB
    from verzuimdesk.services.audit_log import audit_problem
    from verzuimdesk.services.backups import make_backup
    from verzuimdesk.services.conversations import save_conversation
    from verzuimdesk.storage import backup as backup_module
    from verzuimdesk.storage.database import open_database

    db = open_database(str(school_path), passphrase=PASSPHRASE)
    with db.read() as s:
        pid = s.execute(database.text("SELECT id FROM pupil WHERE number='1001'")).scalar()
    real = backup_module.check_integrity
    wrote: list[bool] = []

    def check_then_write(path: Path, key: bytes | None = None) -> None:
        real(path, key)
        if path.name.endswith(".tmp") and not wrote:  # the pages are copied: a colleague saves now
            wrote.append(True)
            save_conversation(db, pupil_id=pid, kind="parents_phone", held_at=datetime(2025, 12, 1, 9),
                              participants="moeder", summary="Moeder belde", by=IB)

    monkeypatch.setattr(backup_module, "check_integrity", check_then_write)
    copy = make_backup(db, now=datetime(2026, 11, 23, 8, 0))
    db.close()
    assert wrote and copy is not None
    restored = open_database(str(copy), passphrase=PASSPHRASE)
    try:
        assert audit_problem(restored) is None
    finally:
        restored.close()
