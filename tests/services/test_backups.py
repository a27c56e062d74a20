from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from tests.conftest import PASSPHRASE, cli
from verzuimdesk.services.backups import daily_backup, keep, list_backups, make_backup
from verzuimdesk.storage.database import open_database


def test_rotation_keeps_seven_days_four_weeks_twelve_months() -> None:
    start = datetime(2026, 11, 23, 8, 0)
    every_day = [start - timedelta(days=i) for i in range(400)]
    kept = keep(every_day)
    days = sorted({d.date() for d in kept}, reverse=True)
    assert days[:7] == [(start - timedelta(days=i)).date() for i in range(7)]
    assert len({d.isocalendar()[:2] for d in kept}) >= 4
    assert len({(d.year, d.month) for d in kept}) == 12
    assert len(kept) <= 7 + 4 + 12
    assert min(kept) > start - timedelta(days=366)


def test_two_copies_on_one_day_keep_the_newest() -> None:
    morning, evening = datetime(2026, 11, 23, 8), datetime(2026, 11, 23, 17)
    assert keep([morning, evening]) == {evening}


def test_first_start_of_a_day_makes_one_encrypted_copy(tmp_path: Path, school_file: Path) -> None:
    path = tmp_path / "school.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    db = open_database(str(path), passphrase=PASSPHRASE)
    now = datetime(2026, 11, 23, 8, 5)
    first = daily_backup(db, now=now)
    assert first is not None and first.exists()
    assert daily_backup(db, now=now + timedelta(hours=3)) is None  # later that day: no second copy
    assert daily_backup(db, now=now + timedelta(days=1)) is not None
    assert len(list_backups(path)) == 2
    assert not first.read_bytes().startswith(b"SQLite format 3")
    # The copy opens with the same password, with the same school.
    copy = open_database(str(first), passphrase=PASSPHRASE)
    copy.close()
    db.close()


def test_old_copies_are_rotated_away(tmp_path: Path, school_file: Path) -> None:
    path = tmp_path / "school.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    db = open_database(str(path), passphrase=PASSPHRASE)
    start = datetime(2026, 1, 1, 8)
    for i in range(20):
        make_backup(db, now=start + timedelta(days=i))
    made = list_backups(path)
    assert len(made) < 20 and made[0].made == start + timedelta(days=19)
    assert all(Path(str(b.path) + ".sleutels").exists() for b in made)
    db.close()


def test_the_copy_a_restore_or_a_migration_put_aside_outlives_the_days_rotation(tmp_path: Path,
                                                                                school_file: Path) -> None:
    # A review: a restore set the replaced data aside as '_voor-herstel'; the next backup of that day kept
    # only the day's newest copy and deleted it, and with it everything typed after the restored backup.
    from verzuimdesk.services.backups import SPECIAL_DAYS, rotate

    path = tmp_path / "school.db"
    assert cli("init", "--db", path, "--school", school_file) == 0
    db = open_database(str(path), passphrase=PASSPHRASE)
    morning = datetime(2026, 11, 23, 8)
    folder = path.parent / "reservekopieen"
    make_backup(db, now=morning)
    aside = make_backup(db, reason="herstel", now=morning + timedelta(hours=1))
    migration = make_backup(db, reason="migratie", now=morning + timedelta(hours=2))
    assert aside is not None and migration is not None
    assert daily_backup(db, now=morning + timedelta(hours=3)) is None  # the day has its daily copy
    later = make_backup(db, now=morning + timedelta(hours=4))
    assert aside.exists() and migration.exists() and later is not None and later.exists()
    assert {b.reason for b in list_backups(path)} == {"", "herstel", "migratie"}
    for i in range(1, 5):  # more restores the same quarter: all kept
        make_backup(db, reason="herstel", now=morning + timedelta(days=i))
    assert aside.exists()
    rotate(path, now=morning + timedelta(days=SPECIAL_DAYS + 10))  # a quarter on: the newest 3 of each stay
    herstel = [b for b in list_backups(path) if b.reason == "herstel"]
    assert len(herstel) == 3 and not aside.exists() and migration.exists()
    assert all(Path(str(b.path) + ".sleutels").exists() for b in list_backups(path))
    assert len(list(folder.glob("*.sleutels"))) == len(list_backups(path))
    db.close()
