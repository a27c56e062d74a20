"""Consistent copies of a SQLite database through SQLite's online backup API, and bringing one back.

An encrypted database is copied encrypted, page by page with its own key, and its slots file goes
along (`KOPIE.sleutels`), so the same passwords and the recovery key open the copy. A restore checks
the copy (`integrity_check`, and that it is a VerzuimDesk database) before it replaces anything.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

from verzuimdesk.domain.file_errors import failure_reason, file_reason
from verzuimdesk.storage import swap, vault
from verzuimdesk.storage.database import DatabaseError, check_file, connect_file, is_encrypted, unlock
from verzuimdesk.storage.instance_lock import InstanceLock, UseLock, held_here
from verzuimdesk.storage.location import location_problem

P = ParamSpec("P")
T = TypeVar("T")


def check_integrity(path: Path, key: bytes | None = None) -> None:
    """Raise DatabaseError (Dutch) unless `path` is an intact VerzuimDesk database."""
    if not path.is_file():
        raise DatabaseError(f"'{path}' bestaat niet.")
    check_file(path, key, "integrity_check")
    conn = connect_file(path, key, readonly=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    if "alembic_version" not in tables or "pupil" not in tables:
        raise DatabaseError(f"'{path}' is geen VerzuimDesk-database.")


def _copy_pages(src_path: Path, dst_path: Path, key: bytes | None) -> None:
    src = connect_file(src_path, key)
    dst = connect_file(dst_path, key)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # a copy is one self-contained file
    finally:
        dst.close()
        src.close()


def _disk_trouble_said(what: str) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """A full or failing disk, a read-only folder or a lock (SQLite's own errors or the system's) as a Dutch
    DatabaseError naming `what` failed: the callers (the app's menu, the command line) say it, never a
    traceback (found by a review: the page copy's 'database or disk is full' is no OSError)."""
    def wrap(fn: Callable[P, T]) -> Callable[P, T]:
        @wraps(fn)
        def run(*args: P.args, **kwargs: P.kwargs) -> T:
            try:
                return fn(*args, **kwargs)
            except DatabaseError:
                raise
            except Exception as exc:
                reason = failure_reason(exc)
                if reason is None:
                    raise
                raise DatabaseError(f"{what}: {reason}.") from None
        return run
    return wrap


@_disk_trouble_said("De reservekopie is niet gemaakt")
def backup(db_path: Path, out: Path, key: bytes | None = None) -> None:
    """Write a consistent copy of `db_path` to `out` (replacing `out`), checked before and after."""
    if key is None and is_encrypted(db_path):
        raise DatabaseError("Deze database is versleuteld; open hem eerst met het wachtwoord.")
    problem = location_problem(out, "De reservekopie")  # a copy carries the pupils and its key slots
    if problem:
        raise DatabaseError(problem)
    check_integrity(db_path, key)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    slots_tmp = vault.slots_path(tmp)
    if key is not None:
        # The slots file holds the audit log's anchor (its count of rows): copied before the pages, a write
        # made meanwhile only adds rows beyond it. Copied after, the anchor of a later write said rows were
        # deleted from the copy (found by a review: 23 of 25 copies made while someone typed).
        shutil.copyfile(vault.slots_path(db_path), slots_tmp)
    try:
        _copy_pages(db_path, tmp, key)
        check_integrity(tmp, key)
    except BaseException:
        slots_tmp.unlink(missing_ok=True)
        tmp.unlink(missing_ok=True)
        raise
    if key is not None:
        slots_tmp.replace(vault.slots_path(out))
    else:
        vault.slots_path(out).unlink(missing_ok=True)
    tmp.replace(out)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """What a user checks before restoring a copy: whose school, and of when."""

    school: str
    made: datetime  # when the copy file was written
    last_entry: datetime | None  # the newest row of its audit log: what the copy knows of


def describe(backup_path: Path, passphrase: str | None = None) -> BackupInfo:
    """Check a copy and say whose it is (Dutch DatabaseError when it is no intact VerzuimDesk database)."""
    key = _backup_key(backup_path, passphrase)
    check_integrity(backup_path, key)
    conn = connect_file(backup_path, key, readonly=True)
    try:
        school = conn.execute("SELECT name FROM school ORDER BY id LIMIT 1").fetchone()
        last = conn.execute("SELECT max(at) FROM audit_log").fetchone()
    finally:
        conn.close()
    made = datetime.fromtimestamp(backup_path.stat().st_mtime).replace(microsecond=0)
    last_at = datetime.fromisoformat(str(last[0])) if last and last[0] else None
    return BackupInfo(school[0] if school else "(geen school)", made, last_at)


def _backup_key(backup_path: Path, passphrase: str | None) -> bytes | None:
    if not backup_path.is_file():
        raise DatabaseError(f"'{backup_path}' bestaat niet.")
    return unlock(backup_path, passphrase)[0] if is_encrypted(backup_path) else None


BUSY = ("De database is nu geopend door VerzuimDesk of een andere opdracht. Sluit die eerst en zet dan de "
        "reservekopie terug.")


@_disk_trouble_said("De reservekopie is niet teruggezet")
def restore(backup_path: Path, db_path: Path, passphrase: str | None = None) -> Path | None:
    """Replace the database at `db_path` with the copy at `backup_path`, after checking the copy.

    Refuses (Dutch) while another process has the database open: it takes the instance lock (unless
    this process, the app, holds it) and the use lock exclusively. Before anything is replaced the
    current database and its key slots are copied to `reservekopieen/` (returned). The copy and its
    slots are then put in place together (storage/swap.py): a crash leaves the old pair or the new.
    """
    problem = location_problem(db_path)
    if problem:
        raise DatabaseError(problem)
    key = _backup_key(backup_path, passphrase)
    check_integrity(backup_path, key)
    instance = None if held_here(db_path) else InstanceLock(db_path)
    use = UseLock(db_path)
    if instance is not None and not instance.acquire():
        raise DatabaseError(BUSY)
    try:
        if not use.acquire(exclusive=True):
            raise DatabaseError(BUSY)
        try:
            swap.finish_interrupted(db_path)
            safety = _safety_copy(db_path)
            tmp = swap.pending(db_path)
            tmp.unlink(missing_ok=True)
            _copy_pages(backup_path, tmp, key)
            check_integrity(tmp, key)
            if key is not None:
                _copy_synced(vault.slots_path(backup_path), swap.pending(vault.slots_path(db_path)))
            swap.commit(db_path, encrypted=key is not None)
            return safety
        finally:
            use.release()
    finally:
        if instance is not None:
            instance.release()


def _copy_synced(src: Path, dst: Path) -> None:
    shutil.copyfile(src, dst)
    with dst.open("rb+") as fh:
        os.fsync(fh.fileno())


def _safety_copy(db_path: Path) -> Path | None:
    """The current database, its journal and its slots as they are, before a restore replaces them.

    Copied as files (no key is needed, and nobody writes: the caller holds the locks), into the
    folder of the automatic backups, named so that they list it as one (`..._voor-herstel.db`).
    """
    if not db_path.exists():
        return None
    folder = db_path.parent / "reservekopieen"
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{db_path.stem}_{datetime.now():%Y-%m-%d_%H%M%S}_voor-herstel.db"
    pairs = ((db_path.with_name(db_path.name + "-wal"), out.with_name(out.name + "-wal")),
             (vault.slots_path(db_path), vault.slots_path(out)), (db_path, out))
    try:
        for src, dst in pairs:
            if src.exists():
                _copy_synced(src, dst)
    except OSError as exc:  # a full disk: no half copy left to be taken for the newest backup
        for _, dst in pairs:
            dst.unlink(missing_ok=True)
        raise DatabaseError(f"De veiligheidskopie van de huidige database is niet te maken: {file_reason(exc)}. "
                            "Er is niets teruggezet.") from None
    return out
