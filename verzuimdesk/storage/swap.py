"""Putting a restored database and its key slots in place together, or not at all.

Both new files are written beside the old ones first (`.herstel`), then a marker file says the swap
has begun, then the slots and the database are renamed into place and the marker goes. A crash
before the marker leaves the old pair (the `.herstel` files are thrown away at the next open); a
crash after it is finished at the next open (`finish_interrupted`). So a password always opens the
database that is there.
"""

from __future__ import annotations

import os
from pathlib import Path

from verzuimdesk.storage.files import slots_path

PENDING = ".herstel"


def pending(path: Path) -> Path:
    return path.with_name(path.name + PENDING)


def marker(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".herstel-bezig")


def _fsync_dir(folder: Path) -> None:
    if os.name != "nt":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def commit(db_path: Path, *, encrypted: bool) -> None:
    """Move `<db>.herstel` (and `<slots>.herstel` for an encrypted copy) into place; the caller holds
    every lock."""
    with marker(db_path).open("w") as fh:
        fh.write("versleuteld" if encrypted else "open")
        fh.flush()
        os.fsync(fh.fileno())
    _fsync_dir(db_path.parent)
    finish_interrupted(db_path)


def finish_interrupted(db_path: Path) -> None:
    """Finish a swap a crash interrupted, or throw away one that never began."""
    slots = slots_path(db_path)
    if not marker(db_path).exists():
        for leftover in (pending(db_path), pending(slots)):
            leftover.unlink(missing_ok=True)
        return
    if pending(db_path).exists():  # the old database's journal must not be replayed onto the copy
        for suffix in ("-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        if pending(slots).exists():
            os.replace(pending(slots), slots)
        elif marker(db_path).read_text() == "open":
            slots.unlink(missing_ok=True)  # an unencrypted copy: no slots may stay beside it
        os.replace(pending(db_path), db_path)
    _fsync_dir(db_path.parent)
    marker(db_path).unlink(missing_ok=True)
