"""Consistent copies of a SQLite database through SQLite's online backup API, and bringing one back.

An encrypted database is copied encrypted, page by page with its own key, and its slots file goes
along (`KOPIE.sleutels`), so the same passwords and the recovery key open the copy. A restore checks
the copy (`integrity_check`, and that it is a VerzuimDesk database) before it replaces anything.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from verzuimdesk.storage import vault
from verzuimdesk.storage.database import DatabaseError, check_file, connect_file, is_encrypted, unlock


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


def backup(db_path: Path, out: Path, key: bytes | None = None) -> None:
    """Write a consistent copy of `db_path` to `out` (replacing `out`), checked before and after."""
    if key is None and is_encrypted(db_path):
        raise DatabaseError("Deze database is versleuteld; open hem eerst met het wachtwoord.")
    check_integrity(db_path, key)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    _copy_pages(db_path, tmp, key)
    check_integrity(tmp, key)
    if key is not None:
        shutil.copyfile(vault.slots_path(db_path), vault.slots_path(out))
    else:
        vault.slots_path(out).unlink(missing_ok=True)
    tmp.replace(out)


def restore(backup_path: Path, db_path: Path, passphrase: str | None = None) -> None:
    """Replace the database at `db_path` with the copy at `backup_path`, after checking the copy.

    The copy is written beside the database first and then moved over it in one rename, with its
    slots file, so a crash leaves either the old database or the restored one.
    """
    key: bytes | None = None
    if is_encrypted(backup_path):
        key, _ = unlock(backup_path, passphrase)
    check_integrity(backup_path, key)
    tmp = db_path.with_name(db_path.name + ".herstel")
    tmp.unlink(missing_ok=True)
    _copy_pages(backup_path, tmp, key)
    check_integrity(tmp, key)
    for suffix in ("-wal", "-shm"):  # the old database's journal must not be replayed onto the copy
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    slots = vault.slots_path(db_path)
    if key is not None:
        shutil.copyfile(vault.slots_path(backup_path), slots.with_name(slots.name + ".herstel"))
        os.replace(slots.with_name(slots.name + ".herstel"), slots)
    else:
        slots.unlink(missing_ok=True)
    os.replace(tmp, db_path)
