"""A SQLite file read without SQLAlchemy: the plain DB-API connection, the schema revision the migrations
folder says is head, and the shape every raw query is asked through (`Run`).

A query written as `Run` text (`:name` parameters, portable SQL) runs the same through a session
(`storage.loading.session_run`, SQLAlchemy's `text`) and through a bare connection (`connection_run`):
the command line's cached `status --json` reads the database that way, without importing SQLAlchemy
(services/status_quick.py). Values come back as the driver gives them (SQLite: dates as ISO text), so
whoever reads a date passes it through `as_date`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time
from functools import cache
from pathlib import Path
from typing import Any

MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000  # how long a write waits for another connection's write to finish
SQLITE_NOTADB = 26  # sqlite3's (and sqlcipher3's) error code for "file is not a database"

Run = Callable[[str, Mapping[str, Any]], Sequence[Sequence[Any]]]


def connect_file(path: Path, key: bytes | None, *, readonly: bool = False) -> Any:
    """A plain DB-API connection (for backups and checks), keyed when the file is encrypted."""
    # as_uri() escapes what a URI would read otherwise: a folder "School #3" is not the file "School "
    uri = Path(path).resolve().as_uri() + ("?mode=ro" if readonly else "")
    if key is None:
        import sqlite3

        return sqlite3.connect(uri, uri=True)
    import sqlcipher3

    from verzuimdesk.storage.vault import sqlcipher_key

    conn = sqlcipher3.connect(uri, uri=True)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f'PRAGMA key="{sqlcipher_key(key)}"')
    return conn


def connection_run(conn: Any) -> Run:
    def run(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
        return conn.execute(sql, dict(params)).fetchall()
    return run


def as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def as_time(value: Any) -> time:
    return value if isinstance(value, time) else time.fromisoformat(value)


def as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


_REVISION = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:['"]([^'"]*)['"]|None)""", re.M)


@cache
def heads_in_folder() -> frozenset[str]:
    """The migrations no other names as its down_revision, read from the versions folder without
    importing Alembic: one, unless someone left two heads (which Alembic refuses too)."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((k, v) for k, v in _REVISION.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
            if found.get("down_revision"):
                downs.add(found["down_revision"])
    return frozenset(revisions - downs)
