"""`verzuimdesk backup` of a server database: every table copied into a new encrypted VerzuimDesk file.

The file is what a laptop's database is (SQLCipher, a key slots file beside it, a recovery key shown
once), so it opens in the app with its own password, on any laptop, without a server: to look
something up during an outage, or to keep off-site; `verzuimdesk restore` brings it back into a server
database (services/server_restore.py). The copy is one read transaction
(REPEATABLE READ), so it is consistent even while others write. The status cache is not copied (it is
computed again). The audit chain is checked before copying and chained again under the file's own key
(a chain's key is the data key's).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from verzuimdesk.storage import audit, vault
from verzuimdesk.storage.database import Database, DatabaseError, create_encrypted_database, sqlite_path
from verzuimdesk.storage.models import Base, Setting

SKIPPED = {"status_cache", "audit_permit"}
BATCH = 5000
PARTIAL = "serverkopie_gedeeltelijk"  # a Setting in a copy made by a leerkracht's account: her pupils only


@dataclass(frozen=True, slots=True)
class ServerBackup:
    path: Path
    rows: int
    recovery_key: str


@contextmanager
def _snapshot(db: Database) -> Iterator[Session]:
    with db.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with Session(bind=conn, info=dict(db.sessions.kw.get("info", {}))) as session, session.begin():
            yield session


def backup_server(db: Database, out: Path, *, user: str, password: str) -> ServerBackup:
    """Copy the server database `db` into the new encrypted file `out`, opened by `user` with `password`."""
    if sqlite_path(db.target) is not None:
        raise DatabaseError("Dit is geen serverdatabase; maak de kopie met 'verzuimdesk backup' zelf.")
    if out.exists() or vault.slots_path(out).exists():
        raise DatabaseError(f"'{out}' bestaat al; kies een nieuwe bestandsnaam voor de kopie.")
    tables = [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED]
    rows = 0
    with _snapshot(db) as source:
        # a leerkracht's copy: her view of the log leaves rows out, which is no broken chain (a review)
        broken = audit.verify(source) if audit.sees_whole_log(source) else None
        if broken is not None:
            raise DatabaseError(f"Het logboek op de server klopt niet vanaf regel {broken}; maak eerst een kopie met "
                                "pg_dump (docs/server.md) en meld dit aan de directie.")
        # A leerkracht's copy holds only her groups' pupils: marked, so that it never replaces a whole school.
        partial = source.scalar(text("SELECT username FROM staff WHERE username = session_user "
                                     "AND role = 'leerkracht'"))
        target, recovery = create_encrypted_database(str(out), user=user, password=password)
        try:
            with target.begin() as t, audit.purging(t):  # the log may be filled, then chained under its key
                for table in reversed(tables):
                    t.execute(delete(table))  # what the migrations seeded: the server's rows replace it
                for table in tables:
                    result = source.execute(select(table)).mappings()
                    while chunk := result.fetchmany(BATCH):
                        t.execute(insert(table), [dict(r) for r in chunk])
                        rows += len(chunk)
                if partial:
                    t.add(Setting(key=PARTIAL, value=str(partial)))
        except BaseException:
            target.close()
            for leftover in (out, vault.slots_path(out), out.with_name(out.name + "-wal"),
                             out.with_name(out.name + "-shm")):
                leftover.unlink(missing_ok=True)
            raise
        target.close()
    return ServerBackup(out, rows, recovery)
