"""Shared pieces of the safety tests: a school database made once through the real services, a
cheap copy of it per example, and a dump of every table to prove that a refusal changed nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.actors import IB
from tests.conftest import DATA, PASSPHRASE
from verzuimdesk.services.imports import import_file
from verzuimdesk.services.school import new_school_database, read_school_file
from verzuimdesk.storage.database import Database, open_database, unlock
from verzuimdesk.storage.vault import slots_path

Dump = dict[str, list[tuple[Any, ...]]]

# Python's own words that must never reach a user through a documented error.
ENGLISH = ("invalid literal", "Exceeds the limit", "Traceback", "object has no attribute", "unhashable",
           "codec can't", "out of range", "NoneType", "not supported between", "embedded null")


def assert_dutch(message: str) -> None:
    assert message.strip(), "an error without a message"
    assert not any(word in message for word in ENGLISH), f"not Dutch: {message[:500]}"


def make_school_db(path: Path) -> bytes:
    """An encrypted database with the school and the three CSV files of tests/data; its data key.

    Closed afterwards, so the file is self-contained (the last connection checkpoints the WAL)."""
    db, _ = new_school_database(str(path), read_school_file(DATA / "school.toml"), user="ib",
                                password=PASSPHRASE)
    try:
        for kind in ("pupils", "absences", "events"):
            import_file(db, kind, DATA / f"{kind}.csv", by=IB)
    finally:
        db.close()
    return unlock(path, PASSPHRASE)[0]


def copy_db(src: Path, dst: Path) -> Path:
    """Copy a closed database and its slots file; a copy costs far less than making one."""
    for suffix in ("-wal", "-shm"):
        dst.with_name(dst.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(src, dst)
    shutil.copyfile(slots_path(src), slots_path(dst))
    return dst


@contextmanager
def opened_copy(src: Path, dst: Path, key: bytes) -> Iterator[Database]:
    """A fresh copy of `src` at `dst`, opened with the real open_database (quick_check included)."""
    db = open_database(str(copy_db(src, dst)), key=key, user="ib")
    try:
        yield db
    finally:
        db.close()


def dump(db: Database) -> Dump:
    """Every row of every table (the audit log included), sorted, as plain tuples."""
    out: Dump = {}
    with db.engine.connect() as conn:
        names = [r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for name in names:
            rows = [tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{name}"')]
            out[name] = sorted(rows, key=repr)
    return out


def integrity(db: Database) -> str:
    with db.engine.connect() as conn:
        return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
