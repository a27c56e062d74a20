"""Automatic backups: on the first start of a day and before every migration, rotated 7/4/12.

Copies live in `reservekopieen/` beside the database, encrypted like the database itself. The
rotation keeps the newest copy of each of the last 7 days, 4 weeks and 12 months that have one. A copy
made for a reason (`_voor-herstel`: what a restore replaced; `_voor-migratie`) is the only copy of its
data, whatever copies were made that day: those are kept for `SPECIAL_DAYS` days and the newest
`SPECIAL_KEPT` of each reason beyond that (found by a review: a second copy the same day deleted the data
a restore had put aside).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from verzuimdesk.domain.dutch import format_date
from verzuimdesk.domain.file_errors import failure_reason, file_reason
from verzuimdesk.storage import vault
from verzuimdesk.storage.backup import BackupInfo, backup, describe, restore
from verzuimdesk.storage.database import Database, DatabaseError, is_encrypted, sqlite_path

FOLDER = "reservekopieen"
_STAMP = "%Y-%m-%d_%H%M%S"
SPECIAL_DAYS = 92  # a quarter: long enough to notice that a restore or a migration lost something
SPECIAL_KEPT = 3


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    made: datetime
    reason: str = ""  # "herstel", "migratie": a copy made before a restore or a migration; "" the daily copy


@dataclass(frozen=True, slots=True)
class BackupSummary:
    """A checked copy, named for the user before a restore: whose school, of when."""

    path: Path
    info: BackupInfo

    def text(self) -> str:
        i = self.info
        line = f"Reservekopie van {i.school}, gemaakt op {format_date(i.made.date())} {i.made:%H:%M}"
        if i.last_entry is not None:
            line += f" (laatste wijziging {format_date(i.last_entry.date())} {i.last_entry:%H:%M})"
        return line + "."


def check_backup(backup_path: Path, passphrase: str | None = None) -> BackupSummary:
    """Open and check a copy without changing anything (Dutch DatabaseError when it is not usable)."""
    return BackupSummary(backup_path, describe(backup_path, passphrase))


def restore_backup(backup_path: Path, db_path: Path, passphrase: str | None = None) -> Path | None:
    """Put a checked copy in place of the database; returns the safety copy of what was there.

    Refuses (Dutch) while another process has the database open. The caller closes its own
    connections first.
    """
    return restore(backup_path, db_path, passphrase)


def restore_damaged(backup_path: Path, db_path: Path, passphrase: str | None = None) -> Path:
    """At start, a database that cannot be opened: keep it beside as `.beschadigd` with its journal and key
    slots (a specialist may still recover its last commits from them), then put the checked copy in its
    place. Returns where the damaged file is. When the restore fails (a full disk), the damaged file is put
    back where it was, so nothing is lost and the next start offers the same again (found by a review: the
    database was gone, the restore half done)."""
    damaged = db_path.with_name(db_path.name + ".beschadigd")
    check_backup(backup_path, passphrase)  # before anything moves
    need = backup_path.stat().st_size * 2  # the copy written beside, and the safety copy of the damaged file
    try:
        free = shutil.disk_usage(db_path.parent).free
    except OSError:
        free = need
    if free < need:
        raise DatabaseError("Er is te weinig ruimte op de schijf om de reservekopie terug te zetten: maak eerst "
                            "ruimte vrij. Er is niets gewijzigd.")
    journal = [(db_path.with_name(db_path.name + x), damaged.with_name(damaged.name + x)) for x in ("-wal", "-shm")]
    moved: list[tuple[Path, Path]] = []
    try:
        if vault.slots_path(db_path).exists():
            shutil.copyfile(vault.slots_path(db_path), vault.slots_path(damaged))  # the restore replaces them
        for src, dst in [(db_path, damaged), *journal]:
            if src.exists():
                src.replace(dst)
                moved.append((src, dst))
    except OSError as exc:
        _put_back(moved)
        raise DatabaseError(f"De beschadigde database is niet opzij te zetten: {file_reason(exc)}.") from None
    try:
        restore(backup_path, db_path, passphrase)
    except BaseException as exc:  # whatever failed (a disk error of SQLite's own): the database goes back
        _put_back(moved)
        if not isinstance(exc, Exception):
            raise
        reason = str(exc) if isinstance(exc, DatabaseError) else failure_reason(exc) or str(exc)
        raise DatabaseError(f"Het terugzetten is niet gelukt ({reason}); de database staat weer zoals hij "
                            "was.") from None
    return damaged


def _put_back(moved: list[tuple[Path, Path]]) -> None:
    for src, dst in reversed(moved):
        try:
            dst.replace(src)
        except OSError:
            continue


def needs_password(backup_path: Path) -> bool:
    """Whether a copy is encrypted (so its password or recovery key must be asked before checking it)."""
    return backup_path.is_file() and is_encrypted(backup_path)


def restore_target(target: str) -> Path:
    """The file a restore replaces; a server database is restored with the server's own tools."""
    path = sqlite_path(target)
    if path is None:
        raise DatabaseError("Een serverdatabase zet de beheerder terug, als eigenaar van de tabellen "
                            "(verzuimdesk restore --db postgresql://…, docs/server.md).")
    return path


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / FOLDER


