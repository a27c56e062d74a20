"""Consistent copies of a SQLite database through SQLite's online backup API, and bringing one back.

A restore checks the copy (`integrity_check`, and that it is a VerzuimDesk database) before it
replaces anything; the live file is then overwritten page by page by the same API, so an open WAL
is handled by SQLite itself.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from verzuimdesk.storage.database import DatabaseError


def check_integrity(path: Path) -> None:
    """Raise DatabaseError (Dutch) unless `path` is an intact VerzuimDesk database."""
    if not path.is_file():
        raise DatabaseError(f"'{path}' bestaat niet.")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA integrity_check").fetchone()
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"'{path}' is geen leesbare database ({exc}).") from None
    if not result or result[0] != "ok":
        raise DatabaseError(f"'{path}' is beschadigd: {result[0] if result else 'geen antwoord'}.")
    if "alembic_version" not in tables or "pupil" not in tables:
        raise DatabaseError(f"'{path}' is geen VerzuimDesk-database.")


def backup(db_path: Path, out: Path) -> None:
    """Write a consistent copy of `db_path` to `out` (replacing `out`), checked before and after."""
    check_integrity(db_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
    finally:
        dst.close()
        src.close()
    check_integrity(tmp)
    tmp.replace(out)


def restore(backup_path: Path, db_path: Path) -> None:
    """Replace the database at `db_path` with the copy at `backup_path`, after checking the copy."""
    check_integrity(backup_path)
    src = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
    dst = sqlite3.connect(db_path)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    check_integrity(db_path)
