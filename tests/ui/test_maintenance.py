"""Backups, restore, the audit log and retention from the app's File menu."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.actors import IB
from tests.conftest import PASSPHRASE, raw
from verzuimdesk.services.accounts import login
from verzuimdesk.services.backups import list_backups, make_backup
from verzuimdesk.storage.database import DatabaseError, open_database
from verzuimdesk.ui.audit_dialog import COL_USER, AuditDialog
from verzuimdesk.ui.maintenance import offer_restore_of_damaged


@pytest.fixture
def school(school_path: Path) -> Path:
    return school_path


def test_audit_log_shows_logins_and_filters_by_user(qtbot: QtBot, school: Path) -> None:
    db, _ = login(str(school), username="ib", password=PASSPHRASE)
    dialog = AuditDialog(db, by=IB)
    qtbot.addWidget(dialog)
    users = {dialog.model.index(r, COL_USER).data() for r in range(dialog.model.rowCount())}
    assert any(u == "ib" or u.endswith("(ib)") for u in users) and dialog.model.rowCount() >= 2  # the school's creation and the login
    assert not dialog.warning.isVisibleTo(dialog)
    dialog.pupil.setText("1001")
    assert dialog.model.rowCount() == 0  # nothing about this pupil has been viewed or exported yet
    dialog.pupil.clear()
    dialog.kind.setCurrentIndex(dialog.kind.findData("aanmelden"))
    assert [dialog.model.index(r, 3).data() for r in range(dialog.model.rowCount())] == ["aangemeld"]
    db.close()


def test_a_changed_log_row_is_shown_as_tampering(qtbot: QtBot, school: Path) -> None:
    con = raw(school)
    con.execute("DROP TRIGGER audit_log_no_update")  # the triggers refuse it; someone with a shell drops them
    con.execute("UPDATE audit_log SET user = 'iemand' WHERE id = 1")
    con.commit()
    con.close()
    db = open_database(str(school), passphrase=PASSPHRASE)
    dialog = AuditDialog(db, by=IB)
    qtbot.addWidget(dialog)
    assert dialog.warning.isVisibleTo(dialog)
    assert dialog.warning.text().endswith("privacy officer.") or "privacy" in dialog.warning.text()
    db.close()


def test_damaged_database_at_start_is_restored_from_the_latest_backup(
        qtbot: QtBot, school: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_database(str(school), passphrase=PASSPHRASE)
    make_backup(db, now=datetime(2026, 11, 23, 8, 0))
    db.close()
    data = bytearray(school.read_bytes())
    page = 4096
    for start in range(page, len(data), page):
        data[start:start + 64] = b"\x00" * 64
    school.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="beschadigd") as info:
        open_database(str(school), passphrase=PASSPHRASE)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSPHRASE, True))
    assert offer_restore_of_damaged(str(school), str(info.value))
    assert "ma 23 nov 2026 08:00" in asked[0]
    assert "weer inloggen" in asked[0] or "log in again" in asked[0]  # the backup's key slots come back with it
    db = open_database(str(school), passphrase=PASSPHRASE)  # opens again, with the school's pupils
    from verzuimdesk.services.pupils import list_pupils

    assert len(list_pupils(db)) == 4
    db.close()
    assert (school.parent / "school.db.beschadigd").exists()  # the damaged file is kept, not deleted
    assert list_backups(school)


def test_without_a_backup_the_damage_is_explained(qtbot: QtBot, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    assert not offer_restore_of_damaged(str(tmp_path / "x.db"), "Database is beschadigd.")
    assert "reservekopie" in shown[0].lower() or "backup" in shown[0].lower()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for start in range(4096, len(data), 4096):
        data[start:start + 64] = b"\x00" * 64
    path.write_bytes(bytes(data))


def test_a_broken_newest_backup_does_not_hide_the_good_one_before_it(
        qtbot: QtBot, school: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A review: a restore cut off by a full disk left a truncated '_voor-herstel' copy, the newest; the offer
    # at start tried only that one, said it was damaged, and stopped.
    db = open_database(str(school), passphrase=PASSPHRASE)
    make_backup(db, now=datetime(2026, 11, 23, 8, 0))
    cut = make_backup(db, reason="herstel", now=datetime(2026, 11, 24, 8, 0))
    db.close()
    assert cut is not None
    cut.write_bytes(cut.read_bytes()[:5000])
    _damage(school)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSPHRASE, True))
    assert offer_restore_of_damaged(str(school), "Database is beschadigd.")
    assert "ma 23 nov 2026 08:00" in asked[0]
    assert "di 24 nov 2026 08:00 is damaged and was skipped" in asked[0]  # the user knows what was passed over
    open_database(str(school), passphrase=PASSPHRASE).close()


def test_a_restore_that_fails_puts_the_damaged_database_back_with_its_journal(
        school: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A review: on a full disk the damaged file was moved away, the restore failed, and the next start said the
    # database did not exist; its -wal (the last commits) was deleted rather than kept beside it.
    import errno

    from verzuimdesk.services import backups

    db = open_database(str(school), passphrase=PASSPHRASE)
    copy = make_backup(db, now=datetime(2026, 11, 23, 8, 0))
    db.close()
    assert copy is not None
    _damage(school)
    wal = school.with_name(school.name + "-wal")
    wal.write_bytes(b"the last commits")
    before = school.read_bytes()

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backups, "restore", full)
    with pytest.raises(DatabaseError, match=r"de schijf is vol.*staat weer zoals hij was"):
        backups.restore_damaged(copy, school, PASSPHRASE)
    assert school.read_bytes() == before and wal.read_bytes() == b"the last commits"
    assert not (school.parent / "school.db.beschadigd").exists()
    monkeypatch.undo()
    monkeypatch.setattr(backups.shutil, "disk_usage", lambda p: type("U", (), {"free": 10})())
    with pytest.raises(DatabaseError, match="te weinig ruimte"):
        backups.restore_damaged(copy, school, PASSPHRASE)
    assert school.read_bytes() == before and wal.exists()
    monkeypatch.undo()
    damaged = backups.restore_damaged(copy, school, PASSPHRASE)
    assert damaged.read_bytes() == before
    assert damaged.with_name(damaged.name + "-wal").read_bytes() == b"the last commits"  # for a specialist
    assert Path(str(damaged) + ".sleutels").exists()  # its key slots: without them it never opens
    open_database(str(school), passphrase=PASSPHRASE).close()


def test_a_backup_on_a_full_disk_is_said_in_dutch(qtbot: QtBot, school: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A review: File > Backup maken caught only the database's own errors; a full disk showed a traceback, and
    # SQLite's page copy says a full disk as its own error, no OSError.
    import sqlite3

    from verzuimdesk.storage import backup as backup_module
    from verzuimdesk.ui.context import AppContext
    from verzuimdesk.ui.maintenance import backup_now

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup_module, "_copy_pages", full)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    db = open_database(str(school), passphrase=PASSPHRASE)
    try:
        backup_now(AppContext(db, IB), None)
    finally:
        db.close()
    assert shown == ["De reservekopie is niet gemaakt: de schijf is vol."]
    assert not list((school.parent / "reservekopieen").glob("*.tmp*"))  # no half copy left behind


def test_a_restore_that_sqlite_fails_puts_the_damaged_database_back(school: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # A review: a disk error of SQLite's own during the page copy left only 'school.db.beschadigd', and the
    # next start said the database did not exist.
    import sqlite3

    from verzuimdesk.services import backups
    from verzuimdesk.storage import backup as backup_module

    db = open_database(str(school), passphrase=PASSPHRASE)
    copy = make_backup(db, now=datetime(2026, 11, 23, 8, 0))
    db.close()
    assert copy is not None
    _damage(school)
    before = school.read_bytes()
    real = backup_module._copy_pages

    def failing(src: Path, dst: Path, key: bytes | None) -> None:
        if dst.name.endswith(".herstel"):
            raise sqlite3.OperationalError("disk I/O error")
        real(src, dst, key)

    monkeypatch.setattr(backup_module, "_copy_pages", failing)
    with pytest.raises(DatabaseError, match=r"de schijf gaf een lees- of schrijffout.*staat weer zoals hij was"):
        backups.restore_damaged(copy, school, PASSPHRASE)
    assert school.read_bytes() == before and not (school.parent / "school.db.beschadigd").exists()


def test_a_wrong_password_is_said_and_no_older_backup_is_offered_instead(
        qtbot: QtBot, school: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A review: with the password of an older copy, the newest good copy 'failed its check' and was skipped,
    # and a copy three weeks older was offered.
    db = open_database(str(school), passphrase=PASSPHRASE)
    make_backup(db, now=datetime(2026, 11, 2, 8, 0))
    make_backup(db, now=datetime(2026, 11, 23, 8, 0))
    db.close()
    _damage(school)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("no backup may be offered"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("een-ander-wachtwoord", True))
    assert not offer_restore_of_damaged(str(school), "Database is beschadigd.")
    assert len(shown) == 1 and "wachtwoord" in shown[0].lower()