def list_backups(db_path: Path) -> list[BackupFile]:
    """The automatic copies of this database, newest first."""
    found = []
    prefix = db_path.stem + "_"
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    for f in folder.glob(f"{prefix}*.db"):
        stamp, _, reason = f.stem[len(prefix):].partition("_voor-")
        try:
            found.append(BackupFile(f, datetime.strptime(stamp, _STAMP), reason))
        except ValueError:
            continue
    return sorted(found, key=lambda b: b.made, reverse=True)


def make_backup(db: Database, *, reason: str = "", now: datetime | None = None) -> Path | None:
    """A checked copy now; None for a server database (its own tools make copies)."""
    if db.path is None:
        return None
    made = now or datetime.now()
    suffix = f"_voor-{reason}" if reason else ""
    out = backup_dir(db.path) / f"{db.path.stem}_{made.strftime(_STAMP)}{suffix}.db"
    backup(db.path, out, db.key)
    rotate(db.path, now=made)
    return out


def daily_backup(db: Database, *, now: datetime | None = None) -> Path | None:
    """The first start of a day makes a copy; later starts that day do not."""
    if db.path is None:
        return None
    today = (now or datetime.now()).date()
    if any(b.made.date() == today and not b.reason for b in list_backups(db.path)):
        return None
    return make_backup(db, now=now)


def backup_before_migration(db: Database) -> None:
    make_backup(db, reason="migratie")


def keep(dates: Iterable[datetime], *, days: int = 7, weeks: int = 4, months: int = 12) -> set[datetime]:
    """Which copies the rotation keeps: the newest of each of the last N days, weeks and months."""
    kept: set[datetime] = set()
    for count, bucket in ((days, lambda d: d.date()), (weeks, lambda d: d.isocalendar()[:2]),
                          (months, lambda d: (d.year, d.month))):
        seen: list[object] = []
        for d in sorted(dates, reverse=True):
            b = bucket(d)
            if b not in seen:
                if len(seen) == count:
                    break
                seen.append(b)
                kept.add(d)
    return kept


def rotate(db_path: Path, *, now: datetime | None = None) -> list[Path]:
    """Delete the copies the rotation does not keep; returns what was deleted."""
    backups = list_backups(db_path)
    now = now or datetime.now()
    daily = [b for b in backups if not b.reason]
    days = keep([b.made for b in daily])
    kept = {b.path for b in daily if b.made in days}
    for reason in {b.reason for b in backups if b.reason}:
        mine = [b for b in backups if b.reason == reason]  # newest first
        kept |= {b.path for k, b in enumerate(mine) if k < SPECIAL_KEPT or now - b.made < timedelta(days=SPECIAL_DAYS)}
    removed = []
    for b in backups:
        if b.path not in kept:
            b.path.unlink(missing_ok=True)
            vault.slots_path(b.path).unlink(missing_ok=True)
            removed.append(b.path)
    return removed
