"""Locks on a SQLite database's neighbour files, released when the process ends (also after a crash,
since the OS drops a lock with the process).

- `InstanceLock` (`<database>.lock`, exclusive): one app instance per database.
- `UseLock` (`<database>.gebruik`): every open `Database` holds it shared; a restore takes it
  exclusively, so it refuses while any process (the app, a command) has the database open, and a
  command cannot open the database halfway through a restore. Windows has no shared file locks in
  the standard library: there the use lock is a no-op and the instance lock alone guards a restore.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

_HELD: set[Path] = set()  # instance locks this process holds


class InstanceLock:
    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fh: IO[str] | None = None

    def acquire(self) -> bool:
        """True when this process now holds the lock; False when another instance has it."""
        fh = self.path.open("a+")
        try:
            if sys.platform == "win32":  # pragma: no cover - Windows only
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        _HELD.add(self.path.resolve())
        return True

    def release(self) -> None:
        if self._fh is not None:
            _HELD.discard(self.path.resolve())
            self._fh.close()
            self._fh = None


def held_here(db_path: Path) -> bool:
    """Whether this process (the app) already holds the instance lock of `db_path`."""
    return db_path.with_name(db_path.name + ".lock").resolve() in _HELD


class UseLock:
    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".gebruik")
        self._fh: IO[str] | None = None

    def acquire(self, *, exclusive: bool = False) -> bool:
        """Shared (opening the database) or exclusive (a restore), never waiting: False when refused."""
        if sys.platform == "win32" or not self.path.parent.is_dir():  # pragma: no cover - Windows only
            return True
        import fcntl

        fh = self.path.open("a+")
        try:
            fcntl.flock(fh.fileno(), (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        self._fh = fh
        return True

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
